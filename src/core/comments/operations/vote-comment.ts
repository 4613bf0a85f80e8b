import { sql } from 'kysely';
import type { ResourceDeps } from '../resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import type { UserActor } from '../../permissions/actor.js';
import { voteBlocker } from '../rules.js';

export interface CommentVotes {
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
}

/**
 * Sets the person's vote on a comment: 1 (up), -1 (down) or 0 (removes it). One vote per person per
 * comment (the primary key); the comment's row is locked while its counters are recounted, so the
 * counts stay exact however many people vote at once. Votes are not audited: they are not decisions.
 */
export async function voteComment(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: { id: string; value: -1 | 0 | 1 },
): Promise<Result<CommentVotes, 'not_found' | 'comment_deleted' | 'comment_hidden' | 'cannot_vote_own_comment' | 'commenting_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const comment = await trx
      .selectFrom('comments')
      .select(['id', 'author_id', 'depth', 'created_at', 'deleted_at', 'hidden_at', 'resource_type', 'resource_id'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!comment) return fail('not_found');
    const info = await resources.get(comment.resource_type)?.describe(trx, comment.resource_id, actor, now);
    if (!info) return fail('not_found');
    const blocker = voteBlocker(
      { authorId: comment.author_id, depth: comment.depth, createdAt: comment.created_at, deletedAt: comment.deleted_at, hiddenAt: comment.hidden_at },
      actor.id,
      info.commenting.open,
    );
    if (blocker) return fail(blocker);
    if (input.value === 0) {
      await trx.deleteFrom('comment_votes').where('comment_id', '=', comment.id).where('user_id', '=', actor.id).execute();
    } else {
      await trx
        .insertInto('comment_votes')
        .values({ comment_id: comment.id, user_id: actor.id, value: input.value, created_at: now })
        .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doUpdateSet({ value: input.value, created_at: now }))
        .execute();
    }
    const counts = await trx
      .updateTable('comments')
      .set({
        upvotes: sql<number>`(select count(*)::int from comment_votes where comment_id = ${comment.id} and value = 1)`,
        downvotes: sql<number>`(select count(*)::int from comment_votes where comment_id = ${comment.id} and value = -1)`,
      })
      .where('id', '=', comment.id)
      .returning(['upvotes', 'downvotes'])
      .executeTakeFirstOrThrow();
    return ok({ upvotes: counts.upvotes, downvotes: counts.downvotes, myVote: input.value });
  });
}
