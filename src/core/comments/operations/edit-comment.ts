import type { ResourceDeps } from '../resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import type { UserActor } from '../../permissions/actor.js';
import type { Stance } from '../tables.js';
import { editBlocker, stanceProblem } from '../rules.js';
import { readCommentEditMinutes } from '../settings.js';

export interface EditCommentInput {
  id: string;
  body: string;
  /** A new stance; left out, the stance stays as it was. */
  stance?: Stance | null;
}

export type EditCommentError =
  | 'not_found'
  | 'forbidden'
  | 'comment_deleted'
  | 'comment_hidden'
  | 'comment_edit_window_closed'
  | 'commenting_closed'
  | 'stance_required'
  | 'stance_not_accepted';

/** Corrects one's own comment within the edit window (setting `comment_edit_minutes`) while commenting is open. */
export async function editComment({ db, clock, resources }: ResourceDeps, actor: UserActor, input: EditCommentInput): Promise<Result<null, EditCommentError>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const comment = await trx.selectFrom('comments').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!comment) return fail('not_found');
    if (comment.author_id !== actor.id) return fail('forbidden');
    const info = await resources.get(comment.resource_type)?.describe(trx, comment.resource_id, actor, now);
    if (!info) return fail('not_found');
    const editMinutes = await readCommentEditMinutes(trx);
    const blocker = editBlocker(
      { authorId: comment.author_id, depth: comment.depth, createdAt: comment.created_at, deletedAt: comment.deleted_at, hiddenAt: comment.hidden_at },
      now,
      editMinutes,
      info.commenting.open,
    );
    if (blocker === 'comment_edit_window_closed') return fail(blocker, { params: { minutes: editMinutes } });
    if (blocker) return fail(blocker);
    const stance = input.stance === undefined ? comment.stance : input.stance;
    const problem = stanceProblem(info.commenting.stance, comment.depth > 0, stance);
    if (problem) return fail(problem, { fields: [{ path: 'stance', code: problem }] });
    await trx.updateTable('comments').set({ body: input.body.trim(), stance, edited_at: now }).where('id', '=', comment.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'comment.edited',
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
