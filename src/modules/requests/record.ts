/**
 * A department's record on information requests, as pure functions over its requests and the
 * working-day calendar (no database, no clock):
 *
 * - responded on time: the decision came before the end of the due day (pauses and the extension
 *   included); late: after it, or never, with the deadline passed (overdue now, or appealed for lateness);
 * - the on-time share is of the requests that were responded to or are late;
 * - the median counts WORKING days from the day of the request to the day of the decision;
 * - the refusal rate is of the decisions: refusals in whole or in part, by legal ground;
 * - internal reviews by outcome (upheld, partly upheld, overturned) and still pending.
 */
import { localDate, workingDaysBetween, type WorkingCalendar } from '../../core/calendar/working-days.js';
import { shownState, type ShownState } from './deadlines.js';
import type { RefusalGround, RequestDecision, RequestState, ReviewOutcome } from './tables.js';

export interface RecordRequest {
  createdAt: Date;
  state: RequestState;
  dueAt: Date | null;
  veryOverdueDueAt: Date | null;
  respondedAt: Date | null;
  decision: RequestDecision | null;
  refusalGround: RefusalGround | null;
  reviewFromState: RequestState | null;
  reviewOutcome: ReviewOutcome | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface GroundCount {
  code: string;
  label: string;
  labelZh: string | null;
  legalReference: string;
  count: number;
}

export interface RequestTotals {
  filed: number;
  responded: number;
  respondedOnTime: number;
  respondedLate: number;
  /** Late without any response: overdue now, or appealed for lateness. */
  lateWithoutResponse: number;
  overdueNow: number;
  veryOverdueNow: number;
  onTimeShare: number | null;
  medianWorkingDays: number | null;
  refused: number;
  partiallySuccessful: number;
  /** (refused + partially successful) / responded. */
  refusalRate: number | null;
  byGround: GroundCount[];
  byState: Record<ShownState, number>;
  reviews: { requested: number; pending: number; upheld: number; partlyUpheld: number; overturned: number };
}

export function emptyStates(): Record<ShownState, number> {
  return {
    awaiting_response: 0, awaiting_clarification: 0, partially_successful: 0, successful: 0, not_held: 0, refused: 0,
    withdrawn: 0, internal_review: 0, overdue: 0, very_overdue: 0,
  };
}

export function requestTotals(requests: RecordRequest[], now: Date, calendar: WorkingCalendar): RequestTotals {
  const days: number[] = [];
  const grounds = new Map<string, GroundCount>();
  const byState = emptyStates();
  const reviews = { requested: 0, pending: 0, upheld: 0, partlyUpheld: 0, overturned: 0 };
  let responded = 0;
  let onTime = 0;
  let late = 0;
  let lateWithout = 0;
  let overdueNow = 0;
  let veryOverdueNow = 0;
  let refused = 0;
  let partial = 0;
  for (const r of requests) {
    const shown = shownState({ state: r.state, due_at: r.dueAt, very_overdue_due_at: r.veryOverdueDueAt }, now);
    byState[shown]++;
    if (shown === 'overdue' || shown === 'very_overdue') overdueNow++;
    if (shown === 'very_overdue') veryOverdueNow++;
    if (r.respondedAt && r.decision) {
      responded++;
      if (r.dueAt && r.respondedAt.getTime() < r.dueAt.getTime()) onTime++;
      else late++;
      days.push(Math.max(0, workingDaysBetween(localDate(r.createdAt, calendar), localDate(r.respondedAt, calendar), calendar)));
      if (r.decision === 'refused') refused++;
      if (r.decision === 'partially_successful') partial++;
      if ((r.decision === 'refused' || r.decision === 'partially_successful') && r.refusalGround) {
        const g = r.refusalGround;
        const entry = grounds.get(g.code) ?? { code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference, count: 0 };
        entry.count++;
        grounds.set(g.code, entry);
      }
    } else if (r.reviewFromState === 'awaiting_response') lateWithout++;
    if (r.reviewFromState) {
      reviews.requested++;
      if (r.reviewOutcome === 'upheld') reviews.upheld++;
      else if (r.reviewOutcome === 'partly_upheld') reviews.partlyUpheld++;
      else if (r.reviewOutcome === 'overturned') reviews.overturned++;
      else reviews.pending++;
    }
  }
  const judged = responded + overdueNow + lateWithout;
  return {
    filed: requests.length,
    responded,
    respondedOnTime: onTime,
    respondedLate: late,
    lateWithoutResponse: lateWithout,
    overdueNow,
    veryOverdueNow,
    onTimeShare: judged > 0 ? onTime / judged : null,
    medianWorkingDays: median(days),
    refused,
    partiallySuccessful: partial,
    refusalRate: responded > 0 ? (refused + partial) / responded : null,
    byGround: [...grounds.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byState,
    reviews,
  };
}

/**
 * Departments ordered by the on-time share, then the lower refusal rate, then the shorter median;
 * those with nothing to judge yet come last, unranked. Ties share a rank.
 */
export function rankDepartments<D extends { name: string }>(entries: { department: D; totals: RequestTotals }[]) {
  const key = (t: RequestTotals) => [t.onTimeShare ?? -1, -(t.refusalRate ?? 1), -(t.medianWorkingDays ?? Number.MAX_SAFE_INTEGER), t.filed];
  const sorted = [...entries].sort((a, b) => {
    const ka = key(a.totals);
    const kb = key(b.totals);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.department.name.localeCompare(b.department.name);
  });
  let previous: number[] | null = null;
  let rank = 0;
  return sorted.map((entry, i) => {
    if (entry.totals.onTimeShare === null) return { ...entry, rank: null as number | null };
    const k = key(entry.totals);
    if (!previous || k.some((v, j) => v !== previous![j])) rank = i + 1;
    previous = k;
    return { ...entry, rank: rank as number | null };
  });
}
