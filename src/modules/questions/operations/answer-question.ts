import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import type { Tx } from '../../../core/db/database.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { respondRefusal } from '../rules.js';
import { questionPath } from '../queries/load-question.js';
import { loadSettingsOf } from '../settings.js';
import type { DeclineGround } from '../tables.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/** Locks a question for the department's response. */
export async function lockForResponse(trx: Tx, id: string) {
  return trx
    .selectFrom('questions')
    .select(['id', 'state', 'title', 'department_id', 'post_id', 'answer_due_at', 'organization_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The department answers a question in public, signed by the official's post (the named post when
 * they hold it). The audit row is public and says whether the answer came in time; followers are told.
 * That the actor is an official of the department is the route's check (`question.respond`).
 */
export async function answerQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; answer: string },
): Promise<Result<null, 'not_found' | 'question_already_answered'>> {
  const now = clock.now();
  const answer = input.answer.trim();
  return transact(db, async (trx) => {
    const row = await lockForResponse(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = respondRefusal(row.state);
    if (refusal) return fail(refusal);
    const postId = officialPostIn(actor, row.department_id, row.post_id);
    await trx
      .updateTable('questions')
      .set({ state: 'answered', answer, answered_at: now, answer_post_id: postId, answered_by: actor.id, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await notifyFollowers(trx, { kind: 'question.answered', resourceType: 'question', resourceId: row.id, title: row.title, path: questionPath(row.id) }, now, actor.id);
    const late = now.getTime() >= row.answer_due_at.getTime();
    await writeAudit(
      trx,
      actor,
      {
        action: 'question.answered',
        resourceType: 'question',
        resourceId: row.id,
        postId,
        data: { from: row.state, departmentId: row.department_id, dueAt: row.answer_due_at.toISOString(), late },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}

/**
 * The department declines to answer, on one of the legal grounds it has published (snapshotted on the
 * question, so a later change of the list does not rewrite history), with an explanation in public.
 */
export async function declineQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; ground: string; explanation: string },
): Promise<Result<null, 'not_found' | 'question_already_answered' | 'validation_failed'>> {
  const now = clock.now();
  const explanation = input.explanation.trim();
  return transact(db, async (trx) => {
    const row = await lockForResponse(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = respondRefusal(row.state);
    if (refusal) return fail(refusal);
    const settings = await loadSettingsOf(trx, row.department_id);
    const ground: DeclineGround | undefined = settings.declineGrounds.find((g) => g.code === input.ground);
    if (!ground) return fail('validation_failed', { fields: [{ path: 'ground', code: 'decline_ground_unknown' }] });
    const postId = officialPostIn(actor, row.department_id, row.post_id);
    await trx
      .updateTable('questions')
      .set({ state: 'declined', answer: explanation, decline_ground: JSON.stringify(ground), answered_at: now, answer_post_id: postId, answered_by: actor.id, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await notifyFollowers(
      trx,
      { kind: 'question.declined', resourceType: 'question', resourceId: row.id, title: row.title, path: questionPath(row.id), data: { ground: ground.code } },
      now,
      actor.id,
    );
    const late = now.getTime() >= row.answer_due_at.getTime();
    await writeAudit(
      trx,
      actor,
      {
        action: 'question.declined',
        resourceType: 'question',
        resourceId: row.id,
        postId,
        data: { from: row.state, departmentId: row.department_id, ground: ground.code, legalReference: ground.legal_reference, dueAt: row.answer_due_at.toISOString(), late },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
