/**
 * Sortition for people's hearings: who gets a speaking slot and a seat when more people apply than
 * there is room for. Pure and self-contained (no database, no Node or browser API besides
 * TextEncoder), so the server, the `civitas hearings draw` command and the public "check the draw"
 * page run exactly this code, and anyone can re-implement it from the description below.
 *
 * ALGORITHM civitas-sortition-v1
 *
 * Seed. Announced in advance: the hearing's id and the public value the department promises to use
 * (for example a lottery result or a stock index close on a given future date). When registration
 * has closed and the value is known, the seed is the lowercase hex SHA-256 of the UTF-8 text
 *     "civitas-hearing-draw-v1\n" + hearingId + "\n" + publicValue + "\n" + ids.join("\n")
 * where `ids` are the pseudonymous ids of all applicants, sorted (see "Order" below), and
 * `publicValue` has surrounding white space removed. Nobody can steer the seed: the applicant list
 * is fixed before the public value exists.
 *
 * Random stream. Block n (n = 0, 1, 2, ...) is SHA-256 of the UTF-8 text seed + ":" + n, with n in
 * decimal. Each 32-byte block yields eight unsigned 32-bit integers read big-endian, used in order.
 *
 * Uniform integer in [0, k). limit = 2^32 - (2^32 mod k); take the next integer x from the stream
 * until x < limit (rejection sampling, so no value is favoured), and return x mod k.
 *
 * Order. Sort the applicants by id (ids are printable ASCII, compared byte by byte), then shuffle
 * with Fisher-Yates: for i = n-1 down to 1, j = uniform(i + 1), swap positions i and j. The result
 * is the draw order: position 0 is drawn first.
 *
 * Selection without strata: the first `seats` applicants of the order are selected; the others
 * wait, in order.
 *
 * Selection with strata (e.g. districts). Each stratum s gets a quota q(s):
 *  - proportional: with N applicants in all and n(s) in s, q(s) = floor(seats * n(s) / N); the seats
 *    left over go one each to the strata with the largest remainder (seats * n(s) mod N), ties going
 *    to the stratum with more applicants, then to the smaller stratum name (largest-remainder method);
 *  - configured: q(s) is the number given for s (0 for a stratum not listed), at most n(s).
 * Walk the order and select an applicant while their stratum has fewer than q(s) selected. If seats
 * remain (configured quotas may sum to less than the seats, or exceed a stratum's applicants), walk
 * the order again and select those not yet selected until the seats are filled.
 * Selected and waiting applicants are both listed in draw order.
 *
 * A hearing draws twice from one seed: speaking slots among those who asked to speak, with the seed
 * seed + "/speakers"; then seats among those who asked to attend plus those who asked to speak but
 * were not drawn to speak, with the seed seed + "/seats". Speakers' places are not counted in the
 * seats. Stratification: proportional for speakers whenever the hearing is stratified; the
 * hearing's configured quotas (or proportional) for seats.
 *
 * Reference in Python (the stream and the shuffle):
 *     def stream(seed):
 *         n = 0
 *         while True:
 *             d = hashlib.sha256(f"{seed}:{n}".encode()).digest()
 *             for i in range(8): yield int.from_bytes(d[4*i:4*i+4], "big")
 *             n += 1
 *     def uniform(s, k):
 *         limit = 2**32 - (2**32 % k)
 *         while True:
 *             x = next(s)
 *             if x < limit: return x % k
 *     def order(seed, ids):
 *         a, s = sorted(ids), stream(seed)
 *         for i in range(len(a) - 1, 0, -1):
 *             j = uniform(s, i + 1); a[i], a[j] = a[j], a[i]
 *         return a
 */

export const SORTITION_ALGORITHM = 'civitas-sortition-v1';

/** Thrown for inputs the algorithm does not define (duplicate ids, negative seats, ...). */
export class SortitionError extends Error {}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), so the same code runs in Node and in browsers without asynchronous APIs.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** The SHA-256 digest of bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  // Message, the 0x80 byte, zeros, and the 64-bit length: a multiple of 64 bytes.
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  let hex = '';
  for (const byte of sha256(encoder.encode(text))) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

// ---------------------------------------------------------------------------------------------
// The random stream, uniform integers and the shuffle

/** Unsigned 32-bit integers from SHA-256 in counter mode: block n = SHA-256(seed + ":" + n). */
export function randomStream(seed: string): () => number {
  let block = 0;
  let words: DataView | null = null;
  let next = 8;
  return () => {
    if (next === 8) {
      words = new DataView(sha256(encoder.encode(`${seed}:${block++}`)).buffer);
      next = 0;
    }
    return words!.getUint32(4 * next++);
  };
}

