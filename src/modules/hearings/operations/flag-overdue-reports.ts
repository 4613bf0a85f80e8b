import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { hearingPath } from '../queries/load-hearing.js';

const sweeper = systemActor('hearings.report-overdue');

/**
 * Flags every held hearing whose response report is past due, without anyone acting: stamps
 * `report_overdue_at` once, writes a public audit row and tells followers and the department's
 * officials. Idempotent: a flagged hearing is never flagged again. Returns how many were flagged.
 */
export async function flagOverdueReports({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('hearings')
    .select('id')
    .where('status', '=', 'announced')
    .where('report_published_at', 'is', null)
    .where('report_overdue_at', 'is', null)
    .where('report_due_at', '<=', now)
    .orderBy('report_due_at')
    .limit(500)
    .execute();
  let flagged = 0;
  for (const { id } of due) {
    const result = await transact(db, async (trx) => {
      const row = await trx
        .selectFrom('hearings')
        .select(['id', 'title', 'title_zh', 'status', 'department_id', 'report_due_at', 'report_published_at', 'report_overdue_at'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      // Published, cancelled or flagged in the meantime: nothing to do.
      if (!row || row.status !== 'announced' || row.report_published_at || row.report_overdue_at || row.report_due_at > now) return ok(false);
      await trx.updateTable('hearings').set({ report_overdue_at: now }).where('id', '=', row.id).execute();
      const [followers, officials] = await Promise.all([
        trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'hearing').where('resource_id', '=', row.id).execute(),
        trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', row.department_id).where('holder_user_id', 'is not', null).execute(),
      ]);
      await notify(
        trx,
        [...followers.map((f) => f.user_id), ...officials.map((o) => o.holder_user_id!)],
        { kind: 'hearing.report_overdue', resourceType: 'hearing', resourceId: row.id, title: row.title, path: hearingPath(row.id), data: { titleZh: row.title_zh, dueAt: row.report_due_at.toISOString() } },
        now,
      );
      await writeAudit(trx, sweeper, { action: 'hearing.report_overdue', resourceType: 'hearing', resourceId: row.id, data: { dueAt: row.report_due_at.toISOString() }, public: true }, now);
      return ok(true);
    });
    if (result.ok && result.value) flagged++;
  }
  return flagged;
}

export const overdueReportsJob: JobDefinition = {
  name: 'hearings.report-overdue',
  everyMs: 10 * 60_000,
  async run(deps) {
    await flagOverdueReports(deps);
  },
};
