import type { Executor } from '../db/database.js';
import type { Locale } from '../i18n/locale.js';
import { loadUserActor } from './load-actor.js';
import { readInstallation } from '../settings.js';

/** The session as the web client sees it: the user, their abilities' inputs, and the CSRF token. */
export async function readSession(
  db: Executor,
  session: { userId: string; csrfToken: string; sessionId: string | null } | null,
) {
  const installation = await readInstallation(db);
  const empty = { user: null, csrfToken: null, actingFor: null, ...installation };
  if (!session) return empty;
  const [actor, row, sessionRow] = await Promise.all([
    loadUserActor(db, session.userId),
    db.selectFrom('users').select(['email', 'locale', 'email_notifications']).where('id', '=', session.userId).executeTakeFirst(),
    session.sessionId
      ? db.selectFrom('sessions').select('acting_for_user_id').where('id', '=', session.sessionId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  if (!actor || !row) return empty;
  let actingFor = null;
  if (sessionRow?.acting_for_user_id && actor.roles.includes('clerk')) {
    const resident = await loadUserActor(db, sessionRow.acting_for_user_id);
    if (resident) actingFor = { id: resident.id, displayName: resident.displayName, verified: resident.verified };
  }
  return {
    user: {
      id: actor.id,
      email: row.email,
      displayName: actor.displayName,
      locale: (row.locale === 'zh-CN' ? 'zh-CN' : 'en') as Locale,
      emailNotifications: row.email_notifications,
      verified: actor.verified,
      areaId: actor.areaId,
      roles: actor.roles,
      memberships: actor.memberships.map(({ status: _status, ...m }) => m),
      posts: actor.posts,
    },
    csrfToken: session.csrfToken,
    actingFor,
    ...installation,
  };
}
