/**
 * The accountability module's figures for each department's scorecard (see `core/scorecards/types.ts`).
 * Like every source, a period [from, to) is judged as of `to` (the scorecards never ask about the
 * future: `to` is at most now):
 * - commitments on time: of the adopted commitments whose planned end fell in the period (the end of
 *   the planned end day, in the calendar's time zone), the share completed by then; the others are late;
 * - spend versus plan: money spent over the planned budget, summed over the commitments completed in the period;
 * - average resident rating: the mean of the four criteria (1-5) over every rating given or changed in the period.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { endOfDay } from '../../core/calendar/working-days.js';

export const ACCOUNTABILITY_METRICS = {
  onTime: { key: 'accountability.on_time_share', label: { en: 'Commitments delivered on time', zh: '承诺按时完成率' }, unit: 'share', better: 'higher' },
  late: { key: 'accountability.late', label: { en: 'Commitments late', zh: '逾期承诺数' }, unit: 'count', better: 'lower' },
  spend: { key: 'accountability.spend_vs_plan', label: { en: 'Spent versus planned budget', zh: '实际支出占计划预算' }, unit: 'share', better: 'lower' },
  rating: { key: 'accountability.average_rating', label: { en: 'Average resident rating', zh: '居民平均评分' }, unit: 'rating', better: 'higher' },
} as const satisfies Record<string, Omit<DepartmentMetric, 'value' | 'basis'>>;

export interface CommitmentRecordRow {
  departmentId: string;
  plannedEnd: string;
  completedAt: Date | null;
  plannedBudget: number;
  spent: number;
}

/** The figures of one department from its commitments and ratings (pure, for the recomputation test). */
export function commitmentFigures(
  rows: CommitmentRecordRow[],
  ratings: { mean: number }[],
  range: { from: Date; to: Date },
  deadlineOf: (plannedEnd: string) => Date,
): DepartmentMetric[] {
  let onTime = 0;
  let late = 0;
  let spent = 0;
  let planned = 0;
  let completed = 0;
  for (const r of rows) {
    const due = deadlineOf(r.plannedEnd);
    if (due >= range.from && due < range.to) {
      if (r.completedAt && r.completedAt < due) onTime++;
      else late++;
    }
    if (r.completedAt && r.completedAt >= range.from && r.completedAt < range.to) {
      completed++;
      spent += r.spent;
      planned += r.plannedBudget;
    }
  }
  const judged = onTime + late;
  const ratingSum = ratings.reduce((a, r) => a + r.mean, 0);
  return [
    { ...ACCOUNTABILITY_METRICS.onTime, value: judged > 0 ? onTime / judged : null, basis: judged },
    { ...ACCOUNTABILITY_METRICS.late, value: judged > 0 ? late : null, basis: judged },
    { ...ACCOUNTABILITY_METRICS.spend, value: completed > 0 && planned > 0 ? spent / planned : null, basis: completed },
    { ...ACCOUNTABILITY_METRICS.rating, value: ratings.length > 0 ? ratingSum / ratings.length : null, basis: ratings.length },
  ];
}

export const accountabilityDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db: Executor, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    const [calendar, commitments, ratings] = await Promise.all([
      loadCalendar(db),
      db
        .selectFrom('commitments')
        .select(['department_id', 'planned_end', 'completed_at', 'planned_budget', 'spent'])
        .where('department_id', 'in', departmentIds)
        .where('status', 'in', ['adopted', 'in_progress', 'completed'])
        .execute(),
      db
        .selectFrom('commitment_ratings as r')
        .innerJoin('commitments as c', 'c.id', 'r.commitment_id')
        .select(['c.department_id', sql<string>`(r.benefit + r.value_for_money + r.openness + r.delivered) / 4.0`.as('mean')])
        .where('c.department_id', 'in', departmentIds)
        .where('r.updated_at', '>=', from)
        .where('r.updated_at', '<', to)
        .execute(),
    ]);
    const deadlineOf = (plannedEnd: string) => endOfDay(plannedEnd, calendar);
    for (const id of departmentIds) {
      const rows = commitments
        .filter((c) => c.department_id === id)
        .map((c) => ({ departmentId: id, plannedEnd: c.planned_end, completedAt: c.completed_at, plannedBudget: Number(c.planned_budget), spent: Number(c.spent) }));
      const mine = ratings.filter((r) => r.department_id === id).map((r) => ({ mean: Number(r.mean) }));
      out.set(id, commitmentFigures(rows, mine, { from, to }, deadlineOf));
    }
    return out;
  },
};
