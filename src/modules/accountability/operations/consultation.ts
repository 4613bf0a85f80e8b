import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify, notifyFollowers } from '../../../core/notifications/notify.js';
import { consultationOpen, consultationRefusal } from '../rules.js';
import { commitmentPath, loadCommitment } from '../queries/load-commitment.js';
import { outsideResidentArea } from '../policy.js';
import { officialPostIn } from './commitment-input.js';

const DAY = 86_400_000;

/**
 * The department puts a proposed program to the residents of its area before deciding: from now
 * until `endsAt` they comment with a stance (for, against, neutral) and give an approval rating.
 * Verified residents of the area are told, so the consultation reaches the people it concerns.
 */
export async function openConsultation(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; endsAt: Date },
): Promise<Result<null, 'not_found' | 'consultation_not_allowed' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row, ref } = record;
    const refusal = consultationRefusal(row.status, row.consultation_opens_at !== null);
    if (refusal) return fail(refusal);
    const span = input.endsAt.getTime() - now.getTime();
    if (span < DAY || span > 90 * DAY) return fail('validation_failed', { fields: [{ path: 'endsAt', code: 'consultation_end_invalid' }] });
    await trx
      .updateTable('commitments')
      .set({ status: 'in_consultation', consultation_opens_at: now, consultation_ends_at: input.endsAt, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    let residents = trx.selectFrom('users').select('id').where('verified_at', 'is not', null).where('blocked_at', 'is', null);
    if (ref.residentAreaIds) residents = residents.where('area_id', 'in', ref.residentAreaIds.length > 0 ? ref.residentAreaIds : ['00000000-0000-0000-0000-000000000000']);
    const told = (await residents.limit(5000).execute()).map((r) => r.id).filter((id) => id !== actor.id);
    const message = { kind: 'commitment.consultation_opened', resourceType: 'commitment', resourceId: row.id, title: row.title, path: commitmentPath(row.id), data: { endsAt: input.endsAt.toISOString(), titleZh: row.title_zh } };
    await notify(trx, told, message, now);
    await notifyFollowers(trx, message, now, actor.id);
    await writeAudit(
      trx,
      actor,
      {
        action: 'commitment.consultation_opened',
        resourceType: 'commitment',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id, row.post_id),
        data: { from: row.status, opensAt: now.toISOString(), endsAt: input.endsAt.toISOString() },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}

/**
 * A verified resident of the area says how much they approve of a program in consultation (1-5);
 * one approval each, changeable while the consultation is open (an upsert on the resident's row).
 * Who approved is never published; the audit row is private.
 */
export async function recordApproval(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; approval: number },
): Promise<Result<{ changed: boolean }, 'not_found' | 'consultation_not_open' | 'resident_outside_area'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    // A share lock: the consultation cannot be decided while an approval is being written.
    const row = await trx.selectFrom('commitments').select(['id', 'status', 'consultation_opens_at', 'consultation_ends_at', 'area_id']).where('id', '=', input.id).forShare().executeTakeFirst();
    if (!row) return fail('not_found');
    if (!consultationOpen({ status: row.status, consultationOpensAt: row.consultation_opens_at, consultationEndsAt: row.consultation_ends_at }, now)) return fail('consultation_not_open');
    const record = await loadCommitment(trx, row.id);
    if (outsideResidentArea(actor, record!.ref)) return fail('resident_outside_area');
    const previous = await trx.selectFrom('commitment_approvals').select('approval').where('commitment_id', '=', row.id).where('user_id', '=', actor.id).executeTakeFirst();
    await trx
      .insertInto('commitment_approvals')
      .values({ commitment_id: row.id, user_id: actor.id, approval: input.approval, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['commitment_id', 'user_id']).doUpdateSet({ approval: input.approval, updated_at: now }))
      .execute();
    await writeAudit(trx, actor, { action: 'commitment.approval_given', resourceType: 'commitment', resourceId: row.id, data: { changed: previous !== undefined }, public: false }, now);
    return ok({ changed: previous !== undefined });
  });
}
