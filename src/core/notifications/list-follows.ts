import type { Executor } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import type { ResourceRegistry } from '../resources.js';

/**
 * What a person follows, newest first, described as they see each resource now. A resource that
 * is gone or no longer visible to them is listed without title or path (so it can be unfollowed).
 */
export async function listFollows(db: Executor, resources: ResourceRegistry, actor: Actor & { id: string }, now: Date, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('follows')
      .select(['resource_type', 'resource_id', 'created_at'])
      .where('user_id', '=', actor.id)
      .orderBy('created_at', 'desc')
      .orderBy('resource_type')
      .orderBy('resource_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db.selectFrom('follows').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.id).executeTakeFirstOrThrow(),
  ]);
  const follows = [];
  for (const row of rows) {
    const info = (await resources.get(row.resource_type)?.describe(db, row.resource_id, actor, now)) ?? null;
    follows.push({
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      title: info?.title ?? null,
      path: info?.path ?? null,
      available: info !== null,
      createdAt: row.created_at.toISOString(),
    });
  }
  return { follows, total: Number(total.n) };
}
