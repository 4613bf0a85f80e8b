import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { ReportState } from '../tables.js';
import { reportColumns, type ReportRow } from './load-report.js';

export interface ListReportsOptions {
  ids?: string[];
  q?: string;
  /** Open311 service codes. */
  categoryCodes?: string[];
  createdFrom?: Date;
  createdTo?: Date;
  categoryId?: string;
  states?: ReportState[];
  /** An area and everything below it. */
  areaIds?: string[];
  departmentId?: string;
  /** Only open reports past their due date at this moment. */
  overdueAt?: Date;
  authorId?: string;
  /** Hidden reports too (the reporter's own list). */
  includeHidden?: boolean;
  /** newest first, or the most overdue first. */
  order?: 'newest' | 'due';
  limit: number;
  offset: number;
}

/** A listed report with the names its summary shows. */
export interface ListedReport extends ReportRow {
  code: string;
  category_name: string;
  category_name_zh: string | null;
  department_slug: string;
  department_name: string;
  department_name_zh: string | null;
  author_name: string | null;
  key_label: string | null;
  key_organization_name: string | null;
  key_organization_name_zh: string | null;
}

function filtered(db: Executor, options: ListReportsOptions) {
  let query = db
    .selectFrom('problem_reports as r')
    .innerJoin('problem_categories as c', 'c.id', 'r.category_id')
    .innerJoin('organizations as o', 'o.id', 'r.department_id');
  if (!options.includeHidden) query = query.where('r.hidden_at', 'is', null);
  if (options.ids) query = options.ids.length > 0 ? query.where('r.id', 'in', options.ids) : query.where(sql<boolean>`false`);
  if (options.categoryCodes) query = options.categoryCodes.length > 0 ? query.where('c.code', 'in', options.categoryCodes) : query.where(sql<boolean>`false`);
  if (options.createdFrom) query = query.where('r.created_at', '>=', options.createdFrom);
  if (options.createdTo) query = query.where('r.created_at', '<=', options.createdTo);
  if (options.categoryId) query = query.where('r.category_id', '=', options.categoryId);
  if (options.states) query = query.where('r.state', 'in', options.states.length > 0 ? options.states : ['submitted']);
  if (options.areaIds) query = options.areaIds.length > 0 ? query.where('r.area_id', 'in', options.areaIds) : query.where(sql<boolean>`false`);
  if (options.departmentId) query = query.where('r.department_id', '=', options.departmentId);
  if (options.overdueAt) {
    query = query.where('r.state', 'in', ['submitted', 'acknowledged', 'in_progress', 'reopened']).where('r.due_at', '<=', options.overdueAt);
  }
  if (options.authorId) query = query.where('r.author_id', '=', options.authorId);
  const q = options.q ? searchQuery(options.q) : null;
  if (q) query = query.where(sql<boolean>`r.tsv @@ ${q}`);
  return query;
}

/** Reports matching the filters, newest first (or most overdue first), with the total count. */
export async function listReports(db: Executor, options: ListReportsOptions): Promise<{ rows: ListedReport[]; total: number }> {
  const base = filtered(db, options);
  let rowsQuery = base
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .leftJoin('open311_api_keys as k', 'k.id', 'r.api_key_id')
    .leftJoin('organizations as ko', 'ko.id', 'k.organization_id')
    .select(reportColumns.map((c) => `r.${c}` as const))
    .select([
      'c.code', 'c.name as category_name', 'c.name_zh as category_name_zh',
      'o.slug as department_slug', 'o.name as department_name', 'o.name_zh as department_name_zh',
      'u.display_name as author_name', 'k.label as key_label', 'ko.name as key_organization_name', 'ko.name_zh as key_organization_name_zh',
    ]);
  rowsQuery = options.order === 'due' ? rowsQuery.orderBy('r.due_at').orderBy('r.id') : rowsQuery.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
  const [rows, count] = await Promise.all([
    rowsQuery.limit(options.limit).offset(options.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ListedReport[], total: count.n };
}
