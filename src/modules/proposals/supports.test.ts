import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, engineUnderTest, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { openProcess, proposeVia, verifiedResidents } from './testing.js';
import { supportProposal } from './operations/support-proposal.js';
import { unsupportProposal } from './operations/unsupport-proposal.js';

let p: TestPlatform;
let admin: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
  admin = await createUser(p, { roles: ['administrator'] });
});
after(async () => {
  await p?.close();
});

async function supportRows(proposalId: string) {
  const row = await p.deps.db
    .selectFrom('proposal_supports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirstOrThrow();
  const proposal = await p.deps.db.selectFrom('proposals').select(['supports_count', 'state']).where('id', '=', proposalId).executeTakeFirstOrThrow();
  return { rows: row.n, counter: proposal.supports_count, state: proposal.state };
}

test(`1,000 concurrent supports from 1,000 residents count exactly 1,000; repeats count once (${engineUnderTest})`, async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id, supportThreshold: 500 });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  const residents = await verifiedResidents(p, 1000, areas.hoodId);

  const started = Date.now();
  // Every resident at once, and the first hundred twice more at the same time.
  const calls = [...residents, ...residents.slice(0, 100), ...residents.slice(0, 100)].map((actor) => supportProposal(p.deps, actor, { id }));
  const results = await Promise.all(calls);
  const elapsed = Date.now() - started;
  assert.ok(results.every((r) => r.ok), JSON.stringify(results.find((r) => !r.ok)));
  assert.deepEqual(await supportRows(id), { rows: 1000, counter: 1000, state: 'qualified' });

  // The 500th support qualified it, exactly once, in public; each support has its private audit row.
  const audit = await p.deps.db
    .selectFrom('audit_log')
    .select(['action', sql<number>`count(*)::int`.as('n')])
    .where('resource_id', '=', id)
    .groupBy('action')
    .execute();
  const byAction = Object.fromEntries(audit.map((a) => [a.action, a.n]));
  assert.equal(byAction['proposal.supported'], 1000);
  assert.equal(byAction['proposal.qualified'], 1);
  const qualified = await p.deps.db.selectFrom('audit_log').select(['data', 'public', 'actor_id']).where('resource_id', '=', id).where('action', '=', 'proposal.qualified').executeTakeFirstOrThrow();
  assert.equal(qualified.public, true);
  assert.equal(qualified.actor_id, null, 'the qualifying row names no resident');
  assert.equal((qualified.data as { supports: number }).supports, 500);

  console.log(`    1,200 concurrent supports on ${engineUnderTest}: ${elapsed} ms`);

  // Six hundred take it back at once, fifty of them twice: 400 left, and the proposal stays qualified.
  const leaving = residents.slice(0, 600);
  const back = await Promise.all([...leaving, ...leaving.slice(0, 50)].map((actor) => unsupportProposal(p.deps, actor, { id })));
  assert.ok(back.every((r) => r.ok));
  assert.deepEqual(await supportRows(id), { rows: 400, counter: 400, state: 'qualified' });
});

test('concurrent supports through HTTP count once per resident, and the page shows the count', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id, supportThreshold: 1000 });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  const people = await Promise.all(Array.from({ length: 12 }, () => createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })));
  const responses = await Promise.all(
    [...people, ...people, ...people].map((as) => api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as, body: {} })),
  );
  for (const res of responses) assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await supportRows(id), { rows: 12, counter: 12, state: 'published' });
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: people[0] })).json();
  assert.equal(detail.proposal.supportsCount, 12);
  assert.equal(detail.proposal.supportedByMe, true);
  assert.equal(detail.abilities.support, false);
  assert.equal(detail.abilities.unsupport, true);
  assert.equal(detail.supportBlocked, null);
  const off = await api(p, { method: 'DELETE', url: `/api/v1/proposals/${id}/support`, as: people[0] });
  assert.equal(off.statusCode, 200);
  assert.deepEqual(off.json(), { supported: false, supportsCount: 11, state: 'published' });
  const again = await api(p, { method: 'DELETE', url: `/api/v1/proposals/${id}/support`, as: people[0] });
  assert.equal(again.json().supportsCount, 11, 'taking back twice changes nothing');
});

