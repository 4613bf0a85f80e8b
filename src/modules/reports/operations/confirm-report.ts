import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { reporterRefusal } from '../rules.js';
import { loadReport, reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';

/** The reporter agrees that the department fixed the problem: the report is closed for good. */
export async function confirmReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<null, 'not_found' | 'report_not_fixed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadReport(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = reporterRefusal(row.state);
    if (refusal) return fail(refusal);
    await trx.updateTable('problem_reports').set({ state: 'confirmed', confirmed_at: now, updated_at: now }).where('id', '=', row.id).execute();
    const title = reportTitle(row, record.category.name);
    const titleZh = reportTitleZh(row, record.category.nameZh);
    const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', row.department_id).where('holder_user_id', 'is not', null).execute();
    await notify(trx, officials.map((o) => o.holder_user_id!), { kind: 'problem_report.confirmed', resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { titleZh } }, now);
    await writeAudit(trx, actor, { action: 'problem_report.confirmed', resourceType: 'problem_report', resourceId: row.id, data: { title, from: row.state }, public: true }, now);
    return ok(null);
  });
}
