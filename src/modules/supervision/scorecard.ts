/**
 * The supervision module's figure for each department's public scorecard (see `core/scorecards/types.ts`):
 * how many complaints and anonymous reports about the department were concluded in the period
 * [from, to) as substantiated in whole or in part, out of how many were concluded. Aggregates only,
 * never who complained, and with the public statistics' small-count suppression: a count between 1
 * and the configured minimum is not published (value null), so nobody can be singled out.
 */
import type { DepartmentMetric, DepartmentMetricsSource } from '../../core/scorecards/types.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { localDate } from '../../core/calendar/working-days.js';
import { loadSupervisionSettings } from './settings.js';
import { suppressCount } from './statistics-rules.js';

const SUBSTANTIATED = new Set(['substantiated', 'partially_substantiated']);

export const supervisionDepartmentMetrics: DepartmentMetricsSource = {
  async metrics(db, { departmentIds, from, to }) {
    const out = new Map<string, DepartmentMetric[]>();
    if (departmentIds.length === 0) return out;
    // Anonymous reports keep only the civil day they were concluded (in the calendar's time zone).
    const calendar = await loadCalendar(db);
    const fromDay = localDate(from, calendar);
    const toDay = localDate(to, calendar);
    const [settings, complaints, reports] = await Promise.all([
      loadSupervisionSettings(db),
      db
        .selectFrom('supervision_complaints')
        .select(['department_id', 'outcome'])
        .where('department_id', 'in', departmentIds)
        .where('outcome', 'is not', null)
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .execute(),
      db
        .selectFrom('supervision_reports')
        .select(['department_id', 'outcome'])
        .where('department_id', 'in', departmentIds)
        .where('outcome', 'is not', null)
        .where('outcome', '!=', 'dismissed')
        .where('concluded_on', '>=', fromDay)
        .where('concluded_on', '<', toDay)
        .execute(),
    ]);
    const k = settings.minCellCount;
    for (const id of departmentIds) {
      const concluded = [...complaints, ...reports].filter((r) => r.department_id === id);
      const substantiated = concluded.filter((r) => r.outcome !== null && SUBSTANTIATED.has(r.outcome)).length;
      const basis = suppressCount(concluded.length, k);
      out.set(id, [
        {
          key: 'supervision.substantiated',
          label: { en: 'Complaints found substantiated', zh: '查实的投诉和举报' },
          unit: 'count',
          better: 'lower',
          value: basis === null || concluded.length === 0 ? null : suppressCount(substantiated, k),
          basis: basis ?? 0,
        },
      ]);
    }
    return out;
  },
};
