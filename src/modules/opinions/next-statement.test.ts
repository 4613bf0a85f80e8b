/**
 * The next statement for a participant: only statements they have not voted on (of those shown
 * now), picked at random with probability proportional to Polis's comment priority from the last
 * map (a missing or zero priority counts as 1), uniformly before the first map.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { createDepartment } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { orFail } from '../../core/errors.js';
import { castVote } from './operations/cast-vote.js';
import { nextStatement, pickWeighted } from './queries/next-statement.js';
import { findPid } from './queries/load-conversation.js';
import { recomputeConversation, settleOpinionMath } from './math-runner.js';
import { manyPeople, openConversation } from './testing.js';

test('Polis weighting: probability proportional to priority; missing or zero counts as 1; uniform without priorities', () => {
  const c = [{ tid: 1 }, { tid: 2 }, { tid: 3 }];
  const priorities = { '1': 1, '2': 3, '3': 0 };
  // Cumulative weights 1, 4, 5 of 5.
  assert.equal(pickWeighted(c, priorities, () => 0.19)!.tid, 1);
  assert.equal(pickWeighted(c, priorities, () => 0.21)!.tid, 2);
  assert.equal(pickWeighted(c, priorities, () => 0.79)!.tid, 2);
  assert.equal(pickWeighted(c, priorities, () => 0.81)!.tid, 3);
  assert.equal(pickWeighted(c, priorities, () => 0.999999)!.tid, 3);
  assert.equal(pickWeighted(c, null, () => 0.34)!.tid, 2, 'uniform: thirds');
  assert.equal(pickWeighted(c, null, () => 0.66)!.tid, 2);
  assert.equal(pickWeighted(c, null, () => 0.67)!.tid, 3);
  assert.equal(pickWeighted([], priorities, () => 0.5), null);

  // Frequencies follow the weights (100,000 draws of a seeded generator).
  let state = 12345;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const counts = new Map<number, number>();
  const weights = { '1': 10, '2': 30, '3': 60 };
  for (let i = 0; i < 100_000; i++) {
    const tid = pickWeighted(c, weights, random)!.tid;
    counts.set(tid, (counts.get(tid) ?? 0) + 1);
  }
  for (const [tid, share] of [[1, 0.1], [2, 0.3], [3, 0.6]] as const) assert.ok(Math.abs(counts.get(tid)! / 100_000 - share) < 0.01, `statement ${tid}`);
});

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

test('only unseen statements; the stored priorities of the last map weigh the choice', async () => {
  const dept = await createDepartment(p, 'Streets Office');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const c = await openConversation(p, { departmentId: dept.id, official });
  const people = await manyPeople(p, 20);
  // Before any map: no priorities, a uniform pick.
  const before = await nextStatement(p.deps.db, { conversationId: c.conversationId, moderation: 'post', pid: null, priorities: null, random: () => 0.99 });
  assert.equal(before.statement!.number, c.statements[c.statements.length - 1]!.number);

  for (const [i, person] of people.entries()) {
    for (const s of c.statements) {
      if ((i + s.number) % 5 === 0) continue;
      orFail(await castVote(p.deps, person, { conversationId: c.conversationId, statementId: s.id, vote: (i % 2 === 0) === (s.number % 3 === 0) ? 'agree' : 'disagree' }));
    }
  }
  await settleOpinionMath();
  await recomputeConversation(p.deps, c.conversationId);
  const conv = await p.deps.db.selectFrom('opinion_conversations').select('math_priorities').where('id', '=', c.conversationId).executeTakeFirstOrThrow();
  const priorities = conv.math_priorities as Record<string, number>;
  assert.equal(Object.keys(priorities).length, c.statements.length);

  // Someone who voted on some statements: the candidates are the rest, weighted by priority.
  const person = people[0]!;
  const pid = (await findPid(p.deps.db, c.conversationId, person.id))!;
  const voted = new Set((await p.deps.db.selectFrom('opinion_votes').select('tid').where('conversation_id', '=', c.conversationId).where('pid', '=', pid).execute()).map((v) => v.tid));
  const unseen = c.statements.filter((s) => !voted.has(s.number));
  assert.ok(unseen.length > 0 && voted.size > 0);
  for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
    const next = await nextStatement(p.deps.db, { conversationId: c.conversationId, moderation: 'post', pid, priorities, random: () => r });
    const expected = pickWeighted(unseen.map((s) => ({ tid: s.number })), priorities, () => r)!;
    assert.equal(next.statement!.number, expected.tid);
    assert.ok(!voted.has(next.statement!.number), 'never a statement already voted on');
    assert.deepEqual(next.progress, { voted: voted.size, total: c.statements.length });
  }
});
