/**
 * Small pieces every questions page shares: the state tag, the answer deadline in working days,
 * who asked and whom, and shares as percentages.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { recordUrl, type Deadline, type QuestionState, type QuestionSummary } from './types.js';

const stateClass: Record<QuestionState, string> = {
  published: 'civitas-tag--pending',
  transferred: 'bg-primary-darker',
  overdue: 'bg-error-dark',
  answered: 'civitas-tag--verified',
  declined: 'bg-base-dark',
};

export function StateTag({ state, hidden }: { state: QuestionState; hidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="civitas-tags">
      <Tag className={`civitas-tag ${stateClass[state]}`} data-testid="question-state">
        {t(`questions.state.${state}`)}
      </Tag>
      {hidden ? <Tag className="civitas-tag bg-error-dark">{t('questions.hidden')}</Tag> : null}
    </span>
  );
}

/** The last day to answer (the due instant is the midnight after it). */
export function dueDay(dueAt: string): string {
  return new Date(new Date(dueAt).getTime() - 1).toISOString();
}

/** "Answer due in 3 working days" / "overdue by 2 working days" (in red) / answered on time or late. */
export function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  if (deadline.state === 'overdue') {
    return (
      <strong className="text-error-dark" data-testid="deadline">
        {t('questions.deadline.overdue', { count: deadline.workingDays })}
      </strong>
    );
  }
  if (deadline.state === 'answered') {
    return (
      <span className={deadline.answeredLate ? 'text-error-dark' : undefined} data-testid="deadline">
        {deadline.answeredLate
          ? t('questions.deadline.answeredLate', { date: date(dueDay(deadline.dueAt)) })
          : t('questions.deadline.answeredInTime', { date: date(dueDay(deadline.dueAt)) })}
      </span>
    );
  }
  return (
    <strong data-testid="deadline">
      {deadline.workingDays === 0 ? t('questions.deadline.dueToday') : t('questions.deadline.due', { count: deadline.workingDays })}
    </strong>
  );
}

/** "Asked by Ana" or "Asked by Ana for the Riverside Residents' Association" (with a link). */
export function AskerLine({ author }: { author: QuestionSummary['author'] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  if (!author.organization) return <>{t('questions.askedBy', { name: author.displayName })}</>;
  const organization = author.organization;
  const [before, after] = t('questions.askedByFor', { name: author.displayName, organization: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>
      {after}
    </>
  );
}

/** "To the Parks Department" or "To the Director, Parks Department", linking to its record. */
export function AddresseeLine({ question }: { question: Pick<QuestionSummary, 'department' | 'post'> }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const text = question.post
    ? t('questions.toPost', { post: title(question.post), department: '\u0000' })
    : t('questions.toDepartment', { department: '\u0000' });
  const [before, after] = text.split('\u0000');
  return (
    <>
      {before}
      <Link to={recordUrl(question.department.slug)}>{name(question.department)}</Link>
      {after}
    </>
  );
}

/** Formats a share (0..1) as a percentage in the page's language; "—" when there is none yet. */
export function usePercent() {
  const { language } = useLocalize();
  const { t } = useTranslation();
  const format = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }), [language]);
  return useCallback((share: number | null) => (share === null ? t('questions.record.none') : format.format(share)), [format, t]);
}
