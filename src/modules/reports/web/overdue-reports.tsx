/**
 * The public list of reports past their fix deadline, for a department's page (`departmentId`) or
 * the whole installation: each with how many working days late it is, in red.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, useCategoryName } from './parts.js';
import { recordUrl, reportUrl, type ReportList } from './types.js';

export function OverdueReports({ departmentId, headingLevel = 2 }: { departmentId?: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const categoryName = useCategoryName();
  const list = useLoad(() => api.get<ReportList>('/problem-reports', { overdue: 'true', departmentId, limit: 20 }), [departmentId]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `overdue-reports-${departmentId ?? 'all'}`;
  return (
    <section aria-labelledby={headingId} className="margin-y-3" data-testid="overdue-reports">
      <Heading id={headingId}>{t('reports.overdue.heading')}</Heading>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && list.data.reports.length === 0 ? <p>{t('reports.overdue.none')}</p> : null}
      {list.data && list.data.reports.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {list.data.reports.map((r) => (
            <li key={r.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={reportUrl(r.id)}>
                {categoryName(r.category)}
                {r.address ? ` · ${r.address}` : ''}
              </Link>
              <span className="civitas-activity__meta">
                <DeadlineText deadline={r.deadline} /> · <Link to={recordUrl(r.department.slug)}>{name(r.department)}</Link>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
