/**
 * Public questions to the government: search (English and Chinese), filters by department, state,
 * area and category, "mine", sorting (newest, most co-signed, soonest due) and paging. Each question
 * shows its state, whom it was put to and its answer deadline in working days.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useAreaOptions } from '../../../../web/src/ui/area-options.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { DepartmentSelect } from '../../../../web/src/ui/department-fields.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FilterCheckbox, FilterForm } from '../../../../web/src/ui/filter-form.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useUrlFilters } from '../../../../web/src/ui/use-url-filters.js';
import { AddresseeLine, AskerLine, DeadlineText, StateTag } from './parts.js';
import { questionUrl, type AskOptions, type QuestionList, type QuestionState } from './types.js';

const states: QuestionState[] = ['published', 'transferred', 'overdue', 'answered', 'declined'];
const sorts = ['newest', 'cosigns', 'due'] as const;
type Sort = (typeof sorts)[number];

export function QuestionsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const areaOptions = useAreaOptions();
  const { name, number, date } = useLocalize();
  const { query, form, set, apply, goTo, page, pages, paramsKey } = useUrlFilters(
    { q: '', departmentId: '', state: '', areaId: '', category: '', sort: 'newest' as Sort, mine: false },
    { keys: { departmentId: 'department', areaId: 'area' }, valid: { sort: (s) => sorts.includes(s as Sort) } },
  );
  usePageTitle(t('questions.list.title'));

  const options = useLoad(() => api.get<AskOptions>('/questions/ask-options'), []);
  const list = useLoad(() => api.get<QuestionList>('/questions', query), [paramsKey, session?.user?.id], session !== null);
  const data = list.data;

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

      <FilterForm label={t('questions.list.filters')} submitLabel={t('questions.list.apply')} onSubmit={apply}>
        <TextField id="question-q" name="q" type="search" label={t('questions.list.search')} optional value={form.q} onChange={set('q')} />
        <DepartmentSelect
          id="question-department"
          label={t('questions.list.department')}
          optional
          emptyLabel={t('questions.list.anyDepartment')}
          departments={options.data?.departments ?? []}
          value={form.departmentId}
          onChange={set('departmentId')}
        />
        <SelectField
          id="question-state"
          name="state"
          label={t('questions.list.state')}
          optional
          emptyLabel={t('questions.list.anyState')}
          options={states.map((s) => ({ value: s, label: t(`questions.state.${s}`) }))}
          value={form.state}
          onChange={set('state')}
        />
        <SelectField
          id="question-area"
          name="areaId"
          label={t('questions.list.area')}
          optional
          emptyLabel={t('questions.list.anyArea')}
          options={areaOptions}
          value={form.areaId}
          onChange={set('areaId')}
        />
        <SelectField
          id="question-category"
          name="category"
          label={t('questions.list.category')}
          optional
          emptyLabel={t('questions.list.anyCategory')}
          options={(data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          value={form.category}
          onChange={set('category')}
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
          onChange={(sort) => set('sort')(sort as Sort)}
        />
        {session?.user ? (
          <FilterCheckbox id="question-mine" label={t('questions.list.onlyMine')} checked={form.mine} onChange={set('mine')} />
        ) : null}
      </FilterForm>

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
          <Pager page={page} pages={pages(data.total)} onPage={goTo} />
        </>
      ) : null}
    </>
  );
}
