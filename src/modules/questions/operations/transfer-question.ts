import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify, notifyFollowers } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { respondRefusal, stateAfterTransfer } from '../rules.js';
import { officialsOf, questionPath } from '../queries/load-question.js';
import { loadSettingsOf } from '../settings.js';
import { lockForResponse } from './answer-question.js';
import { findDepartment, officialPostIn } from '../../../core/organizations/departments.js';

export interface TransferOutcome {
  state: 'transferred' | 'overdue';
  restarted: boolean;
  dueAt: Date;
}

/**
 * The department passes a question it cannot answer to the competent department, with a public
 * reason. The receiving department's setting decides whether the answer clock starts again there
 * (its own working days from today) or keeps running (the same due date, so a question already
 * late stays overdue). The named post is dropped; the receiving officials and the followers are told.
 */
export async function transferQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; departmentId: string; reason: string },
): Promise<Result<TransferOutcome, 'not_found' | 'question_already_answered' | 'validation_failed'>> {
  const now = clock.now();
  const reason = input.reason.trim();
  return transact(db, async (trx) => {
    const row = await lockForResponse(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = respondRefusal(row.state);
    if (refusal) return fail(refusal);
    if (input.departmentId === row.department_id) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'transfer_same_department' }] });
    const target = await findDepartment(trx, input.departmentId);
    if (!target) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'department_not_found' }] });
    const settings = await loadSettingsOf(trx, target.id);
    const restarted = settings.transferRestartsClock;
    const dueAt = restarted ? deadlineFor(now, settings.answerWorkingDays, await loadCalendar(trx))! : row.answer_due_at;
    const state = stateAfterTransfer(dueAt, now);
    const postId = officialPostIn(actor, row.department_id, row.post_id);
    await trx
      .updateTable('questions')
      .set({
        department_id: target.id,
        post_id: null,
        state,
        answer_due_at: dueAt,
        ...(restarted ? { working_days: settings.answerWorkingDays, clock_started_at: now, overdue_at: null } : {}),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('question_transfers')
      .values({
        question_id: row.id,
        from_department_id: row.department_id,
        to_department_id: target.id,
        reason,
        post_id: postId,
        transferred_by: actor.id,
        transferred_at: now,
        restarted,
        answer_due_at: dueAt,
      })
      .execute();
    const path = questionPath(row.id);
    await notify(
      trx,
      (await officialsOf(trx, target.id)).filter((id) => id !== actor.id),
      { kind: 'question.transferred_in', resourceType: 'question', resourceId: row.id, title: row.title, path, data: { dueAt: dueAt.toISOString() } },
      now,
    );
    await notifyFollowers(
      trx,
      { kind: 'question.transferred', resourceType: 'question', resourceId: row.id, title: row.title, path, data: { departmentName: target.name, ...(target.name_zh ? { departmentNameZh: target.name_zh } : {}) } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'question.transferred',
        resourceType: 'question',
        resourceId: row.id,
        postId,
        data: { from: row.department_id, to: target.id, reason, restarted, dueAt: dueAt.toISOString(), state },
        public: true,
      },
      now,
    );
    return ok({ state, restarted, dueAt });
  });
}
