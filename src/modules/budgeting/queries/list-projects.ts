import { attachmentsOf } from '../../../core/attachments/attachments.js';
import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { ProjectState } from '../tables.js';
import type { ProjectSummary } from '../schemas.js';

export interface ProjectFilters {
  budgetId: string;
  q?: string;
  /** The chosen area and everything below it. */
  areaIds?: string[];
  category?: string;
  state?: ProjectState;
  onBallot?: boolean;
  limit: number;
  offset: number;
}

const ON_BALLOT: ProjectState[] = ['feasible', 'selected', 'not_selected'];

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

/** The projects of a budget, filtered and searched (English and Chinese), in the order of their codes. */
export async function listProjects(db: Executor, filters: ProjectFilters): Promise<{ projects: ProjectSummary[]; total: number }> {
  let query = db.selectFrom('budget_projects as p').where('p.budget_id', '=', filters.budgetId);
  if (filters.state) query = query.where('p.state', '=', filters.state);
  if (filters.onBallot) query = query.where('p.state', 'in', ON_BALLOT);
  if (filters.category) query = query.where('p.category', '=', filters.category);
  if (filters.areaIds) query = query.where('p.area_id', 'in', filters.areaIds.length > 0 ? filters.areaIds : ['00000000-0000-0000-0000-000000000000']);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsQuery) query = query.where(sql<boolean>`false`);
  if (tsQuery) query = query.where((eb) => eb(eb.ref('p.tsv'), '@@', tsQuery as never));
  const [rows, total] = await Promise.all([
    query
      .leftJoin('users as u', 'u.id', 'p.proposer_user_id')
      .leftJoin('organizations as o', 'o.id', 'p.proposer_organization_id')
      .select([
        'p.id', 'p.budget_id', 'p.code', 'p.title', 'p.title_zh', 'p.description', 'p.cost', 'p.original_cost', 'p.area_id', 'p.category', 'p.state',
        'p.implementation_status', 'p.proposal_id', 'p.created_at', 'u.display_name', 'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh',
      ])
      // Codes are numbers for projects made here, any text for imported ones: numbers first, in order.
      .orderBy(sql`case when p.code ~ '^[0-9]{1,15}$' then p.code::bigint end`)
      .orderBy('p.code')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const attachments = await attachmentsOf(db, 'budget_project', rows.map((r) => r.id));
  return {
    total: total.n,
    projects: rows.map((r) => ({
      id: r.id,
      budgetId: r.budget_id,
      code: r.code,
      title: r.title,
      titleZh: r.title_zh,
      excerpt: excerpt(r.description),
      cost: Number(r.cost),
      originalCost: r.original_cost === null ? null : Number(r.original_cost),
      areaId: r.area_id,
      category: r.category,
      state: r.state,
      implementationStatus: r.implementation_status,
      proposer: {
        displayName: r.display_name,
        organization: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name!, nameZh: r.org_name_zh } : null,
      },
      proposalId: r.proposal_id,
      createdAt: r.created_at.toISOString(),
      image: attachments.get(r.id)?.find((a) => a.kind === 'image') ?? null,
    })),
  };
}

/** Categories used by a budget's projects. */
export async function projectCategories(db: Executor, budgetId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('budget_projects')
    .select('category')
    .distinct()
    .where('budget_id', '=', budgetId)
    .where('category', 'is not', null)
    .orderBy('category')
    .limit(100)
    .execute();
  return rows.map((r) => r.category!);
}

/** How many projects of each budget are in each state (public records, not votes). */
export async function projectCounts(db: Executor, budgetIds: string[]): Promise<Map<string, Record<ProjectState, number>>> {
  const out = new Map<string, Record<ProjectState, number>>();
  for (const id of budgetIds) out.set(id, { submitted: 0, feasible: 0, infeasible: 0, withdrawn: 0, selected: 0, not_selected: 0 });
  if (budgetIds.length === 0) return out;
  const rows = await db
    .selectFrom('budget_projects')
    .select(['budget_id', 'state', sql<number>`count(*)::int`.as('n')])
    .where('budget_id', 'in', budgetIds)
    .groupBy(['budget_id', 'state'])
    .execute();
  for (const r of rows) out.get(r.budget_id)![r.state] = r.n;
  return out;
}
