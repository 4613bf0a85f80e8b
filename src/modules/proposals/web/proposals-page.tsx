/**
 * The proposals of one process: search (English and Chinese), filters by area, category, state and
 * "mine", sorting by supports, date or a random order stable for this visitor, and paging. Each
 * proposal shows its state, its supports against the threshold and its answer deadline.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useAreaOptions } from '../../../../web/src/ui/area-options.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FilterCheckbox, FilterForm } from '../../../../web/src/ui/filter-form.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useUrlFilters } from '../../../../web/src/ui/use-url-filters.js';
import { AuthorLine, DeadlineText, StateTag, SupportProgress } from './parts.js';
import { visitorSeed } from './seed.js';
import { proposalUrl, type ProposalList, type ProposalState } from './types.js';

const states: ProposalState[] = ['published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn'];
const sorts = ['newest', 'supports', 'random'] as const;
type Sort = (typeof sorts)[number];

export function ProposalsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, name, number, dateTime } = useLocalize();
  const areaOptions = useAreaOptions();
  const { applied, query, form, set, apply, goTo, page, pages, paramsKey } = useUrlFilters(
    { q: '', areaId: '', category: '', state: '', sort: 'newest' as Sort, mine: false },
    { keys: { areaId: 'area' }, valid: { sort: (s) => sorts.includes(s as Sort) } },
  );
  const [seed] = useState(visitorSeed);

  const list = useLoad(
    () =>
      api.get<ProposalList>(`/processes/${encodeURIComponent(slug)}/proposals`, { ...query, seed: applied.sort === 'random' ? seed : undefined }),
    [slug, paramsKey, session?.user?.id],
    session !== null,
  );
  const data = list.data;
  const process = data?.process;
  usePageTitle(process ? `${t('proposals.list.title')} · ${title(process)}` : t('proposals.list.title'));

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

          <FilterForm label={t('proposals.list.filters')} submitLabel={t('proposals.list.apply')} onSubmit={apply}>
            <TextField id="proposal-q" name="q" type="search" label={t('proposals.list.search')} optional value={form.q} onChange={set('q')} />
            <SelectField
              id="proposal-area"
              name="areaId"
              label={t('proposals.list.area')}
              optional
              emptyLabel={t('proposals.list.anyArea')}
              options={areaOptions}
              value={form.areaId}
              onChange={set('areaId')}
            />
            <SelectField
              id="proposal-category"
              name="category"
              label={t('proposals.list.category')}
              optional
              emptyLabel={t('proposals.list.anyCategory')}
              options={data.categories.map((c) => ({ value: c, label: c }))}
              value={form.category}
              onChange={set('category')}
            />
            <SelectField
              id="proposal-state"
              name="state"
              label={t('proposals.list.state')}
              optional
              emptyLabel={t('proposals.list.anyState')}
              options={[...(form.mine ? (['draft'] as ProposalState[]) : []), ...states].map((s) => ({ value: s, label: t(`proposals.state.${s}`) }))}
              value={form.state}
              onChange={set('state')}
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
              onChange={(sort) => set('sort')(sort as Sort)}
            />
            {session?.user ? (
              <FilterCheckbox id="proposal-mine" label={t('proposals.list.onlyMine')} checked={form.mine} onChange={set('mine')} />
            ) : null}
          </FilterForm>

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
          <Pager page={page} pages={pages(data.total)} onPage={goTo} />
        </>
      ) : null}
    </>
  );
}
