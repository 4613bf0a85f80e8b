/**
 * Keeping the map up to date: votes mark the conversation, a computation claims the marks and
 * saves state, result and priorities; a computation that died before saving is redone by the job;
 * two computations of one conversation never run at once; after a restart the saved state is
 * continued warm, and the incremental map equals a cold recomputation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, engineUnderTest, type TestPlatform } from '../../../test/helpers/platform.js';
import { createDepartment } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { orFail } from '../../core/errors.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { castVote } from './operations/cast-vote.js';
import { cold, deserializeMathState, type MathResult } from './math/index.js';
import { conversationsDue, forgetCachedMathStates, LOCKS, lockKey, opinionsMathJob, recomputeConversation, settleOpinionMath } from './math-runner.js';
import { manyPeople, openConversation, type OpenConversation } from './testing.js';

let p: TestPlatform;
let official: UserActor;
let deptId: string;
before(async () => {
  p = await createTestPlatform();
  const dept = await createDepartment(p, 'Streets Office');
  deptId = dept.id;
  official = (await loadUserActor(p.deps.db, dept.official.id))!;
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

const conversationRow = (id: string) =>
  p.deps.db
    .selectFrom('opinion_conversations')
    .select(['math_dirty_since', 'math_pending_since', 'math_tick', 'math_state', 'math_result', 'math_priorities'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/**
 * Two clear opinion camps (a little noise), so the number of groups is the same at every tick and
 * the map can be compared with a cold recomputation; everyone votes on 7 of the 8 statements, so
 * everyone ends up clustered.
 */
async function voteAll(c: OpenConversation, people: UserActor[], round = 0) {
  for (const [i, person] of people.entries()) {
    for (const s of c.statements) {
      if ((i + s.number + round) % 8 === 0) continue;
      const camp = i % 2 === 0;
      const agree = ((s.number % 2 === 0) === camp) !== ((i * 7 + s.number * 3) % 29 === 0);
      orFail(await castVote(p.deps, person, { conversationId: c.conversationId, statementId: s.id, vote: agree ? 'agree' : 'disagree' }));
    }
  }
}

async function coldOf(conversationId: string): Promise<MathResult> {
  const votes = await p.deps.db.selectFrom('opinion_votes').select(['pid', 'tid', 'vote']).where('conversation_id', '=', conversationId).execute();
  const statements = await p.deps.db.selectFrom('opinion_statements').select(['tid', 'status', 'is_meta']).where('conversation_id', '=', conversationId).execute();
  return cold({
    votes: votes.map((v) => ({ participant: String(v.pid), comment: String(v.tid), vote: v.vote as -1 | 0 | 1, time: 0 })),
    comments: statements.map((s) => ({ id: String(s.tid), moderated: s.status === 'accepted' ? 1 : s.status === 'rejected' ? -1 : 0, isMeta: s.is_meta })),
  });
}

function sameMap(a: MathResult, b: MathResult) {
  const exact = (r: MathResult) => ({
    participants: [...r.participants].sort(),
    clustered: [...r.clustered].sort(),
    groups: r.groups.map((g) => [...g.members].sort()),
    repness: r.repness,
    consensus: r.consensus,
    groupAwareConsensus: r.groupAwareConsensus,
    moderatedOut: r.moderatedOut,
  });
  assert.deepEqual(exact(a), exact(b));
  for (const [pid, [x, y]] of Object.entries(b.projections)) {
    const [u, v] = a.projections[pid]!;
    assert.ok(Math.abs(u - x) < 1e-6 && Math.abs(v - y) < 1e-6, `projection of ${pid}`);
  }
}

test('a vote marks the map out of date; a computation claims the mark and saves state, result and priorities', async () => {
  const c = await openConversation(p, { departmentId: deptId, official });
  const people = await manyPeople(p, 12);
  orFail(await castVote(p.deps, people[0]!, { conversationId: c.conversationId, statementId: c.statements[0]!.id, vote: 'agree' }));
  let row = await conversationRow(c.conversationId);
  assert.ok(row.math_dirty_since !== null, 'marked in the vote transaction');
  assert.ok((await conversationsDue(p.deps.db)).includes(c.conversationId));
  await settleOpinionMath();
  row = await conversationRow(c.conversationId);
  assert.equal(row.math_dirty_since, null);
  assert.equal(row.math_pending_since, null);
  assert.equal(row.math_tick, 1);
  assert.ok(row.math_state && row.math_result && row.math_priorities);
  assert.equal(await recomputeConversation(p.deps, c.conversationId), 'clean', 'nothing new: no tick');
  assert.equal((await conversationRow(c.conversationId)).math_tick, 1);
});

