/** The reports API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  ApiKey,
  ApiKeysResponse,
  CategoriesResponse,
  Category,
  CreatedApiKey,
  Deadline,
  Open311Settings,
  RecordNumbers,
  RecordResponse,
  RecordsResponse,
  ReportDetail,
  ReportList,
  ReportStateName,
  ReportSummary,
  TimelineEntry,
} from '../schemas.js';

/** The web path of a report. */
export function reportUrl(id: string): string {
  return `/reports/${id}`;
}

/** The web path of a department's record. */
export function recordUrl(slug: string): string {
  return `/reports/departments/${slug}`;
}

export const REPORT_STATES = ['submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed', 'reopened'] as const;
