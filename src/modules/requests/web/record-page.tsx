/**
 * A department's record on information requests: how many, the share responded to on time, the
 * median working days, the refusal rate and the legal grounds used, internal reviews and their
 * outcomes, requests by status (as a table), overdue requests (red) and the latest decisions; its
 * rules; an Atom feed of its responses.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { ActivityItem, Stat, useSharePercent } from '../../../../web/src/ui/department-record.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, StateTag } from './parts.js';
import { requestUrl, SHOWN_STATES, type DepartmentRecord, type RequestSummary } from './types.js';

/** Formats a share (0..1) as a percentage; "—" when there is none yet. */
export function usePercent() {
  const { t } = useTranslation();
  return useSharePercent(t('requests.record.none'));
}

function RequestLinks({ items, testId }: { items: RequestSummary[]; testId: string }) {
  return (
    <ul className="usa-list usa-list--unstyled" data-testid={testId}>
      {items.map((r) => (
        <ActivityItem key={r.id} to={requestUrl(r.id)} title={r.title}>
          <StateTag state={r.state} /> <DeadlineText deadline={r.deadline} />
        </ActivityItem>
      ))}
    </ul>
  );
}

export function RecordPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { name, pick, number } = useLocalize();
  const percent = usePercent();
  const record = useLoad(() => api.get<DepartmentRecord>(`/requests/departments/${encodeURIComponent(slug)}`), [slug]);
  const data = record.data && record.data.department.slug === slug ? record.data : null;
  usePageTitle(data ? t('requests.record.title', { department: name(data.department) }) : t('requests.ranking.title'));
  if (record.error?.status === 404) return <h1>{t('requests.record.notFound')}</h1>;
  if (record.error && !data) return <ApiErrorAlert error={record.error} />;
  if (!data) return <Loading />;
  const { department, totals, settings } = data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/requests/departments">{t('requests.ranking.title')}</Link>
        </p>
        <h1>{t('requests.record.title', { department: name(department) })}</h1>
        <p className="civitas-lead">{t('requests.record.intro')}</p>
        <p className="margin-0">
          <Link to={`/requests?department=${department.id}`}>{t('requests.list.title')}</Link>
          {' · '}
          <Link to={`/requests/new?department=${department.id}`}>{t('requests.list.file')}</Link>
          {' · '}
          <a className="usa-link" href={`/api/v1/requests/departments/${department.slug}/responses.atom`} type="application/atom+xml">
            {t('requests.record.feed')}
          </a>
          {data.abilities.configure ? (
            <>
              {' · '}
              <Link to={`/requests/departments/${department.slug}/settings`}>{t('requests.record.settings')}</Link>
            </>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="record-numbers" className="margin-bottom-4">
        <h2 id="record-numbers" className="usa-sr-only">
          {t('requests.record.title', { department: name(department) })}
        </h2>
        <dl className="civitas-stats">
          <Stat label={t('requests.record.filed')} value={number(totals.filed)} testId="stat-filed" />
          <Stat label={t('requests.record.onTime')} value={percent(totals.onTimeShare)} testId="stat-on-time" />
          <Stat label={t('requests.record.median')} value={totals.medianWorkingDays === null ? t('requests.record.none') : number(totals.medianWorkingDays)} testId="stat-median" />
          <Stat label={t('requests.record.refusalRate')} value={percent(totals.refusalRate)} testId="stat-refusal-rate" />
          <Stat label={t('requests.record.overdueNow')} value={number(totals.overdueNow)} testId="stat-overdue" />
        </dl>
        <p className="margin-top-2">
          <strong>{t('requests.record.rules')}:</strong>{' '}
          {t('requests.record.rulesText', {
            days: settings.responseWorkingDays, extension: settings.extensionWorkingDays, supervisor: name(settings.supervisor), review: settings.reviewWorkingDays, very: settings.veryOverdueWorkingDays,
          })}
        </p>
        <details className="civitas-details">
          <summary>{t('requests.deadline.legalBasis')}</summary>
          <p>{pick(settings.legalBasis, settings.legalBasisZh)}</p>
        </details>
      </section>

      <div className="grid-row grid-gap-lg">
        <section aria-labelledby="record-states" className="grid-col-12 tablet:grid-col-6 margin-bottom-4">
          <h2 id="record-states">{t('requests.record.byState')}</h2>
          <table className="usa-table usa-table--borderless width-full" data-testid="record-states">
            <thead>
              <tr>
                <th scope="col">{t('requests.record.status')}</th>
                <th scope="col" className="text-right">{t('requests.record.count')}</th>
              </tr>
            </thead>
            <tbody>
              {SHOWN_STATES.map((s) => (
                <tr key={s}>
                  <th scope="row" className={s === 'overdue' || s === 'very_overdue' ? 'text-error-dark' : undefined}>{t(`requests.state.${s}`)}</th>
                  <td className="text-right">{number(totals.byState[s] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="record-grounds" className="grid-col-12 tablet:grid-col-6 margin-bottom-4">
          <h2 id="record-grounds">{t('requests.record.byGround')}</h2>
          {totals.byGround.length === 0 ? (
            <p>{t('requests.record.noRefusals')}</p>
          ) : (
            <table className="usa-table usa-table--borderless width-full" data-testid="record-grounds">
              <thead>
                <tr>
                  <th scope="col">{t('requests.record.ground')}</th>
                  <th scope="col" className="text-right">{t('requests.record.count')}</th>
                </tr>
              </thead>
              <tbody>
                {totals.byGround.map((g) => (
                  <tr key={g.code}>
                    <th scope="row">
                      {pick(g.label, g.labelZh)} <span className="text-base">({g.legalReference})</span>
                    </th>
                    <td className="text-right">{number(g.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 id="record-reviews">{t('requests.record.reviews')}</h2>
          <dl className="civitas-facts" data-testid="record-reviews">
            <div>
              <dt>{t('requests.record.reviewsRequested')}</dt>
              <dd>{number(totals.reviews.requested)}</dd>
            </div>
            <div>
              <dt>{t('requests.outcome.upheld')}</dt>
              <dd>{number(totals.reviews.upheld)}</dd>
            </div>
            <div>
              <dt>{t('requests.outcome.partly_upheld')}</dt>
              <dd>{number(totals.reviews.partlyUpheld)}</dd>
            </div>
            <div>
              <dt>{t('requests.outcome.overturned')}</dt>
              <dd>{number(totals.reviews.overturned)}</dd>
            </div>
            <div>
              <dt>{t('requests.record.reviewsPending')}</dt>
              <dd>{number(totals.reviews.pending)}</dd>
            </div>
          </dl>
        </section>
      </div>

      <section aria-labelledby="record-overdue" className="margin-bottom-4">
        <h2 id="record-overdue">{t('requests.record.overdue')}</h2>
        {data.overdue.length === 0 ? <p>{t('requests.record.noOverdue')}</p> : <RequestLinks items={data.overdue} testId="record-overdue" />}
      </section>
      <section aria-labelledby="record-latest" className="margin-bottom-4">
        <h2 id="record-latest">{t('requests.record.latest')}</h2>
        {data.latest.length === 0 ? <p>{t('requests.record.noLatest')}</p> : <RequestLinks items={data.latest} testId="record-latest" />}
      </section>
    </>
  );
}
