import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createArea } from '../../core/areas/manage-areas.js';
import { proposalsManifest } from './index.js';
import { openProcess, proposeVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let author: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let process: { id: string; slug: string };

const MINUTE = 60_000;

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
  admin = await createUser(p, { roles: ['administrator'] });
  author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Ada Author' });
  process = await openProcess(p, admin, { departmentId: dept.id, areaId: areas.districtId });
});
after(async () => {
  await p?.close();
});

const url = (path = '') => `/api/v1/processes/${process.slug}/proposals${path}`;

test('a draft is its authors’ alone until published; then everyone reads it', async () => {
  const created = await api(p, {
    method: 'POST',
    url: url(),
    as: author,
    body: { title: 'A drinking fountain in the park', body: 'Summers are hot and the park has no water for children or dogs.', areaId: areas.hoodId, category: 'Parks', latitude: 31.2304, longitude: 121.4737, address: '1 Park Road' },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().state, 'draft');
  const id = created.json().id;
  const stranger = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: stranger })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: admin })).statusCode, 404, 'not even administrators read drafts');
  const own = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).json();
  assert.equal(own.proposal.state, 'draft');
  assert.deepEqual(own.proposal.location, { latitude: 31.2304, longitude: 121.4737, address: '1 Park Road' });
  assert.equal(own.abilities.publish, true);
  assert.equal(own.abilities.edit, true);
  assert.equal(own.abilities.support, false);
  assert.equal((await api(p, { method: 'GET', url: url() })).json().proposals.some((x: { id: string }) => x.id === id), false);
  assert.equal((await api(p, { method: 'GET', url: url('?mine=true'), as: author })).json().proposals.some((x: { id: string }) => x.id === id), true);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/proposals/mine', as: author })).json().proposals[0].process.slug, process.slug);

  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/publish`, as: stranger, body: {} })).statusCode, 404);
  const published = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/publish`, as: author, body: {} });
  assert.equal(published.statusCode, 200, published.body);
  const again = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/publish`, as: author, body: {} });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'proposal_not_draft');
  const seen = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.equal(seen.proposal.state, 'published');
  assert.equal(seen.proposal.author.displayName, 'Ada Author');
  assert.equal(seen.process.legalBasis, 'Participation Ordinance art. 12');
  assert.deepEqual(seen.timeline.map((e: { kind: string }) => e.kind), ['published']);
  assert.equal(seen.abilities.edit, false);
  assert.equal(seen.evaluators, null);
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public']).where('resource_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit, [{ action: 'proposal.created', public: false }, { action: 'proposal.published', public: true }]);
});

test('proposals are accepted only while the phase takes them', async () => {
  const closed = await openProcess(p, admin, { departmentId: dept.id, actions: ['support', 'comment'] });
  const res = await api(p, { method: 'POST', url: `/api/v1/processes/${closed.slug}/proposals`, as: author, body: { title: 'Too late for this', body: 'This proposal comes when proposing is closed.' } });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'proposing_closed');
  const list = (await api(p, { method: 'GET', url: `/api/v1/processes/${closed.slug}/proposals`, as: author })).json();
  assert.equal(list.abilities.create, false);
  assert.equal(list.createBlocked.code, 'proposing_closed');
  const registered = await createUser(p);
  const refused = await api(p, { method: 'POST', url: url(), as: registered, body: { title: 'Not verified yet', body: 'I have not verified my residency yet.' } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'requires_verification');
  assert.equal((await api(p, { method: 'GET', url: url(), as: registered })).json().createBlocked.code, 'requires_verification');
  assert.equal((await api(p, { method: 'GET', url: url(), as: author })).json().abilities.create, true);
});

test('bad input gets 400 with a message per field, and nothing is written', async () => {
  const before = await p.deps.db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const short = await api(p, { method: 'POST', url: url(), as: author, body: { title: 'Hi', body: 'short', colour: 'red', latitude: 100 } });
  assert.equal(short.statusCode, 400);
  const fields = Object.fromEntries(short.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]));
  assert.deepEqual(fields, { title: 'validation.too_short', body: 'validation.too_short', colour: 'validation.unknown_field', latitude: 'validation.too_big' });
  const otherDistrict = orFail(await createArea(p.deps, systemActor('test'), { parentId: areas.cityId, kind: 'district', slug: 'elsewhere', name: 'Elsewhere' }));
  const semantic = await api(p, {
    method: 'POST',
    url: url(),
    as: author,
    lang: 'zh-CN',
    body: { title: 'A valid title here', body: 'A body that is long enough to pass.', areaId: otherDistrict.id, latitude: 10, coauthorEmails: ['nobody@example.test'], coalitionOrganizationIds: [dept.id] },
  });
  assert.equal(semantic.statusCode, 400);
  const semanticFields = Object.fromEntries(semantic.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]));
  assert.deepEqual(semanticFields, { areaId: 'area_outside_process', longitude: 'validation.required', 'coauthorEmails.0': 'user_not_found', 'coalitionOrganizationIds.0': 'not_found' });
  assert.ok(semantic.json().error.fields.every((f: { message: string }) => !f.message.startsWith('error.') && !f.message.startsWith('validation.')));
  const after = await p.deps.db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
  const badId = await api(p, { method: 'GET', url: '/api/v1/proposals/not-an-id' });
  assert.equal(badId.statusCode, 400);
  const badSort = await api(p, { method: 'GET', url: url('?sort=loudest') });
  assert.equal(badSort.statusCode, 400);
  assert.equal(badSort.json().error.fields[0].path, 'sort');
  const badAnswer = await api(p, { method: 'POST', url: `/api/v1/proposals/${await proposeVia(p, author, process.slug)}/answer`, as: dept.official, body: { state: 'maybe' } });
  assert.equal(badAnswer.statusCode, 400);
});

test('authors edit within the edit window after publishing; drafts at any time', async () => {
  const id = await proposeVia(p, author, process.slug, { title: 'Edit window test proposal' });
  const stranger = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const refused = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: stranger, body: { title: 'Hijacked title here' } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'forbidden');
  p.clock.advance(30 * MINUTE);
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).json();
  assert.equal(detail.abilities.edit, true);
  assert.ok(detail.proposal.editableUntil);
  const edited = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: author, body: { title: 'Edit window test, corrected', category: 'Benches' } });
  assert.equal(edited.statusCode, 200, edited.body);
  const after = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.equal(after.proposal.title, 'Edit window test, corrected');
  assert.equal(after.proposal.category, 'Benches');
  assert.deepEqual(after.timeline.map((e: { kind: string }) => e.kind), ['published', 'updated']);
  p.clock.advance(31 * MINUTE);
  const late = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: author, body: { title: 'Too late to change' } });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'edit_window_closed');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).json().abilities.edit, false);
  const draft = await proposeVia(p, author, process.slug, { publish: false });
  p.clock.advance(24 * 60 * MINUTE);
  assert.equal((await api(p, { method: 'PATCH', url: `/api/v1/proposals/${draft}`, as: author, body: { body: 'A much better body for the draft proposal.' } })).statusCode, 200);
});

test('authors withdraw an unanswered proposal; others cannot', async () => {
  const id = await proposeVia(p, author, process.slug, { title: 'A proposal to withdraw' });
  const stranger = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const follower = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: follower, body: {} })).statusCode, 200);
  const refused = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, as: stranger, body: {} });
  assert.equal(refused.statusCode, 403);
  const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, as: author, body: {} });
  assert.equal(res.statusCode, 200);
  const again = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, as: author, body: {} });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'proposal_not_withdrawable');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).json();
  assert.equal(detail.proposal.state, 'withdrawn');
  assert.equal(detail.abilities.withdraw, false);
  assert.equal(detail.supportBlocked.code, 'proposal_not_supportable');
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', follower.id).where('resource_id', '=', id).execute();
  assert.deepEqual(told.map((n) => n.kind), ['proposal.withdrawn']);
});

test('co-authors and coalition partners: listed, told, and co-authors may edit', async () => {
  const coauthor = await createUser(p, { displayName: 'Cora Coauthor' });
  const partner = await createOrganization(p, { name: 'Friends of the Park' });
  const pending = await createOrganization(p, { verified: false, name: 'Pending Group' });
  const bad = await api(p, { method: 'POST', url: url(), as: author, body: { title: 'Coalition proposal here', body: 'Together we ask for a community garden.', coalitionOrganizationIds: [pending.id] } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].code, 'organization_not_verified');
  const id = await proposeVia(p, author, process.slug, { title: 'Coalition proposal here', coauthorEmails: [coauthor.email.toUpperCase(), author.email], coalitionOrganizationIds: [partner.id] });
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.deepEqual(detail.proposal.coauthors.map((c: { displayName: string }) => c.displayName), ['Cora Coauthor']);
  assert.deepEqual(detail.proposal.coalition.map((o: { name: string }) => o.name), ['Friends of the Park']);
  const kinds = await p.deps.db.selectFrom('notifications').select(['user_id', 'kind']).where('resource_id', '=', id).orderBy('kind').execute();
  assert.deepEqual(kinds, [{ user_id: partner.rep.id, kind: 'proposal.coalition_added' }, { user_id: coauthor.id, kind: 'proposal.coauthor_added' }]);
  const edit = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: coauthor, body: { body: 'Together we ask for a community garden with raised beds.' } });
  assert.equal(edit.statusCode, 200, edit.body);
  const second = await createUser(p, { displayName: 'Sam Second' });
  const added = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: author, body: { coauthorEmails: [second.email] } });
  assert.equal(added.statusCode, 200, added.body);
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json().proposal.coauthors.map((c: { displayName: string }) => c.displayName), ['Cora Coauthor', 'Sam Second'], 'existing co-authors stay when new ones are added');
  const removed = await api(p, { method: 'PATCH', url: `/api/v1/proposals/${id}`, as: author, body: { coauthorIds: [], coalitionOrganizationIds: [] } });
  assert.equal(removed.statusCode, 200);
  const after = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.deepEqual([after.proposal.coauthors.length, after.proposal.coalition.length], [0, 0]);
});

test('representatives propose on behalf of their verified organization; other representatives share it', async () => {
  const org = await createOrganization(p, { name: 'Riverside Residents' });
  const res = await api(p, { method: 'POST', url: url(), as: org.rep, body: { title: 'Clean the river banks', body: 'Our members collect litter every month; we ask for more bins.', organizationId: org.id, publish: true } });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id;
  const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).json();
  assert.equal(detail.proposal.author.organization.name, 'Riverside Residents');
  const list = (await api(p, { method: 'GET', url: url(), as: org.rep })).json();
  assert.deepEqual(list.organizations.map((o: { id: string }) => o.id), [org.id]);
  assert.equal(list.abilities.create, true, 'a representative who is not a verified resident may propose for the organization');
  const other = await createOrganization(p);
  const refused = await api(p, { method: 'POST', url: url(), as: other.rep, body: { title: 'Pretending to be them', body: 'This should not be possible at all.', organizationId: org.id } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'not_a_representative');
  const pending = await createOrganization(p, { verified: false });
  const unverified = await api(p, { method: 'POST', url: url(), as: pending.rep, body: { title: 'From a pending group', body: 'We are not verified yet, so we wait.', organizationId: pending.id } });
  assert.equal(unverified.statusCode, 409);
  assert.equal(unverified.json().error.code, 'organization_not_verified');
});

test('search in Chinese and English, filters, sorting, a stable random order and paging', async () => {
  const search = await openProcess(p, admin, { departmentId: dept.id, areaId: areas.cityId });
  const s = (path: string, as?: TestUser) => api(p, { method: 'GET', url: `/api/v1/processes/${search.slug}/proposals${path}`, as });
  const park = await proposeVia(p, author, search.slug, { title: '社区公园改造', body: '建议增加儿童游乐设施和无障碍步道，改善夜间照明。', category: '公园', areaId: areas.hoodId });
  p.clock.advance(MINUTE);
  const benches = await proposeVia(p, author, search.slug, { title: 'Benches by the lake', body: 'Places to rest for older neighbours along the water.', category: 'Benches', areaId: areas.districtId });
  p.clock.advance(MINUTE);
  const lights = await proposeVia(p, author, search.slug, { title: 'Brighter street lights', body: 'The lanes of the old town are dark at night.', category: 'Lighting' });
  const residents = await Promise.all([0, 1].map(() => createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })));
  for (const r of residents) assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${lights}/support`, as: r, body: {} })).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${benches}/support`, as: residents[0], body: {} })).statusCode, 200);

  const ids = async (path: string) => (await s(path)).json().proposals.map((x: { id: string }) => x.id);
  assert.deepEqual(await ids(`?q=${encodeURIComponent('公园')}`), [park]);
  assert.deepEqual(await ids(`?q=${encodeURIComponent('公园改造')}`), [park]);
  assert.deepEqual(await ids('?q=bench'), [benches]);
  assert.deepEqual(await ids('?q=lights%20night'), [lights]);
  assert.deepEqual(await ids(`?q=${encodeURIComponent('游乐')}`), [park], 'body words count too');
  assert.deepEqual(await ids('?q=%21%21'), [], 'nothing searchable finds nothing');
  assert.deepEqual(await ids(`?category=${encodeURIComponent('公园')}`), [park]);
  assert.deepEqual(await ids(`?areaId=${areas.districtId}`), [park, benches].reverse(), 'an area includes the areas inside it');
  assert.deepEqual(await ids(`?areaId=${areas.hoodId}`), [park]);
  assert.deepEqual(await ids('?sort=supports'), [lights, benches, park]);
  assert.deepEqual(await ids('?sort=newest'), [lights, benches, park]);
  assert.deepEqual(await ids('?state=qualified'), []);
  const first = await ids('?sort=random&seed=abc');
  assert.deepEqual(await ids('?sort=random&seed=abc'), first, 'the same seed gives the same order');
  const seeds = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => ids(`?sort=random&seed=${seed}`)));
  assert.ok(new Set(seeds.map((x) => x.join())).size > 1, 'different seeds shuffle differently');
  const page1 = (await s('?sort=random&seed=abc&limit=2')).json();
  const page2 = (await s('?sort=random&seed=abc&limit=2&offset=2')).json();
  assert.equal(page1.total, 3);
  assert.deepEqual([...page1.proposals, ...page2.proposals].map((x: { id: string }) => x.id), first);
  const list = (await s('', residents[0])).json();
  assert.deepEqual(list.categories, ['Benches', 'Lighting', '公园']);
  assert.equal(list.process.supportThreshold, 3);
  const lightsRow = list.proposals.find((x: { id: string }) => x.id === lights);
  assert.equal(lightsRow.supportsCount, 2);
  assert.equal(lightsRow.supportedByMe, true);
  // Mine: the author's own, drafts included.
  const draft = await proposeVia(p, author, search.slug, { publish: false, title: 'My secret draft' });
  const mine = (await s('?mine=true', author)).json().proposals.map((x: { id: string }) => x.id);
  assert.ok(mine.includes(draft) && mine.includes(park));
  assert.equal((await s('?mine=true', residents[0])).json().total, 0);
  assert.equal((await s('?mine=true')).json().total, 0);
});

test('moderation hides a proposal through the adapter: gone for the public, kept for its authors and moderators', async () => {
  const id = await proposeVia(p, author, process.slug, { title: 'Soon to be hidden' });
  const adapter = proposalsManifest.resources!.proposal!;
  const described = await adapter.describe(p.deps.db, id, { kind: 'visitor' }, p.clock.now());
  assert.equal(described?.public, true);
  assert.equal(described?.commenting.open, true);
  assert.equal(described?.commenting.stance, true);
  assert.equal(described?.path, `/processes/${process.slug}/proposals/${id}`);
  assert.equal(await adapter.describe(p.deps.db, 'nonsense', { kind: 'visitor' }, p.clock.now()), null);
  await p.deps.db.transaction().execute((trx) => adapter.setHidden!(trx, id, p.clock.now()));
  assert.equal(await adapter.describe(p.deps.db, id, { kind: 'visitor' }, p.clock.now()), null);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: url() })).json().proposals.some((x: { id: string }) => x.id === id), false);
  const moderator = await createUser(p, { roles: ['moderator'] });
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: moderator })).json().proposal.hidden, true);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as: author })).statusCode, 200);
  await p.deps.db.transaction().execute((trx) => adapter.setHidden!(trx, id, null));
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/${id}` })).statusCode, 200);
});

