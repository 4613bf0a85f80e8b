/** The requests API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  Decision,
  Deadline,
  DepartmentRecord,
  GroundView,
  Ranking,
  RequestDetail,
  RequestList,
  RequestMessage,
  RequestOptions,
  RequestSettingsView,
  RequestSummary,
  ShownState,
  Totals,
} from '../schemas.js';

export const SHOWN_STATES = ['awaiting_response', 'awaiting_clarification', 'overdue', 'very_overdue', 'successful', 'partially_successful', 'not_held', 'refused', 'internal_review', 'withdrawn'] as const;
export const DECISIONS = ['successful', 'partially_successful', 'not_held', 'refused'] as const;
export const CATEGORIES = ['budgets_spending', 'plans', 'regulations', 'meeting_minutes', 'contracts', 'procurement', 'statistics', 'reports', 'other'] as const;

/** The web path of a request. */
export function requestUrl(id: string): string {
  return `/requests/${id}`;
}

/** The web path of a department's record on requests. */
export function recordUrl(slug: string): string {
  return `/requests/departments/${slug}`;
}
