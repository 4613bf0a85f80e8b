/** Every department's record on information requests, ranked, as a table. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { usePercent } from './record-page.js';
import { recordUrl, type Ranking } from './types.js';

export function RankingPage() {
  const { t } = useTranslation();
  const { name, number } = useLocalize();
  const percent = usePercent();
  usePageTitle(t('requests.ranking.title'));
  const ranking = useLoad(() => api.get<Ranking>('/requests/departments'), []);
  if (ranking.error) return <ApiErrorAlert error={ranking.error} />;
  if (!ranking.data) return <Loading />;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/requests">{t('requests.list.title')}</Link>
        </p>
        <h1>{t('requests.ranking.title')}</h1>
        <p className="civitas-lead">{t('requests.ranking.intro')}</p>
      </div>
      <div className="usa-table-container--scrollable" tabIndex={0}>
        <table className="usa-table usa-table--borderless width-full" data-testid="ranking">
          <thead>
            <tr>
              <th scope="col">{t('requests.ranking.rank')}</th>
              <th scope="col">{t('requests.ranking.department')}</th>
              <th scope="col" className="text-right">{t('requests.record.filed')}</th>
              <th scope="col" className="text-right">{t('requests.record.onTime')}</th>
              <th scope="col" className="text-right">{t('requests.record.median')}</th>
              <th scope="col" className="text-right">{t('requests.record.refusalRate')}</th>
              <th scope="col" className="text-right">{t('requests.record.overdueNow')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.data.departments.map((r) => (
              <tr key={r.department.id}>
                <td>{r.rank === null ? t('requests.ranking.unranked') : number(r.rank)}</td>
                <th scope="row">
                  <Link to={recordUrl(r.department.slug)}>{name(r.department)}</Link>
                </th>
                <td className="text-right">{number(r.totals.filed)}</td>
                <td className="text-right">{percent(r.totals.onTimeShare)}</td>
                <td className="text-right">{r.totals.medianWorkingDays === null ? t('requests.record.none') : number(r.totals.medianWorkingDays)}</td>
                <td className="text-right">{percent(r.totals.refusalRate)}</td>
                <td className={`text-right ${r.totals.overdueNow > 0 ? 'text-error-dark text-bold' : ''}`}>{number(r.totals.overdueNow)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
