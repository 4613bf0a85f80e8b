import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  drawHearing,
  drawOrder,
  drawSortition,
  hearingDrawSeed,
  isOversubscribed,
  proportionalQuotas,
  randomStream,
  sha256Hex,
  SortitionError,
  uniformInt,
  type Applicant,
} from './sortition.js';

// Known answers were computed with the Python reference in the comment of sortition.ts (hashlib,
// an implementation independent of this one), so they pin the published algorithm itself.

const ids = Array.from({ length: 20 }, (_, n) => `r${String(n).padStart(2, '0')}`);
const strataOf = (id: string) => {
  const n = Number(id.slice(1));
  return n < 15 ? ['north', 'south', 'east'][n % 3]! : 'other';
};
const applicants: Applicant[] = ids.map((id) => ({ id, stratum: strataOf(id) }));

test('SHA-256 matches the standard test vectors and node:crypto on texts of every padding length', () => {
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  for (let length = 0; length < 200; length++) {
    const text = randomBytes(length).toString('base64').slice(0, length) + (length % 7 === 0 ? '湖景' : '');
    assert.equal(sha256Hex(text), createHash('sha256').update(text).digest('hex'), `length ${length}`);
  }
});

test('known answer: the draw order of 20 ids from a seed is pinned', () => {
  assert.deepEqual(drawOrder('civitas-kat-1', ids), ['r10', 'r01', 'r18', 'r13', 'r03', 'r06', 'r11', 'r15', 'r12', 'r04', 'r09', 'r14', 'r17', 'r19', 'r07', 'r08', 'r16', 'r02', 'r05', 'r00']);
  assert.deepEqual(drawOrder('test-seed', 'abcdefghij'.split('')), 'dfbcegjaih'.split(''));
  // The order does not depend on the order the applicants are listed in.
  assert.deepEqual(drawOrder('civitas-kat-1', [...ids].reverse()), drawOrder('civitas-kat-1', ids));
});

test('known answers: stratified draws (proportional, configured quotas) and a hearing draw with its seed', () => {
  assert.deepEqual(drawSortition({ seed: 'civitas-kat-2', applicants, seats: 7, strata: 'proportional' }).selected, ['r08', 'r01', 'r03', 'r00', 'r18', 'r19', 'r11']);
  assert.deepEqual(drawSortition({ seed: 'civitas-kat-3', applicants, seats: 6, strata: { north: 3, other: 2 } }).selected, ['r01', 'r12', 'r19', 'r03', 'r15', 'r06']);
  const hearingId = '6f1c2f3e-0000-4000-8000-000000000001';
  const seed = hearingDrawSeed({ hearingId, publicValue: '  05 12 23 31 44 + 09 ', applicantIds: [...ids].reverse() });
  assert.equal(seed, '28525291b9534e4e31e5215c389713c5abc5def091a60498df98b37806157063');
  const drawn = drawHearing({
    seed,
    applicants: applicants.map((a, n) => ({ ...a, speak: n % 4 === 0 })),
    seats: 8,
    speakingSlots: 3,
    stratification: { mode: 'proportional' },
  });
  assert.deepEqual(drawn.speakers.selected, ['r08', 'r00', 'r16']);
  assert.deepEqual(drawn.seats.selected, ['r17', 'r14', 'r15', 'r09', 'r03', 'r05', 'r04', 'r07']);
  assert.deepEqual(drawn.seats.waiting, ['r18', 'r11', 'r13', 'r02', 'r19', 'r01', 'r10', 'r06', 'r12']);
});