test('only verified residents support; visitors must sign in', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  const registered = await createUser(p);
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: registered, body: {} });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'requires_verification');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: registered, lang: 'zh-CN' })).json();
  assert.equal(detail.abilities.support, false);
  assert.equal(detail.supportBlocked.code, 'requires_verification');
  assert.match(detail.supportBlocked.message, /核验/);
  const anonymous = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, body: {} });
  assert.equal(anonymous.statusCode, 401);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json().supportBlocked.code, 'not_authenticated');
});

test('supports only while the phase opens them; taking back too', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id, actions: ['propose', 'comment'] });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: resident, body: {} });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'supporting_closed');
  const un = await api(p, { method: 'DELETE', url: `/api/v1/proposals/${id}/support`, as: resident });
  assert.equal(un.statusCode, 409);
  assert.equal(un.json().error.code, 'supporting_closed');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: resident })).json();
  assert.equal(detail.supportBlocked.code, 'supporting_closed');
  // After the phase ends, even an open process refuses.
  const open = await openProcess(p, admin, { departmentId: dept.id });
  const other = await proposeVia(p, author, open.slug);
  p.clock.advance(61 * 86_400_000);
  const late = await api(p, { method: 'POST', url: `/api/v1/proposals/${other}/support`, as: resident, body: {} });
  assert.equal(late.json().error.code, 'supporting_closed');
  p.clock.advance(-61 * 86_400_000);
});

test('the per-person limit holds, also under concurrency, and frees up when a support is taken back', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id, supportsPerPerson: 2, supportThreshold: 100 });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push(await proposeVia(p, author, process.slug, { title: `Proposal number ${i}` }));
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const actor = (await loadUserActor(p.deps.db, resident.id))!;
  const results = await Promise.all(ids.map((id) => supportProposal(p.deps, actor, { id })));
  assert.equal(results.filter((r) => r.ok).length, 2);
  const refused = results.filter((r) => !r.ok);
  assert.ok(refused.every((r) => !r.ok && r.code === 'support_limit_reached'));
  const supportedIds = ids.filter((_, i) => results[i]!.ok);
  const freeId = ids.find((id) => !supportedIds.includes(id))!;
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${freeId}/support`, as: resident, body: {} });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'support_limit_reached');
  assert.match(res.json().error.message, /2 supports/);
  const list = (await api(p, { method: 'GET', url: `/api/v1/processes/${process.slug}/proposals`, as: resident })).json();
  assert.equal(list.supportsUsed, 2);
  // Supporting again what one already supports is not a new support.
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${supportedIds[0]}/support`, as: resident, body: {} })).statusCode, 200);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/proposals/${supportedIds[0]}/support`, as: resident })).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${freeId}/support`, as: resident, body: {} })).statusCode, 200);
});

test('a clerk enters a support for a resident at the desk: it counts as theirs and the audit row names both', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const clerk = await createUser(p, { roles: ['clerk'] });
  await p.deps.db.updateTable('posts').set({ holder_user_id: clerk.id }).where('id', '=', (await p.deps.db.insertInto('posts').values({ organization_id: dept.id, title: 'Desk' }).returning('id').executeTakeFirstOrThrow()).id).execute();
  const start = await api(p, { method: 'POST', url: '/api/v1/assist', as: clerk, body: { email: resident.email } });
  assert.equal(start.statusCode, 200, start.body);
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: clerk, body: {} });
  assert.equal(res.statusCode, 200, res.body);
  const support = await p.deps.db.selectFrom('proposal_supports').selectAll().where('proposal_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(support.user_id, resident.id);
  assert.equal(support.assisted_by, clerk.id);
  const audit = await p.deps.db.selectFrom('audit_log').select(['actor_id', 'assisted_by']).where('resource_id', '=', id).where('action', '=', 'proposal.supported').executeTakeFirstOrThrow();
  assert.deepEqual(audit, { actor_id: resident.id, assisted_by: clerk.id });
});

test('withdrawn proposals take no more supports', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id });
  const author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const id = await proposeVia(p, author, process.slug);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, as: author, body: {} })).statusCode, 200);
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: resident, body: {} });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'proposal_not_supportable');
});
