import type { Executor } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { notFound } from '../http/context.js';

/** A government department as modules name and link it. */
export interface DepartmentRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

/**
 * The post an official acts in for a department or body: the named post first when they hold it,
 * else their first post there; none for anyone else, an administrator without a post there, or
 * someone acting on another person's behalf.
 */
export function officialPostIn(actor: Actor, departmentId: string, preferredPostId?: string | null): string | null {
  if (actor.kind !== 'user' || actor.assistedBy) return null;
  const posts = actor.posts.filter((p) => p.organizationId === departmentId);
  return (posts.find((p) => p.id === preferredPostId) ?? posts[0])?.id ?? null;
}

/** A verified government department by id (the bodies questions, requests, publications and complaints are addressed to). */
export async function findDepartment(db: Executor, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('id', '=', id)
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .executeTakeFirst();
}

/** A verified government department by its slug (the `/departments/:slug` pages). */
export async function departmentBySlug(db: Executor, slug: string): Promise<DepartmentRef | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('slug', '=', slug)
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name, nameZh: row.name_zh } : null;
}

/** The department of a `/departments/:slug` route, or a 404. */
export async function departmentOr404(db: Executor, slug: string): Promise<DepartmentRef> {
  return (await departmentBySlug(db, slug)) ?? notFound();
}
