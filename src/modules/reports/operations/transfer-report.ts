import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify, notifyFollowers } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { transferRefusal } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';
import { isDepartment } from '../queries/route-report.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * "Not our responsibility": the department passes an open report to another department with a
 * public reason. The receiving department gets a new deadline from now (the category's working
 * days) and is told; followers read the reason; the transfer counts in the first one's record.
 */
export async function transferReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; departmentId: string; reason: string },
): Promise<Result<{ departmentId: string; dueAt: Date }, 'not_found' | 'report_closed' | 'validation_failed'>> {
  const reason = input.reason.trim();
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadReport(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = transferRefusal(row.state);
    if (refusal) return fail(refusal);
    if (input.departmentId === row.department_id) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'transfer_same_department' }] });
    if (!(await isDepartment(trx, input.departmentId))) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'department_invalid' }] });
    const calendar = await loadCalendar(trx);
    const dueAt = deadlineFor(now, record.category.workingDays, calendar)!;
    await trx
      .updateTable('problem_reports')
      .set((eb) => ({
        department_id: input.departmentId,
        state: 'submitted',
        status_notes: reason,
        assigned_at: now,
        due_at: dueAt,
        overdue_at: null,
        acknowledged_at: null,
        fixed_late: null,
        transfer_count: eb('transfer_count', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', row.id)
      .execute();
    const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
    const message = { resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id) };
    await notifyFollowers(trx, { ...message, kind: 'problem_report.transferred', data: { reason, titleZh } }, now, actor.id);
    const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', input.departmentId).where('holder_user_id', 'is not', null).execute();
    await notify(trx, officials.map((o) => o.holder_user_id!).filter((id) => id !== actor.id), { ...message, kind: 'problem_report.received', data: { dueAt: dueAt.toISOString(), titleZh } }, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'problem_report.transferred',
        resourceType: 'problem_report',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        data: { title, from: row.state, fromDepartmentId: row.department_id, toDepartmentId: input.departmentId, reason, dueAt: dueAt.toISOString() },
        public: true,
      },
      now,
    );
    return ok({ departmentId: input.departmentId, dueAt });
  });
}
