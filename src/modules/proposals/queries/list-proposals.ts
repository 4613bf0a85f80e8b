import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor, Tables } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { ProposalState } from '../tables.js';

export interface ListFilters {
  /** One process, or every process (with `mine`). */
  processId?: string;
  q?: string;
  areaIds?: string[];
  category?: string;
  state?: ProposalState;
  /** Only the caller's own proposals (as author, co-author or representative), drafts and hidden ones included. */
  mine: boolean;
  sort: 'supports' | 'newest' | 'random';
  seed?: string;
  limit: number;
  offset: number;
}

type Scope = Tables & { p: Tables['proposals'] };

/** The caller's own proposals: authored, co-authored, or proposed for an organization they represent. */
export function authoredBy(actor: Actor) {
  return (eb: ExpressionBuilder<Scope, 'p'>) => {
    if (actor.kind !== 'user') return eb.val(false);
    const organizations = actor.memberships.filter((m) => m.role === 'representative').map((m) => m.organizationId);
    return eb.or([
      eb('p.author_id', '=', actor.id),
      eb.exists(eb.selectFrom('proposal_coauthors as c').select('c.proposal_id').whereRef('c.proposal_id', '=', 'p.id').where('c.user_id', '=', actor.id)),
      ...(organizations.length > 0 ? [eb('p.organization_id', 'in', organizations)] : []),
    ]);
  };
}

/**
 * Proposals as a list, filtered by what the caller may see in SQL: published and not hidden for
 * everyone, plus (with `mine`) the caller's own drafts and hidden ones. Sorted by supports, newest,
 * or a random order that stays the same for one seed (so a visitor can page through it).
 */
export async function listProposals(db: Executor, actor: Actor, filters: ListFilters) {
  let query = db.selectFrom('proposals as p');
  if (filters.processId) query = query.where('p.process_id', '=', filters.processId);
  if (filters.mine) query = query.where(authoredBy(actor));
  else query = query.where('p.state', '!=', 'draft').where('p.hidden_at', 'is', null);
  if (filters.state) query = query.where('p.state', '=', filters.state);
  if (filters.category) query = query.where('p.category', '=', filters.category);
  if (filters.areaIds) query = query.where('p.area_id', 'in', filters.areaIds.length > 0 ? filters.areaIds : ['00000000-0000-0000-0000-000000000000']);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsQuery) query = query.where(sql<boolean>`false`);
  if (tsQuery) query = query.where((eb) => eb(eb.ref('p.tsv'), '@@', tsQuery as never));

  const me = actor.kind === 'user' ? actor.id : null;
  let rows = query
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .innerJoin('processes as pr', 'pr.id', 'p.process_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id', 'p.process_id', 'p.title', 'p.body', 'p.state', 'p.supports_count', 'p.category', 'p.area_id', 'p.created_at', 'p.published_at',
      'p.qualified_at', 'p.answer_due_at', 'p.answered_at', 'p.hidden_at', 'u.display_name',
      'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh',
      'pr.slug as process_slug', 'pr.title as process_title', 'pr.title_zh as process_title_zh', 'pr.support_threshold',
    ])
    .select((eb) =>
      me
        ? eb.exists(eb.selectFrom('proposal_supports as s').select('s.user_id').whereRef('s.proposal_id', '=', 'p.id').where('s.user_id', '=', me)).as('supported_by_me')
        : sql<boolean>`false`.as('supported_by_me'),
    );
  if (filters.sort === 'supports') rows = rows.orderBy('p.supports_count', 'desc').orderBy('p.published_at', 'desc');
  else if (filters.sort === 'random') rows = rows.orderBy(sql`md5(p.id::text || ${filters.seed ?? 'civitas'})`);
  else rows = rows.orderBy(sql`coalesce(p.published_at, p.created_at)`, 'desc');
  const [list, total] = await Promise.all([
    rows.orderBy('p.id').limit(filters.limit).offset(filters.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: list, total: total.n };
}

export type ListedProposal = Awaited<ReturnType<typeof listProposals>>['rows'][number];

/** Categories already used by visible proposals of a process, for suggestions. */
export async function categoriesOf(db: Executor, processId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('proposals')
    .select('category')
    .distinct()
    .where('process_id', '=', processId)
    .where('state', '!=', 'draft')
    .where('hidden_at', 'is', null)
    .where('category', 'is not', null)
    .orderBy('category')
    .limit(100)
    .execute();
  return rows.map((r) => r.category!);
}
