import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import { hashPassword } from './passwords.js';
import type { Locale } from '../i18n/locale.js';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

/** Creates an account (registered, not yet verified). E-mails are unique regardless of case. */
export async function signUp({ db, clock }: Deps, input: SignUpInput): Promise<Result<{ userId: string }, 'email_taken'>> {
  const email = input.email.trim();
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return transact(db, async (trx) => {
    const inserted = await trx
      .insertInto('users')
      .values({
        email,
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        locale: input.locale,
        created_at: now,
        password_changed_at: now,
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return fail('email_taken', { fields: [{ path: 'email', code: 'email_taken' }] });
    await writeAudit(
      trx,
      { kind: 'user', id: inserted.id, displayName: input.displayName, roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [] },
      { action: 'user.signed_up', resourceType: 'user', resourceId: inserted.id, public: false },
      now,
    );
    return ok({ userId: inserted.id });
  });
}
