/**
 * The hearings module's figures for each department's public scorecard (see `core/scorecards/types.ts`):
 * of the hearings held (not cancelled) whose response report was due in the period [from, to), the
 * share whose report was published before the end of the due day. Judged as of `to` (at most now).
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';

export const hearingsDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const rows = await db
      .selectFrom('hearings')
      .select(['department_id', 'report_published_at', 'report_due_at'])
      .where('department_id', 'in', departmentIds)
      .where('status', '!=', 'cancelled')
      .where('report_due_at', '>=', from)
      .where('report_due_at', '<', to)
      .execute();
    for (const id of departmentIds) {
      const mine = rows.filter((r) => r.department_id === id);
      const onTime = mine.filter((r) => r.report_published_at !== null && r.report_published_at < r.report_due_at).length;
      out.set(id, [
        { key: 'hearings.reports_on_time_share', label: { en: 'Hearing response reports on time', zh: '听证会答复报告按时发布率' }, unit: 'share', better: 'higher', value: mine.length > 0 ? onTime / mine.length : null, basis: mine.length },
      ]);
    }
    return out;
  },
};
