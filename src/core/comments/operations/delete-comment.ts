import type { Deps } from '../../deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import type { UserActor } from '../../permissions/actor.js';
import { deleteBlocker } from '../rules.js';

/**
 * Deletes one's own comment at any time. The row stays (its replies keep their place in the thread,
 * which shows "comment deleted"), but its text and author are never shown again.
 */
export async function deleteComment({ db, clock }: Deps, actor: UserActor, input: { id: string }): Promise<Result<null, 'not_found' | 'forbidden' | 'comment_deleted'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const comment = await trx
      .selectFrom('comments')
      .select(['id', 'author_id', 'deleted_at', 'resource_type', 'resource_id', 'organization_id', 'post_id'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!comment) return fail('not_found');
    if (comment.author_id !== actor.id) return fail('forbidden');
    const blocker = deleteBlocker({ deletedAt: comment.deleted_at });
    if (blocker) return fail(blocker);
    await trx.updateTable('comments').set({ deleted_at: now }).where('id', '=', comment.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'comment.deleted',
        resourceType: 'comment',
        resourceId: comment.id,
        data: { on: { type: comment.resource_type, id: comment.resource_id } },
        public: true,
        organizationId: comment.organization_id,
        postId: comment.post_id,
      },
      now,
    );
    return ok(null);
  });
}