test('the abilities a proposal page gets match what the write routes then allow, role by role', async () => {
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const registered = await createUser(p);
  const moderator = await createUser(p, { roles: ['moderator'] });
  const callers: Record<string, TestUser | undefined> = { author, resident, registered, official: dept.official, admin, moderator, visitor: undefined };
  const writes: Record<string, (id: string) => { method: 'POST' | 'PATCH' | 'DELETE' | 'GET'; url: string; body?: unknown }> = {
    edit: (id) => ({ method: 'PATCH', url: `/api/v1/proposals/${id}`, body: { category: 'Checked' } }),
    withdraw: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, body: {} }),
    support: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/support`, body: {} }),
    answer: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/answer`, body: { state: 'evaluating' } }),
    assignEvaluator: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/evaluators`, body: { userId: dept.official.id } }),
    readNotes: (id) => ({ method: 'GET', url: `/api/v1/proposals/${id}/notes` }),
    writeNote: (id) => ({ method: 'POST', url: `/api/v1/proposals/${id}/notes`, body: { body: 'Checked' } }),
  };
  const problems: string[] = [];
  for (const [role, caller] of Object.entries(callers)) {
    const detail = (await api(p, { method: 'GET', url: `/api/v1/proposals/${await proposeVia(p, author, process.slug)}`, as: caller })).json();
    for (const [ability, write] of Object.entries(writes)) {
      const fresh = await proposeVia(p, author, process.slug);
      const req = write(fresh);
      const res = await api(p, { ...req, as: caller });
      const refused = [401, 403, 404, 409].includes(res.statusCode);
      if (res.statusCode >= 500 || refused === detail.abilities[ability]) {
        problems.push(`${role} ${ability}: ability ${detail.abilities[ability]}, ${req.method} gave ${res.statusCode}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
