/**
 * Small pieces every proposals page shares: the state tag, the support count with its progress to
 * the threshold, the answer deadline in working days, and who proposed it.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { Deadline, ProposalState, ProposalSummary } from './types.js';

const stateClass: Record<ProposalState, string> = {
  draft: 'bg-base-dark',
  published: 'bg-primary',
  qualified: 'civitas-tag--pending',
  evaluating: 'bg-primary-darker',
  accepted: 'civitas-tag--verified',
  rejected: 'civitas-tag--rejected',
  withdrawn: 'bg-base',
};

export function StateTag({ state, hidden }: { state: ProposalState; hidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="civitas-tags">
      <Tag className={`civitas-tag ${stateClass[state]}`} data-testid="proposal-state">
        {t(`proposals.state.${state}`)}
      </Tag>
      {hidden ? <Tag className="civitas-tag bg-error-dark">{t('proposals.hidden')}</Tag> : null}
    </span>
  );
}

/** "12 of 50 supports needed…" with a progress bar (a native, accessible <progress>). */
export function SupportProgress({ count, threshold, id }: { count: number; threshold: number; id: string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const reached = count >= threshold;
  const label = reached
    ? t('proposals.supports.reached', { count: number(count), threshold: number(threshold) })
    : t('proposals.supports.progress', { count: number(count), threshold: number(threshold) });
  return (
    <div className="margin-y-1">
      <label htmlFor={id} className="display-block font-ui-xs" data-testid="support-progress">
        {label}
      </label>
      <progress id={id} className="width-full" max={threshold} value={Math.min(count, threshold)}>
        {label}
      </progress>
    </div>
  );
}

/** "Answer due in 3 working days" / "overdue by 2 working days" (in red) / answered on time or late. */
export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  if (!deadline) return null;
  if (deadline.state === 'overdue') {
    return (
      <strong className="text-error-dark" data-testid="deadline">
        {t('proposals.deadline.overdue', { count: deadline.workingDays })}
      </strong>
    );
  }
  if (deadline.state === 'answered') {
    return (
      <span className={deadline.answeredLate ? 'text-error-dark' : undefined} data-testid="deadline">
        {deadline.answeredLate ? t('proposals.deadline.answeredLate', { date: date(deadline.dueAt) }) : t('proposals.deadline.answeredInTime', { date: date(deadline.dueAt) })}
      </span>
    );
  }
  return (
    <strong data-testid="deadline">
      {deadline.workingDays === 0 ? t('proposals.deadline.dueToday') : t('proposals.deadline.due', { count: deadline.workingDays })}
    </strong>
  );
}

/** "By Ana" or "By Ana for the Riverside Residents' Association" (with a link to the organization). */
export function AuthorLine({ author }: { author: ProposalSummary['author'] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  if (!author.organization) return <>{t('proposals.by', { name: author.displayName })}</>;
  const organization = author.organization;
  const [before, after] = t('proposals.byFor', { name: author.displayName, organization: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>
      {after}
    </>
  );
}