const TWO_32 = 2 ** 32;

/** A uniform integer in [0, k) by rejection sampling. */
export function uniformInt(stream: () => number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > TWO_32) throw new SortitionError(`cannot draw from ${k} values`);
  const limit = TWO_32 - (TWO_32 % k);
  for (;;) {
    const x = stream();
    if (x < limit) return x % k;
  }
}

const ID = /^[\x21-\x7e]{1,100}$/;

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The draw order of ids: sorted, then shuffled by Fisher-Yates from the seed's stream. */
export function drawOrder(seed: string, ids: readonly string[]): string[] {
  const order = [...ids].sort(byBytes);
  for (let i = 1; i < order.length; i++) if (order[i] === order[i - 1]) throw new SortitionError(`applicant id "${order[i]}" appears twice`);
  for (const id of order) if (!ID.test(id)) throw new SortitionError(`applicant id "${id}" must be 1 to 100 printable ASCII characters without spaces`);
  const stream = randomStream(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniformInt(stream, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

// ---------------------------------------------------------------------------------------------
// Quotas and the draw

export interface Applicant {
  /** A pseudonymous id, published with the draw (printable ASCII). */
  id: string;
  /** The group the applicant belongs to for stratification (e.g. their district); ignored without strata. */
  stratum: string;
}

/** Stratification: quotas proportional to applicants per stratum, or seats given per stratum. */
export type Strata = 'proportional' | Record<string, number>;

export interface DrawInput {
  seed: string;
  applicants: readonly Applicant[];
  seats: number;
  strata?: Strata | null;
}

export interface DrawResult {
  algorithm: typeof SORTITION_ALGORITHM;
  /** Every applicant's id in draw order. */
  order: string[];
  /** Selected ids, in draw order. */
  selected: string[];
  /** The others, in draw order: the waiting list. */
  waiting: string[];
  /** Seats per stratum before filling what quotas left over (null without strata). */
  quotas: Record<string, number> | null;
  /** Selected per stratum (null without strata). */
  selectedPerStratum: Record<string, number> | null;
}

/**
 * Largest-remainder quotas: `seats` shared among strata in proportion to their applicants, in
 * exact integer arithmetic. Every applicant is seated when there are at least as many seats.
 */
export function proportionalQuotas(counts: Record<string, number>, seats: number): Record<string, number> {
  const strata = Object.keys(counts).sort(byBytes);
  const total = strata.reduce((sum, s) => sum + counts[s]!, 0);
  const quotas: Record<string, number> = {};
  if (total === 0) return quotas;
  if (seats >= total) {
    for (const s of strata) quotas[s] = counts[s]!;
    return quotas;
  }
  let given = 0;
  for (const s of strata) {
    quotas[s] = Math.floor((seats * counts[s]!) / total);
    given += quotas[s]!;
  }
  const byRemainder = [...strata].sort((a, b) => {
    const ra = (seats * counts[a]!) % total;
    const rb = (seats * counts[b]!) % total;
    return rb - ra || counts[b]! - counts[a]! || byBytes(a, b);
  });
  for (let i = 0; given < seats; i++, given++) quotas[byRemainder[i]!]! += 1;
  return quotas;
}

/** Draws `seats` of the applicants from the seed, optionally stratified (see the algorithm above). */
export function drawSortition(input: DrawInput): DrawResult {
  const { seed, applicants, seats } = input;
  if (typeof seed !== 'string' || seed.length === 0) throw new SortitionError('the seed must be a non-empty string');
  if (!Number.isInteger(seats) || seats < 0) throw new SortitionError('seats must be a whole number, 0 or more');
  const stratumOf = new Map<string, string>();
  for (const a of applicants) {
    if (typeof a.stratum !== 'string' || !ID.test(a.stratum)) throw new SortitionError(`the stratum of "${a.id}" must be 1 to 100 printable ASCII characters without spaces`);
    stratumOf.set(a.id, a.stratum);
  }
  const order = drawOrder(seed, applicants.map((a) => a.id));
  const strata = input.strata ?? null;
  if (strata === null) {
    return { algorithm: SORTITION_ALGORITHM, order, selected: order.slice(0, seats), waiting: order.slice(seats), quotas: null, selectedPerStratum: null };
  }
  const counts: Record<string, number> = {};
  for (const id of order) counts[stratumOf.get(id)!] = (counts[stratumOf.get(id)!] ?? 0) + 1;
  let quotas: Record<string, number>;
  if (strata === 'proportional') quotas = proportionalQuotas(counts, seats);
  else {
    let sum = 0;
    for (const [s, q] of Object.entries(strata)) {
      if (!Number.isInteger(q) || q < 0) throw new SortitionError(`the quota of stratum "${s}" must be a whole number, 0 or more`);
      sum += q;
    }
    if (sum > seats) throw new SortitionError(`the quotas add up to ${sum}, more than the ${seats} seats`);
    quotas = {};
    for (const s of Object.keys({ ...counts, ...strata }).sort(byBytes)) quotas[s] = Math.min(strata[s] ?? 0, counts[s] ?? 0);
  }
  const taken = new Set<string>();
  const perStratum: Record<string, number> = {};
  for (const s of Object.keys(quotas)) perStratum[s] = 0;
  for (const id of order) {
    if (taken.size >= seats) break;
    const s = stratumOf.get(id)!;
    if (perStratum[s]! < quotas[s]!) {
      perStratum[s]! += 1;
      taken.add(id);
    }
  }
  for (const id of order) {
    if (taken.size >= seats) break;
    if (taken.has(id)) continue;
    perStratum[stratumOf.get(id)!]! += 1;
    taken.add(id);
  }
  return {
    algorithm: SORTITION_ALGORITHM,
    order,
    selected: order.filter((id) => taken.has(id)),
    waiting: order.filter((id) => !taken.has(id)),
    quotas,
    selectedPerStratum: perStratum,
  };
}

// ---------------------------------------------------------------------------------------------
// A hearing's draw: the seed from the announced inputs, then speakers and seats

/** The seed of a hearing's draw from what was announced and the applicant list (see above). */
export function hearingDrawSeed(input: { hearingId: string; publicValue: string; applicantIds: readonly string[] }): string {
  const ids = [...input.applicantIds].sort(byBytes);
  return sha256Hex(`civitas-hearing-draw-v1\n${input.hearingId}\n${input.publicValue.trim()}\n${ids.join('\n')}`);
}

export interface HearingApplicant extends Applicant {
  /** Asked to speak (otherwise to attend). */
  speak: boolean;
}

/** How a hearing's places are stratified: not at all, proportionally, or with seat quotas per stratum. */
export type HearingStratification = { mode: 'none' } | { mode: 'proportional' } | { mode: 'quotas'; quotas: Record<string, number> };

export interface HearingDrawInput {
  seed: string;
  applicants: readonly HearingApplicant[];
  seats: number;
  speakingSlots: number;
  stratification: HearingStratification;
}

export interface HearingDrawResult {
  algorithm: typeof SORTITION_ALGORITHM;
  speakers: DrawResult;
  seats: DrawResult;
}

/** Speaking slots first (among those who asked to speak), then seats (attendees and the other would-be speakers). */
export function drawHearing(input: HearingDrawInput): HearingDrawResult {
  const ids = new Set<string>();
  for (const a of input.applicants) {
    if (ids.has(a.id)) throw new SortitionError(`applicant id "${a.id}" appears twice`);
    ids.add(a.id);
  }
  const { stratification } = input;
  const speakerStrata: Strata | null = stratification.mode === 'none' ? null : 'proportional';
  const seatStrata: Strata | null = stratification.mode === 'none' ? null : stratification.mode === 'quotas' ? stratification.quotas : 'proportional';
  const speakApplicants = input.applicants.filter((a) => a.speak).map(({ id, stratum }) => ({ id, stratum }));
  const speakers = drawSortition({ seed: `${input.seed}/speakers`, applicants: speakApplicants, seats: input.speakingSlots, strata: speakerStrata });
  const speaking = new Set(speakers.selected);
  const seatApplicants = input.applicants.filter((a) => !speaking.has(a.id)).map(({ id, stratum }) => ({ id, stratum }));
  const seats = drawSortition({ seed: `${input.seed}/seats`, applicants: seatApplicants, seats: input.seats, strata: seatStrata });
  return { algorithm: SORTITION_ALGORITHM, speakers, seats };
}

/** Whether more people applied than there is room for (otherwise everyone gets a place and no lot is needed). */
export function isOversubscribed(applicants: readonly Pick<HearingApplicant, 'speak'>[], seats: number, speakingSlots: number): boolean {
  const wantToSpeak = applicants.filter((a) => a.speak).length;
  const speakers = Math.min(wantToSpeak, speakingSlots);
  return wantToSpeak > speakingSlots || applicants.length - speakers > seats;
}
