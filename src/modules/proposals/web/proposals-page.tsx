/**
 * The proposals of one process: search (English and Chinese), filters by area, category, state and
 * "mine", sorting by supports, date or a random order stable for this visitor, and paging. Each
 * proposal shows its state, its supports against the threshold and its answer deadline.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
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
import { AuthorLine, DeadlineText, StateTag, SupportProgress } from './parts.js';
import { visitorSeed } from './seed.js';
import { proposalUrl, type ProposalList, type ProposalState } from './types.js';

const PAGE = 20;
const states: ProposalState[] = ['published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn'];
const sorts = ['newest', 'supports', 'random'] as const;
type Sort = (typeof sorts)[number];

interface Filters {
  q: string;
  areaId: string;
  category: string;
  state: string;
  sort: Sort;
  mine: boolean;
}

function readFilters(params: URLSearchParams): Filters {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    areaId: params.get('area') ?? '',
    category: params.get('category') ?? '',
    state: params.get('state') ?? '',
    sort: sorts.includes(sort as Sort) ? (sort as Sort) : 'newest',
    mine: params.get('mine') === 'true',
  };
}

export function ProposalsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { rows } = useAreas();
  const { title, name, number, dateTime } = useLocalize();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [form, setForm] = useState<Filters>(applied);
  const [seed] = useState(visitorSeed);
  const paramsKey = params.toString();
  useEffect(() => setForm(readFilters(new URLSearchParams(paramsKey))), [paramsKey]);

  const list = useLoad(
    () =>
      api.get<ProposalList>(`/processes/${encodeURIComponent(slug)}/proposals`, {
        q: applied.q,
        areaId: applied.areaId,
        category: applied.category,
        state: applied.state,
        sort: applied.sort,
        seed: applied.sort === 'random' ? seed : undefined,
        mine: applied.mine ? 'true' : undefined,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [slug, paramsKey, session?.user?.id],
    session !== null,
  );
  const data = list.data;
  const process = data?.process;
  usePageTitle(process ? `${t('proposals.list.title')} · ${title(process)}` : t('proposals.list.title'));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.q.trim()) next.set('q', form.q.trim());
    if (form.areaId) next.set('area', form.areaId);
    if (form.category) next.set('category', form.category);
    if (form.state) next.set('state', form.state);
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
        <p className="margin-0">
          <Link to={`/processes/${slug}`}>{process ? title(process) : t('proposals.list.back')}</Link>
        </p>
        <h1>{t('proposals.list.title')}</h1>
      </div>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !data ? <Loading /> : null}
      {data && process ? (
        <>
          <p className="civitas-lead">
            {t('proposals.list.threshold', { threshold: number(process.supportThreshold), department: name(process.department), days: process.answerWorkingDays })}
          </p>
          <p>
            {process.proposeOpenUntil ? <>{t('proposals.list.proposeUntil', { date: dateTime(process.proposeOpenUntil) })} </> : null}
            {process.supportOpenUntil ? t('proposals.list.supportUntil', { date: dateTime(process.supportOpenUntil) }) : null}
          </p>
          {data.supportsUsed !== null && process.supportsPerPerson !== null ? (
            <p data-testid="supports-used">{t('proposals.list.supportsUsed', { used: data.supportsUsed, limit: process.supportsPerPerson })}</p>
          ) : null}
          <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
            {data.abilities.create ? (
              <Link className="usa-button" to={`/processes/${slug}/proposals/new`}>
                {t('proposals.list.create')}
              </Link>
            ) : data.createBlocked && data.createBlocked.code !== 'not_authenticated' ? (
              <p className="margin-y-1 text-base" data-testid="create-blocked">
                {data.createBlocked.message}
              </p>
            ) : null}
            {session?.user ? (
              <Link className="margin-left-2" to="/me/proposals">
                {t('proposals.list.mine')}
              </Link>
            ) : null}
          </div>

          <form className="usa-form civitas-filters" role="search" aria-label={t('proposals.list.filters')} onSubmit={apply}>
            <TextField id="proposal-q" name="q" type="search" label={t('proposals.list.search')} optional value={form.q} onChange={(q) => setForm({ ...form, q })} />
            <SelectField
              id="proposal-area"
              name="areaId"
              label={t('proposals.list.area')}
              optional
              emptyLabel={t('proposals.list.anyArea')}
              options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
              value={form.areaId}
              onChange={(areaId) => setForm({ ...form, areaId })}
            />
            <SelectField
              id="proposal-category"
              name="category"
              label={t('proposals.list.category')}
              optional
              emptyLabel={t('proposals.list.anyCategory')}
              options={data.categories.map((c) => ({ value: c, label: c }))}
              value={form.category}
              onChange={(category) => setForm({ ...form, category })}
            />
            <SelectField
              id="proposal-state"
              name="state"
              label={t('proposals.list.state')}
              optional
              emptyLabel={t('proposals.list.anyState')}
              options={[...(form.mine ? (['draft'] as ProposalState[]) : []), ...states].map((s) => ({ value: s, label: t(`proposals.state.${s}`) }))}
              value={form.state}
              onChange={(state) => setForm({ ...form, state })}
            />
            <SelectField
              id="proposal-sort"
              name="sort"
              label={t('proposals.list.sort')}
              options={[
                { value: 'newest', label: t('proposals.list.sortNewest') },
                { value: 'supports', label: t('proposals.list.sortSupports') },
                { value: 'random', label: t('proposals.list.sortRandom') },
              ]}
              value={form.sort}
              onChange={(sort) => setForm({ ...form, sort: sort as Sort })}
            />
            {session?.user ? (
              <div className="usa-checkbox margin-y-2">
                <input className="usa-checkbox__input" id="proposal-mine" type="checkbox" checked={form.mine} onChange={(e) => setForm({ ...form, mine: e.target.checked })} />
                <label className="usa-checkbox__label" htmlFor="proposal-mine">
                  {t('proposals.list.onlyMine')}
                </label>
              </div>
            ) : null}
            <Button type="submit">{t('proposals.list.apply')}</Button>
          </form>

          <p role="status" className="margin-top-3" data-testid="proposal-count">
            {t('proposals.list.count', { count: data.total, formatted: number(data.total) })}
          </p>
          {data.proposals.length === 0 ? <p>{t('proposals.list.empty')}</p> : null}
          <ul className="usa-collection" data-testid="proposal-list">
            {data.proposals.map((p) => (
              <li key={p.id} className="usa-collection__item">
                <div className="usa-collection__body">
                  <h2 className="usa-collection__heading">
                    <Link className="usa-link" to={proposalUrl(slug, p.id)}>
                      {p.title}
                    </Link>
                  </h2>
                  <StateTag state={p.state} hidden={p.hidden} />
                  <p className="usa-collection__description civitas-clamp">{p.excerpt}</p>
                  <ul className="usa-collection__meta" aria-label={t('proposals.detail.about')}>
                    <li className="usa-collection__meta-item">
                      <AuthorLine author={p.author} />
                    </li>
                    {p.category ? <li className="usa-collection__meta-item">{p.category}</li> : null}
                    {p.supportedByMe ? <li className="usa-collection__meta-item text-bold">✓ {t('proposals.supports.youSupport')}</li> : null}
                  </ul>
                  {p.state !== 'draft' ? <SupportProgress id={`progress-${p.id}`} count={p.supportsCount} threshold={p.supportThreshold} /> : null}
                  {p.deadline ? (
                    <p className="margin-y-1">
                      <DeadlineText deadline={p.deadline} />
                    </p>
                  ) : null}
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
