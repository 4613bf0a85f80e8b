/**
 * A department's record on public questions, as pure functions over its questions and the
 * working-day calendar (no database, no clock), so the numbers can be tested and explained:
 *
 * - each question has one outcome: answered on time (before the end of its due day), answered late,
 *   declined on a legal ground, overdue now (no answer and past due), or open (not yet due);
 * - the median time to answer counts WORKING days from the day of asking to the day of the answer
 *   (an answer the same day is 0), on the published calendar, answered questions only;
 * - the share answered on time is of the questions that were answered or are overdue now (declined
 *   and still-open questions are neither on time nor late);
 * - the share rated resolved is of the answers the askers rated.
 */
import { addCalendarDays, localDate, workingDaysBetween, type WorkingCalendar } from '../../core/calendar/working-days.js';
import type { QuestionState } from './tables.js';

export interface RecordQuestion {
  createdAt: Date;
  answerDueAt: Date;
  answeredAt: Date | null;
  state: QuestionState;
  ratingResolved: boolean | null;
}

export type Outcome = 'answered_on_time' | 'answered_late' | 'declined' | 'overdue' | 'open';

export function outcomeOf(q: RecordQuestion, now: Date): Outcome {
  if (q.state === 'answered' && q.answeredAt) return q.answeredAt.getTime() < q.answerDueAt.getTime() ? 'answered_on_time' : 'answered_late';
  if (q.state === 'declined') return 'declined';
  return now.getTime() >= q.answerDueAt.getTime() ? 'overdue' : 'open';
}

/** The median of a list of numbers (the mean of the two middle ones for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Working days from the day a question was asked to the day it was answered. */
export function workingDaysToAnswer(q: Pick<RecordQuestion, 'createdAt' | 'answeredAt'>, calendar: WorkingCalendar): number | null {
  if (!q.answeredAt) return null;
  return Math.max(0, workingDaysBetween(localDate(q.createdAt, calendar), localDate(q.answeredAt, calendar), calendar));
}

export interface RecordTotals {
  asked: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  declined: number;
  overdueNow: number;
  open: number;
  /** answeredOnTime / (answered + overdueNow); null when there is nothing to judge yet. */
  onTimeShare: number | null;
  /** Median working days from asking to answer (answered questions only). */
  medianWorkingDays: number | null;
  rated: number;
  ratedResolved: number;
  /** ratedResolved / rated; null when no answer was rated. */
  resolvedShare: number | null;
}

export function recordTotals(questions: RecordQuestion[], now: Date, calendar: WorkingCalendar): RecordTotals {
  const counts: Record<Outcome, number> = { answered_on_time: 0, answered_late: 0, declined: 0, overdue: 0, open: 0 };
  const days: number[] = [];
  let rated = 0;
  let ratedResolved = 0;
  for (const q of questions) {
    const outcome = outcomeOf(q, now);
    counts[outcome]++;
    if (outcome === 'answered_on_time' || outcome === 'answered_late') days.push(workingDaysToAnswer(q, calendar)!);
    if (q.ratingResolved !== null) {
      rated++;
      if (q.ratingResolved) ratedResolved++;
    }
  }
  const answered = counts.answered_on_time + counts.answered_late;
  const judged = answered + counts.overdue;
  return {
    asked: questions.length,
    answered,
    answeredOnTime: counts.answered_on_time,
    answeredLate: counts.answered_late,
    declined: counts.declined,
    overdueNow: counts.overdue,
    open: counts.open,
    onTimeShare: judged > 0 ? counts.answered_on_time / judged : null,
    medianWorkingDays: median(days),
    rated,
    ratedResolved,
    resolvedShare: rated > 0 ? ratedResolved / rated : null,
  };
}

export interface MonthRow {
  /** `YYYY-MM` in the calendar's time zone. */
  month: string;
  asked: number;
  answeredOnTime: number;
  /** Answered late, or still unanswered past the due date. */
  late: number;
  declined: number;
  open: number;
}

/** The `count` months up to and including the month of `now`, oldest first (`YYYY-MM`). */
export function lastMonths(now: Date, calendar: WorkingCalendar, count: number): string[] {
  const months: string[] = [];
  let day = `${localDate(now, calendar).slice(0, 7)}-01`;
  for (let i = 0; i < count; i++) {
    months.unshift(day.slice(0, 7));
    day = `${addCalendarDays(day, -1).slice(0, 7)}-01`;
  }
  return months;
}

/**
 * Questions by the month they were asked, over the last `count` months: how many were asked, and
 * what became of them (answered on time, late, declined, still open).
 */
export function monthlyRecord(questions: RecordQuestion[], now: Date, calendar: WorkingCalendar, count = 12): MonthRow[] {
  const months = lastMonths(now, calendar, count);
  const rows = new Map(months.map((month) => [month, { month, asked: 0, answeredOnTime: 0, late: 0, declined: 0, open: 0 }]));
  for (const q of questions) {
    const row = rows.get(localDate(q.createdAt, calendar).slice(0, 7));
    if (!row) continue;
    row.asked++;
    const outcome = outcomeOf(q, now);
    if (outcome === 'answered_on_time') row.answeredOnTime++;
    else if (outcome === 'answered_late' || outcome === 'overdue') row.late++;
    else if (outcome === 'declined') row.declined++;
    else row.open++;
  }
  return months.map((m) => rows.get(m)!);
}

export interface RankedDepartment<D> {
  department: D;
  totals: RecordTotals;
  /** 1 for the best; null for a department without questions to judge yet. */
  rank: number | null;
}

/**
 * Orders departments: those with a share answered on time first, by that share, then the share
 * rated resolved, then the shorter median time to answer, then more questions asked; departments
 * with nothing to judge yet come last, unranked. Ties share a rank.
 */
export function rankDepartments<D extends { name: string }>(entries: { department: D; totals: RecordTotals }[]): RankedDepartment<D>[] {
  const key = (t: RecordTotals) => [t.onTimeShare ?? -1, t.resolvedShare ?? -1, -(t.medianWorkingDays ?? Number.MAX_SAFE_INTEGER), t.asked];
  const sorted = [...entries].sort((a, b) => {
    const ka = key(a.totals);
    const kb = key(b.totals);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.department.name.localeCompare(b.department.name);
  });
  const out: RankedDepartment<D>[] = [];
  let previous: number[] | null = null;
  let rank = 0;
  for (const [i, entry] of sorted.entries()) {
    if (entry.totals.onTimeShare === null) {
      out.push({ ...entry, rank: null });
      continue;
    }
    const k = key(entry.totals);
    if (!previous || k.some((v, j) => v !== previous![j])) rank = i + 1;
    previous = k;
    out.push({ ...entry, rank });
  }
  return out;
}
