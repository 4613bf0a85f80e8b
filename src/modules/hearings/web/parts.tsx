/**
 * Pieces every hearings page shares: the stage tag, when and where, the response report's deadline
 * in working days, and a position (for, against, neutral).
 */
import { useTranslation } from 'react-i18next';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { Deadline, HearingStageName, HearingSummary, PositionName } from './types.js';

const stageClass: Record<HearingStageName, string> = {
  announced: 'bg-primary',
  registration_open: 'civitas-tag--verified',
  registration_closed: 'civitas-tag--pending',
  in_session: 'bg-primary-darker',
  held: 'bg-base-dark',
  reported: 'civitas-tag--verified',
  cancelled: 'bg-error-dark',
};

export function StageTag({ stage }: { stage: HearingStageName }) {
  const { t } = useTranslation();
  return (
    <Tag className={`civitas-tag ${stageClass[stage]}`} data-testid="hearing-stage">
      {t(`hearings.stage.${stage}`)}
    </Tag>
  );
}

const positionClass: Record<PositionName, string> = { for: 'civitas-tag--verified', against: 'civitas-tag--rejected', neutral: 'bg-base-dark' };

export function PositionTag({ position }: { position: PositionName }) {
  const { t } = useTranslation();
  return <Tag className={`civitas-tag ${positionClass[position]}`}>{t(`hearings.position.${position}`)}</Tag>;
}

/** "Thu, 12 Mar 2026, 14:30 – 17:30 · City Hall, Room 301 · online". */
export function WhenWhere({ hearing }: { hearing: HearingSummary }) {
  const { t } = useTranslation();
  const { pick, dateTime, language } = useLocalize();
  const end = new Date(hearing.endsAt);
  const sameDay = new Date(hearing.startsAt).toDateString() === end.toDateString();
  const endText = sameDay ? new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(end) : dateTime(hearing.endsAt);
  const place = hearing.location ? pick(hearing.location, hearing.locationZh) : null;
  return (
    <>
      <time dateTime={hearing.startsAt}>{dateTime(hearing.startsAt)}</time> – <time dateTime={hearing.endsAt}>{endText}</time>
      {place ? <> · {place}</> : null}
      {hearing.onlineUrl ? <> · {t('hearings.online')}</> : null}
    </>
  );
}

/** "Response report due in 12 working days" / "overdue by 3 working days" (in red) / published in time or late. */
export function ReportDeadline({ deadline }: { deadline: Deadline | null }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  if (!deadline) return null;
  const dueDay = date(new Date(new Date(deadline.dueAt).getTime() - 1).toISOString());
  if (deadline.state === 'overdue') {
    return (
      <strong className="text-error-dark" data-testid="report-deadline">
        {t('hearings.deadline.overdue', { count: deadline.workingDays, date: dueDay })}
      </strong>
    );
  }
  if (deadline.state === 'answered') {
    return (
      <span className={deadline.answeredLate ? 'text-error-dark' : undefined} data-testid="report-deadline">
        {deadline.answeredLate ? t('hearings.deadline.late', { date: dueDay }) : t('hearings.deadline.inTime', { date: dueDay })}
      </span>
    );
  }
  return (
    <span data-testid="report-deadline">
      {deadline.workingDays === 0 ? t('hearings.deadline.dueToday') : t('hearings.deadline.due', { count: deadline.workingDays, date: dueDay })}
    </span>
  );
}
