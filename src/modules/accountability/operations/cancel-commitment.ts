import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { editRefusal } from '../rules.js';
import { commitmentPath, loadCommitment } from '../queries/load-commitment.js';
import { officialPostIn } from './commitment-input.js';

/** The department cancels a commitment with a public reason; it stays on the record, and followers are told. */
export async function cancelCommitment(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason: string },
): Promise<Result<null, 'not_found' | 'commitment_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = editRefusal(row.status);
    if (refusal) return fail(refusal);
    const reason = input.reason.trim();
    await trx.updateTable('commitments').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now }).where('id', '=', row.id).execute();
    await notifyFollowers(trx, { kind: 'commitment.cancelled', resourceType: 'commitment', resourceId: row.id, title: row.title, path: commitmentPath(row.id), data: { titleZh: row.title_zh } }, now, actor.id);
    await writeAudit(
      trx,
      actor,
      { action: 'commitment.cancelled', resourceType: 'commitment', resourceId: row.id, postId: officialPostIn(actor, row.department_id, row.post_id), data: { from: row.status, reason, spent: Number(row.spent), progress: row.progress }, public: true },
      now,
    );
    return ok(null);
  });
}
