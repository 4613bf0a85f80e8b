import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { officialsOf, questionPath } from '../queries/load-question.js';

const sweeper = systemActor('questions.answer-overdue');
/** States the sweep moves to `overdue`: waiting for an answer and not yet flagged. */
const WAITING = ['published', 'transferred'] as const;

/**
 * Marks every question whose answer is past due `overdue`, without anyone acting: a public audit
 * row (by the platform), and followers and the department's officials are told. Idempotent: an
 * overdue question is not flagged again (a transfer that keeps the clock keeps it overdue; one that
 * restarts the clock lets it be flagged again if the new department is late too). Returns how many.
 */
export async function flagOverdueQuestions({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('questions')
    .select('id')
    .where('state', 'in', [...WAITING])
    .where('answer_due_at', '<=', now)
    .orderBy('answer_due_at')
    .limit(500)
    .execute();
  let flagged = 0;
  for (const { id } of due) {
    const result = await transact(db, async (trx) => {
      const row = await trx
        .selectFrom('questions')
        .select(['id', 'state', 'title', 'answer_due_at', 'department_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      // Answered, transferred with a new clock or flagged in the meantime: nothing to do.
      if (!row || !(WAITING as readonly string[]).includes(row.state) || row.answer_due_at > now) return ok(false);
      await trx.updateTable('questions').set({ state: 'overdue', overdue_at: now }).where('id', '=', row.id).execute();
      const followers = await trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'question').where('resource_id', '=', row.id).execute();
      await notify(
        trx,
        [...followers.map((f) => f.user_id), ...(await officialsOf(trx, row.department_id))],
        { kind: 'question.answer_overdue', resourceType: 'question', resourceId: row.id, title: row.title, path: questionPath(row.id), data: { dueAt: row.answer_due_at.toISOString() } },
        now,
      );
      await writeAudit(
        trx,
        sweeper,
        { action: 'question.answer_overdue', resourceType: 'question', resourceId: row.id, data: { dueAt: row.answer_due_at.toISOString(), departmentId: row.department_id, from: row.state }, public: true },
        now,
      );
      return ok(true);
    });
    if (result.ok && result.value) flagged++;
  }
  return flagged;
}

export const overdueQuestionsJob: JobDefinition = {
  name: 'questions.answer-overdue',
  everyMs: 10 * 60_000,
  async run(deps) {
    await flagOverdueQuestions(deps);
  },
};
