import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { statusRefusal, type StatusTarget } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * The responsible department says where a report stands: acknowledged, in progress (again, to post
 * progress), or fixed. The note is public; the update is signed by the official's post, public in
 * the audit log (a fix with whether it came in time) and sent to followers.
 */
export async function updateReportStatus(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; state: StatusTarget; note?: string | null },
): Promise<Result<{ state: StatusTarget }, 'not_found' | 'report_closed' | 'report_invalid_transition'>> {
  const note = input.note?.trim() || null;
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadReport(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = statusRefusal(row.state, input.state);
    if (refusal) return fail(refusal);
    // A fix after a reopening stays late if an earlier fix of this report was late.
    const late = input.state === 'fixed' ? now.getTime() > row.due_at.getTime() || row.fixed_late === true : null;
    await trx
      .updateTable('problem_reports')
      .set({
        state: input.state,
        status_notes: note ?? row.status_notes,
        updated_at: now,
        ...(input.state === 'acknowledged' || (input.state === 'in_progress' && !row.acknowledged_at) ? { acknowledged_at: row.acknowledged_at ?? now } : {}),
        ...(input.state === 'fixed' ? { fixed_at: now, fixed_late: late } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
    await notifyFollowers(
      trx,
      { kind: `problem_report.${input.state}`, resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { state: input.state, titleZh } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: `problem_report.${input.state}`,
        resourceType: 'problem_report',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        data: { title, from: row.state, state: input.state, note, dueAt: row.due_at.toISOString(), ...(late === null ? {} : { late }) },
        public: true,
      },
      now,
    );
    return ok({ state: input.state });
  });
}
