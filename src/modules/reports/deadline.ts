/**
 * The fix deadline of a report and a department's record, as pure functions over report rows, the
 * working-day calendar and the time: no database, so pages, the API and tests compute the same.
 */
import { deadlineStatus, localDate, workingDaysBetween, type WorkingCalendar } from '../../core/calendar/working-days.js';
import { OPEN_STATES } from './rules.js';
import type { ReportState } from './tables.js';

export interface ReportDeadline {
  /** due: working days left (0: due today); overdue: working days late; fixed: the department marked it fixed. */
  state: 'due' | 'overdue' | 'fixed';
  workingDays: number;
  dueAt: string;
  /** For a fixed report, whether the fix came after the due date. */
  fixedLate: boolean | null;
}

export interface DeadlineRow {
  state: ReportState;
  due_at: Date;
  fixed_late: boolean | null;
}

export function reportDeadline(row: DeadlineRow, now: Date, calendar: WorkingCalendar): ReportDeadline {
  const dueAt = row.due_at.toISOString();
  if (!OPEN_STATES.includes(row.state)) return { state: 'fixed', workingDays: 0, dueAt, fixedLate: row.fixed_late ?? false };
  const status = deadlineStatus(row.due_at, now, calendar);
  return { state: status.state === 'overdue' ? 'overdue' : 'due', workingDays: status.workingDays, dueAt, fixedLate: null };
}

export interface RecordRow extends DeadlineRow {
  assigned_at: Date;
  fixed_at: Date | null;
  reopen_count: number;
}

/** A department's public record on the reports it is responsible for. */
export interface DepartmentRecordNumbers {
  /** Reports it is responsible for now (received directly or transferred to it). */
  received: number;
  /** Still open: submitted, acknowledged, in progress or reopened. */
  open: number;
  /** Marked fixed (and not reopened since), confirmed or not. */
  fixed: number;
  /** Of those, fixed by their due date. */
  fixedOnTime: number;
  /** fixedOnTime / fixed (null when nothing was fixed). */
  fixedOnTimeShare: number | null;
  /** Median working days from receipt to the fix (null when nothing was fixed). */
  medianWorkingDaysToFix: number | null;
  /** Reports the reporter reopened at least once. */
  reopened: number;
  /** reopened / reports ever marked fixed (null when none was). */
  reopenedShare: number | null;
  /** Open reports past their due date at this moment. */
  overdueNow: number;
  /** Reports it passed to another department as not its responsibility. */
  transferredAway: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function departmentRecord(rows: RecordRow[], now: Date, calendar: WorkingCalendar, transferredAway = 0): DepartmentRecordNumbers {
  let open = 0;
  let overdueNow = 0;
  let fixedOnTime = 0;
  let reopened = 0;
  let everFixed = 0;
  const days: number[] = [];
  for (const row of rows) {
    if (OPEN_STATES.includes(row.state)) {
      open++;
      if (row.due_at.getTime() <= now.getTime()) overdueNow++;
    } else if (row.fixed_at) {
      days.push(Math.max(0, workingDaysBetween(localDate(row.assigned_at, calendar), localDate(row.fixed_at, calendar), calendar)));
      if (row.fixed_late === false) fixedOnTime++;
    }
    if (row.fixed_at) everFixed++;
    if (row.reopen_count > 0) reopened++;
  }
  const fixed = days.length;
  return {
    received: rows.length,
    open,
    fixed,
    fixedOnTime,
    fixedOnTimeShare: fixed > 0 ? fixedOnTime / fixed : null,
    medianWorkingDaysToFix: median(days),
    reopened,
    reopenedShare: everFixed > 0 ? reopened / everFixed : null,
    overdueNow,
    transferredAway,
  };
}
