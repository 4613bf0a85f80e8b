/**
 * A request's deadlines as pure functions over the working-day calendar (no database, no clock):
 * the response is due the given working days after the request arrived, pushed back by every pause
 * while the department waited for a clarification and by the one extension; very overdue comes the
 * configured number of working days after that.
 */
import { deadlineFor, deadlineStatus, type Pause, type WorkingCalendar } from '../../core/calendar/working-days.js';
import type { RequestState } from './tables.js';

export interface ClockFacts {
  receivedAt: Date;
  workingDays: number;
  /** Working days added by the extension (0 when not extended). */
  extensionDays: number;
  pauses: Pause[];
}

/** The end of the last working day to respond; null while a pause is running. */
export function responseDueAt(facts: ClockFacts, calendar: WorkingCalendar): Date | null {
  return deadlineFor(facts.receivedAt, facts.workingDays + facts.extensionDays, calendar, facts.pauses);
}

/** When a request still without a decision becomes very overdue; null while paused. */
export function veryOverdueDueAt(facts: ClockFacts, veryOverdueDays: number, calendar: WorkingCalendar): Date | null {
  return deadlineFor(facts.receivedAt, facts.workingDays + facts.extensionDays + veryOverdueDays, calendar, facts.pauses);
}

/** The state as residents see it now: overdue and very overdue are derived from the due dates. */
export type ShownState = RequestState | 'overdue' | 'very_overdue';

export function shownState(row: { state: RequestState; due_at: Date | null; very_overdue_due_at: Date | null }, now: Date): ShownState {
  if (row.state !== 'awaiting_response' || !row.due_at || now.getTime() < row.due_at.getTime()) return row.state;
  return row.very_overdue_due_at && now.getTime() >= row.very_overdue_due_at.getTime() ? 'very_overdue' : 'overdue';
}

export interface DeadlineView {
  /** What is due: the department's response, or the supervising department's review decision. */
  kind: 'response' | 'review';
  /** due: working days left (0: due today); overdue: working days late; paused: waiting for clarification; closed: decided. */
  state: 'due' | 'overdue' | 'paused' | 'closed';
  workingDays: number;
  dueAt: string | null;
  veryOverdue: boolean;
  /** Once decided: whether the decision came after the due date. */
  late: boolean | null;
}

interface DeadlineRow {
  state: RequestState;
  due_at: Date | null;
  very_overdue_due_at: Date | null;
  responded_at: Date | null;
  review_due_at: Date | null;
  review_decided_at: Date | null;
}

/** The deadline pages show at each step, computed now. */
export function deadlineView(row: DeadlineRow, now: Date, calendar: WorkingCalendar): DeadlineView {
  if (row.state === 'internal_review' || row.review_decided_at) {
    const dueAt = row.review_due_at;
    if (row.review_decided_at) {
      return { kind: 'review', state: 'closed', workingDays: 0, dueAt: dueAt?.toISOString() ?? null, veryOverdue: false, late: dueAt ? row.review_decided_at >= dueAt : false };
    }
    const status = deadlineStatus(dueAt, now, calendar);
    return { kind: 'review', state: status.state, workingDays: status.workingDays, dueAt: dueAt?.toISOString() ?? null, veryOverdue: false, late: null };
  }
  if (row.state === 'awaiting_clarification') return { kind: 'response', state: 'paused', workingDays: 0, dueAt: null, veryOverdue: false, late: null };
  if (row.state !== 'awaiting_response') {
    const late = row.responded_at && row.due_at ? row.responded_at >= row.due_at : null;
    return { kind: 'response', state: 'closed', workingDays: 0, dueAt: row.due_at?.toISOString() ?? null, veryOverdue: false, late };
  }
  const status = deadlineStatus(row.due_at, now, calendar);
  const very = status.state === 'overdue' && row.very_overdue_due_at !== null && now >= row.very_overdue_due_at;
  return { kind: 'response', state: status.state, workingDays: status.workingDays, dueAt: row.due_at?.toISOString() ?? null, veryOverdue: very, late: null };
}
