/**
 * 500 participants (150 on PGlite) vote at the same time, 20 votes each on 40 statements (10,000 votes), each
 * voting as a page does, one statement after the other, and 200 of them double-click their first
 * vote (two identical requests at once, racing for their participant number). The votes go through
 * the operation the route calls; the HTTP layer around it is exercised by the API and live tests.
 * Every vote is recorded exactly once (one row per conversation, participant and statement), each
 * participant gets one number with none skipped, no vote writes an audit row, the map is recomputed
 * during the burst (warm-started, debounced), and
 * once the burst is over and the debounced and periodic computations have run, the stored map is
 * the one a cold computation of the final votes gives: the same groups, representative statements
 * and consensus, the same axes and positions to a tolerance. Runs on PGlite and on PostgreSQL; times
 * are reported as diagnostics, not asserted (benchmarks measure, tests prove).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, engineUnderTest, type TestPlatform } from '../../../test/helpers/platform.js';
import { createDepartment } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { castVote } from './operations/cast-vote.js';
import { cold, type MathResult } from './math/index.js';
import { recomputeConversation, settleOpinionMath } from './math-runner.js';
import { manyPeople, openConversation } from './testing.js';

// PGlite runs every query through its one connection, so there the point is exactness, not load: fewer people.
const PARTICIPANTS = engineUnderTest === 'postgres' ? 500 : 150;
const STATEMENTS = 40;
const PER_PARTICIPANT = 20;
const REPEATS = Math.min(200, PARTICIPANTS);

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

/** Participant i votes on 20 distinct statements; two camps, each agreeing with its half, with 5% dissent. */
function ballotOf(i: number): { statement: number; vote: 'agree' | 'disagree' | 'pass' }[] {
  const camp = i % 2;
  return Array.from({ length: PER_PARTICIPANT }, (_, j) => {
    const statement = (i * 7 + j * 13) % STATEMENTS;
    const ours = statement % 2 === camp;
    const dissent = (i * 31 + statement * 17) % 20 === 0;
    const pass = (i * 11 + statement * 5) % 25 === 0;
    return { statement, vote: pass ? 'pass' : ours !== dissent ? 'agree' : 'disagree' };
  });
}