test('a computation that died after claiming is redone by the periodic job', async () => {
  const c = await openConversation(p, { departmentId: deptId, official });
  const people = await manyPeople(p, 16);
  await voteAll(c, people);
  await settleOpinionMath();
  const tick = (await conversationRow(c.conversationId)).math_tick;
  // More votes arrive (here written directly, so no timer of this process sees them); a computation
  // claims them and dies before saving.
  const more = await manyPeople(p, 4);
  await p.deps.db.transaction().execute(async (trx) => {
    for (const [k, person] of more.entries()) {
      const pid = 500 + k;
      await trx.insertInto('opinion_participants').values({ conversation_id: c.conversationId, pid, user_id: person.id, created_at: p.clock.now() }).execute();
      await trx
        .insertInto('opinion_votes')
        .values(c.statements.map((s) => ({ conversation_id: c.conversationId, pid, tid: s.number, vote: (s.number + k) % 2 === 0 ? 1 : -1, voted_at: p.clock.now() })))
        .execute();
    }
    await trx.updateTable('opinion_conversations').set({ math_pending_since: p.clock.now(), math_dirty_since: null }).where('id', '=', c.conversationId).execute();
  });
  assert.ok((await conversationsDue(p.deps.db)).includes(c.conversationId), 'still due: claimed but never saved');
  await p.runJobs();
  await settleOpinionMath();
  const row = await conversationRow(c.conversationId);
  assert.equal(row.math_pending_since, null);
  assert.ok(row.math_tick > tick);
  sameMap(row.math_result as MathResult, await coldOf(c.conversationId));
  assert.equal((row.math_result as MathResult).n, 20);
});

test('the periodic job computes what a vote marked in another process', async () => {
  const c = await openConversation(p, { departmentId: deptId, official });
  const people = await manyPeople(p, 15);
  await voteAll(c, people);
  await settleOpinionMath();
  // A vote written by another process: in the database and marked, with no timer here.
  const person = (await manyPeople(p, 1))[0]!;
  await p.deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('opinion_participants').values({ conversation_id: c.conversationId, pid: 999, user_id: person.id, created_at: p.clock.now() }).execute();
    await trx.insertInto('opinion_votes').values({ conversation_id: c.conversationId, pid: 999, tid: c.statements[0]!.number, vote: 1, voted_at: p.clock.now() }).execute();
    await trx.updateTable('opinion_conversations').set({ math_dirty_since: p.clock.now() }).where('id', '=', c.conversationId).execute();
  });
  await opinionsMathJob.run(p.deps);
  const result = (await conversationRow(c.conversationId)).math_result as MathResult;
  assert.ok(result.participants.includes('999'));
});

test('two computations of one conversation never run at once', async () => {
  const c = await openConversation(p, { departmentId: deptId, official });
  await voteAll(c, await manyPeople(p, 10));
  await settleOpinionMath();
  orFail(await castVote(p.deps, (await manyPeople(p, 1))[0]!, { conversationId: c.conversationId, statementId: c.statements[1]!.id, vote: 'pass' }));
  // In this process: a second request while one runs is refused as busy.
  const [a, b] = await Promise.all([recomputeConversation(p.deps, c.conversationId, { force: true }), recomputeConversation(p.deps, c.conversationId, { force: true })]);
  assert.deepEqual([a, b].sort(), ['busy', 'computed']);
  if (engineUnderTest === 'postgres') {
    // Across processes: another session holding the conversation's lock makes this one wait its turn.
    await p.deps.db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(${LOCKS.compute}::int4, ${lockKey(c.conversationId)}::int4)`.execute(other);
      try {
        assert.equal(await recomputeConversation(p.deps, c.conversationId, { force: true }), 'busy');
      } finally {
        await sql`select pg_advisory_unlock(${LOCKS.compute}::int4, ${lockKey(c.conversationId)}::int4)`.execute(other);
      }
    });
  }
  await settleOpinionMath();
});

test('after a restart the saved state is continued warm, and the map equals a cold recomputation', async () => {
  const c = await openConversation(p, { departmentId: deptId, official });
  const people = await manyPeople(p, 30);
  await voteAll(c, people.slice(0, 20));
  await settleOpinionMath();
  const before = await conversationRow(c.conversationId);
  const saved = deserializeMathState(before.math_state!);
  assert.equal(saved.tick, before.math_tick);
  forgetCachedMathStates();
  await voteAll(c, people.slice(20));
  await settleOpinionMath();
  const after = await conversationRow(c.conversationId);
  assert.ok(after.math_tick > before.math_tick, 'the tick continues from the saved one');
  const restored = deserializeMathState(after.math_state!);
  for (const id of saved.clustered) assert.ok(restored.clustered.has(id), 'clustered participants carried over');
  sameMap(after.math_result as MathResult, await coldOf(c.conversationId));
});
