import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor, Tables } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { ShownState } from '../deadlines.js';

export interface ListFilters {
  q?: string;
  departmentId?: string;
  /** As residents see states: `overdue` and `very_overdue` are computed from the due dates now. */
  state?: ShownState;
  /** Only the caller's own requests, hidden ones included. */
  mine: boolean;
  /** Only requests with a decision (for the latest responses). */
  responded?: boolean;
  sort: 'newest' | 'due' | 'responded';
  limit: number;
  offset: number;
}

type Scope = Tables & { r: Tables['information_requests'] };

/** The caller's own requests: filed by them, or for an organization they represent. */
export function filedBy(actor: Actor) {
  return (eb: ExpressionBuilder<Scope, 'r'>) => {
    if (actor.kind !== 'user') return eb.val(false);
    const organizations = actor.memberships.filter((m) => m.role === 'representative').map((m) => m.organizationId);
    return eb.or([eb('r.author_id', '=', actor.id), ...(organizations.length > 0 ? [eb('r.organization_id', 'in', organizations)] : [])]);
  };
}

/**
 * Requests as a list, filtered in SQL by what the caller may see (not hidden, or their own with
 * `mine`), by department, by the state as residents see it now, and English or Chinese words.
 */
export async function listRequests(db: Executor, actor: Actor, now: Date, filters: ListFilters) {
  let query = db.selectFrom('information_requests as r');
  if (filters.mine) query = query.where(filedBy(actor));
  else query = query.where('r.hidden_at', 'is', null);
  if (filters.departmentId) query = query.where('r.department_id', '=', filters.departmentId);
  if (filters.responded) query = query.where('r.decision', 'is not', null);
  const state = filters.state;
  if (state === 'overdue') query = query.where('r.state', '=', 'awaiting_response').where('r.due_at', '<=', now);
  else if (state === 'very_overdue') query = query.where('r.state', '=', 'awaiting_response').where('r.very_overdue_due_at', '<=', now);
  else if (state === 'awaiting_response') query = query.where('r.state', '=', 'awaiting_response').where('r.due_at', '>', now);
  else if (state) query = query.where('r.state', '=', state);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsQuery) query = query.where(sql<boolean>`false`);
  if (tsQuery) query = query.where((eb) => eb(eb.ref('r.tsv'), '@@', tsQuery as never));

  let rows = query
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .innerJoin('organizations as d', 'd.id', 'r.department_id')
    .leftJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('information_request_messages as m', (join) => join.onRef('m.request_id', '=', 'r.id').on('m.seq', '=', 1))
    .select([
      'r.id', 'r.title', 'r.state', 'r.department_id', 'r.author_id', 'r.organization_id', 'r.pseudonym', 'r.created_at', 'r.due_at', 'r.very_overdue_due_at',
      'r.responded_at', 'r.review_due_at', 'r.review_decided_at', 'r.decision', 'r.classification', 'r.hidden_at', 'r.publication_path',
      'u.display_name', 'm.body', 'm.redactions',
      'd.slug as dept_slug', 'd.name as dept_name', 'd.name_zh as dept_name_zh',
      'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh',
    ]);
  if (filters.sort === 'due') rows = rows.orderBy(sql`case when r.state = 'awaiting_response' then 0 else 1 end`).orderBy(sql`r.due_at asc nulls last`);
  else if (filters.sort === 'responded') rows = rows.orderBy(sql`r.responded_at desc nulls last`);
  rows = rows.orderBy('r.created_at', 'desc');
  const [list, total] = await Promise.all([
    rows.orderBy('r.id').limit(filters.limit).offset(filters.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: list, total: total.n };
}

export type ListedRequest = Awaited<ReturnType<typeof listRequests>>['rows'][number];
