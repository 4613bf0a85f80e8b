/**
 * The information requests module's figures for each department's public scorecard (see
 * `core/scorecards/types.ts`). A period [from, to) is judged as of `to` (at most now):
 * - answered on time: of the visible requests whose response was due in the period (withdrawn ones
 *   and those whose clock is paused left out), the share with the department's decision before the
 *   end of the due day (pauses and the extension included in the due date);
 * - refusal rate: of the decisions given in the period, the share refusing the information in whole
 *   or in part.
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';

export const requestsDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const [due, decided] = await Promise.all([
      db
        .selectFrom('information_requests')
        .select(['department_id', 'responded_at', 'due_at'])
        .where('department_id', 'in', departmentIds)
        .where('hidden_at', 'is', null)
        .where('state', '!=', 'withdrawn')
        .where('due_at', '>=', from)
        .where('due_at', '<', to)
        .execute(),
      db
        .selectFrom('information_requests')
        .select(['department_id', 'decision'])
        .where('department_id', 'in', departmentIds)
        .where('hidden_at', 'is', null)
        .where('decision', 'is not', null)
        .where('responded_at', '>=', from)
        .where('responded_at', '<', to)
        .execute(),
    ]);
    for (const id of departmentIds) {
      const mine = due.filter((r) => r.department_id === id);
      const onTime = mine.filter((r) => r.responded_at !== null && r.due_at !== null && r.responded_at < r.due_at).length;
      const decisions = decided.filter((r) => r.department_id === id);
      const refusals = decisions.filter((r) => r.decision === 'refused' || r.decision === 'partially_successful').length;
      out.set(id, [
        { key: 'requests.on_time_share', label: { en: 'Information requests answered on time', zh: '信息公开申请按时答复率' }, unit: 'share', better: 'higher', value: mine.length > 0 ? onTime / mine.length : null, basis: mine.length },
        { key: 'requests.refusal_rate', label: { en: 'Information requests refused in whole or in part', zh: '信息公开申请全部或部分拒绝率' }, unit: 'share', better: 'lower', value: decisions.length > 0 ? refusals / decisions.length : null, basis: decisions.length },
      ]);
    }
    return out;
  },
};
