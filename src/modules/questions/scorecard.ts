/**
 * The questions module's figures for each department's public scorecard (see `core/scorecards/types.ts`).
 * A period [from, to) is judged as of `to` (at most now):
 * - answers on time: of the visible questions whose answer was due in the period (declined ones
 *   left out, as on the department's record), the share answered before the end of the due day;
 * - median working days to answer: over the questions answered in the period, from the day asked
 *   to the day answered, on the published working-day calendar.
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { median, workingDaysToAnswer } from './record.js';

export const questionsDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const [calendar, due, answered] = await Promise.all([
      loadCalendar(db),
      db
        .selectFrom('questions')
        .select(['department_id', 'state', 'answered_at', 'answer_due_at'])
        .where('department_id', 'in', departmentIds)
        .where('hidden_at', 'is', null)
        .where('state', '!=', 'declined')
        .where('answer_due_at', '>=', from)
        .where('answer_due_at', '<', to)
        .execute(),
      db
        .selectFrom('questions')
        .select(['department_id', 'created_at', 'answered_at'])
        .where('department_id', 'in', departmentIds)
        .where('hidden_at', 'is', null)
        .where('state', '=', 'answered')
        .where('answered_at', '>=', from)
        .where('answered_at', '<', to)
        .execute(),
    ]);
    for (const id of departmentIds) {
      const mine = due.filter((q) => q.department_id === id);
      const onTime = mine.filter((q) => q.state === 'answered' && q.answered_at !== null && q.answered_at < q.answer_due_at).length;
      const days = answered.filter((q) => q.department_id === id).map((q) => workingDaysToAnswer({ createdAt: q.created_at, answeredAt: q.answered_at }, calendar)!);
      out.set(id, [
        { key: 'questions.on_time_share', label: { en: 'Questions answered on time', zh: '问询按时答复率' }, unit: 'share', better: 'higher', value: mine.length > 0 ? onTime / mine.length : null, basis: mine.length },
        { key: 'questions.median_working_days', label: { en: 'Median working days to answer a question', zh: '问询答复用时中位数（工作日）' }, unit: 'days', better: 'lower', value: median(days), basis: days.length },
      ]);
    }
    return out;
  },
};
