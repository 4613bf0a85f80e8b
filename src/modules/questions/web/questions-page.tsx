/**
 * Public questions to the government: search (English and Chinese), filters by department, state,
 * area and category, "mine", sorting (newest, most co-signed, soonest due) and paging. Each question
 * shows its state, whom it was put to and its answer deadline in working days.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { AddresseeLine, AskerLine, DeadlineText, StateTag } from './parts.js';
import { questionUrl, type AskOptions, type QuestionList, type QuestionState } from './types.js';

const PAGE = 20;
const states: QuestionState[] = ['published', 'transferred', 'overdue', 'answered', 'declined'];
const sorts = ['newest', 'cosigns', 'due'] as const;
type Sort = (typeof sorts)[number];

interface Filters {
  q: string;
  departmentId: string;
  state: string;
  areaId: string;
  category: string;
  sort: Sort;
  mine: boolean;
}

function readFilters(params: URLSearchParams): Filters {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    departmentId: params.get('department') ?? '',
    state: params.get('state') ?? '',
    areaId: params.get('area') ?? '',
    category: params.get('category') ?? '',
    sort: sorts.includes(sort as Sort) ? (sort as Sort) : 'newest',
    mine: params.get('mine') === 'true',
  };
}

export function QuestionsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { rows } = useAreas();
  const { name, number, date } = useLocalize();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [form, setForm] = useState<Filters>(applied);
  const paramsKey = params.toString();
  useEffect(() => setForm(readFilters(new URLSearchParams(paramsKey))), [paramsKey]);
  usePageTitle(t('questions.list.title'));

  const options = useLoad(() => api.get<AskOptions>('/questions/ask-options'), []);
  const list = useLoad(
    () =>
      api.get<QuestionList>('/questions', {
        q: applied.q,
        departmentId: applied.departmentId,
        state: applied.state,
        areaId: applied.areaId,
        category: applied.category,
        sort: applied.sort,
        mine: applied.mine ? 'true' : undefined,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [paramsKey, session?.user?.id],
    session !== null,
  );
  const data = list.data;

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.q.trim()) next.set('q', form.q.trim());
    if (form.departmentId) next.set('department', form.departmentId);
    if (form.state) next.set('state', form.state);
    if (form.areaId) next.set('area', form.areaId);
    if (form.category) next.set('category', form.category);
    if (form.sort !== 'newest') next.set('sort', form.sort);
    if (form.mine) next.set('mine', 'true');
    setParams(next);
  }
  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    setParams(next);
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('questions.list.title')}</h1>
        <p className="civitas-lead">{t('questions.list.intro')}</p>
      </div>
      <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
        {data?.abilities.ask ? (
          <Link className="usa-button" to="/questions/ask">
            {t('questions.list.ask')}
          </Link>
        ) : session && !session.user ? (
          <p className="margin-y-1">
            <Link to="/signin" state={{ from: '/questions/ask' }}>
              {t('questions.list.signInToAsk')}
            </Link>
          </p>
        ) : null}
        <Link className="margin-left-2" to="/questions/departments">
          {t('questions.list.ranking')}
        </Link>
      </div>

      <form className="usa-form civitas-filters" role="search" aria-label={t('questions.list.filters')} onSubmit={apply}>
        <TextField id="question-q" name="q" type="search" label={t('questions.list.search')} optional value={form.q} onChange={(q) => setForm({ ...form, q })} />
        <SelectField
          id="question-department"
          name="departmentId"
          label={t('questions.list.department')}
          optional
          emptyLabel={t('questions.list.anyDepartment')}
          options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: name(d) }))}
          value={form.departmentId}
          onChange={(departmentId) => setForm({ ...form, departmentId })}
        />
        <SelectField
          id="question-state"
          name="state"
          label={t('questions.list.state')}
          optional
          emptyLabel={t('questions.list.anyState')}
          options={states.map((s) => ({ value: s, label: t(`questions.state.${s}`) }))}
          value={form.state}
          onChange={(state) => setForm({ ...form, state })}
        />
        <SelectField
          id="question-area"
          name="areaId"
          label={t('questions.list.area')}
          optional
          emptyLabel={t('questions.list.anyArea')}
          options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
          value={form.areaId}
          onChange={(areaId) => setForm({ ...form, areaId })}
        />
        <SelectField
          id="question-category"
          name="category"
          label={t('questions.list.category')}
          optional
          emptyLabel={t('questions.list.anyCategory')}
          options={(data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          value={form.category}
          onChange={(category) => setForm({ ...form, category })}
        />
        <SelectField
          id="question-sort"
          name="sort"
          label={t('questions.list.sort')}
          options={[
            { value: 'newest', label: t('questions.list.sortNewest') },
            { value: 'cosigns', label: t('questions.list.sortCosigns') },
            { value: 'due', label: t('questions.list.sortDue') },
          ]}
          value={form.sort}
          onChange={(sort) => setForm({ ...form, sort: sort as Sort })}
        />
        {session?.user ? (
          <div className="usa-checkbox margin-y-2">
            <input className="usa-checkbox__input" id="question-mine" type="checkbox" checked={form.mine} onChange={(e) => setForm({ ...form, mine: e.target.checked })} />
            <label className="usa-checkbox__label" htmlFor="question-mine">
              {t('questions.list.onlyMine')}
            </label>
          </div>
        ) : null}
        <Button type="submit">{t('questions.list.apply')}</Button>
      </form>

      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="margin-top-3" data-testid="question-count">
            {t('questions.list.count', { count: data.total, formatted: number(data.total) })}
          </p>
          {data.questions.length === 0 ? <p>{t('questions.list.empty')}</p> : null}
          <ul className="usa-collection" data-testid="question-list">
            {data.questions.map((q) => (
              <li key={q.id} className="usa-collection__item">
                <div className="usa-collection__body">
                  <h2 className="usa-collection__heading">
                    <Link className="usa-link" to={questionUrl(q.id)}>
                      {q.title}
                    </Link>
                  </h2>
                  <StateTag state={q.state} hidden={q.hidden} />
                  <p className="usa-collection__description civitas-clamp">{q.excerpt}</p>
                  <ul className="usa-collection__meta" aria-label={t('questions.detail.about')}>
                    <li className="usa-collection__meta-item">
                      <AskerLine author={q.author} />
                    </li>
                    <li className="usa-collection__meta-item">
                      <AddresseeLine question={q} />
                    </li>
                    <li className="usa-collection__meta-item">
                      <time dateTime={q.createdAt}>{date(q.createdAt)}</time>
                    </li>
                    {q.category ? <li className="usa-collection__meta-item">{q.category}</li> : null}
                    {q.parentId ? <li className="usa-collection__meta-item">{t('questions.list.followUp')}</li> : null}
                    <li className="usa-collection__meta-item">{t('questions.cosigns', { count: q.cosignsCount, formatted: number(q.cosignsCount) })}</li>
                    {q.cosignedByMe ? <li className="usa-collection__meta-item text-bold">✓ {t('questions.detail.cosigned')}</li> : null}
                  </ul>
                  <p className="margin-y-1">
                    <DeadlineText deadline={q.deadline} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={(n) => goTo(n)} />
        </>
      ) : null}
    </>
  );
}
