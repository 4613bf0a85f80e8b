/**
 * Small pieces every questions page shares: the state tag, the answer deadline in working days,
 * who asked and whom, and shares as percentages.
 */
import { useTranslation } from 'react-i18next';
import { dueDay, useSharePercent } from '../../../../web/src/ui/department-record.js';
import { LinkedText, SLOT } from '../../../../web/src/ui/linked-text.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { StateTags } from '../../../../web/src/ui/tags.js';
import { recordUrl, type Deadline, type QuestionState, type QuestionSummary } from './types.js';

/** The last day before a deadline (shared with the other record pages). */
export { dueDay };

const stateClass: Record<QuestionState, string> = {
  published: 'civitas-tag--pending',
  transferred: 'bg-primary-darker',
  overdue: 'bg-error-dark',
  answered: 'civitas-tag--verified',
  declined: 'bg-base-dark',
};

export function StateTag({ state, hidden }: { state: QuestionState; hidden?: boolean }) {
  const { t } = useTranslation();
  return <StateTags colour={stateClass[state]} label={t(`questions.state.${state}`)} testId="question-state" hiddenLabel={hidden ? t('questions.hidden') : null} />;
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
  return (
    <LinkedText text={t('questions.askedByFor', { name: author.displayName, organization: SLOT })} to={`/organizations/${organization.slug}`}>
      {name(organization)}
    </LinkedText>
  );
}

/** "To the Parks Department" or "To the Director, Parks Department", linking to its record. */
export function AddresseeLine({ question }: { question: Pick<QuestionSummary, 'department' | 'post'> }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const text = question.post ? t('questions.toPost', { post: title(question.post), department: SLOT }) : t('questions.toDepartment', { department: SLOT });
  return (
    <LinkedText text={text} to={recordUrl(question.department.slug)}>
      {name(question.department)}
    </LinkedText>
  );
}

/** Formats a share (0..1) as a percentage in the page's language; "—" when there is none yet. */
export function usePercent() {
  const { t } = useTranslation();
  return useSharePercent(t('questions.record.none'));
}
