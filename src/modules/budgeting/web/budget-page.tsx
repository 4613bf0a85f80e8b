/**
 * One participatory budget: how much, who votes and how, where it stands (submission, review,
 * voting, results), what the visitor can do now, and its projects with filters by area, category
 * and state and a search. The department's officials get their panel: projects waiting for the
 * technical review, settings, paper ballots, counting.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ProjectStateTag, Refusal, useMoney, VotingText } from './parts.js';
import { budgetUrl, projectUrl, type BudgetDetail, type BudgetSummary, type ProjectList, type ProjectStateName } from './types.js';

const PAGE = 50;
const states: ProjectStateName[] = ['submitted', 'feasible', 'infeasible', 'withdrawn', 'selected', 'not_selected'];

interface Filters {
  q: string;
  areaId: string;
  category: string;
  state: string;
}

function readFilters(params: URLSearchParams): Filters {
  return { q: params.get('q') ?? '', areaId: params.get('area') ?? '', category: params.get('category') ?? '', state: params.get('state') ?? '' };
}

/** "Approve up to 3 projects", "Choose projects costing at most ¥1,500,000 in total", ... */
export function useBallotRulesText() {
  const { t } = useTranslation();
  const money = useMoney();
  return (b: BudgetSummary) => {
    const min = b.minProjects ?? 1;
    const limits =
      b.maxProjects !== null && min > 1
        ? t('budgeting.rules.between', { min, max: b.maxProjects })
        : b.maxProjects !== null
          ? t('budgeting.rules.upTo', { max: b.maxProjects })
          : min > 1
            ? t('budgeting.rules.atLeast', { min })
            : '';
    if (b.ballotType === 'knapsack') return [t('budgeting.rules.knapsack', { limit: money(b.spendingLimit ?? b.amount, b.currency) }), limits].filter(Boolean).join(' ');
    if (b.ballotType === 'cumulative') {
      const per = b.pointsPerProjectMax !== null ? t('budgeting.rules.perProject', { max: b.pointsPerProjectMax }) : '';
      return [t('budgeting.rules.cumulative', { points: b.pointsTotal ?? 0 }), per, limits].filter(Boolean).join(' ');
    }
    return limits ? t('budgeting.rules.approvalLimited', { limits }) : t('budgeting.rules.approval');
  };
}

