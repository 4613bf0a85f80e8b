import type { Deps } from '../../../core/deps.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { dueSweepJob, notifyFollowersAndOfficials, sweepDue, type DueSweep } from '../../../core/jobs/due-sweep.js';
import { questionPath } from '../queries/load-question.js';

const sweeper = systemActor('questions.answer-overdue');
/** States the sweep moves to `overdue`: waiting for an answer and not yet flagged. */
const WAITING = ['published', 'transferred'] as const;

/**
 * Marks every question whose answer is past due `overdue`, without anyone acting: a public audit
 * row (by the platform), and followers and the department's officials are told. Idempotent: an
 * overdue question is not flagged again (a transfer that keeps the clock keeps it overdue; one that
 * restarts the clock lets it be flagged again if the new department is late too).
 */
const overdueQuestions: DueSweep = {
  async findDue(db, now, limit) {
    const rows = await db.selectFrom('questions').select('id').where('state', 'in', [...WAITING]).where('answer_due_at', '<=', now).orderBy('answer_due_at').limit(limit).execute();
    return rows.map((r) => r.id);
  },
  async flag(trx, id, now) {
    const row = await trx.selectFrom('questions').select(['id', 'state', 'title', 'answer_due_at', 'department_id']).where('id', '=', id).forUpdate().executeTakeFirst();
    // Answered, transferred with a new clock or flagged in the meantime: nothing to do.
    if (!row || !(WAITING as readonly string[]).includes(row.state) || row.answer_due_at > now) return false;
    await trx.updateTable('questions').set({ state: 'overdue', overdue_at: now }).where('id', '=', row.id).execute();
    await notifyFollowersAndOfficials(
      trx,
      row.department_id,
      { kind: 'question.answer_overdue', resourceType: 'question', resourceId: row.id, title: row.title, path: questionPath(row.id), data: { dueAt: row.answer_due_at.toISOString() } },
      now,
    );
    await writeAudit(
      trx,
      sweeper,
      { action: 'question.answer_overdue', resourceType: 'question', resourceId: row.id, data: { dueAt: row.answer_due_at.toISOString(), departmentId: row.department_id, from: row.state }, public: true },
      now,
    );
    return true;
  },
};

/** Flags the questions past due at the clock's time; returns how many. */
export function flagOverdueQuestions(deps: Deps): Promise<number> {
  return sweepDue(deps, overdueQuestions);
}

export const overdueQuestionsJob = dueSweepJob('questions.answer-overdue', overdueQuestions);
