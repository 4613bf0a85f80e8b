/**
 * The reports module's figures for each department's public scorecard (see `core/scorecards/types.ts`):
 * of the visible reports of local problems whose fix was due in the period [from, to) (the current
 * round's due date, after transfers and reopenings), the share fixed on time: fixed or confirmed
 * now and never fixed late. Judged as of `to` (at most now).
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';

export const reportsDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const rows = await db
      .selectFrom('problem_reports')
      .select(['department_id', 'state', 'fixed_at', 'fixed_late', 'due_at'])
      .where('department_id', 'in', departmentIds)
      .where('hidden_at', 'is', null)
      .where('due_at', '>=', from)
      .where('due_at', '<', to)
      .execute();
    for (const id of departmentIds) {
      const mine = rows.filter((r) => r.department_id === id);
      const onTime = mine.filter((r) => (r.state === 'fixed' || r.state === 'confirmed') && r.fixed_at !== null && r.fixed_at < to && r.fixed_late === false).length;
      out.set(id, [
        { key: 'reports.fixed_on_time_share', label: { en: 'Reported problems fixed on time', zh: '问题报告按时处理率' }, unit: 'share', better: 'higher', value: mine.length > 0 ? onTime / mine.length : null, basis: mine.length },
      ]);
    }
    return out;
  },
};
