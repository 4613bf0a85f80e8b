import type { Deps } from '../deps.js';
import { ok, type Result } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';
import type { Locale } from '../i18n/locale.js';

/** Updates the signed-in user's display name, language and e-mail preference. Not audit-logged: nothing binding changes. */
export async function updateProfile(
  { db }: Deps,
  actor: UserActor,
  input: { displayName?: string; locale?: Locale; emailNotifications?: 'immediate' | 'daily' | 'off' },
): Promise<Result<null>> {
  const changes: { display_name?: string; locale?: string; email_notifications?: 'immediate' | 'daily' | 'off' } = {};
  if (input.displayName !== undefined) changes.display_name = input.displayName.trim();
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.emailNotifications !== undefined) changes.email_notifications = input.emailNotifications;
  if (Object.keys(changes).length > 0) await db.updateTable('users').set(changes).where('id', '=', actor.id).execute();
  return ok(null);
}
