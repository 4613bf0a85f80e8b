/**
 * The proposals module's figures for each department's public scorecard (see `core/scorecards/types.ts`):
 * of the qualified proposals whose official answer was due in the period [from, to) (withdrawn and
 * hidden ones left out), the share the department answered before the end of the due day. Judged as
 * of `to` (at most now); the department is the process's responsible department.
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';

export const proposalsDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const rows = await db
      .selectFrom('proposals as pr')
      .innerJoin('processes as p', 'p.id', 'pr.process_id')
      .select(['p.department_id', 'pr.answered_at', 'pr.answer_due_at'])
      .where('p.department_id', 'in', departmentIds)
      .where('pr.hidden_at', 'is', null)
      .where('pr.state', '!=', 'withdrawn')
      .where('pr.qualified_at', 'is not', null)
      .where('pr.answer_due_at', '>=', from)
      .where('pr.answer_due_at', '<', to)
      .execute();
    for (const id of departmentIds) {
      const mine = rows.filter((r) => r.department_id === id);
      const onTime = mine.filter((r) => r.answered_at !== null && r.answer_due_at !== null && r.answered_at < r.answer_due_at).length;
      out.set(id, [
        { key: 'proposals.answers_on_time_share', label: { en: 'Qualified proposals answered on time', zh: '达标建议按时答复率' }, unit: 'share', better: 'higher', value: mine.length > 0 ? onTime / mine.length : null, basis: mine.length },
      ]);
    }
    return out;
  },
};
