import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { UserActor } from '../permissions/actor.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.js';

/** Changes the password after checking the current one, and signs out every other session. */
export async function changePassword(
  { db, clock }: Deps,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<Result<{ endedSessions: number }, 'current_password_wrong'>> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    return fail('current_password_wrong', { fields: [{ path: 'currentPassword', code: 'current_password_wrong' }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = clock.now();
  return transact(db, async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', actor.id).execute();
    const endedSessions = await deleteUserSessions(trx, actor.id, input.keepSessionId);
    await writeAudit(trx, actor, { action: 'user.password_changed', resourceType: 'user', resourceId: actor.id, public: false }, now);
    return ok({ endedSessions });
  });
}
