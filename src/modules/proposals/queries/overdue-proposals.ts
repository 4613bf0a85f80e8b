import type { Executor } from '../../../core/db/database.js';
import { deadlineStatus, type WorkingCalendar } from '../../../core/calendar/working-days.js';
import type { OverdueItem } from '../schemas.js';
import { PENDING_ANSWER } from '../rules.js';

/**
 * Public proposals whose official answer is overdue at `now`, most overdue first, optionally of one
 * department: computed from the due date at read time, so a list is right even before the sweep runs.
 */
export async function overdueProposals(
  db: Executor,
  now: Date,
  calendar: WorkingCalendar,
  options: { departmentId?: string; limit: number },
): Promise<OverdueItem[]> {
  let query = db
    .selectFrom('proposals as p')
    .innerJoin('processes as pr', 'pr.id', 'p.process_id')
    .innerJoin('organizations as o', 'o.id', 'pr.department_id')
    .select(['p.id', 'p.title', 'p.state', 'p.supports_count', 'p.answer_due_at', 'pr.slug', 'pr.title as process_title', 'pr.title_zh as process_title_zh', 'o.id as org_id', 'o.slug as org_slug', 'o.name', 'o.name_zh'])
    .where('p.state', 'in', PENDING_ANSWER)
    .where('p.hidden_at', 'is', null)
    .where('pr.status', '=', 'published')
    .where('p.answer_due_at', '<=', now);
  if (options.departmentId) query = query.where('pr.department_id', '=', options.departmentId);
  const rows = await query.orderBy('p.answer_due_at').orderBy('p.id').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state,
    supportsCount: r.supports_count,
    process: { slug: r.slug, title: r.process_title, titleZh: r.process_title_zh },
    department: { id: r.org_id, slug: r.org_slug, name: r.name, nameZh: r.name_zh },
    dueAt: r.answer_due_at!.toISOString(),
    overdueWorkingDays: deadlineStatus(r.answer_due_at, now, calendar).workingDays,
  }));
}
