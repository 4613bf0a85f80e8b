/**
 * Public statistics of supervision, in aggregate only: complaints by category, department and
 * outcome, the working days it takes to close a case, anonymous reports by outcome, and the
 * complainants' public summaries. Small counts are shown as "<k" so nobody can be singled out.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { BarChart } from './bars.js';
import { StageTag } from './parts.js';
import type { PublicCase, Statistics } from './types.js';

export function StatisticsPage() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  usePageTitle(t('supervision.stats.title'));
  const stats = useLoad(() => Promise.all([api.get<Statistics>('/supervision/statistics'), api.get<{ cases: PublicCase[]; total: number }>('/supervision/public-cases', { limit: 20 })]), []);
  if (stats.error) return <ApiErrorAlert error={stats.error} />;
  if (!stats.data) return <Loading />;
  const [data, publicCases] = stats.data;
  const k = data.minCellCount;
  const show = (v: number | null) => (v === null ? t('supervision.stats.suppressed', { k }) : String(v));
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.stats.title')}</h1>
        <p className="civitas-lead">{t('supervision.stats.intro', { k })}</p>
      </div>
      <ul className="civitas-stats usa-list usa-list--unstyled display-flex flex-wrap" data-testid="stats-totals">
        <li className="margin-right-4 margin-bottom-2">
          <span className="font-heading-xl text-bold display-block">{show(data.totals.filed)}</span>
          {t('supervision.stats.filed')}
        </li>
        <li className="margin-right-4 margin-bottom-2">
          <span className="font-heading-xl text-bold display-block">{show(data.totals.closed)}</span>
          {t('supervision.stats.closed')}
        </li>
        <li className="margin-right-4 margin-bottom-2">
          <span className="font-heading-xl text-bold display-block">{show(data.totals.escalated)}</span>
          {t('supervision.stats.escalated')}
        </li>
        <li className="margin-right-4 margin-bottom-2">
          <span className="font-heading-xl text-bold display-block">{data.totals.medianWorkingDays === null ? '—' : data.totals.medianWorkingDays}</span>
          {t('supervision.stats.median')}
        </li>
      </ul>
      <div className="grid-row grid-gap-lg">
        <div className="tablet:grid-col-6">
          <BarChart testId="chart-category" title={t('supervision.stats.byCategory')} minCell={k} bars={data.byCategory.map((c) => ({ label: t(`supervision.category.${c.category}`), value: c.count }))} />
        </div>
        <div className="tablet:grid-col-6">
          <BarChart testId="chart-outcome" title={t('supervision.stats.byOutcome')} minCell={k} bars={data.byOutcome.map((o) => ({ label: t(`supervision.outcome.${o.outcome}`), value: o.count }))} />
        </div>
      </div>
      <BarChart testId="chart-department" title={t('supervision.stats.byDepartment')} minCell={k} bars={data.byDepartment.map((d) => ({ label: name(d.department), value: d.filed }))} />
      <h2>{t('supervision.stats.departmentsTitle')}</h2>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={t('supervision.stats.departmentsTitle')}>
        <Table bordered compact className="font-body-xs" data-testid="stats-departments">
          <thead>
            <tr>
              <th scope="col">{t('supervision.queue.department')}</th>
              <th scope="col">{t('supervision.stats.filed')}</th>
              <th scope="col">{t('supervision.stats.substantiated')}</th>
              <th scope="col">{t('supervision.stats.median')}</th>
              {data.categories.map((c) => (
                <th key={c} scope="col">
                  {t(`supervision.category.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.byDepartment.map((d) => (
              <tr key={d.department.id}>
                <th scope="row">{name(d.department)}</th>
                <td>{show(d.filed)}</td>
                <td>{show(d.substantiated)}</td>
                <td>{d.medianWorkingDays ?? '—'}</td>
                {d.categories.map((v, i) => (
                  <td key={data.categories[i]}>{show(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <h2>{t('supervision.stats.reportsTitle')}</h2>
      <p>{t('supervision.stats.reports', { received: show(data.reports.received), concluded: show(data.reports.concluded) })}</p>
      <BarChart testId="chart-reports" title={t('supervision.stats.reportsByOutcome')} minCell={k} bars={data.reports.byOutcome.map((o) => ({ label: t(`supervision.outcome.${o.outcome}`), value: o.count }))} />
      <h2>{t('supervision.stats.publicTitle')}</h2>
      <p>{t('supervision.stats.publicIntro')}</p>
      {publicCases.cases.length === 0 ? <p>{t('supervision.stats.noPublic')}</p> : null}
      <ul className="usa-list usa-list--unstyled" data-testid="public-cases">
        {publicCases.cases.map((c) => (
          <li key={c.number} className="border-bottom-1px border-base-lighter padding-y-1">
            <strong>{t('supervision.caseTitle', { number: c.number })}</strong> <StageTag state={c.state} /> {c.outcome ? t(`supervision.outcome.${c.outcome}`) : ''}
            <div>{c.summary}</div>
            <div className="usa-hint">
              {t(`supervision.category.${c.category}`)} · {name(c.department)} · {c.month}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
