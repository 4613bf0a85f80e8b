/**
 * Ballot secrecy, tested from the outside: three people vote differently (one on paper), and every
 * API response and export anyone can get (visitors, the voters, the department, administrators,
 * the full audit log) is searched for anything that ties a ballot to a person or reveals counts
 * before the results.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { seededBudget, type SeededBudget } from './testing.js';
import { receiptHash } from './secrecy.js';
import { parsePabulib } from './counting/pabulib.js';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;
let a: TestUser;
let b: TestUser;
let c: TestUser;
let budget: SeededBudget;
const receipts: Record<string, string> = {};

before(async () => {
  p = await createTestPlatform({ SESSION_TTL_HOURS: String(24 * 365) });
  const areas = await createAreas(p);
  dept = await createDepartment(p, 'Budget Office');
  admin = await createUser(p, { roles: ['administrator'] });
  a = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Alice Voter' });
  b = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Bob Voter' });
  c = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Carol Paper' });
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const proposer = (await loadUserActor(p.deps.db, (await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })).id))!;
  budget = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting', areaId: areas.cityId });
  p.clock.set(budget.process.during.voting);
  const [p0, p1, p2, p3] = budget.projects.map((x) => x.id);
  const vote = async (who: TestUser, ids: string[]) => {
    const res = await api(p, { method: 'PUT', url: `/api/v1/budgets/${budget.budgetId}/ballot`, as: who, body: { selections: ids.map((projectId) => ({ projectId })) } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().receipt as string;
  };
  receipts.a = await vote(a, [p0!]);
  receipts.b = await vote(b, [p1!, p2!]);
  const paper = await api(p, { method: 'POST', url: `/api/v1/budgets/${budget.budgetId}/paper-ballots`, as: dept.official, body: { email: c.email, selections: [{ projectId: p3! }] } });
  assert.equal(paper.statusCode, 201, paper.body);
  receipts.c = paper.json().receipt;
});
after(async () => {
  await p?.close();
});

type Viewer = { name: string; user: TestUser | null };
const viewers = (): Viewer[] => [
  { name: 'visitor', user: null },
  { name: 'a', user: a },
  { name: 'b', user: b },
  { name: 'c', user: c },
  { name: 'official', user: dept.official },
  { name: 'admin', user: admin },
];

/** Every response any viewer can get about the budget, by viewer and URL. */
async function everything(): Promise<{ viewer: string; url: string; status: number; body: string }[]> {
  const id = budget.budgetId;
  const urls = [
    `/api/v1/processes/${budget.process.slug}/budgets`,
    `/api/v1/budgets/${id}`,
    `/api/v1/budgets/${id}/projects?limit=500`,
    ...budget.projects.map((x) => `/api/v1/budgets/${id}/projects/${x.id}`),
    `/api/v1/budgets/${id}/ballot`,
    `/api/v1/budgets/${id}/results`,
    `/api/v1/budgets/${id}/results.csv`,
    `/api/v1/budgets/${id}/receipts?limit=5000`,
    `/api/v1/budgets/${id}/export.pb`,
    '/api/v1/audit?limit=200',
    '/api/v1/audit?limit=200&all=true',
    '/api/v1/notifications',
  ];
  const out = [];
  for (const v of viewers()) {
    for (const url of urls) {
      const res = await api(p, { method: 'GET', url, as: v.user });
      out.push({ viewer: v.name, url, status: res.statusCode, body: res.body });
    }
  }
  return out;
}

/** Values that would tie a ballot to a person if they appeared next to each other anywhere. */
async function secrets() {
  const ballots = await p.deps.db.selectFrom('budget_ballots').select(['id', 'voter_key', 'receipt_hash']).where('budget_id', '=', budget.budgetId).execute();
  return { ballotIds: ballots.map((x) => x.id), voterKeys: ballots.map((x) => x.voter_key) };
}

