import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { PENDING_ANSWER } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';

const sweeper = systemActor('proposals.answer-overdue');

/**
 * Flags every qualified proposal whose answer is past due, without anyone acting: stamps
 * `overdue_at` once, writes a public audit row and tells followers and the department's officials.
 * Idempotent: a flagged proposal is never flagged again. Returns how many were flagged.
 */
export async function flagOverdueAnswers({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('proposals')
    .select('id')
    .where('state', 'in', PENDING_ANSWER)
    .where('overdue_at', 'is', null)
    .where('answer_due_at', '<=', now)
    .orderBy('answer_due_at')
    .limit(500)
    .execute();
  let flagged = 0;
  for (const { id } of due) {
    const result = await transact(db, async (trx) => {
      const row = await trx
        .selectFrom('proposals')
        .innerJoin('processes', 'processes.id', 'proposals.process_id')
        .select(['proposals.id', 'proposals.state', 'proposals.title', 'proposals.answer_due_at', 'proposals.overdue_at', 'processes.slug', 'processes.department_id'])
        .where('proposals.id', '=', id)
        .forUpdate('proposals')
        .executeTakeFirst();
      // Answered, withdrawn or flagged in the meantime: nothing to do.
      if (!row || !PENDING_ANSWER.includes(row.state) || row.overdue_at || !row.answer_due_at || row.answer_due_at > now) return ok(false);
      await trx.updateTable('proposals').set({ overdue_at: now }).where('id', '=', row.id).execute();
      const message = { kind: 'proposal.answer_overdue', resourceType: 'proposal', resourceId: row.id, title: row.title, path: proposalPath(row.slug, row.id), data: { dueAt: row.answer_due_at.toISOString() } };
      const [followers, officials] = await Promise.all([
        trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'proposal').where('resource_id', '=', row.id).execute(),
        trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', row.department_id).where('holder_user_id', 'is not', null).execute(),
      ]);
      // Followers and the department's officials, each once.
      await notify(trx, [...followers.map((f) => f.user_id), ...officials.map((o) => o.holder_user_id!)], message, now);
      await writeAudit(
        trx,
        sweeper,
        { action: 'proposal.answer_overdue', resourceType: 'proposal', resourceId: row.id, data: { dueAt: row.answer_due_at.toISOString(), state: row.state }, public: true },
        now,
      );
      return ok(true);
    });
    if (result.ok && result.value) flagged++;
  }
  return flagged;
}

export const overdueAnswersJob: JobDefinition = {
  name: 'proposals.answer-overdue',
  everyMs: 10 * 60_000,
  async run(deps) {
    await flagOverdueAnswers(deps);
  },
};