export function BudgetPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { rows, byId } = useAreas();
  const { title, name, pick, number, dateTime } = useLocalize();
  const money = useMoney();
  const rulesText = useBallotRulesText();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [form, setForm] = useState<Filters>(applied);
  const paramsKey = params.toString();
  useEffect(() => setForm(readFilters(new URLSearchParams(paramsKey))), [paramsKey]);

  const detail = useLoad(() => api.get<BudgetDetail>(`/budgets/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const projects = useLoad(
    () =>
      api.get<ProjectList>(`/budgets/${encodeURIComponent(id)}/projects`, {
        q: applied.q,
        areaId: applied.areaId,
        category: applied.category,
        state: applied.state,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [id, paramsKey],
  );
  const waiting = useLoad(
    () => api.get<ProjectList>(`/budgets/${encodeURIComponent(id)}/projects`, { state: 'submitted', limit: 100 }),
    [id, detail.data?.abilities.review],
    Boolean(detail.data?.abilities.review),
  );
  const count = useAction(async () => {
    await api.post(`/budgets/${id}/count`, {});
    detail.reload();
    projects.reload();
  });
  const data = detail.data && detail.data.budget.id === id ? detail.data : null;
  usePageTitle(data ? title(data.budget) : t('budgeting.budget.title'));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.q.trim()) next.set('q', form.q.trim());
    if (form.areaId) next.set('area', form.areaId);
    if (form.category) next.set('category', form.category);
    if (form.state) next.set('state', form.state);
    setParams(next);
  }
  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    setParams(next);
  }

  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { budget, process, abilities } = data;
  const area = byId(budget.areaId);
  const here = budgetUrl(slug, id);
  const list = projects.data;
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE)) : 1;
  const official = abilities.update || abilities.review || abilities.enterPaperBallot || abilities.count || abilities.promote;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${slug}`}>{title(process)}</Link>
        </p>
        <h1 data-testid="budget-title">{title(budget)}</h1>
        <p className="civitas-lead margin-y-1">{t('budgeting.budget.amount', { amount: money(budget.amount, budget.currency) })}</p>
      </div>
      {budget.importedFrom ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('budgeting.budget.importedNotice', { source: budget.importedFrom })}
        </Alert>
      ) : null}
      {pick(budget.description, budget.descriptionZh) ? <p className="civitas-prewrap">{pick(budget.description, budget.descriptionZh)}</p> : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <dl className="civitas-facts">
            <div>
              <dt>{t('budgeting.budget.whoVotes')}</dt>
              <dd>{area ? t('budgeting.budget.residentsOf', { area: name(area) }) : t('budgeting.budget.everyResident')}</dd>
            </div>
            <div>
              <dt>{t('budgeting.budget.howToVote')}</dt>
              <dd>{rulesText(budget)}</dd>
            </div>
            <div>
              <dt>{t('budgeting.budget.rule')}</dt>
              <dd>
                {t(`budgeting.rule.${budget.rule}`)} <span className="text-base">({budget.rule})</span>
              </dd>
            </div>
            <div>
              <dt>{t('budgeting.budget.department')}</dt>
              <dd>
                <Link to={`/organizations/${process.department.slug}`}>{name(process.department)}</Link>
              </dd>
            </div>
          </dl>
        </div>
        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('budgeting.budget.now')}>
          <div className="civitas-panel margin-bottom-3" data-testid="budget-now">
            <h2 className="font-heading-md margin-top-0">{t('budgeting.budget.now')}</h2>
            <p>
              <VotingText detail={data} />
            </p>
            {budget.status === 'counted' ? (
              <Link className="usa-button" to={`${here}/results`}>
                {t('budgeting.budget.seeResults')}
              </Link>
            ) : null}
            {abilities.vote ? (
              <Link className="usa-button" to={`${here}/vote`} data-testid="vote-link">
                {data.voted ? t('budgeting.budget.changeVote') : t('budgeting.budget.vote')}
              </Link>
            ) : null}
            {data.voted ? <p className="text-bold">✓ {t('budgeting.budget.youVoted')}</p> : null}
            {!abilities.vote && budget.votingStage === 'open' ? <Refusal refusal={data.voteBlocked} /> : null}
            {abilities.submit ? (
              <p>
                <Link className="usa-button usa-button--outline" to={`${here}/projects/new`}>
                  {t('budgeting.budget.submit')}
                </Link>
                {process.proposeOpenUntil ? <span className="display-block margin-top-1">{t('budgeting.budget.submitUntil', { date: dateTime(process.proposeOpenUntil) })}</span> : null}
              </p>
            ) : process.proposeOpenUntil ? (
              <Refusal refusal={data.submitBlocked} />
            ) : null}
            <FollowButton resourceType="budget" resourceId={budget.id} />
          </div>
        </aside>
      </div>

      {official ? (
        <section aria-labelledby="officials-heading" className="margin-y-3 civitas-manage" data-testid="officials-panel">
          <h2 id="officials-heading">{t('budgeting.officials.heading')}</h2>
          <ApiErrorAlert error={count.error} />
          <div className="display-flex flex-wrap">
            {abilities.update ? (
              <Link className="usa-button usa-button--outline" to={`${here}/settings`}>
                {t('budgeting.officials.settings')}
              </Link>
            ) : null}
            {abilities.enterPaperBallot ? (
              <Link className="usa-button usa-button--outline" to={`${here}/paper`}>
                {t('budgeting.officials.paper')}
              </Link>
            ) : null}
            {abilities.count ? (
              <Button type="button" disabled={count.pending} onClick={() => void count.run()}>
                {t('budgeting.officials.count')}
              </Button>
            ) : null}
          </div>
          {abilities.review ? (
            <>
              <h3>{t('budgeting.officials.waiting')}</h3>
              {waiting.data && waiting.data.projects.length === 0 ? <p>{t('budgeting.officials.noneWaiting')}</p> : null}
              <ul className="usa-list" data-testid="review-queue">
                {waiting.data?.projects.map((p) => (
                  <li key={p.id}>
                    <Link to={projectUrl(slug, id, p.id)}>{pick(p.title, p.titleZh)}</Link> · {money(p.cost, budget.currency)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="projects-heading" className="margin-y-3">
        <h2 id="projects-heading">{t('budgeting.projects.heading')}</h2>
        <form className="usa-form civitas-filters" role="search" aria-label={t('budgeting.projects.filters')} onSubmit={apply}>
          <TextField id="project-q" name="q" type="search" label={t('budgeting.projects.search')} optional value={form.q} onChange={(q) => setForm({ ...form, q })} />
          <SelectField
            id="project-area"
            name="areaId"
            label={t('budgeting.projects.area')}
            optional
            emptyLabel={t('budgeting.projects.anyArea')}
            options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
            value={form.areaId}
            onChange={(areaId) => setForm({ ...form, areaId })}
          />
          <SelectField
            id="project-category"
            name="category"
            label={t('budgeting.projects.category')}
            optional
            emptyLabel={t('budgeting.projects.anyCategory')}
            options={data.categories.map((c) => ({ value: c, label: c }))}
            value={form.category}
            onChange={(category) => setForm({ ...form, category })}
          />
          <SelectField
            id="project-state"
            name="state"
            label={t('budgeting.projects.state')}
            optional
            emptyLabel={t('budgeting.projects.anyState')}
            options={states.map((s) => ({ value: s, label: t(`budgeting.state.${s}`) }))}
            value={form.state}
            onChange={(state) => setForm({ ...form, state })}
          />
          <Button type="submit">{t('budgeting.projects.apply')}</Button>
        </form>
        <ApiErrorAlert error={projects.error} focus={false} />
        {list ? (
          <p role="status" className="margin-top-3" data-testid="project-count">
            {t('budgeting.projects.count', { count: list.total, formatted: number(list.total) })}
          </p>
        ) : null}
        {list && list.projects.length === 0 ? <p>{t('budgeting.projects.empty')}</p> : null}
        <ul className="usa-collection" data-testid="project-list">
          {list?.projects.map((p) => {
            const projectArea = byId(p.areaId);
            return (
              <li key={p.id} className="usa-collection__item">
                {p.image ? <img className="usa-collection__img civitas-collection-img" src={p.image.url} alt="" loading="lazy" /> : null}
                <div className="usa-collection__body">
                  <h3 className="usa-collection__heading">
                    <Link className="usa-link" to={projectUrl(slug, id, p.id)}>
                      {pick(p.title, p.titleZh)}
                    </Link>
                  </h3>
                  <ProjectStateTag state={p.state} />
                  <p className="usa-collection__description civitas-clamp">{p.excerpt}</p>
                  <ul className="usa-collection__meta" aria-label={t('budgeting.projects.about')}>
                    <li className="usa-collection__meta-item text-bold">{money(p.cost, budget.currency)}</li>
                    {p.originalCost !== null ? <li className="usa-collection__meta-item">{t('budgeting.projects.originalCost', { cost: money(p.originalCost, budget.currency) })}</li> : null}
                    {projectArea ? <li className="usa-collection__meta-item">{name(projectArea)}</li> : null}
                    {p.category ? <li className="usa-collection__meta-item">{p.category}</li> : null}
                  </ul>
                </div>
              </li>
            );
          })}
        </ul>
        <Pager page={page} pages={pages} onPage={(n) => goTo(n)} />
      </section>
    </>
  );
}
