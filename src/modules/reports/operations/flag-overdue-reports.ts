import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { OPEN_STATES } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';

const sweeper = systemActor('reports.fix-overdue');

/**
 * Flags every open report past its fix deadline, without anyone acting: stamps `overdue_at` once
 * per deadline (a transfer or a reopening starts a new one), writes a public audit row and tells
 * followers and the department's officials. Idempotent. Returns how many were flagged.
 */
export async function flagOverdueReports({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('problem_reports')
    .select('id')
    .where('state', 'in', OPEN_STATES)
    .where('overdue_at', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(500)
    .execute();
  let flagged = 0;
  for (const { id } of due) {
    const result = await transact(db, async (trx) => {
      const record = await loadReport(trx, id, { forUpdate: true });
      const row = record?.row;
      // Fixed, transferred or flagged in the meantime: nothing to do.
      if (!record || !row || !OPEN_STATES.includes(row.state) || row.overdue_at || row.due_at > now) return ok(false);
      await trx.updateTable('problem_reports').set({ overdue_at: now }).where('id', '=', row.id).execute();
      const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
      const message = { kind: 'problem_report.overdue', resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { dueAt: row.due_at.toISOString(), titleZh } };
      const followers = await trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'problem_report').where('resource_id', '=', row.id).execute();
      const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', row.department_id).where('holder_user_id', 'is not', null).execute();
      // Followers and the department's officials, each once.
      await notify(trx, [...followers.map((f) => f.user_id), ...officials.map((o) => o.holder_user_id!)], message, now);
      await writeAudit(
        trx,
        sweeper,
        { action: 'problem_report.overdue', resourceType: 'problem_report', resourceId: row.id, data: { title, dueAt: row.due_at.toISOString(), state: row.state, departmentId: row.department_id }, public: true },
        now,
      );
      return ok(true);
    });
    if (result.ok && result.value) flagged++;
  }
  return flagged;
}

export const overdueReportsJob: JobDefinition = {
  name: 'reports.fix-overdue',
  everyMs: 10 * 60_000,
  async run(deps) {
    await flagOverdueReports(deps);
  },
};
