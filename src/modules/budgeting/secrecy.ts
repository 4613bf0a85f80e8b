/**
 * What keeps ballots secret and checkable: the voter key (who may replace a ballot, without saying
 * whose it is) and the receipt code (what a voter keeps to check their ballot was counted).
 *
 * The voter key is HMAC-SHA256 over the budget and the voter, keyed with a secret derived from the
 * installation's census salt (created by the core's first migration, never shown anywhere). The
 * derived key is never stored or logged; without it, the keys in the ballots table cannot be
 * matched to people.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../../core/db/database.js';
import { censusSalt } from '../../core/identity/census.js';
import { normalizeReceiptCode } from './receipt.js';

/** Derived secrets by database handle, so a busy vote reads the salt once (never written anywhere). */
const secrets = new WeakMap<object, Buffer>();

/** The key for voter keys: the census salt, separated from its other uses by a label. */
async function ballotSecret(db: Executor): Promise<Buffer> {
  const cached = secrets.get(db);
  if (cached) return cached;
  const secret = createHmac('sha256', await censusSalt(db)).update('civitas/budgeting/voter-key/v1').digest();
  secrets.set(db, secret);
  return secret;
}

/** Makes voter keys for one budget; reads the installation secret once. */
export async function voterKeys(db: Executor, budgetId: string): Promise<{ forUser(userId: string): string; forImported(voterId: string): string }> {
  const secret = await ballotSecret(db);
  const key = (subject: string) => createHmac('sha256', secret).update(`${budgetId}\n${subject}`).digest('hex');
  return {
    forUser: (userId) => key(`user:${userId}`),
    forImported: (voterId) => key(`pabulib:${voterId}`),
  };
}

// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new receipt code: 20 random characters (100 bits) in groups of five, e.g. `7KQ2M-...`. */
export function newReceiptCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (let i = 0; i < 20; i++) code += ALPHABET[bytes[i]! & 31];
  return code.match(/.{5}/g)!.join('-');
}

/** The SHA-256 of a receipt code, as stored with the ballot and published after counting. */
export function receiptHash(code: string): string {
  return createHash('sha256').update(normalizeReceiptCode(code)).digest('hex');
}
