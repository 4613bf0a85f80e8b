/**
 * One department's public record on reports: the figures, the reports overdue now (most overdue
 * first, in red), its latest reports and the kinds of problem it handles with their deadlines.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, StateTag, useCategoryName } from './parts.js';
import { RecordExplanation, RecordFigures } from './record-parts.js';
import { reportUrl, type RecordResponse, type ReportSummary } from './types.js';

function ReportLines({ reports, testId }: { reports: ReportSummary[]; testId: string }) {
  const categoryName = useCategoryName();
  return (
    <ul className="usa-list usa-list--unstyled" data-testid={testId}>
      {reports.map((r) => (
        <li key={r.id} className="civitas-activity__item">
          <Link className="civitas-activity__what usa-link" to={reportUrl(r.id)}>
            {categoryName(r.category)}
            {r.address ? ` · ${r.address}` : ''}
          </Link>
          <span className="civitas-activity__meta">
            <StateTag state={r.state} /> <DeadlineText deadline={r.deadline} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function RecordPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { name, pick } = useLocalize();
  const data = useLoad(() => api.get<RecordResponse>(`/problem-reports/records/${encodeURIComponent(slug)}`), [slug]);
  usePageTitle(data.data ? t('reports.record.title', { department: name(data.data.department) }) : t('reports.records.title'));
  if (data.error) return <ApiErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const { department, record, overdue, recent, categories } = data.data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports/departments">{t('reports.records.title')}</Link>
        </p>
        <h1>{t('reports.record.title', { department: name(department) })}</h1>
        <p className="margin-0">
          <Link to={`/organizations/${department.slug}`}>{t('reports.record.departmentPage')}</Link> ·{' '}
          <Link to={`/reports?department=${department.id}`}>{t('reports.record.allReports')}</Link>
        </p>
      </div>
      <RecordFigures record={record} />
      <RecordExplanation record={record} />

      <section aria-labelledby="record-overdue" className="margin-y-3">
        <h2 id="record-overdue">{t('reports.record.overdueHeading')}</h2>
        {overdue.length === 0 ? <p>{t('reports.record.noneOverdue')}</p> : <ReportLines reports={overdue} testId="record-overdue-list" />}
      </section>
      <section aria-labelledby="record-recent" className="margin-y-3">
        <h2 id="record-recent">{t('reports.record.recentHeading')}</h2>
        {recent.length === 0 ? <p>{t('reports.record.noneRecent')}</p> : <ReportLines reports={recent} testId="record-recent-list" />}
      </section>
      <section aria-labelledby="record-categories" className="margin-y-3">
        <h2 id="record-categories">{t('reports.record.categoriesHeading')}</h2>
        {categories.length === 0 ? (
          <p>{t('reports.record.noCategories')}</p>
        ) : (
          <ul className="usa-list">
            {categories.map((c) => (
              <li key={c.id}>{t('reports.record.categoryLine', { category: pick(c.name, c.nameZh), days: c.workingDays })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
