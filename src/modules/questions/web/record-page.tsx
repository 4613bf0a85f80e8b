/**
 * A department's public record on questions: how many were asked, answered on time, the median
 * working days to answer, the share rated resolved, what is overdue now; month by month as a chart
 * with a table; its rules (deadline, legal basis, grounds to decline); its latest answers and feed.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { ActivityItem, Stat } from '../../../../web/src/ui/department-record.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { MonthlyChart } from './bar-chart.js';
import { DeadlineText, StateTag, dueDay, usePercent } from './parts.js';
import { questionUrl, type DepartmentRecord } from './types.js';

export function RecordPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { name, number, date, pick } = useLocalize();
  const percent = usePercent();
  const record = useLoad(() => api.get<DepartmentRecord>(`/questions/departments/${encodeURIComponent(slug)}`), [slug]);
  const data = record.data && record.data.department.slug === slug ? record.data : null;
  usePageTitle(data ? t('questions.record.title', { department: name(data.department) }) : t('questions.record.heading'));
  if (record.error?.status === 404) {
    return (
      <>
        <h1>{t('questions.record.notFound')}</h1>
        <p>
          <Link to="/questions/departments">{t('questions.ranking.title')}</Link>
        </p>
      </>
    );
  }
  if (record.error && !data) return <ApiErrorAlert error={record.error} />;
  if (!data) return <Loading />;
  const { department, totals, settings } = data;
  const feed = `/api/v1/questions/departments/${encodeURIComponent(department.slug)}/answers.atom`;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/questions/departments">{t('questions.ranking.title')}</Link>
        </p>
        <h1>{t('questions.record.title', { department: name(department) })}</h1>
        <p className="margin-0">
          <Link to={`/organizations/${department.slug}`}>{t('questions.record.departmentPage')}</Link>
          {' · '}
          <Link to={`/questions?department=${department.id}`}>{t('questions.record.allQuestions')}</Link>
          {' · '}
          <Link to={`/questions/ask?department=${department.id}`}>{t('questions.record.ask')}</Link>
          {' · '}
          <Link to={`/requests/departments/${department.slug}`} data-testid="requests-record-link">
            {t('requests.record.title', { department: name(department) })}
          </Link>
          {' · '}
          <a className="usa-link" href={feed} type="application/atom+xml">
            {t('questions.record.feed')}
          </a>
          {data.abilities.configure ? (
            <>
              {' · '}
              <Link to={`/questions/departments/${department.slug}/settings`}>{t('questions.record.settings')}</Link>
            </>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="record-numbers" className="margin-bottom-4">
        <h2 id="record-numbers">{t('questions.record.numbers')}</h2>
        <dl className="civitas-stats">
          <Stat label={t('questions.record.asked')} value={number(totals.asked)} testId="stat-asked" />
          <Stat label={t('questions.record.answeredOnTime')} value={t('questions.record.ofAnswered', { count: number(totals.answeredOnTime), total: number(totals.answered) })} testId="stat-on-time" />
          <Stat label={t('questions.record.onTimeShare')} value={percent(totals.onTimeShare)} testId="stat-on-time-share" />
          <Stat label={t('questions.record.median')} value={totals.medianWorkingDays === null ? t('questions.record.none') : t('questions.record.workingDays', { count: totals.medianWorkingDays })} testId="stat-median" />
          <Stat label={t('questions.record.resolvedShare')} value={percent(totals.resolvedShare)} testId="stat-resolved" />
          <Stat label={t('questions.record.overdueNow')} value={number(totals.overdueNow)} testId="stat-overdue" />
          <Stat label={t('questions.record.declined')} value={number(totals.declined)} testId="stat-declined" />
          <Stat label={t('questions.record.transferredAway')} value={number(totals.transferredAway)} testId="stat-transferred" />
        </dl>
        <details className="civitas-details margin-top-2">
          <summary>{t('questions.record.howCounted')}</summary>
          <ul className="usa-list">
            <li>{t('questions.record.explainOnTime')}</li>
            <li>{t('questions.record.explainMedian')}</li>
            <li>{t('questions.record.explainResolved', { count: number(totals.rated) })}</li>
            <li>{t('questions.record.explainTransfers')}</li>
          </ul>
        </details>
      </section>

      <section aria-labelledby="record-months" className="margin-bottom-4">
        <h2 id="record-months">{t('questions.record.months')}</h2>
        <MonthlyChart months={data.months} />
      </section>

      <section aria-labelledby="record-overdue" className="margin-bottom-4" data-testid="record-overdue">
        <h2 id="record-overdue">{t('questions.overdue.heading')}</h2>
        {data.overdue.length === 0 ? <p>{t('questions.overdue.none')}</p> : null}
        <ul className="usa-list usa-list--unstyled">
          {data.overdue.map((o) => (
            <ActivityItem key={o.id} to={questionUrl(o.id)} title={o.title}>
              <strong className="text-error-dark">{t('questions.deadline.overdue', { count: o.overdueWorkingDays })}</strong> · {t('questions.deadline.dueOn', { date: date(dueDay(o.dueAt)) })}
            </ActivityItem>
          ))}
        </ul>
      </section>

      <section aria-labelledby="record-latest" className="margin-bottom-4">
        <h2 id="record-latest">{t('questions.record.latest')}</h2>
        {data.latest.length === 0 ? <p>{t('questions.record.noAnswers')}</p> : null}
        <ul className="usa-list usa-list--unstyled">
          {data.latest.map((q) => (
            <ActivityItem key={q.id} to={questionUrl(q.id)} title={q.title}>
              <StateTag state={q.state} /> <DeadlineText deadline={q.deadline} />
            </ActivityItem>
          ))}
        </ul>
      </section>

      <section aria-labelledby="record-rules" className="margin-bottom-4">
        <h2 id="record-rules">{t('questions.record.rules')}</h2>
        <dl className="civitas-facts">
          <div>
            <dt>{t('questions.settings.answerWorkingDays')}</dt>
            <dd>{t('questions.record.workingDays', { count: settings.answerWorkingDays })}</dd>
          </div>
          <div>
            <dt>{t('questions.settings.legalBasis')}</dt>
            <dd>{pick(settings.legalBasis, settings.legalBasisZh)}</dd>
          </div>
          <div>
            <dt>{t('questions.settings.transfers')}</dt>
            <dd>{settings.transferRestartsClock ? t('questions.settings.restarts') : t('questions.settings.keeps')}</dd>
          </div>
          <div>
            <dt>{t('questions.settings.grounds')}</dt>
            <dd>
              <ul className="usa-list">
                {settings.declineGrounds.map((g) => (
                  <li key={g.code}>
                    {pick(g.label, g.labelZh)} <span className="text-base">({g.legalReference})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {!settings.configured ? <p className="text-base">{t('questions.record.defaults')}</p> : null}
      </section>
    </>
  );
}
