import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** How many comments are shown, and how many of them are in favour, against or neutral. */
export interface CommentSummary {
  total: number;
  inFavour: number;
  against: number;
  neutral: number;
}

const counts = [
  sql<number>`count(*)::int`.as('total'),
  sql<number>`(count(*) filter (where stance = 'in_favour'))::int`.as('in_favour'),
  sql<number>`(count(*) filter (where stance = 'against'))::int`.as('against'),
  sql<number>`(count(*) filter (where stance = 'neutral'))::int`.as('neutral'),
] as const;

/**
 * The summary of the comments on a resource (or on one anchor of it, e.g. a clause): deleted and
 * hidden comments do not count. Modules call this to show counts beside their content.
 */
export async function commentSummary(db: Executor, resourceType: string, resourceId: string, anchor?: string | null): Promise<CommentSummary> {
  let query = db
    .selectFrom('comments')
    .select(counts)
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', resourceId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null);
  if (anchor !== undefined) query = anchor === null ? query.where('anchor', 'is', null) : query.where('anchor', '=', anchor);
  const row = await query.executeTakeFirstOrThrow();
  return { total: row.total, inFavour: row.in_favour, against: row.against, neutral: row.neutral };
}

/** The summary per anchor of a resource (null: comments on the resource as a whole), in anchor order. */
export async function commentSummariesByAnchor(db: Executor, resourceType: string, resourceId: string): Promise<{ anchor: string | null; summary: CommentSummary }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['anchor', ...counts])
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', resourceId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy('anchor')
    .orderBy('anchor', (ob) => ob.asc().nullsFirst())
    .execute();
  return rows.map((r) => ({ anchor: r.anchor, summary: { total: r.total, inFavour: r.in_favour, against: r.against, neutral: r.neutral } }));
}
