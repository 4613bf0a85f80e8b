import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { UserActor } from '../permissions/actor.js';

/**
 * Staff-assisted participation: a clerk starts acting for a resident who came in person. Until it
 * ends, the clerk's session acts as the resident, and every audit row names both.
 */
export async function startAssisting(
  { db, clock }: Deps,
  clerk: UserActor,
  input: { sessionId: string; email: string },
): Promise<Result<{ residentId: string; displayName: string; verified: boolean }, 'not_found' | 'cannot_act_for_self'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const resident = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'verified_at'])
      .where(sql<string>`lower(email)`, '=', input.email.trim().toLowerCase())
      .executeTakeFirst();
    if (!resident) return fail('not_found', { fields: [{ path: 'email', code: 'user_not_found' }] });
    if (resident.id === clerk.id) return fail('cannot_act_for_self');
    await trx.updateTable('sessions').set({ acting_for_user_id: resident.id }).where('id', '=', input.sessionId).execute();
    await writeAudit(trx, clerk, { action: 'assist.started', resourceType: 'user', resourceId: resident.id, public: false }, now);
    return ok({ residentId: resident.id, displayName: resident.display_name, verified: resident.verified_at !== null });
  });
}

export async function stopAssisting({ db, clock }: Deps, clerk: UserActor, input: { sessionId: string }): Promise<Result<null>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const session = await trx.selectFrom('sessions').select('acting_for_user_id').where('id', '=', input.sessionId).executeTakeFirst();
    if (!session?.acting_for_user_id) return ok(null);
    await trx.updateTable('sessions').set({ acting_for_user_id: null }).where('id', '=', input.sessionId).execute();
    await writeAudit(trx, clerk, { action: 'assist.ended', resourceType: 'user', resourceId: session.acting_for_user_id, public: false }, now);
    return ok(null);
  });
}
