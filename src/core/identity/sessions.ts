import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/database.js';
import type { Actor, UserActor } from '../permissions/actor.js';
import { loadUserActor } from './load-actor.js';

export const SESSION_COOKIE = 'civitas_session';
/** How often a session's last-seen time is written (sliding expiry without a write per request). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session; only the SHA-256 of the cookie token is stored. */
export async function createSession(
  db: Executor,
  userId: string,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ id: sessionIdOf(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  id: string;
  userId: string;
  csrfToken: string;
  /** The signed-in user themself (a clerk while assisting). */
  user: UserActor;
  /** Who acts: the user, or the resident a clerk is assisting. */
  actor: Actor;
}

/**
 * Resolves a cookie token to its session and actor; expired or unknown tokens give null.
 * While a clerk assists a resident, the actor is the resident with `assistedBy` set.
 */
export async function loadSession({ db, clock }: Deps, token: string, ttlHours: number): Promise<LoadedSession | null> {
  const now = clock.now();
  const id = sessionIdOf(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session || session.expires_at <= now) return null;
  const user = await loadUserActor(db, session.user_id);
  if (!user) return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + ttlHours * 3_600_000) })
      .where('id', '=', id)
      .execute();
  }
  let actor: Actor = user;
  if (session.acting_for_user_id && user.roles.includes('clerk') && !user.blocked) {
    const resident = await loadUserActor(db, session.acting_for_user_id);
    if (resident) actor = { ...resident, assistedBy: { id: user.id, displayName: user.displayName } };
  }
  return { id, userId: user.id, csrfToken: session.csrf_token, user, actor };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, optionally keeping one (the one changing the password). */
export async function deleteUserSessions(db: Executor, userId: string, keepSessionId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
