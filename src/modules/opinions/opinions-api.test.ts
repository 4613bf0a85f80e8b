/**
 * The opinion-map API end to end: opening a conversation with seeds, voting one statement at a
 * time (later votes replace earlier ones), writing statements with duplicate detection, pre- and
 * post-moderation, the map after the math ran, timing, audit (never per vote) and pseudonymity.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createAreas, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { settleOpinionMath } from './math-runner.js';
import { openConversation, opinionsProcess, SEED_STATEMENTS } from './testing.js';
import { statementKey } from './rules.js';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let resident: TestUser;
let neighbour: TestUser;
let registered: TestUser;
let moderator: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Transport Bureau');
  resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Rita Resident' });
  neighbour = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Ned Neighbour' });
  registered = await createUser(p, { displayName: 'Reg Registered' });
  moderator = await createUser(p, { roles: ['moderator'] });
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

const official = async () => (await loadUserActor(p.deps.db, dept.official.id))!;

async function vote(as: TestUser, conversationId: string, statementId: string, value: 'agree' | 'disagree' | 'pass') {
  return api(p, { method: 'POST', url: `/api/v1/conversations/${conversationId}/votes`, as, body: { statementId, vote: value } });
}

test('an official opens a conversation with seed statements; residents vote one statement at a time', async () => {
  const process = await opinionsProcess(p, { departmentId: dept.id });
  const created = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${process.slug}/conversations`,
    as: dept.official,
    body: { topic: 'How should we share the streets?', topicZh: '街道应该如何共享？', moderation: 'post', seeds: SEED_STATEMENTS.slice(0, 4).map((body, i) => ({ body, bodyZh: i === 0 ? '周末汽车不进老城。' : null })) },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;

  const list = (await api(p, { method: 'GET', url: `/api/v1/processes/${process.slug}/conversations` })).json();
  assert.equal(list.conversations.length, 1);
  assert.equal(list.conversations[0].counts.statements, 4);
  assert.deepEqual(list.abilities, { create: false, import: false });

  const detail = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}`, as: resident })).json();
  assert.equal(detail.abilities.vote, true);
  assert.equal(detail.abilities.write, true);
  assert.equal(detail.abilities.moderate, false);
  assert.equal(detail.voteBlocked, null);
  const visitorDetail = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}` })).json();
  assert.equal(visitorDetail.voteBlocked.code, 'not_authenticated');
  const registeredDetail = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}`, as: registered })).json();
  assert.equal(registeredDetail.voteBlocked.code, 'requires_verification', 'verified residents only by default');

  // One statement at a time, never one already voted on; progress counts up.
  const seen = new Set<number>();
  let next = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}/next`, as: resident })).json();
  assert.deepEqual(next.progress, { voted: 0, total: 4 });
  for (let i = 0; i < 4; i++) {
    assert.ok(next.statement, 'a statement to vote on');
    assert.ok(!seen.has(next.statement.number), 'not shown twice');
    seen.add(next.statement.number);
    const res = await vote(resident, id, next.statement.id, i % 2 === 0 ? 'agree' : 'disagree');
    assert.equal(res.statusCode, 200, res.body);
    next = res.json().next;
    assert.equal(next.progress.voted, i + 1);
  }
  assert.equal(next.statement, null, 'all statements voted on');
  assert.equal(next.progress.total, 4);

  // A later vote replaces the earlier one: still one row.
  const [first] = (await p.deps.db.selectFrom('opinion_statements').select(['id', 'tid']).where('conversation_id', '=', id).orderBy('tid').execute()) as { id: string; tid: number }[];
  assert.equal((await vote(resident, id, first!.id, 'pass')).statusCode, 200);
  const rows = await p.deps.db.selectFrom('opinion_votes').select(['pid', 'tid', 'vote']).where('conversation_id', '=', id).execute();
  assert.equal(rows.length, 4);
  assert.equal(rows.find((r) => r.tid === first!.tid)!.vote, 0);

  // Votes are not audited; the conversation and its seeds are.
  const audit = await p.deps.db.selectFrom('audit_log').select(['action']).where('resource_id', '=', id).execute();
  assert.deepEqual(audit.map((a) => a.action), ['opinions.conversation_created']);

  // The map after the math ran: the caller sees their own place and number, others do not.
  await vote(neighbour, id, first!.id, 'agree');
  await settleOpinionMath();
  const results = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}/results`, as: resident })).json();
  assert.ok(results.math, 'computed');
  assert.equal(results.math.participants, 2);
  assert.equal(results.me.votes, 4);
  assert.equal(typeof results.me.pid, 'number');
  const neighbourResults = (await api(p, { method: 'GET', url: `/api/v1/conversations/${id}/results`, as: neighbour })).json();
  assert.notEqual(neighbourResults.me.pid, results.me.pid);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/conversations/${id}/results` })).json().me, null);
  const seed = results.math.statements.find((s: { number: number }) => s.number === first!.tid);
  assert.deepEqual(seed.votes, { agree: 1, disagree: 0, pass: 1 });
  assert.equal(seed.bodyZh, '周末汽车不进老城。');
});

test('writing: 140 characters at most, duplicates refused by normalized text, the author agrees with their own statement', async () => {
  const c = await openConversation(p, { departmentId: dept.id, official: await official() });
  const write = (as: TestUser, body: string) => api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/statements`, as, body: { body } });

  const tooLong = await write(resident, 'x'.repeat(141));
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json().error.fields[0].path, 'body');

  const written = await write(resident, 'Buses should get their own lanes at rush hour.');
  assert.equal(written.statusCode, 201, written.body);
  assert.equal(written.json().status, 'pending');
  assert.equal(written.json().visible, true, 'post-moderation: shown until rejected');

  // The same statement with other case, spacing, punctuation and full-width letters.
  const again = await write(neighbour, '  BUSES should get their own lanes — at rush hour!! ');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'statement_duplicate');
  assert.match(again.json().error.message, new RegExp(`statement ${written.json().number}`));
  assert.equal(again.json().error.fields[0].path, 'body');
  const seedDuplicate = await write(neighbour, SEED_STATEMENTS[0]!.toUpperCase().replace(/\./g, ''));
  assert.equal(seedDuplicate.json().error.code, 'statement_duplicate');
  assert.equal(statementKey('Ｃａｒｓ，  out!'), 'cars out');

  const punctuation = await write(neighbour, '?!… ...');
  assert.equal(punctuation.statusCode, 400);

  // The author's agree vote was recorded; the statement is not put to them.
  const author = await p.deps.db
    .selectFrom('opinion_votes')
    .innerJoin('opinion_participants', (j) => j.onRef('opinion_participants.conversation_id', '=', 'opinion_votes.conversation_id').onRef('opinion_participants.pid', '=', 'opinion_votes.pid'))
    .select(['opinion_votes.vote'])
    .where('opinion_votes.conversation_id', '=', c.conversationId)
    .where('opinion_votes.tid', '=', written.json().number)
    .where('opinion_participants.user_id', '=', resident.id)
    .executeTakeFirstOrThrow();
  assert.equal(author.vote, 1);

  // Staff add seed statements; duplicates within the list or with existing statements are refused.
  const seeds = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/seeds`, as: moderator, body: { statements: [{ body: 'Trams, not cars.', bodyZh: '电车，而不是汽车。' }, { body: 'trams not cars' }] } });
  assert.equal(seeds.statusCode, 400);
  assert.equal(seeds.json().error.fields[0].path, 'statements.1.body');
  const seedDup = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/seeds`, as: moderator, body: { statements: [{ body: 'Buses should get their own lanes at rush hour' }] } });
  assert.equal(seedDup.json().error.code, 'statement_duplicate');
  const seeded = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/seeds`, as: moderator, body: { statements: [{ body: 'Trams, not cars.', bodyZh: '电车，而不是汽车。' }] } });
  assert.equal(seeded.statusCode, 201, seeded.body);
  const audit = await p.deps.db.selectFrom('audit_log').select(['action']).where('resource_id', '=', c.conversationId).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['opinions.conversation_created', 'opinions.statements_seeded'], 'resident statements are not audited, seeds are');
});

test('pre-moderation hides new statements until accepted; rejected statements are moderated out of the map', async () => {
  const c = await openConversation(p, { departmentId: dept.id, official: await official(), settings: { moderation: 'pre' } });
  const written = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/statements`, as: resident, body: { body: 'The market street should be car-free.' } });
  assert.equal(written.json().visible, false);
  const statementId = written.json().id as string;
  const voteHidden = await vote(neighbour, c.conversationId, statementId, 'agree');
  assert.equal(voteHidden.statusCode, 409);
  assert.equal(voteHidden.json().error.code, 'statement_unavailable');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/next`, as: neighbour })).json().progress.total, c.statements.length);
  const mine = (await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}`, as: resident })).json().myStatements;
  assert.deepEqual(mine.map((s: { status: string }) => s.status), ['pending']);

  // The queue: residents may not see it; a moderator accepts.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/moderation`, as: resident })).statusCode, 403);
  const queue = (await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/moderation`, as: moderator })).json();
  assert.equal(queue.counts.pending, 1);
  assert.equal(queue.statements[0].id, statementId);
  assert.equal(queue.statements[0].byParticipant, true);
  const accepted = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/statements/${statementId}/moderation`, as: moderator, body: { decision: 'accept' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal((await vote(neighbour, c.conversationId, statementId, 'agree')).statusCode, 200);

  // Enough votes for a map; then the department rejects a seed: it leaves the map and the lists.
  for (const s of c.statements.slice(0, 3)) await vote(neighbour, c.conversationId, s.id, 'agree');
  await settleOpinionMath();
  const target = c.statements[0]!;
  const rejected = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/statements/${target.id}/moderation`, as: dept.official, body: { decision: 'reject' } });
  assert.equal(rejected.statusCode, 200);
  await settleOpinionMath();
  const row = await p.deps.db.selectFrom('opinion_conversations').select('math_result').where('id', '=', c.conversationId).executeTakeFirstOrThrow();
  assert.ok((row.math_result as { moderatedOut: string[] }).moderatedOut.includes(String(target.number)), 'moderated out of the math');
  const results = (await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/results` })).json();
  assert.ok(!results.math.statements.some((s: { number: number }) => s.number === target.number), 'not in the public map');
  assert.equal((await vote(neighbour, c.conversationId, target.id, 'agree')).json().error.code, 'statement_unavailable');
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'data']).where('resource_id', '=', c.conversationId).where('action', '=', 'opinions.statement_moderated').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => (a.data as { decision: string }).decision), ['accept', 'reject']);
});

test('votes and statements only while the phase opens them; participation settings decide who', async () => {
  const upcoming = await openConversation(p, { departmentId: dept.id, official: await official(), stage: 'upcoming' });
  const refused = await vote(resident, upcoming.conversationId, upcoming.statements[0]!.id, 'agree');
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'conversation_vote_closed');
  const write = await api(p, { method: 'POST', url: `/api/v1/conversations/${upcoming.conversationId}/statements`, as: resident, body: { body: 'Too early for this one.' } });
  assert.equal(write.json().error.code, 'conversation_write_closed');

  const open = await openConversation(p, { departmentId: dept.id, official: await official(), settings: { participation: 'registered', residentsWrite: false } });
  assert.equal((await vote(registered, open.conversationId, open.statements[0]!.id, 'agree')).statusCode, 200, 'any registered person');
  const off = await api(p, { method: 'POST', url: `/api/v1/conversations/${open.conversationId}/statements`, as: registered, body: { body: 'Let me write too.' } });
  assert.equal(off.statusCode, 403);
  assert.equal(off.json().error.code, 'statement_writing_off');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/conversations/${open.conversationId}`, as: registered })).json();
  assert.equal(detail.writeBlocked.code, 'statement_writing_off');

  // Settings change, audited.
  const patched = await api(p, { method: 'PATCH', url: `/api/v1/conversations/${open.conversationId}`, as: dept.official, body: { residentsWrite: true, moderation: 'pre' } });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/conversations/${open.conversationId}/statements`, as: registered, body: { body: 'Let me write too.' } })).statusCode, 201);
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'data']).where('resource_id', '=', open.conversationId).where('action', '=', 'opinions.conversation_updated').executeTakeFirstOrThrow();
  assert.deepEqual((audit.data as { changed: string[] }).changed.sort(), ['moderation', 'residents_write']);
});

test('pseudonymity: no account id in any response, event or export; participants are per-conversation numbers', async () => {
  const c = await openConversation(p, { departmentId: dept.id, official: await official() });
  for (const s of c.statements) {
    await vote(resident, c.conversationId, s.id, 'agree');
    await vote(neighbour, c.conversationId, s.id, s.number % 2 === 0 ? 'agree' : 'disagree');
  }
  await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/statements`, as: resident, body: { body: 'A statement by the resident.' } });
  await settleOpinionMath();
  const ids = [resident.id, neighbour.id, dept.official.id, moderator.id];
  const bodies: string[] = [];
  for (const as of [null, resident, neighbour, moderator, dept.official]) {
    for (const url of [
      `/api/v1/conversations/${c.conversationId}`,
      `/api/v1/conversations/${c.conversationId}/results`,
      `/api/v1/conversations/${c.conversationId}/next`,
      `/api/v1/conversations/${c.conversationId}/events?once=true`,
      `/api/v1/conversations/${c.conversationId}/moderation?status=pending`,
      `/api/v1/conversations/${c.conversationId}/moderation?status=accepted`,
      `/api/v1/conversations/${c.conversationId}/export/comments.csv`,
      `/api/v1/conversations/${c.conversationId}/export/votes.csv`,
      `/api/v1/conversations/${c.conversationId}/export/participants-votes.csv`,
      `/api/v1/processes/${c.processSlug}/conversations`,
    ]) {
      const res = await api(p, { method: 'GET', url, as });
      assert.ok(res.statusCode === 200 || res.statusCode === 401 || res.statusCode === 403, `${url}: ${res.statusCode}`);
      bodies.push(res.body);
    }
  }
  for (const body of bodies) for (const id of ids) assert.ok(!body.includes(id), 'an account id leaked');
  const votesCsv = (await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/export/votes.csv` })).body;
  const voters = new Set(votesCsv.trim().split('\n').slice(1).map((line) => line.split(',')[3]));
  assert.deepEqual([...voters].sort(), ['0', '1']);
  const pids = await p.deps.db.selectFrom('opinion_participants').select(sql<number>`count(*)::int`.as('n')).where('conversation_id', '=', c.conversationId).executeTakeFirstOrThrow();
  assert.equal(pids.n, 2);
});
