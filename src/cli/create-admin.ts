import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../core/deps.js';
import { fail, ok, type Result } from '../core/errors.js';
import { systemActor } from '../core/permissions/actor.js';
import { signUp } from '../core/identity/sign-up.js';
import { setUserRoles } from '../core/identity/manage-users.js';
import { PASSWORD_MIN_LENGTH } from '../core/identity/passwords.js';

/** Creates an administrator account, or grants the role to an existing account with that e-mail. */
export async function createAdmin(
  deps: Deps,
  input: { email: string; name?: string; password?: string },
): Promise<Result<{ created: boolean; generatedPassword: string | null }, 'validation_failed' | 'email_taken' | 'not_found' | 'last_administrator'>> {
  const actor = systemActor('cli');
  const existing = await deps.db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (existing) {
    const roles = (await deps.db.selectFrom('user_roles').select('role').where('user_id', '=', existing.id).execute()).map((r) => r.role);
    const result = await setUserRoles(deps, actor, { userId: existing.id, roles: [...new Set([...roles, 'administrator' as const])] });
    return result.ok ? ok({ created: false, generatedPassword: null }) : result;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) return fail('validation_failed', { fields: [{ path: 'email', code: 'validation.invalid_email' }] });
  if (input.password !== undefined && input.password.length < PASSWORD_MIN_LENGTH) {
    return fail('validation_failed', { fields: [{ path: 'password', code: 'validation.too_short', params: { minimum: PASSWORD_MIN_LENGTH } }] });
  }
  const password = input.password ?? randomBytes(15).toString('base64url');
  const created = await signUp(deps, { email: input.email, password, displayName: input.name?.trim() || 'Administrator', locale: 'en' });
  if (!created.ok) return created;
  const roles = await setUserRoles(deps, actor, { userId: created.value.userId, roles: ['administrator'] });
  if (!roles.ok) return roles;
  return ok({ created: true, generatedPassword: input.password ? null : password });
}
