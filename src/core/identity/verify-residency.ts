import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { UserActor } from '../permissions/actor.js';
import { censusSalt, documentHash } from './census.js';

/**
 * Verifies the acting user as a resident: the document number and birth date must match a census
 * entry that has not verified another account. The entry and the account are linked one to one
 * (a unique column and a guarded update), so two accounts racing for one entry cannot both win.
 */
export async function verifyResidency(
  { db, clock }: Deps,
  actor: UserActor,
  input: { documentNumber: string; birthDate: string },
): Promise<Result<{ areaId: string }, 'already_verified' | 'census_no_match' | 'census_entry_used'>> {
  if (actor.verified) return fail('already_verified');
  const hash = documentHash(await censusSalt(db), input.documentNumber);
  const now = clock.now();
  return transact(db, async (trx) => {
    const entry = await trx
      .selectFrom('census_entries')
      .select(['id', 'area_id', 'verified_user_id', 'birth_date'])
      .where('document_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    // The same answer for an unknown number and a wrong birth date: the census is not an oracle.
    if (!entry || entry.birth_date !== input.birthDate) return fail('census_no_match');
    if (entry.verified_user_id && entry.verified_user_id !== actor.id) return fail('census_entry_used');
    const claimed = await trx
      .updateTable('census_entries')
      .set({ verified_user_id: actor.id, verified_at: now })
      .where('id', '=', entry.id)
      .where('verified_user_id', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return fail('census_entry_used');
    const updated = await trx
      .updateTable('users')
      .set({ verified_at: now, area_id: entry.area_id })
      .where('id', '=', actor.id)
      .where('verified_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return fail('already_verified');
    await writeAudit(
      trx,
      actor,
      { action: 'user.verified', resourceType: 'user', resourceId: actor.id, data: { areaId: entry.area_id }, public: false },
      now,
    );
    return ok({ areaId: entry.area_id });
  });
}
