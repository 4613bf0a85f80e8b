import type { Executor } from '../../../core/db/database.js';
import type { DepartmentRef } from '../../../core/organizations/departments.js';
import type { WorkingCalendar } from '../../../core/calendar/working-days.js';
import { rankDepartments, requestTotals, type RecordRequest } from '../record.js';

/** Every department requests may be addressed to (verified government organizations), by name. */
export async function governmentDepartments(db: Executor): Promise<(DepartmentRef & { isSupervisory: boolean })[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh', 'is_supervisory'])
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh, isSupervisory: r.is_supervisory }));
}

export async function departmentById(db: Executor, id: string): Promise<DepartmentRef | null> {
  const row = await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name, nameZh: row.name_zh } : null;
}

/** The visible requests of each department, in the shape the record functions take. */
export async function recordRequests(db: Executor, departmentId?: string): Promise<Map<string, RecordRequest[]>> {
  let query = db
    .selectFrom('information_requests')
    .select(['department_id', 'created_at', 'state', 'due_at', 'very_overdue_due_at', 'responded_at', 'decision', 'refusal_ground', 'review_from_state', 'review_outcome'])
    .where('hidden_at', 'is', null);
  if (departmentId) query = query.where('department_id', '=', departmentId);
  const out = new Map<string, RecordRequest[]>();
  for (const r of await query.execute()) {
    const list = out.get(r.department_id) ?? [];
    list.push({
      createdAt: r.created_at, state: r.state, dueAt: r.due_at, veryOverdueDueAt: r.very_overdue_due_at, respondedAt: r.responded_at,
      decision: r.decision, refusalGround: r.refusal_ground, reviewFromState: r.review_from_state, reviewOutcome: r.review_outcome,
    });
    out.set(r.department_id, list);
  }
  return out;
}

/** Every department's record, ranked. */
export async function departmentRanking(db: Executor, now: Date, calendar: WorkingCalendar) {
  const [departments, requests] = await Promise.all([governmentDepartments(db), recordRequests(db)]);
  return rankDepartments(
    departments.map(({ isSupervisory: _s, ...department }) => ({ department, totals: requestTotals(requests.get(department.id) ?? [], now, calendar) })),
  );
}
