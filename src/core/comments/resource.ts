import type { ResourceAdapter } from '../resources.js';
import { canComment } from './policy.js';
import { isModerator } from '../moderation/policy.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first words of a comment, as its title in moderation queues and notifications. */
export function excerpt(body: string, length = 120): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

/**
 * A comment as a resource, so moderation can report, hide and restore it. A hidden comment is
 * visible only to moderators, administrators and its author; a deleted one only to moderators.
 * Comments are not themselves commented on (replies are comments with a parent).
 */
export const commentResource: ResourceAdapter = {
  async describe(db, id, actor) {
    if (!UUID.test(id)) return null;
    const row = await db
      .selectFrom('comments')
      .select(['id', 'body', 'author_id', 'resource_path', 'deleted_at', 'hidden_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    if (row.deleted_at && !isModerator(actor)) return null;
    if (row.hidden_at && !canComment(actor, 'comment.readHidden', { authorId: row.author_id }).allow) return null;
    return {
      title: excerpt(row.body),
      path: `${row.resource_path}#comment-${row.id}`,
      authorIds: [row.author_id],
      public: !row.hidden_at && !row.deleted_at,
      areaId: null,
      commenting: { open: false, stance: false, until: null },
    };
  },
  async setHidden(trx, id, hiddenAt) {
    if (!UUID.test(id)) return;
    await trx.updateTable('comments').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
  },
};