test(`${PARTICIPANTS * PER_PARTICIPANT} votes from ${PARTICIPANTS} participants voting at once are each recorded once, and the map converges to a cold recomputation`, async (t) => {
  const dept = await createDepartment(p, 'Streets Office');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const seeds = Array.from({ length: STATEMENTS }, (_, k) => `Statement number ${k + 1} about sharing the streets`);
  const c = await openConversation(p, { departmentId: dept.id, official, seeds });
  const people = await manyPeople(p, PARTICIPANTS);

  const cast = (i: number, statement: number, vote: 'agree' | 'disagree' | 'pass') => castVote(p.deps, people[i]!, { conversationId: c.conversationId, statementId: c.statements[statement]!.id, vote });
  /**
   * One participant's page: their votes one after the other, each arriving as its own request (its
   * own turn of the event loop; with the embedded database the whole burst would otherwise run as
   * one chain of promises that no timer can interrupt); a double click on the first for the first REPEATS.
   */
  const participant = async (i: number) => {
    const ballot = ballotOf(i);
    const out = [];
    for (const [j, b] of ballot.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (j === 0 && i < REPEATS) out.push(...(await Promise.all([cast(i, b.statement, b.vote), cast(i, b.statement, b.vote)])));
      else out.push(await cast(i, b.statement, b.vote));
    }
    return out;
  };

  const started = performance.now();
  const results = (await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => participant(i)))).flat();
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`${engineUnderTest}: ${results.length} votes from ${PARTICIPANTS} participants at once in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)} votes/s)`);
  assert.deepEqual(results.filter((r) => !r.ok).slice(0, 5), []);
  assert.equal(results.filter((r) => r.ok && r.value.replaced).length, REPEATS, 'the repeated clicks replaced (with the same value) the first');

  const db = p.deps.db;
  const votes = await db.selectFrom('opinion_votes').select(['pid', 'tid', 'vote']).where('conversation_id', '=', c.conversationId).execute();
  assert.equal(votes.length, PARTICIPANTS * PER_PARTICIPANT, 'each vote recorded once');
  const participants = await db.selectFrom('opinion_participants').select(['pid', 'user_id']).where('conversation_id', '=', c.conversationId).orderBy('pid').execute();
  assert.equal(participants.length, PARTICIPANTS);
  assert.deepEqual(participants.map((r) => r.pid), Array.from({ length: PARTICIPANTS }, (_, k) => k), 'one number each, none skipped');
  // Every participant's stored votes are exactly their ballot.
  const userOf = new Map(participants.map((r) => [r.pid, r.user_id]));
  const indexOf = new Map(people.map((person, i) => [person.id, i]));
  const value = { agree: 1, disagree: -1, pass: 0 } as const;
  for (const v of votes) {
    const i = indexOf.get(userOf.get(v.pid)!)!;
    const b = ballotOf(i).find((x) => c.statements[x.statement]!.number === v.tid)!;
    assert.equal(v.vote, value[b.vote]);
  }
  const audit = await db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).where('resource_id', '=', c.conversationId).executeTakeFirstOrThrow();
  assert.equal(audit.n, 1, 'only the conversation’s creation; no vote is audited');
  const during = await db.selectFrom('opinion_conversations').select(['math_tick']).where('id', '=', c.conversationId).executeTakeFirstOrThrow();
  assert.ok(during.math_tick >= 2, 'the map was recomputed during the burst');

  // The burst is over: the debounced computation and the periodic job finish.
  const settling = performance.now();
  await settleOpinionMath();
  await p.runJobs();
  const row = await db
    .selectFrom('opinion_conversations')
    .select(['math_result', 'math_tick', 'math_millis', 'math_dirty_since', 'math_pending_since'])
    .where('id', '=', c.conversationId)
    .executeTakeFirstOrThrow();
  t.diagnostic(`${engineUnderTest}: ${during.math_tick} map(s) computed during the burst; settled in ${((performance.now() - settling) / 1000).toFixed(2)} s; last computation ${row.math_millis} ms (tick ${row.math_tick})`);
  assert.equal(row.math_dirty_since, null);
  assert.equal(row.math_pending_since, null);
  const stored = row.math_result as MathResult;

  const tickStarted = performance.now();
  assert.equal(await recomputeConversation(p.deps, c.conversationId, { force: true }), 'computed');
  t.diagnostic(`${engineUnderTest}: one more tick (read ${votes.length} votes, diff, update, save): ${(performance.now() - tickStarted).toFixed(0)} ms`);
  const coldStarted = performance.now();
  const full = cold({
    votes: votes.map((v) => ({ participant: String(v.pid), comment: String(v.tid), vote: v.vote as -1 | 0 | 1, time: 0 })),
    comments: c.statements.map((s) => ({ id: String(s.number), moderated: 1, isMeta: false })),
  });
  t.diagnostic(`cold recomputation of ${votes.length} votes: ${(performance.now() - coldStarted).toFixed(0)} ms`);
  assert.equal(stored.n, PARTICIPANTS);
  assert.deepEqual([...stored.clustered].sort(), [...full.clustered].sort());
  assert.equal(stored.groups.length, full.groups.length);
  assert.ok(stored.groups.length >= 2);
  assert.deepEqual(stored.groups.map((g) => [...g.members].sort()), full.groups.map((g) => [...g.members].sort()), 'same group membership');
  assert.deepEqual(stored.repness, full.repness, 'same representative statements');
  assert.deepEqual(stored.consensus, full.consensus);
  assert.deepEqual(stored.groupAwareConsensus, full.groupAwareConsensus);
  const tol = 1e-6;
  for (const c2 of [0, 1]) {
    const a = new Map(stored.comments.map((id, j) => [id, stored.pca.comps[c2]![j]!]));
    full.comments.forEach((id, j) => assert.ok(Math.abs(a.get(id)! - full.pca.comps[c2]![j]!) < tol, `axis ${c2}, statement ${id}`));
  }
  for (const [pid, [x, y]] of Object.entries(full.projections)) {
    const [u, v] = stored.projections[pid]!;
    assert.ok(Math.abs(u - x) < tol && Math.abs(v - y) < tol, `position of ${pid}`);
  }
});