test('the same seed gives the same draw; another seed another draw', () => {
  const a = drawSortition({ seed: 'seed-one', applicants, seats: 5 });
  const b = drawSortition({ seed: 'seed-one', applicants: [...applicants].reverse(), seats: 5 });
  const c = drawSortition({ seed: 'seed-two', applicants, seats: 5 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.order, c.order);
  assert.notDeepEqual(a.selected, c.selected);
  assert.equal(a.selected.length, 5);
  assert.equal(a.waiting.length, 15);
  assert.deepEqual([...a.selected, ...a.waiting].sort(), [...ids].sort());
  // A different applicant list changes the seed of a hearing, even with the same public value.
  const s1 = hearingDrawSeed({ hearingId: 'h', publicValue: '42', applicantIds: ids });
  const s2 = hearingDrawSeed({ hearingId: 'h', publicValue: '42', applicantIds: ids.slice(1) });
  assert.notEqual(s1, s2);
});

test('stratification: proportional quotas by largest remainder hold for every seed', () => {
  // 6 north, 5 south, 4 east, 5 other (20): 7 seats → 2.1, 1.75, 1.4, 1.75 → 2, 2, 1, 2 (ties: more applicants, then name).
  const counts = { north: 5, south: 5, east: 5, other: 5 };
  assert.deepEqual(proportionalQuotas(counts, 7), { east: 2, north: 2, other: 2, south: 1 });
  assert.deepEqual(proportionalQuotas({ a: 6, b: 5, c: 4, d: 5 }, 7), { a: 2, b: 2, c: 1, d: 2 });
  assert.deepEqual(proportionalQuotas({ a: 1, b: 9 }, 20), { a: 1, b: 9 });
  assert.deepEqual(proportionalQuotas({ big: 90, small: 10 }, 5), { big: 5, small: 0 });
  assert.deepEqual(proportionalQuotas({ big: 85, small: 15 }, 5), { big: 4, small: 1 });
  for (let i = 0; i < 50; i++) {
    const result = drawSortition({ seed: `quota-${i}`, applicants, seats: 7, strata: 'proportional' });
    assert.equal(result.selected.length, 7);
    const per: Record<string, number> = {};
    for (const id of result.selected) per[strataOf(id)] = (per[strataOf(id)] ?? 0) + 1;
    assert.deepEqual(per, result.quotas);
    assert.deepEqual(result.selectedPerStratum, result.quotas);
  }
});

test('stratification: configured quotas hold, and seats they leave are filled in draw order', () => {
  for (let i = 0; i < 30; i++) {
    const result = drawSortition({ seed: `configured-${i}`, applicants, seats: 8, strata: { north: 3, east: 1, unknown: 2 } });
    const per: Record<string, number> = {};
    for (const id of result.selected) per[strataOf(id)] = (per[strataOf(id)] ?? 0) + 1;
    assert.ok((per.north ?? 0) >= 3 && (per.east ?? 0) >= 1, JSON.stringify(per));
    assert.equal(result.selected.length, 8);
    // The 4 seats left over (2 for a stratum nobody is in, 2 unassigned) go to the first others in the order.
    const quotaPicks = new Set<string>();
    const taken: Record<string, number> = { north: 0, east: 0 };
    for (const id of result.order) {
      const s = strataOf(id);
      if ((s === 'north' && taken.north! < 3) || (s === 'east' && taken.east! < 1)) {
        taken[s]!++;
        quotaPicks.add(id);
      }
    }
    const rest = result.order.filter((id) => !quotaPicks.has(id)).slice(0, 4);
    assert.deepEqual(new Set(result.selected), new Set([...quotaPicks, ...rest]));
  }
  assert.throws(() => drawSortition({ seed: 's', applicants, seats: 3, strata: { north: 2, south: 2 } }), SortitionError);
});

test('uniform integers by rejection sampling are unbiased over many draws', () => {
  const stream = randomStream('uniformity');
  const k = 6;
  const counts = new Array<number>(k).fill(0);
  const n = 60_000;
  for (let i = 0; i < n; i++) counts[uniformInt(stream, k)]!++;
  // Chi-square with 5 degrees of freedom; 20.5 is the 0.1% critical value.
  const expected = n / k;
  const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
  assert.ok(chi < 20.5, `chi-square ${chi.toFixed(2)} for ${counts.join(',')}`);
  // Rejection: a value at or above the limit is never returned.
  const fixed = [0xffffffff, 7];
  let at = 0;
  assert.equal(uniformInt(() => fixed[at++]!, 3), 1);
});

test('every applicant gets a seat when there are enough; bad input is refused with a reason', () => {
  const all = drawSortition({ seed: 'plenty', applicants, seats: 50, strata: 'proportional' });
  assert.equal(all.selected.length, 20);
  assert.deepEqual(all.waiting, []);
  assert.deepEqual(drawSortition({ seed: 'none', applicants: [], seats: 3 }).selected, []);
  assert.throws(() => drawSortition({ seed: 's', applicants: [{ id: 'a', stratum: 'x' }, { id: 'a', stratum: 'x' }], seats: 1 }), /twice/);
  assert.throws(() => drawSortition({ seed: 's', applicants: [{ id: 'has space', stratum: 'x' }], seats: 1 }), /printable ASCII/);
  assert.throws(() => drawSortition({ seed: 's', applicants, seats: -1 }), /seats/);
  assert.throws(() => drawSortition({ seed: '', applicants, seats: 1 }), /seed/);
});

test('a hearing is oversubscribed when would-be speakers exceed the slots or the rest exceed the seats', () => {
  const people = (speak: number, attend: number) => [...Array.from({ length: speak }, () => ({ speak: true })), ...Array.from({ length: attend }, () => ({ speak: false }))];
  assert.equal(isOversubscribed(people(2, 3), 5, 2), false);
  assert.equal(isOversubscribed(people(2, 5), 5, 2), false);
  assert.equal(isOversubscribed(people(1, 5), 5, 2), false);
  assert.equal(isOversubscribed(people(3, 2), 5, 2), true); // three want the two speaking slots
  assert.equal(isOversubscribed(people(2, 6), 5, 2), true);
  assert.equal(isOversubscribed(people(0, 6), 5, 2), true);
  // Speakers are drawn first; the others who wanted to speak join the draw for seats.
  const drawn = drawHearing({ seed: 'h', applicants: applicants.map((a, n) => ({ ...a, speak: n < 6 })), seats: 4, speakingSlots: 2, stratification: { mode: 'none' } });
  assert.equal(drawn.speakers.selected.length, 2);
  assert.equal(drawn.seats.order.length, 18);
  assert.ok(drawn.speakers.selected.every((id) => !drawn.seats.order.includes(id)));
});
