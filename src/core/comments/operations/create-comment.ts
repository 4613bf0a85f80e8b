import type { ResourceDeps } from '../resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import { follow, notify } from '../../notifications/notify.js';
import type { UserActor } from '../../permissions/actor.js';
import type { Stance } from '../tables.js';
import { replyBlocker, stanceProblem } from '../rules.js';

export interface CreateCommentInput {
  resourceType: string;
  resourceId: string;
  /** A part of the resource (a clause); replies take their parent's anchor. */
  anchor?: string | null;
  /** The comment replied to, on the same resource and anchor. */
  parentId?: string | null;
  body: string;
  stance?: Stance | null;
  /** Speak for this organization (the author represents it; the route authorizes). */
  organizationId?: string | null;
  /** Speak as the official holding this post (the route authorizes). */
  postId?: string | null;
}

export type CreateCommentError =
  | 'unknown_resource_type'
  | 'not_found'
  | 'commenting_closed'
  | 'thread_too_deep'
  | 'stance_required'
  | 'stance_not_accepted'
  | 'comment_deleted'
  | 'comment_hidden'
  | 'reply_parent_invalid'
  | 'organization_not_verified';

/**
 * Writes a comment on a resource the author can see while commenting is open there. The author
 * follows the resource from now on; its other followers are told (`comment.created`), and the
 * author of the comment replied to is told separately (`comment.replied`). The public audit row
 * names only ids, never the text.
 */
export async function createComment(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: CreateCommentInput,
): Promise<Result<{ id: string }, CreateCommentError>> {
  const adapter = resources.get(input.resourceType);
  if (!adapter) return fail('unknown_resource_type', { fields: [{ path: 'resourceType', code: 'unknown_resource_type' }] });
  const now = clock.now();
  return transact(db, async (trx) => {
    const info = await adapter.describe(trx, input.resourceId, actor, now);
    if (!info) return fail('not_found');
    if (!info.commenting.open) return fail('commenting_closed');

    let anchor = input.anchor?.trim() || null;
    let depth = 0;
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await trx
        .selectFrom('comments')
        .select(['id', 'resource_type', 'resource_id', 'anchor', 'depth', 'author_id', 'created_at', 'deleted_at', 'hidden_at'])
        .where('id', '=', input.parentId)
        .forShare()
        .executeTakeFirst();
      if (!parent || parent.resource_type !== input.resourceType || parent.resource_id !== input.resourceId || (anchor !== null && anchor !== parent.anchor)) {
        return fail('reply_parent_invalid', { fields: [{ path: 'parentId', code: 'reply_parent_invalid' }] });
      }
      const blocker = replyBlocker(
        { authorId: parent.author_id, depth: parent.depth, createdAt: parent.created_at, deletedAt: parent.deleted_at, hiddenAt: parent.hidden_at },
        true,
      );
      if (blocker) return fail(blocker as Exclude<typeof blocker, 'commenting_closed'>);
      anchor = parent.anchor;
      depth = parent.depth + 1;
      parentAuthorId = parent.author_id;
    }

    const stance = input.stance ?? null;
    const problem = stanceProblem(info.commenting.stance, depth > 0, stance);
    if (problem) return fail(problem, { fields: [{ path: 'stance', code: problem }] });

    if (input.organizationId) {
      const org = await trx.selectFrom('organizations').select('status').where('id', '=', input.organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
    }

    const row = await trx
      .insertInto('comments')
      .values({
        resource_type: input.resourceType,
        resource_id: input.resourceId,
        resource_title: info.title,
        resource_path: info.path,
        anchor,
        parent_id: input.parentId ?? null,
        depth,
        author_id: actor.id,
        organization_id: input.organizationId ?? null,
        post_id: input.organizationId ? null : (input.postId ?? null),
        stance,
        body: input.body.trim(),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await follow(trx, actor.id, input.resourceType, input.resourceId, now);
    const notice = { resourceType: input.resourceType, resourceId: input.resourceId, title: info.title, path: `${info.path}#comment-${row.id}`, data: { commentId: row.id } };
    const except = [actor.id, ...(parentAuthorId ? [parentAuthorId] : [])];
    const followers = await trx
      .selectFrom('follows')
      .select('user_id')
      .where('resource_type', '=', input.resourceType)
      .where('resource_id', '=', input.resourceId)
      .where('user_id', 'not in', except)
      .execute();
    await notify(trx, followers.map((f) => f.user_id), { kind: 'comment.created', ...notice }, now);
    if (parentAuthorId && parentAuthorId !== actor.id) await notify(trx, [parentAuthorId], { kind: 'comment.replied', ...notice }, now);

    await writeAudit(
      trx,
      actor,
      {
        action: 'comment.created',
        resourceType: 'comment',
        resourceId: row.id,
        data: { on: { type: input.resourceType, id: input.resourceId }, anchor, parentId: input.parentId ?? null },
        public: true,
        organizationId: input.organizationId ?? null,
        postId: input.organizationId ? null : (input.postId ?? null),
      },
      now,
    );
    return ok({ id: row.id });
  });
}
