import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { cancelRefusal } from '../rules.js';
import { hearingPath, loadHearing } from '../queries/load-hearing.js';
import { postIn } from './hearing-input.js';

/**
 * Calls a hearing off before it starts, with the reason in public. Everyone registered and every
 * follower is told; calendar feeds show it as cancelled; no response report falls due.
 */
export async function cancelHearing(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason: string },
): Promise<Result<null, 'not_found' | 'hearing_cancelled' | 'hearing_already_held'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = cancelRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const { row } = record;
    const reason = input.reason.trim();
    await trx
      .updateTable('hearings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, sequence: row.sequence + 1, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const [registered, followers] = await Promise.all([
      trx.selectFrom('hearing_registrations').select('user_id').where('hearing_id', '=', row.id).where('status', '!=', 'withdrawn').execute(),
      trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'hearing').where('resource_id', '=', row.id).execute(),
    ]);
    await notify(
      trx,
      [...registered, ...followers].map((r) => r.user_id).filter((id) => id !== actor.id),
      { kind: 'hearing.cancelled', resourceType: 'hearing', resourceId: row.id, title: row.title, path: hearingPath(row.id), data: { titleZh: row.title_zh } },
      now,
    );
    await writeAudit(
      trx,
      actor,
      { action: 'hearing.cancelled', resourceType: 'hearing', resourceId: row.id, postId: postIn(actor, row.department_id), data: { reason }, public: true },
      now,
    );
    return ok(null);
  });
}
