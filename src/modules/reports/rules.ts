/**
 * The report state machine as pure functions: operations refuse with these codes, and the routes
 * compute the caller's abilities from the same functions, so the page and the server never disagree.
 */
import type { ReportState } from './tables.js';

/** States in which the department still has to act, against the deadline. */
export const OPEN_STATES: ReportState[] = ['submitted', 'acknowledged', 'in_progress', 'reopened'];

/** Open311 knows two statuses: open (the department is on it) and closed (fixed). */
export function open311Status(state: ReportState): 'open' | 'closed' {
  return OPEN_STATES.includes(state) ? 'open' : 'closed';
}

/** What officials may set a report to. */
export type StatusTarget = 'acknowledged' | 'in_progress' | 'fixed';

/** From which states each status update may come; `in_progress` may repeat to post a progress note. */
const STATUS_FROM: Record<StatusTarget, ReportState[]> = {
  acknowledged: ['submitted', 'reopened'],
  in_progress: ['submitted', 'acknowledged', 'in_progress', 'reopened'],
  fixed: ['submitted', 'acknowledged', 'in_progress', 'reopened'],
};

export function statusRefusal(state: ReportState, target: StatusTarget): 'report_closed' | 'report_invalid_transition' | null {
  if (!OPEN_STATES.includes(state)) return 'report_closed';
  return STATUS_FROM[target].includes(state) ? null : 'report_invalid_transition';
}

/** The department may hand an open report to another department (not its responsibility). */
export function transferRefusal(state: ReportState): 'report_closed' | null {
  return OPEN_STATES.includes(state) ? null : 'report_closed';
}

/** The reporter confirms or reopens a report the department marked fixed. */
export function reporterRefusal(state: ReportState): 'report_not_fixed' | null {
  return state === 'fixed' ? null : 'report_not_fixed';
}

/** How many photos a report may carry. */
export const MAX_REPORT_PHOTOS = 6;

/** Open311 lists span at most this many days (the specification's limit), and the default window. */
export const OPEN311_MAX_DAYS = 90;
/** At most this many requests in one Open311 list. */
export const OPEN311_MAX_RESULTS = 1000;
