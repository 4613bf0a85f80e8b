import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { DepartmentRef } from '../../../core/organizations/departments.js';
import { deadlineStatus, type WorkingCalendar } from '../../../core/calendar/working-days.js';
import { rankDepartments, recordTotals, type RecordQuestion, type RecordTotals } from '../record.js';
import type { OverdueItem } from '../schemas.js';

/** Every department questions may be put to (government organizations), by name. */
export async function governmentDepartments(db: Executor): Promise<DepartmentRef[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh }));
}

/** The visible questions each department holds now, in the shape the record functions take. */
export async function recordQuestions(db: Executor, departmentId?: string): Promise<Map<string, RecordQuestion[]>> {
  let query = db
    .selectFrom('questions')
    .select(['department_id', 'created_at', 'answer_due_at', 'answered_at', 'state', 'rating_resolved'])
    .where('hidden_at', 'is', null);
  if (departmentId) query = query.where('department_id', '=', departmentId);
  const rows = await query.execute();
  const out = new Map<string, RecordQuestion[]>();
  for (const r of rows) {
    const list = out.get(r.department_id) ?? [];
    list.push({ createdAt: r.created_at, answerDueAt: r.answer_due_at, answeredAt: r.answered_at, state: r.state, ratingResolved: r.rating_resolved });
    out.set(r.department_id, list);
  }
  return out;
}

/** How many visible questions each department passed on to another one. */
export async function transferredAway(db: Executor, departmentId?: string): Promise<Map<string, number>> {
  let query = db
    .selectFrom('question_transfers as t')
    .innerJoin('questions as q', 'q.id', 't.question_id')
    .select(['t.from_department_id', sql<number>`count(distinct t.question_id)::int`.as('n')])
    .where('q.hidden_at', 'is', null)
    .groupBy('t.from_department_id');
  if (departmentId) query = query.where('t.from_department_id', '=', departmentId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.from_department_id, r.n]));
}

export type TotalsWithTransfers = RecordTotals & { transferredAway: number };

/** Every department's record, ranked (see `rankDepartments`). */
export async function departmentRanking(db: Executor, now: Date, calendar: WorkingCalendar) {
  const [departments, questions, transfers] = await Promise.all([governmentDepartments(db), recordQuestions(db), transferredAway(db)]);
  return rankDepartments(
    departments.map((department) => ({
      department,
      totals: { ...recordTotals(questions.get(department.id) ?? [], now, calendar), transferredAway: transfers.get(department.id) ?? 0 } as TotalsWithTransfers,
    })),
  ) as { department: DepartmentRef; totals: TotalsWithTransfers; rank: number | null }[];
}

/**
 * Visible questions whose answer is overdue at `now`, most overdue first, optionally of one
 * department: computed from the due date at read time, so a list is right even before the sweep runs.
 */
export async function overdueQuestions(db: Executor, now: Date, calendar: WorkingCalendar, options: { departmentId?: string; limit: number }): Promise<OverdueItem[]> {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('organizations as o', 'o.id', 'q.department_id')
    .select(['q.id', 'q.title', 'q.cosigns_count', 'q.answer_due_at', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('q.state', 'in', ['published', 'transferred', 'overdue'])
    .where('q.hidden_at', 'is', null)
    .where('q.answer_due_at', '<=', now);
  if (options.departmentId) query = query.where('q.department_id', '=', options.departmentId);
  const rows = await query.orderBy('q.answer_due_at').orderBy('q.id').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    department: { id: r.org_id, slug: r.slug, name: r.name, nameZh: r.name_zh },
    cosignsCount: r.cosigns_count,
    dueAt: r.answer_due_at.toISOString(),
    overdueWorkingDays: deadlineStatus(r.answer_due_at, now, calendar).workingDays,
  }));
}
