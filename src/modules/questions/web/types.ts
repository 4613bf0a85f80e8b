/** The questions API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  AskOptions,
  CosignResponse,
  Deadline,
  DeclineGroundView,
  DepartmentRecord,
  DepartmentSettings,
  MonthRow,
  OverdueItem,
  QuestionDetail,
  QuestionList,
  QuestionState,
  QuestionSummary,
  Ranking,
  TimelineEntry,
  Totals,
} from '../schemas.js';

/** The web path of a question. */
export function questionUrl(id: string): string {
  return `/questions/${id}`;
}

/** The web path of a department's record on questions. */
export function recordUrl(slug: string): string {
  return `/questions/departments/${slug}`;
}
