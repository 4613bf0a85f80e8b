import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { hasRole } from '../../../core/permissions/policy.js';
import { searchQuery } from '../../../core/search/text-search.js';
import type { PublicationCategory, PublicationStatus } from '../tables.js';

export interface ListFilters {
  q?: string;
  departmentId?: string;
  category?: PublicationCategory;
  /** The area and its sub-areas. */
  areaIds?: string[];
  /** Document dates from and to (inclusive), `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** Drafts are listed only to the staff who may see them. */
  status?: PublicationStatus;
  limit: number;
  offset: number;
}

const NO_MATCH = '00000000-0000-0000-0000-000000000000';

/** The departments whose drafts the actor sees: all for administrators, else those they hold a post in. */
export function draftScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'administrator')) return 'all';
  if (actor.kind !== 'user' || actor.blocked || actor.assistedBy) return [];
  return [...new Set(actor.posts.map((p) => p.organizationId))];
}

/**
 * The register as a list, filtered in SQL by what the caller may see (published and withdrawn
 * documents; drafts of the caller's departments), by department, category, area, document date,
 * status and English or Chinese words (title, summary and the text inside the attachments); the
 * latest publications first, drafts (not published yet) by their last change.
 */
export async function listPublications(db: Executor, actor: Actor, filters: ListFilters) {
  const scope = draftScope(actor);
  let query = db.selectFrom('publications as p');
  query = query.where((eb) => {
    const visible = [eb('p.status', '<>', 'draft')];
    if (scope === 'all') visible.push(eb('p.status', '=', 'draft'));
    else if (scope.length > 0) visible.push(eb.and([eb('p.status', '=', 'draft'), eb('p.department_id', 'in', scope)]));
    return eb.or(visible);
  });
  if (filters.status) query = query.where('p.status', '=', filters.status);
  if (filters.departmentId) query = query.where('p.department_id', '=', filters.departmentId);
  if (filters.category) query = query.where('p.category', '=', filters.category);
  if (filters.areaIds) query = query.where('p.area_id', 'in', filters.areaIds.length > 0 ? filters.areaIds : [NO_MATCH]);
  if (filters.from) query = query.where('p.document_date', '>=', filters.from);
  if (filters.to) query = query.where('p.document_date', '<=', filters.to);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsQuery) query = query.where(sql<boolean>`false`);
  if (tsQuery) query = query.where((eb) => eb(eb.ref('p.tsv'), '@@', tsQuery as never));

  const rows = query
    .innerJoin('organizations as d', 'd.id', 'p.department_id')
    .select([
      'p.id', 'p.title', 'p.summary', 'p.category', 'p.status', 'p.area_id', 'p.document_date', 'p.valid_from', 'p.valid_until',
      'p.published_at', 'p.corrected_at', 'p.withdrawn_at', 'p.updated_at', 'p.department_id',
      'd.slug as dept_slug', 'd.name as dept_name', 'd.name_zh as dept_name_zh',
    ])
    .select((eb) =>
      eb
        .selectFrom('attachments as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('a.owner_type', '=', 'publication')
        .where('a.owner_id', '=', sql<string>`p.id::text`)
        .as('attachment_count'),
    )
    .orderBy(sql`p.published_at desc nulls first`)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id');
  const [list, total] = await Promise.all([
    rows.limit(filters.limit).offset(filters.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: list, total: total.n };
}

export type ListedPublication = Awaited<ReturnType<typeof listPublications>>['rows'][number];
