import type { Deps } from '../../../core/deps.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { dueSweepJob, notifyFollowersAndOfficials, sweepDue, type DueSweep } from '../../../core/jobs/due-sweep.js';
import { PENDING_ANSWER } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';

const sweeper = systemActor('proposals.answer-overdue');

/**
 * Flags every qualified proposal whose answer is past due, without anyone acting: stamps
 * `overdue_at` once, writes a public audit row and tells followers and the department's officials.
 * Idempotent: a flagged proposal is never flagged again.
 */
const overdueAnswers: DueSweep = {
  async findDue(db, now, limit) {
    const rows = await db
      .selectFrom('proposals')
      .select('id')
      .where('state', 'in', PENDING_ANSWER)
      .where('overdue_at', 'is', null)
      .where('answer_due_at', '<=', now)
      .orderBy('answer_due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
  async flag(trx, id, now) {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'proposals.state', 'proposals.title', 'proposals.answer_due_at', 'proposals.overdue_at', 'processes.slug', 'processes.department_id'])
      .where('proposals.id', '=', id)
      .forUpdate('proposals')
      .executeTakeFirst();
    // Answered, withdrawn or flagged in the meantime: nothing to do.
    if (!row || !PENDING_ANSWER.includes(row.state) || row.overdue_at || !row.answer_due_at || row.answer_due_at > now) return false;
    await trx.updateTable('proposals').set({ overdue_at: now }).where('id', '=', row.id).execute();
    await notifyFollowersAndOfficials(
      trx,
      row.department_id,
      { kind: 'proposal.answer_overdue', resourceType: 'proposal', resourceId: row.id, title: row.title, path: proposalPath(row.slug, row.id), data: { dueAt: row.answer_due_at.toISOString() } },
      now,
    );
    await writeAudit(
      trx,
      sweeper,
      { action: 'proposal.answer_overdue', resourceType: 'proposal', resourceId: row.id, data: { dueAt: row.answer_due_at.toISOString(), state: row.state }, public: true },
      now,
    );
    return true;
  },
};

/** Flags the proposals whose answer is past due at the clock's time; returns how many. */
export function flagOverdueAnswers(deps: Deps): Promise<number> {
  return sweepDue(deps, overdueAnswers);
}

export const overdueAnswersJob = dueSweepJob('proposals.answer-overdue', overdueAnswers);
