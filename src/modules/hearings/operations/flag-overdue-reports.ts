import type { Deps } from '../../../core/deps.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { dueSweepJob, notifyFollowersAndOfficials, sweepDue, type DueSweep } from '../../../core/jobs/due-sweep.js';
import { hearingPath } from '../queries/load-hearing.js';

const sweeper = systemActor('hearings.report-overdue');

/**
 * Flags every held hearing whose response report is past due, without anyone acting: stamps
 * `report_overdue_at` once, writes a public audit row and tells followers and the department's
 * officials. Idempotent: a flagged hearing is never flagged again.
 */
const overdueHearingReports: DueSweep = {
  async findDue(db, now, limit) {
    const rows = await db
      .selectFrom('hearings')
      .select('id')
      .where('status', '=', 'announced')
      .where('report_published_at', 'is', null)
      .where('report_overdue_at', 'is', null)
      .where('report_due_at', '<=', now)
      .orderBy('report_due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
  async flag(trx, id, now) {
    const row = await trx
      .selectFrom('hearings')
      .select(['id', 'title', 'title_zh', 'status', 'department_id', 'report_due_at', 'report_published_at', 'report_overdue_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    // Published, cancelled or flagged in the meantime: nothing to do.
    if (!row || row.status !== 'announced' || row.report_published_at || row.report_overdue_at || row.report_due_at > now) return false;
    await trx.updateTable('hearings').set({ report_overdue_at: now }).where('id', '=', row.id).execute();
    await notifyFollowersAndOfficials(
      trx,
      row.department_id,
      { kind: 'hearing.report_overdue', resourceType: 'hearing', resourceId: row.id, title: row.title, path: hearingPath(row.id), data: { titleZh: row.title_zh, dueAt: row.report_due_at.toISOString() } },
      now,
    );
    await writeAudit(trx, sweeper, { action: 'hearing.report_overdue', resourceType: 'hearing', resourceId: row.id, data: { dueAt: row.report_due_at.toISOString() }, public: true }, now);
    return true;
  },
};

/** Flags the hearings whose response report is past due at the clock's time; returns how many. */
export function flagOverdueReports(deps: Deps): Promise<number> {
  return sweepDue(deps, overdueHearingReports);
}

export const overdueReportsJob = dueSweepJob('hearings.report-overdue', overdueHearingReports);
