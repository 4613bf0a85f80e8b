import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { ReportRef } from '../policy.js';
import type { ProblemReportsTable } from '../tables.js';

export type ReportRow = Omit<Selectable<ProblemReportsTable>, 'tsv'>;

/** A report with what its pages need around it, and the reference the policy decides on. */
export interface ReportRecord {
  row: ReportRow;
  category: { id: string; code: string; name: string; nameZh: string | null; group: string; groupZh: string | null; workingDays: number };
  department: { id: string; slug: string; name: string; nameZh: string | null };
  ref: ReportRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const reportColumns = [
  'id', 'category_id', 'department_id', 'area_id', 'description', 'latitude', 'longitude', 'address', 'author_id', 'show_name',
  'source', 'api_key_id', 'media_url', 'state', 'status_notes', 'assigned_at', 'due_at', 'overdue_at', 'acknowledged_at',
  'fixed_at', 'fixed_late', 'confirmed_at', 'reopened_at', 'reopen_count', 'transfer_count', 'hidden_at', 'created_at', 'updated_at',
] as const;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * One report with its category and its department. Visibility is the caller's check
 * (`report.read`). With `forUpdate`, the report row stays locked until the transaction ends.
 */
export async function loadReport(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReportRecord | null> {
  if (!isUuid(id)) return null;
  let query = db
    .selectFrom('problem_reports as r')
    .innerJoin('problem_categories as c', 'c.id', 'r.category_id')
    .innerJoin('organizations as o', 'o.id', 'r.department_id')
    .select(reportColumns.map((c) => `r.${c}` as const))
    .select(['c.code', 'c.name as category_name', 'c.name_zh as category_name_zh', 'c.group_name', 'c.group_name_zh', 'c.working_days', 'o.slug as department_slug', 'o.name as department_name', 'o.name_zh as department_name_zh'])
    .where('r.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('r');
  const found = await query.executeTakeFirst();
  if (!found) return null;
  const { code, category_name, category_name_zh, group_name, group_name_zh, working_days, department_slug, department_name, department_name_zh, ...row } = found;
  return {
    row,
    category: { id: row.category_id, code, name: category_name, nameZh: category_name_zh, group: group_name, groupZh: group_name_zh, workingDays: working_days },
    department: { id: row.department_id, slug: department_slug, name: department_name, nameZh: department_name_zh },
    ref: refOf(row),
  };
}

export function refOf(row: Pick<ReportRow, 'state' | 'author_id' | 'department_id' | 'hidden_at'>): ReportRef {
  return { state: row.state, authorId: row.author_id, departmentId: row.department_id, hidden: row.hidden_at !== null };
}

/** The web path of a report. */
export function reportPath(id: string): string {
  return `/reports/${id}`;
}

/** The title in Chinese for readers of Chinese (notifications carry it as `data.titleZh`); null when the category has no Chinese name. */
export function reportTitleZh(row: Pick<ReportRow, 'description' | 'address'>, categoryNameZh: string | null): string | null {
  return categoryNameZh ? reportTitle(row, categoryNameZh) : null;
}

/** A short title for notifications, moderation queues and follows: the start of the description. */
export function reportTitle(row: Pick<ReportRow, 'description' | 'address'>, categoryName: string): string {
  const flat = row.description.replace(/\s+/g, ' ').trim();
  const text = flat || row.address || '';
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return short ? `${categoryName}: ${short}` : categoryName;
}
