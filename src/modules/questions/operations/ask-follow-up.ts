import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { followUpRefusal } from '../rules.js';
import { questionPath } from '../queries/load-question.js';
import { insertQuestion } from './question-input.js';

/**
 * The asker's one follow-up after the department answered or declined: a new public question to the
 * same department, linked to the first, addressed to the post that signed the answer, with its own
 * deadline. Followers of the first question and the department are told. Who is the asker is the
 * route's check (`question.followUp`).
 */
export async function askFollowUp(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; title: string; body: string },
): Promise<Result<{ id: string; dueAt: Date }, 'not_found' | 'follow_up_not_allowed' | 'question_not_answered' | 'follow_up_exists'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const parent = await trx
      .selectFrom('questions')
      .select(['id', 'parent_id', 'state', 'title', 'department_id', 'answer_post_id', 'organization_id', 'area_id', 'category'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!parent) return fail('not_found');
    const existing = await trx.selectFrom('questions').select('id').where('parent_id', '=', parent.id).executeTakeFirst();
    const refusal = followUpRefusal(parent.state, parent.parent_id !== null, existing !== undefined);
    if (refusal) return fail(refusal);
    const created = await insertQuestion(
      trx,
      actor,
      {
        parentId: parent.id,
        departmentId: parent.department_id,
        postId: parent.answer_post_id,
        organizationId: parent.organization_id,
        title: input.title.trim(),
        body: input.body.trim(),
        areaId: parent.area_id,
        category: parent.category,
      },
      now,
    );
    await notifyFollowers(
      trx,
      { kind: 'question.follow_up', resourceType: 'question', resourceId: parent.id, title: parent.title, path: questionPath(created.id), data: { followUpId: created.id } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'question.asked',
        resourceType: 'question',
        resourceId: created.id,
        organizationId: parent.organization_id,
        data: { title: input.title.trim(), departmentId: parent.department_id, postId: parent.answer_post_id, followUpOf: parent.id, workingDays: created.workingDays, dueAt: created.dueAt.toISOString() },
        public: true,
      },
      now,
    );
    await writeAudit(
      trx,
      actor,
      { action: 'question.followed_up', resourceType: 'question', resourceId: parent.id, organizationId: parent.organization_id, data: { followUpId: created.id }, public: true },
      now,
    );
    return ok({ id: created.id, dueAt: created.dueAt });
  });
}
