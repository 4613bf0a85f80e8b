import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { WorkingCalendar } from '../../../core/calendar/working-days.js';
import { departmentRecord, type DepartmentRecordNumbers, type RecordRow } from '../deadline.js';

export interface DepartmentRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

/**
 * The public record of every department that handles reports (it has reports, or a category
 * routes to it), or of one: reports received, fixed on time, median working days to fix, the share
 * reopened, overdue now and transferred away. Hidden reports count too: moderation hides words, not work.
 */
export async function departmentRecords(
  db: Executor,
  now: Date,
  calendar: WorkingCalendar,
  options: { departmentId?: string } = {},
): Promise<{ department: DepartmentRef; record: DepartmentRecordNumbers }[]> {
  let reports = db.selectFrom('problem_reports').select(['department_id', 'state', 'assigned_at', 'due_at', 'fixed_at', 'fixed_late', 'reopen_count']);
  if (options.departmentId) reports = reports.where('department_id', '=', options.departmentId);
  let transfers = db
    .selectFrom('audit_log')
    .select([sql<string>`data->>'fromDepartmentId'`.as('department_id'), sql<number>`count(distinct resource_id)::int`.as('n')])
    .where('action', '=', 'problem_report.transferred')
    .where('resource_type', '=', 'problem_report')
    .groupBy(sql`data->>'fromDepartmentId'`);
  if (options.departmentId) transfers = transfers.where(sql`data->>'fromDepartmentId'`, '=', options.departmentId);
  const handling = db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.slug', 'o.name', 'o.name_zh'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('problem_reports as r').select('r.id').whereRef('r.department_id', '=', 'o.id')),
        eb.exists(eb.selectFrom('problem_categories as c').select('c.id').whereRef('c.department_id', '=', 'o.id')),
        eb.exists(eb.selectFrom('problem_category_routes as cr').select('cr.area_id').whereRef('cr.department_id', '=', 'o.id')),
      ]),
    );
  const [rows, moved, departments] = await Promise.all([
    reports.execute(),
    transfers.execute(),
    (options.departmentId ? handling.where('o.id', '=', options.departmentId) : handling).orderBy('o.name').execute(),
  ]);
  const byDepartment = new Map<string, RecordRow[]>();
  for (const row of rows) {
    const list = byDepartment.get(row.department_id) ?? [];
    list.push(row);
    byDepartment.set(row.department_id, list);
  }
  const away = new Map(moved.map((m) => [m.department_id, m.n]));
  return departments.map((d) => ({
    department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh },
    record: departmentRecord(byDepartment.get(d.id) ?? [], now, calendar, away.get(d.id) ?? 0),
  }));
}