test('the tables keep no link between a ballot and its voter, and no time finer than a day', async () => {
  const columns = async (table: string) =>
    (await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns where table_name = ${table} order by column_name`.execute(p.deps.db)).rows;
  assert.deepEqual((await columns('budget_ballots')).map((r) => r.column_name), ['budget_id', 'id', 'receipt_hash', 'selections', 'voter_key']);
  const participation = await columns('budget_participation');
  assert.deepEqual(participation.map((r) => r.column_name), ['budget_id', 'channel', 'entered_by', 'user_id', 'voted_on']);
  assert.equal(participation.find((r) => r.column_name === 'voted_on')!.data_type, 'date');
  // The voter key is keyed with the installation secret: not a plain hash of anything public.
  const { voterKeys } = await secrets();
  const guesses = [a.id, `${budget.budgetId}${a.id}`, `${budget.budgetId}\nuser:${a.id}`, `${budget.budgetId}:${a.id}`].map((x) => createHash('sha256').update(x).digest('hex'));
  for (const guess of guesses) assert.ok(!voterKeys.includes(guess));
  // Audit rows of votes name the voter (participation is on record) but hold neither choices nor receipts.
  const rows = await p.deps.db.selectFrom('audit_log').select(['action', 'data', 'public']).where('resource_id', '=', budget.budgetId).where('action', 'in', ['budget.voted', 'budget.paper_ballot_entered']).execute();
  assert.equal(rows.length, 3);
  for (const row of rows) {
    assert.equal(row.public, false);
    const text = JSON.stringify(row.data);
    for (const x of budget.projects) assert.ok(!text.includes(x.id), `${row.action} names a project`);
    for (const r of Object.values(receipts)) assert.ok(!text.includes(r) && !text.includes(receiptHash(r)));
  }
});

test('while voting is open nothing reveals a ballot, a receipt or a count, to anyone', async () => {
  const responses = await everything();
  const { ballotIds, voterKeys } = await secrets();
  const own: Record<string, string> = { a: receipts.a!, b: receipts.b!, c: receipts.c! };
  for (const r of responses) {
    assert.ok(r.status < 500, `${r.viewer} ${r.url}: ${r.status}`);
    for (const [who, code] of Object.entries(own)) {
      assert.ok(!r.body.includes(code) && !r.body.includes(receiptHash(code)), `${r.viewer} ${r.url} shows ${who}'s receipt`);
    }
    for (const x of [...ballotIds, ...voterKeys]) assert.ok(!r.body.includes(x), `${r.viewer} ${r.url} shows a ballot id or voter key`);
    if (r.url.endsWith('/results') && r.status === 200) assert.equal(JSON.parse(r.body).results, null, `${r.viewer} sees results before counting`);
    if (r.url.includes('results.csv') || r.url.includes('export.pb')) assert.equal(r.status, 409, `${r.viewer} ${r.url}`);
    if (r.url.includes('/receipts')) assert.equal(JSON.parse(r.body).published, false);
    if (r.url.includes('/projects') && r.status === 200) assert.ok(!/"(ballots|votes|points|supporters)"/.test(r.body), `${r.viewer} ${r.url} shows counts`);
  }
  // Each voter reads their own ballot and nobody else's.
  const ballotOf = (viewer: string) => JSON.parse(responses.find((r) => r.viewer === viewer && r.url.endsWith('/ballot'))!.body);
  assert.deepEqual(ballotOf('a').selections.map((s: { projectId: string }) => s.projectId), [budget.projects[0]!.id]);
  assert.equal(ballotOf('official').voted, false);
  assert.equal(ballotOf('admin').voted, false);
  assert.equal(responses.find((r) => r.viewer === 'visitor' && r.url.endsWith('/ballot'))!.status, 401);
});

test('after counting: totals only, receipts unlinked and sorted, the export shuffled and anonymous', async () => {
  p.clock.set(budget.process.during.closed);
  await p.runJobs();
  const responses = await everything();
  const { ballotIds, voterKeys } = await secrets();
  const people = [a, b, c].flatMap((u) => [u.id, u.email]).concat(['Alice Voter', 'Bob Voter', 'Carol Paper']);
  for (const r of responses) {
    assert.ok(r.status < 500, `${r.viewer} ${r.url}: ${r.status}`);
    for (const x of [...ballotIds, ...voterKeys]) assert.ok(!r.body.includes(x), `${r.viewer} ${r.url} shows a ballot id or voter key`);
    const hashes = Object.values(receipts).map(receiptHash).filter((h) => r.body.includes(h));
    // Receipt hashes appear in the receipts list and nowhere else, and that list names nobody.
    if (hashes.length > 0) {
      assert.ok(r.url.includes('/receipts'), `${r.viewer} ${r.url} shows a receipt hash`);
      for (const person of people) assert.ok(!r.body.includes(person), `${r.url} names a voter`);
    }
    if (r.url.includes('export.pb') || r.url.includes('results.csv')) {
      assert.equal(r.status, 200);
      for (const person of people) assert.ok(!r.body.includes(person), `${r.url} names a voter`);
    }
  }
  const results = JSON.parse(responses.find((r) => r.viewer === 'visitor' && r.url.endsWith('/results'))!.body).results;
  assert.equal(results.ballots, 3);
  for (const project of results.projects) {
    assert.deepEqual(Object.keys(project).sort(), ['ballots', 'code', 'cost', 'id', 'notSelectedReason', 'points', 'round', 'selected', 'title', 'titleZh']);
  }
  assert.deepEqual(results.projects.map((x: { id: string; ballots: number }) => [x.id, x.ballots]).sort(), budget.projects.map((x) => [x.id, 1]).sort());
  const list = JSON.parse(responses.find((r) => r.viewer === 'visitor' && r.url.includes('/receipts'))!.body);
  assert.deepEqual(list.receipts, Object.values(receipts).map(receiptHash).sort());

  // The export: voters numbered 1..n with no data, the same ballots every time, in a shuffled order.
  const exports = [];
  for (let i = 0; i < 8; i++) exports.push(parsePabulib((await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.budgetId}/export.pb` })).body));
  for (const file of exports) {
    assert.deepEqual(file.ballots.map((x) => x.voterId), ['1', '2', '3']);
    assert.deepEqual(file.voterColumns, ['voter_id', 'vote']);
    assert.deepEqual(file.ballots.map((x) => x.projects.join(',')).sort(), exports[0]!.ballots.map((x) => x.projects.join(',')).sort());
  }
  const orders = new Set(exports.map((f) => f.ballots.map((x) => x.projects.join(',')).join('|')));
  assert.ok(orders.size > 1, 'eight exports in one order: not shuffled');
});
