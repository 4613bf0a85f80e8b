/**
 * Small pieces every requests page shares: the status tag (overdue in red), the deadline in
 * working days at each step, and who asked whom.
 */
import { useTranslation } from 'react-i18next';
import { dueDay } from '../../../../web/src/ui/department-record.js';
import { LinkedText, SLOT } from '../../../../web/src/ui/linked-text.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { StateTags } from '../../../../web/src/ui/tags.js';
import { recordUrl, type Deadline, type RequestSummary, type ShownState } from './types.js';

/** The last day before a deadline (shared with the other record pages). */
export { dueDay };

const stateClass: Record<ShownState, string> = {
  awaiting_response: 'civitas-tag--pending',
  awaiting_clarification: 'bg-primary-darker',
  overdue: 'bg-error-dark',
  very_overdue: 'bg-secondary-darker',
  successful: 'civitas-tag--verified',
  partially_successful: 'bg-accent-cool-darker',
  not_held: 'bg-base-dark',
  refused: 'bg-base-darkest',
  withdrawn: 'bg-base-dark',
  internal_review: 'bg-primary-darker',
};

export function StateTag({ state, hidden }: { state: ShownState; hidden?: boolean }) {
  const { t } = useTranslation();
  return <StateTags colour={stateClass[state]} label={t(`requests.state.${state}`)} testId="request-state" hiddenLabel={hidden ? t('requests.hidden') : null} />;
}

/** "Response due in 4 working days", "paused while awaiting clarification", "overdue by 3 working days" (red). */
export function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  const review = deadline.kind === 'review';
  if (deadline.state === 'paused') return <strong className="text-primary-darker" data-testid="deadline">{t('requests.deadline.paused')}</strong>;
  if (deadline.state === 'overdue') {
    const key = review ? 'requests.deadline.reviewOverdue' : deadline.veryOverdue ? 'requests.deadline.veryOverdue' : 'requests.deadline.overdue';
    return (
      <strong className="text-error-dark" data-testid="deadline">
        {t(key, { count: deadline.workingDays })}
      </strong>
    );
  }
  if (deadline.state === 'closed') {
    if (!deadline.dueAt || deadline.late === null) return <span data-testid="deadline">{t('requests.deadline.closed')}</span>;
    const key = review ? (deadline.late ? 'requests.deadline.reviewLate' : 'requests.deadline.reviewInTime') : deadline.late ? 'requests.deadline.respondedLate' : 'requests.deadline.respondedInTime';
    return (
      <span className={deadline.late ? 'text-error-dark' : undefined} data-testid="deadline">
        {t(key, { date: date(dueDay(deadline.dueAt)) })}
      </span>
    );
  }
  if (deadline.workingDays === 0) return <strong data-testid="deadline">{t(review ? 'requests.deadline.reviewDueToday' : 'requests.deadline.dueToday')}</strong>;
  return <strong data-testid="deadline">{t(review ? 'requests.deadline.reviewDue' : 'requests.deadline.due', { count: deadline.workingDays })}</strong>;
}

/** "Asked by Lake Walker (a pseudonym)" or "Asked by Ana for the Riverside Residents' Association". */
export function RequesterLine({ requester }: { requester: RequestSummary['requester'] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  if (requester.organization) {
    return (
      <LinkedText text={t('requests.byFor', { name: requester.displayName, organization: SLOT })} to={`/organizations/${requester.organization.slug}`}>
        {name(requester.organization)}
      </LinkedText>
    );
  }
  return <>{t(requester.pseudonymous ? 'requests.byPseudonym' : 'requests.by', { name: requester.displayName })}</>;
}

export function AddresseeLine({ department }: { department: RequestSummary['department'] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  return (
    <LinkedText text={t('requests.toDepartment', { department: SLOT })} to={recordUrl(department.slug)}>
      {name(department)}
    </LinkedText>
  );
}
