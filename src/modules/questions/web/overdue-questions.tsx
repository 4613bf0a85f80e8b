/**
 * The public list of overdue answers to questions, for a department's page (`departmentId`) or the
 * whole installation: each with how many working days late it is, in red.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { dueDay } from './parts.js';
import { questionUrl, recordUrl, type OverdueItem } from './types.js';

export function OverdueQuestions({ departmentId, headingLevel = 2 }: { departmentId?: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { name, date } = useLocalize();
  const list = useLoad(() => api.get<{ questions: OverdueItem[] }>('/questions/overdue', { departmentId }), [departmentId]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `overdue-questions-${departmentId ?? 'all'}`;
  return (
    <section aria-labelledby={headingId} className="margin-y-3" data-testid="overdue-questions">
      <Heading id={headingId}>{t('questions.overdue.heading')}</Heading>
      <p className="text-base">{t('questions.overdue.intro')}</p>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && list.data.questions.length === 0 ? <p>{t('questions.overdue.none')}</p> : null}
      {list.data && list.data.questions.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {list.data.questions.map((q) => (
            <li key={q.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={questionUrl(q.id)}>
                {q.title}
              </Link>
              <span className="civitas-activity__meta">
                <strong className="text-error-dark">{t('questions.deadline.overdue', { count: q.overdueWorkingDays })}</strong> ·{' '}
                {departmentId ? null : (
                  <>
                    <Link to={recordUrl(q.department.slug)}>{name(q.department)}</Link> ·{' '}
                  </>
                )}
                {t('questions.deadline.dueOn', { date: date(dueDay(q.dueAt)) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
