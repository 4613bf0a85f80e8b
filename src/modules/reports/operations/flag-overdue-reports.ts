import type { Deps } from '../../../core/deps.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { dueSweepJob, notifyFollowersAndOfficials, sweepDue, type DueSweep } from '../../../core/jobs/due-sweep.js';
import { OPEN_STATES } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';

const sweeper = systemActor('reports.fix-overdue');

/**
 * Flags every open report past its fix deadline, without anyone acting: stamps `overdue_at` once
 * per deadline (a transfer or a reopening starts a new one), writes a public audit row and tells
 * followers and the department's officials. Idempotent.
 */
const overdueReports: DueSweep = {
  async findDue(db, now, limit) {
    const rows = await db
      .selectFrom('problem_reports')
      .select('id')
      .where('state', 'in', OPEN_STATES)
      .where('overdue_at', 'is', null)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
  async flag(trx, id, now) {
    const record = await loadReport(trx, id, { forUpdate: true });
    const row = record?.row;
    // Fixed, transferred or flagged in the meantime: nothing to do.
    if (!record || !row || !OPEN_STATES.includes(row.state) || row.overdue_at || row.due_at > now) return false;
    await trx.updateTable('problem_reports').set({ overdue_at: now }).where('id', '=', row.id).execute();
    const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
    await notifyFollowersAndOfficials(
      trx,
      row.department_id,
      { kind: 'problem_report.overdue', resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { dueAt: row.due_at.toISOString(), titleZh } },
      now,
    );
    await writeAudit(
      trx,
      sweeper,
      { action: 'problem_report.overdue', resourceType: 'problem_report', resourceId: row.id, data: { title, dueAt: row.due_at.toISOString(), state: row.state, departmentId: row.department_id }, public: true },
      now,
    );
    return true;
  },
};

/** Flags the reports past their fix deadline at the clock's time; returns how many. */
export function flagOverdueReports(deps: Deps): Promise<number> {
  return sweepDue(deps, overdueReports);
}

export const overdueReportsJob = dueSweepJob('reports.fix-overdue', overdueReports);
