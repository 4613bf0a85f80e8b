/**
 * Every department's record on questions, side by side and ranked: the share answered on time, then
 * the share rated resolved, then the median working days to answer. A table (stacked on phones),
 * with how the order is decided one click away.
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
import { usePercent } from './parts.js';
import { recordUrl, type Ranking } from './types.js';

export function RankingPage() {
  const { t } = useTranslation();
  const { name, number } = useLocalize();
  const percent = usePercent();
  usePageTitle(t('questions.ranking.title'));
  const ranking = useLoad(() => api.get<Ranking>('/questions/departments'), []);
  const rows = ranking.data?.departments ?? [];
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/questions">{t('questions.list.title')}</Link>
        </p>
        <h1>{t('questions.ranking.title')}</h1>
        <p className="civitas-lead">{t('questions.ranking.intro')}</p>
      </div>
      <details className="civitas-details margin-bottom-2">
        <summary>{t('questions.ranking.howRanked')}</summary>
        <p>{t('questions.ranking.explain')}</p>
        <p>{t('questions.record.explainMedian')}</p>
      </details>
      <ApiErrorAlert error={ranking.error} focus={false} />
      {ranking.loading && !ranking.data ? <Loading /> : null}
      {ranking.data && rows.length === 0 ? <p>{t('questions.ranking.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="civitas-table-wrap">
          <Table fullWidth striped stackedStyle="headers">
            <caption className="usa-sr-only">{t('questions.ranking.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('questions.ranking.rank')}</th>
                <th scope="col">{t('questions.ranking.department')}</th>
                <th scope="col">{t('questions.record.asked')}</th>
                <th scope="col">{t('questions.record.onTimeShare')}</th>
                <th scope="col">{t('questions.record.median')}</th>
                <th scope="col">{t('questions.record.resolvedShare')}</th>
                <th scope="col">{t('questions.record.overdueNow')}</th>
              </tr>
            </thead>
            <tbody data-testid="ranking">
              {rows.map((r) => (
                <tr key={r.department.id}>
                  <td data-label={t('questions.ranking.rank')}>{r.rank === null ? t('questions.ranking.unranked') : number(r.rank)}</td>
                  <th scope="row" data-label={t('questions.ranking.department')}>
                    <Link to={recordUrl(r.department.slug)}>{name(r.department)}</Link>
                  </th>
                  <td data-label={t('questions.record.asked')}>{number(r.totals.asked)}</td>
                  <td data-label={t('questions.record.onTimeShare')}>{percent(r.totals.onTimeShare)}</td>
                  <td data-label={t('questions.record.median')}>
                    {r.totals.medianWorkingDays === null ? t('questions.record.none') : t('questions.record.workingDays', { count: r.totals.medianWorkingDays })}
                  </td>
                  <td data-label={t('questions.record.resolvedShare')}>{percent(r.totals.resolvedShare)}</td>
                  <td data-label={t('questions.record.overdueNow')} className={r.totals.overdueNow > 0 ? 'text-error-dark text-bold' : undefined}>
                    {number(r.totals.overdueNow)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
