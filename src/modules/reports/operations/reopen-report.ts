import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { reporterRefusal } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';

/**
 * The reporter says a report marked fixed is not fixed: it opens again at the same department with
 * a new deadline from now, the reason is public, and it counts as reopened in the department's record.
 */
export async function reopenReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason: string },
): Promise<Result<{ dueAt: Date }, 'not_found' | 'report_not_fixed'>> {
  const reason = input.reason.trim();
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadReport(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = reporterRefusal(row.state);
    if (refusal) return fail(refusal);
    const calendar = await loadCalendar(trx);
    const dueAt = deadlineFor(now, record.category.workingDays, calendar)!;
    await trx
      .updateTable('problem_reports')
      .set((eb) => ({ state: 'reopened', reopened_at: now, reopen_count: eb('reopen_count', '+', 1), due_at: dueAt, overdue_at: null, updated_at: now }))
      .where('id', '=', row.id)
      .execute();
    const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
    const message = { kind: 'problem_report.reopened', resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { reason, titleZh } };
    const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', row.department_id).where('holder_user_id', 'is not', null).execute();
    const officialIds = officials.map((o) => o.holder_user_id!);
    await notify(trx, officialIds, message, now);
    const followers = await trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'problem_report').where('resource_id', '=', row.id).execute();
    await notify(trx, followers.map((f) => f.user_id).filter((id) => id !== actor.id && !officialIds.includes(id)), message, now);
    await writeAudit(
      trx,
      actor,
      { action: 'problem_report.reopened', resourceType: 'problem_report', resourceId: row.id, data: { title, from: row.state, reason, dueAt: dueAt.toISOString() }, public: true },
      now,
    );
    return ok({ dueAt });
  });
}
