/**
 * Handlers' supervision keys. A handler sets up an X25519 key pair once, with a passphrase of their
 * own; the private key is stored only sealed under argon2id(passphrase). To read reports they unlock
 * it for their session.
 *
 * Where the unlocked key lives: sealed in `supervision_key_unlocks` (tied to the session row, so it
 * goes when the session ends) under a random 256-bit secret that exists only in an http-only cookie
 * of the handler's browser. We chose this over keeping it in the server's memory because several
 * server processes may serve one installation (a key unlocked in one must work in the others) and
 * a restart must not lock every handler out; a database dump still holds nothing that opens it.
 * While a request of the handler is being served, the server holds the key in memory: the server
 * is trusted while it serves, never at rest.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { generateHandlerKeyPair, open, passphraseKey, publicKeyOf, seal } from '../crypto.js';

/** How long an unlocked key stays usable at most (it also ends with the session). */
export const UNLOCK_HOURS = 12;

const keyAad = (userId: string) => `handler-key:${userId}`;
const unlockAad = (sessionId: string, userId: string) => `unlock:${sessionId}:${userId}`;

/** Creates the handler's key pair, sealed by their passphrase; returns the private key for this session. */
export async function setUpHandlerKey({ db, clock }: Deps, actor: UserActor, input: { passphrase: string }): Promise<Result<Buffer, 'key_already_set_up'>> {
  const now = clock.now();
  const pair = generateHandlerKeyPair();
  const salt = randomBytes(16);
  const sealed = seal(await passphraseKey(input.passphrase, salt), pair.privateKey, keyAad(actor.id));
  return transact(db, async (trx) => {
    const inserted = await trx
      .insertInto('supervision_handler_keys')
      .values({ user_id: actor.id, public_key: pair.publicKey, sealed_private_key: sealed, kdf_salt: salt, created_at: now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return fail('key_already_set_up');
    await writeAudit(trx, actor, { action: 'supervision.key_created', resourceType: 'supervision_key', resourceId: actor.id, data: {}, public: false }, now);
    return ok(pair.privateKey);
  });
}

/** Opens the handler's private key with their passphrase (argon2id runs whether or not it is right). */
export async function unlockHandlerKey(db: Executor, actor: UserActor, input: { passphrase: string }): Promise<Result<Buffer, 'key_not_set_up' | 'passphrase_wrong'>> {
  const row = await db.selectFrom('supervision_handler_keys').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
  if (!row) return fail('key_not_set_up');
  const privateKey = open(await passphraseKey(input.passphrase, row.kdf_salt), row.sealed_private_key, keyAad(actor.id));
  if (!privateKey || !publicKeyOf(privateKey).equals(row.public_key)) return fail('passphrase_wrong');
  return ok(privateKey);
}

/** Keeps an unlocked key for the session, sealed under a new random secret; returns the secret for the cookie. */
export async function rememberUnlockedKey(db: Executor, input: { sessionId: string; userId: string; privateKey: Buffer; expiresAt: Date }): Promise<string> {
  const secret = randomBytes(32);
  const sealed = seal(secret, input.privateKey, unlockAad(input.sessionId, input.userId));
  await db
    .insertInto('supervision_key_unlocks')
    .values({ session_id: input.sessionId, user_id: input.userId, sealed, expires_at: input.expiresAt })
    .onConflict((oc) => oc.column('session_id').doUpdateSet({ user_id: input.userId, sealed, expires_at: input.expiresAt }))
    .execute();
  return secret.toString('base64url');
}

/** The session's unlocked private key, when the cookie's secret opens it and it has not expired. */
export async function unlockedKey(db: Executor, input: { sessionId: string; userId: string; secret: string | null; now: Date }): Promise<Buffer | null> {
  if (!input.secret) return null;
  const row = await db.selectFrom('supervision_key_unlocks').selectAll().where('session_id', '=', input.sessionId).executeTakeFirst();
  if (!row || row.user_id !== input.userId || row.expires_at <= input.now) return null;
  const secret = Buffer.from(input.secret, 'base64url');
  if (secret.length !== 32) return null;
  return open(secret, row.sealed, unlockAad(input.sessionId, input.userId));
}

export async function forgetUnlockedKey(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('supervision_key_unlocks').where('session_id', '=', sessionId).execute();
}

/** The public keys of these users (those who set up a key), by user id. */
export async function publicKeysOf(db: Executor, userIds: string[]): Promise<Map<string, Buffer>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('supervision_handler_keys').select(['user_id', 'public_key']).where('user_id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.user_id, r.public_key]));
}
