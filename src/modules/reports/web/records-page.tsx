/** Every department's record on reports, side by side in a table (sortable by eye, readable on a phone by scrolling sideways). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { percent } from './record-parts.js';
import { recordUrl, type RecordsResponse } from './types.js';

export function RecordsPage() {
  const { t } = useTranslation();
  const { name, number } = useLocalize();
  usePageTitle(t('reports.records.title'));
  const records = useLoad(() => api.get<RecordsResponse>('/problem-reports/records'), []);
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
        <h1>{t('reports.records.title')}</h1>
        <p className="civitas-lead">{t('reports.records.intro')}</p>
      </div>
      <ApiErrorAlert error={records.error} focus={false} />
      {records.loading && !records.data ? <Loading /> : null}
      {records.data && records.data.departments.length === 0 ? <p>{t('reports.records.empty')}</p> : null}
      {records.data && records.data.departments.length > 0 ? (
        <div className="civitas-table-wrap" tabIndex={0} role="region" aria-labelledby="records-caption">
          <table className="usa-table usa-table--borderless usa-table--compact" data-testid="records-table">
            <caption id="records-caption">{t('reports.records.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.records.department')}</th>
                <th scope="col">{t('reports.record.received')}</th>
                <th scope="col">{t('reports.record.fixedOnTime')}</th>
                <th scope="col">{t('reports.record.medianDays')}</th>
                <th scope="col">{t('reports.record.reopened')}</th>
                <th scope="col">{t('reports.record.overdueNow')}</th>
              </tr>
            </thead>
            <tbody>
              {records.data.departments.map(({ department, record }) => (
                <tr key={department.id}>
                  <th scope="row">
                    <Link className="usa-link" to={recordUrl(department.slug)}>
                      {name(department)}
                    </Link>
                  </th>
                  <td>{number(record.received)}</td>
                  <td>{percent(record.fixedOnTimeShare, number)}</td>
                  <td>{record.medianWorkingDaysToFix === null ? '–' : number(record.medianWorkingDaysToFix)}</td>
                  <td>{percent(record.reopenedShare, number)}</td>
                  <td className={record.overdueNow > 0 ? 'text-error-dark text-bold' : undefined}>{number(record.overdueNow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
