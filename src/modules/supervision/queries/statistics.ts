import type { Executor } from '../../../core/db/database.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { localDate, workingDaysBetween } from '../../../core/calendar/working-days.js';
import { loadSupervisionSettings } from '../settings.js';
import { median, suppressCount, suppressTable } from '../statistics-rules.js';
import { complaintCategories, type ComplaintCategory } from '../tables.js';

const OUTCOMES = ['substantiated', 'partially_substantiated', 'not_substantiated', 'dismissed'] as const;
type Outcome = (typeof OUTCOMES)[number];

export interface DepartmentRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

/**
 * The public statistics of supervision, only in aggregate and with small counts suppressed:
 * complaints by category, department (with the category cross table), outcome and time to close
 * (median working days from filing to the decision), and anonymous reports by outcome.
 */
export async function supervisionStatistics(db: Executor) {
  const [settings, calendar, rows, reports] = await Promise.all([
    loadSupervisionSettings(db),
    loadCalendar(db),
    db
      .selectFrom('supervision_complaints as c')
      .innerJoin('organizations as o', 'o.id', 'c.department_id')
      .select(['c.department_id', 'c.category', 'c.state', 'c.outcome', 'c.created_at', 'c.closed_at', 'c.escalated_at', 'o.slug', 'o.name', 'o.name_zh'])
      .execute(),
    db.selectFrom('supervision_reports').select(['state', 'outcome']).execute(),
  ]);
  const k = settings.minCellCount;
  const outcomeOf = (r: { state: string; outcome: string | null }): Outcome | null => (r.state === 'dismissed' ? 'dismissed' : (r.outcome as Outcome | null));
  const daysToClose = (r: { created_at: Date; closed_at: Date | null }) => workingDaysBetween(localDate(r.created_at, calendar), localDate(r.closed_at!, calendar), calendar);

  const departments = new Map<string, DepartmentRef>();
  for (const r of rows) departments.set(r.department_id, { id: r.department_id, slug: r.slug, name: r.name, nameZh: r.name_zh });
  const deptList = [...departments.values()].sort((a, b) => a.name.localeCompare(b.name));
  const closed = rows.filter((r) => r.closed_at !== null);

  const cross = deptList.map((d) => complaintCategories.map((c) => rows.filter((r) => r.department_id === d.id && r.category === c).length));
  const crossPublished = suppressTable(cross, k);

  return {
    minCellCount: k,
    totals: {
      filed: suppressCount(rows.length, k),
      open: suppressCount(rows.length - closed.length, k),
      closed: suppressCount(closed.length, k),
      escalated: suppressCount(rows.filter((r) => r.escalated_at !== null).length, k),
      medianWorkingDays: closed.length >= k ? median(closed.map(daysToClose)) : null,
    },
    byCategory: complaintCategories.map((category: ComplaintCategory) => ({ category, count: suppressCount(rows.filter((r) => r.category === category).length, k) })),
    byOutcome: OUTCOMES.map((outcome) => ({ outcome, count: suppressCount(closed.filter((r) => outcomeOf(r) === outcome).length, k) })),
    byDepartment: deptList.map((department, i) => {
      const mine = rows.filter((r) => r.department_id === department.id);
      const mineClosed = mine.filter((r) => r.closed_at !== null);
      return {
        department,
        filed: suppressCount(mine.length, k),
        substantiated: suppressCount(mine.filter((r) => r.outcome === 'substantiated' || r.outcome === 'partially_substantiated').length, k),
        medianWorkingDays: mineClosed.length >= k ? median(mineClosed.map(daysToClose)) : null,
        categories: crossPublished[i]!,
      };
    }),
    categories: [...complaintCategories],
    reports: {
      received: suppressCount(reports.length, k),
      concluded: suppressCount(reports.filter((r) => r.state === 'concluded').length, k),
      byOutcome: OUTCOMES.map((outcome) => ({ outcome, count: suppressCount(reports.filter((r) => r.outcome === outcome).length, k) })),
    },
  };
}

export interface DepartmentSupervisionRecord {
  /** Complaints about the department that were concluded (an outcome was found). */
  concluded: number;
  substantiated: number;
  partiallySubstantiated: number;
  notSubstantiated: number;
  dismissed: number;
}

/**
 * A department's record in supervision, for its scorecard: how many concluded complaints about it
 * were substantiated (in whole or in part). Counts only, no case; pages applying them in public
 * should suppress small counts as the statistics do (`minCellCount` of the settings).
 */
export async function substantiatedComplaints(db: Executor, departmentId: string): Promise<DepartmentSupervisionRecord> {
  const rows = await db
    .selectFrom('supervision_complaints')
    .select(['state', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('department_id', '=', departmentId)
    .where('state', 'in', ['concluded', 'dismissed'])
    .groupBy(['state', 'outcome'])
    .execute();
  const count = (pred: (r: { state: string; outcome: string | null }) => boolean) => rows.filter(pred).reduce((a, r) => a + Number(r.n), 0);
  return {
    concluded: count((r) => r.state === 'concluded'),
    substantiated: count((r) => r.outcome === 'substantiated'),
    partiallySubstantiated: count((r) => r.outcome === 'partially_substantiated'),
    notSubstantiated: count((r) => r.outcome === 'not_substantiated'),
    dismissed: count((r) => r.state === 'dismissed'),
  };
}
