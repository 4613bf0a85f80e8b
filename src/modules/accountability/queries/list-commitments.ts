import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { CommitmentKind, CommitmentStatus } from '../tables.js';

export interface ListFilters {
  q?: string;
  status?: CommitmentStatus;
  kind?: CommitmentKind;
  departmentId?: string;
  areaIds?: string[];
  /** Only these ids (the flagged image projects). */
  ids?: string[];
  sort: 'newest' | 'ending' | 'budget';
  limit: number;
  offset: number;
}

/** Commitments matching the filters, a page of them, with the department and the ratings' count and mean. */
export async function listCommitments(db: Executor, filters: ListFilters) {
  let query = db.selectFrom('commitments as c').innerJoin('organizations as o', 'o.id', 'c.department_id');
  if (filters.q) {
    const tsq = searchQuery(filters.q);
    if (tsq) query = query.where(sql<boolean>`c.tsv @@ ${tsq}`);
  }
  if (filters.status) query = query.where('c.status', '=', filters.status);
  if (filters.kind) query = query.where('c.kind', '=', filters.kind);
  if (filters.departmentId) query = query.where('c.department_id', '=', filters.departmentId);
  if (filters.areaIds) query = query.where('c.area_id', 'in', filters.areaIds.length > 0 ? filters.areaIds : ['00000000-0000-0000-0000-000000000000']);
  if (filters.ids) query = query.where('c.id', 'in', filters.ids.length > 0 ? filters.ids : ['00000000-0000-0000-0000-000000000000']);
  const total = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let rows = query
    .select([
      'c.id', 'c.kind', 'c.title', 'c.title_zh', 'c.status', 'c.area_id', 'c.planned_budget', 'c.spent', 'c.currency', 'c.planned_start', 'c.planned_end', 'c.progress',
      'c.origin_type', 'c.created_at', 'o.id as dept_id', 'o.slug as dept_slug', 'o.name as dept_name', 'o.name_zh as dept_name_zh',
      (eb) => eb.selectFrom('commitment_ratings as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.commitment_id', '=', 'c.id').as('ratings'),
      (eb) => eb.selectFrom('commitment_ratings as r').select(sql<number | null>`avg((r.benefit + r.value_for_money + r.openness + r.delivered) / 4.0)`.as('m')).whereRef('r.commitment_id', '=', 'c.id').as('average_rating'),
    ]);
  if (filters.sort === 'ending') rows = rows.orderBy('c.planned_end').orderBy('c.id');
  else if (filters.sort === 'budget') rows = rows.orderBy('c.planned_budget', 'desc').orderBy('c.id');
  else rows = rows.orderBy('c.created_at', 'desc').orderBy('c.id');
  return { rows: await rows.limit(filters.limit).offset(filters.offset).execute(), total: Number(total.n) };
}

export type ListedCommitment = Awaited<ReturnType<typeof listCommitments>>['rows'][number];
