import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import { systemActor } from '../permissions/actor.js';
import { verifyPassword } from './passwords.js';

export interface SignInPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Checks e-mail and password. After `maxFailures` wrong passwords in a row the account is locked
 * for `lockMinutes`; while locked even the right password is refused. Unknown e-mails cost the
 * same time as known ones.
 */
export async function signIn(
  { db, clock }: Deps,
  input: { email: string; password: string },
  policy: SignInPolicy,
): Promise<Result<{ userId: string }, 'invalid_credentials' | 'account_locked' | 'account_blocked'>> {
  const now = clock.now();
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'locked_until', 'blocked_at'])
    .where(sql<string>`lower(email)`, '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (user?.locked_until && user.locked_until > now) {
    return fail('account_locked', { params: { minutes: minutesUntil(user.locked_until, now) } });
  }
  const valid = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) return fail('invalid_credentials');
  if (!valid) {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('users')
        .set({ failed_logins: sql`failed_logins + 1` })
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      if (row.failed_logins < policy.maxFailures) return fail('invalid_credentials');
      const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
      await writeAudit(
        trx,
        systemActor('login-guard'),
        { action: 'user.locked', resourceType: 'user', resourceId: user.id, data: { minutes: policy.lockMinutes }, public: false },
        now,
      );
      return fail('account_locked', { params: { minutes: policy.lockMinutes } });
    });
  }
  if (user.blocked_at) return fail('account_blocked');
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  return ok({ userId: user.id });
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
