/**
 * The cryptography of anonymous reports, with `node:crypto` and argon2id only (no database, no HTTP):
 *
 * - Each report has a random 256-bit key. Its content, messages and files are sealed with it
 *   (AES-256-GCM, a fresh 96-bit nonce per item, the report id as associated data so a sealed item
 *   cannot be moved to another report).
 * - The key is wrapped for each handler of the supervisory body with their X25519 public key: an
 *   ephemeral key pair, X25519 agreement, HKDF-SHA256 to a wrapping key, AES-256-GCM.
 * - The key is wrapped for the reporter under a key derived from the receipt: argon2id (with an
 *   installation-wide salt) to a master secret, then HMAC to three independent values: a lookup id
 *   (finds the report), a verifier (compared in constant time) and the wrapping key. A database dump
 *   holds only the lookup id and verifier, so testing one guessed receipt costs one argon2id run.
 * - A handler's private key is stored only sealed under a key derived by argon2id from a passphrase
 *   they choose; the server never stores it in the clear (see `openUnlockedKey` for the session copy).
 */
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomInt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

const NONCE = 12;
const TAG = 16;
const KEY = 32;

/** argon2id costs: OWASP's recommended minimum (19 MiB, 2 passes), as for passwords. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: KEY } as const;

/** AES-256-GCM: nonce || ciphertext || tag. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what `seal` sealed; null when the key, the data or the associated data is wrong. */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  if (sealed.length < NONCE + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([decipher.update(sealed.subarray(NONCE, sealed.length - TAG)), decipher.final()]);
  } catch {
    return null;
  }
}

export function sealJson(key: Buffer, value: unknown, aad: string): Buffer {
  return seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);
}

export function openJson<T>(key: Buffer, sealed: Buffer, aad: string): T | null {
  const plain = open(key, sealed, aad);
  return plain ? (JSON.parse(plain.toString('utf8')) as T) : null;
}

/** A new random report key. */
export function newReportKey(): Buffer {
  return randomBytes(KEY);
}

// ---------------------------------------------------------------------------------------------
// Handlers' key pairs

export interface HandlerKeyPair {
  /** Raw 32-byte X25519 public key. */
  publicKey: Buffer;
  /** PKCS#8 DER of the private key (only ever held in memory, or sealed). */
  privateKey: Buffer;
}

const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI_PREFIX.length);
}

export function generateHandlerKeyPair(): HandlerKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublicKey(publicKey), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

/** The public key that belongs to a private key (to check an unlocked key is the registered one). */
export function publicKeyOf(privateKey: Buffer): Buffer {
  return rawPublicKey(createPublicKey(createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' })));
}

/** The key that seals a handler's private key, from their passphrase (argon2id with their own salt). */
export async function passphraseKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFKC'), { ...ARGON2, salt });
}

const WRAP_INFO = 'civitas supervision report key v1';

/** Wraps a report key for a handler: ephemeral public key (32) || sealed report key. */
export function wrapForHandler(reportKey: Buffer, handlerPublicKey: Buffer, reportId: string): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(handlerPublicKey) });
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, handlerPublicKey]), WRAP_INFO, KEY));
  return Buffer.concat([ephemeralRaw, seal(wrapKey, reportKey, reportId)]);
}

/** Unwraps a report key with the handler's private key; null when it was not wrapped for this key. */
export function unwrapForHandler(wrapped: Buffer, handlerPrivateKey: Buffer, reportId: string): Buffer | null {
  if (wrapped.length < 32 + NONCE + TAG) return null;
  const privateKey = createPrivateKey({ key: handlerPrivateKey, format: 'der', type: 'pkcs8' });
  const ephemeralRaw = wrapped.subarray(0, 32);
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(ephemeralRaw) });
  const ownPublic = rawPublicKey(createPublicKey(privateKey));
  const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, ownPublic]), WRAP_INFO, KEY));
  return open(wrapKey, wrapped.subarray(32), reportId);
}

// ---------------------------------------------------------------------------------------------
// Receipts

/** Digits in a receipt: 10^16 possibilities, about 53 bits from the CSPRNG. */
export const RECEIPT_DIGITS = 16;

/** A new receipt: 16 digits, each drawn uniformly by `crypto.randomInt`. */
export function newReceipt(): string {
  let digits = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(randomInt(10));
  return digits;
}

/** The receipt as people read and copy it: `1234 5678 9012 3456`. */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The digits of a receipt as typed (spaces, dashes and full-width digits allowed); null when it cannot be one. */
export function normalizeReceipt(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

export interface ReceiptSecrets {
  lookupId: Buffer;
  verifier: Buffer;
  wrapKey: Buffer;
}

/** The lookup id, verifier and wrapping key of a receipt: one argon2id run, then HMACs. */
export async function receiptSecrets(receipt: string, installationSalt: Buffer): Promise<ReceiptSecrets> {
  const master = await hashRaw(receipt, { ...ARGON2, salt: installationSalt });
  const derive = (label: string) => createHmac('sha256', master).update(label).digest();
  return { lookupId: derive('lookup').subarray(0, 16), verifier: derive('verify'), wrapKey: derive('wrap') };
}

/**
 * Constant-time comparison of a stored verifier with the presented one (`timingSafeEqual`). Kept on
 * an object so a test can observe that every lookup, found or not, goes through it.
 */
export const receiptComparison = {
  equal(stored: Buffer, presented: Buffer): boolean {
    if (stored.length !== presented.length) return timingSafeEqual(presented, presented) && false;
    return timingSafeEqual(stored, presented);
  },
};

/** A verifier that matches nothing, compared against when no report has the lookup id (same work either way). */
export const DUMMY_VERIFIER = randomBytes(32);
