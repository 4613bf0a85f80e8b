import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { ok, orFail } from '../../core/errors.js';
import { addMember } from '../../core/organizations/manage-organizations.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor } from '../../core/permissions/actor.js';
import { transact } from '../../core/db/transact.js';
import { debatesManifest } from './index.js';
import { closeDebate } from './operations/close-debate.js';

const DAY = 86_400_000;
let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let otherDept: Awaited<ReturnType<typeof createDepartment>>;
let resident: TestUser;
let neighbour: TestUser;
let registered: TestUser;
let moderator: TestUser;
let slug: string;

/** A published process of the department with debates: create+comment now, comment only from day 10, nothing from day 20. */
async function debateProcess(components: string[] = ['debates'], title = 'Riverside park renewal') {
  const start = new Date(p.clock.now().getTime() - DAY);
  const phase = (from: number, to: number, actions: Record<string, string[]>, name: string) => ({
    title: name,
    startsAt: new Date(start.getTime() + from * DAY).toISOString(),
    endsAt: new Date(start.getTime() + to * DAY).toISOString(),
    actions,
  });
  const debates = components.includes('debates');
  const created = await api(p, {
    method: 'POST',
    url: '/api/v1/processes',
    as: dept.official,
    body: {
      title,
      summary: 'What should the renewed park offer?',
      departmentId: dept.id,
      areaId: areas.cityId,
      legalBasis: 'Participation Ordinance art. 12',
      components,
      supportThreshold: 3,
      answerWorkingDays: 10,
      phases: [
        phase(0, 11, debates ? { debates: ['create', 'comment'] } : {}, 'Debate'),
        phase(11, 21, debates ? { debates: ['comment'] } : {}, 'Comments only'),
        phase(21, 31, {}, 'Closed'),
      ],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const published = await api(p, { method: 'POST', url: `/api/v1/processes/${created.json().slug}/publish`, as: dept.official, body: {} });
  assert.equal(published.statusCode, 200, published.body);
  return created.json().slug as string;
}

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
  otherDept = await createDepartment(p, 'Transport Department');
  resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Rita Resident' });
  neighbour = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Ned Neighbour' });
  registered = await createUser(p, { displayName: 'Reg Istered' });
  moderator = await createUser(p, { roles: ['moderator'] });
  slug = await debateProcess();
});

after(async () => {
  await p?.close();
});

const start = (as: TestUser | null, body: unknown, s = slug) => api(p, { method: 'POST', url: `/api/v1/processes/${s}/debates`, as, body });
const comment = (as: TestUser, id: string, body: string, stance: string | null = 'in_favour') =>
  api(p, { method: 'POST', url: '/api/v1/comments', as, body: { resourceType: 'debate', resourceId: id, body, stance } });

test('a debate from start to conclusion: comments with stance, closed by the department in its post\'s name, followers told', async () => {
  const created = await start(resident, { title: 'Dogs in the new park?', description: 'Should dogs be allowed off the lead in part of the park?', category: 'Animals' });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  assert.equal(created.json().debate.author.displayName, 'Rita Resident');
  assert.equal(created.json().debate.status, 'open');

  // Everyone reads it; comments take a stance while the phase lets people comment.
  const detail = await api(p, { method: 'GET', url: `/api/v1/debates/${id}` });
  assert.equal(detail.statusCode, 200);
  assert.deepEqual(detail.json().commenting.open, true);
  assert.equal(detail.json().commenting.stance, true);
  assert.equal(detail.json().abilities.close, false);
  assert.equal((await comment(neighbour, id, 'Yes, with a fenced area.', 'in_favour')).statusCode, 201);
  assert.equal((await comment(registered, id, 'No, children play there.', 'against')).statusCode, 201);
  assert.equal((await comment(moderator, id, 'Ask the vet association too.', 'neutral')).statusCode, 201);
  const counted = (await api(p, { method: 'GET', url: `/api/v1/debates/${id}` })).json().debate.comments;
  assert.deepEqual(counted, { total: 3, inFavour: 1, against: 1, neutral: 1 });

  // Only officials of the process's department close it, with a conclusion.
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/debates/${id}`, as: dept.official })).json().abilities.close, true);
  const refused = await api(p, { method: 'POST', url: `/api/v1/debates/${id}/close`, as: otherDept.official, body: { conclusion: 'We decided something.' } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'not_an_official');
  const noConclusion = await api(p, { method: 'POST', url: `/api/v1/debates/${id}/close`, as: dept.official, body: { conclusion: '' } });
  assert.equal(noConclusion.statusCode, 400);
  assert.equal(noConclusion.json().error.fields[0].path, 'conclusion');
  const closed = await api(p, { method: 'POST', url: `/api/v1/debates/${id}/close`, as: dept.official, body: { conclusion: 'A fenced dog area will be built in the north corner.' } });
  assert.equal(closed.statusCode, 200, closed.body);
  const debate = closed.json().debate;
  assert.equal(debate.status, 'closed');
  assert.equal(debate.conclusion.text, 'A fenced dog area will be built in the north corner.');
  assert.equal(debate.conclusion.post.id, dept.postId);
  assert.equal(debate.conclusion.post.department.id, dept.id);

  // Closed: no more comments, no second conclusion.
  const late = await comment(neighbour, id, 'One more thought.', 'neutral');
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'commenting_closed');
  const again = await api(p, { method: 'POST', url: `/api/v1/debates/${id}/close`, as: dept.official, body: { conclusion: 'Changed our mind again.' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'debate_closed');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/debates/${id}`, as: dept.official })).json().abilities.close, false);

  // The closing is public in the audit log, signed by the post.
  const audit = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries;
  const row = audit.find((e: { action: string }) => e.action === 'debate.closed');
  assert.ok(row, JSON.stringify(audit));
  assert.equal(row.actor.role, 'official');
  assert.equal(row.actor.postTitle, 'Director');

  // The author (follows what they start) and the commenters are told, in their language.
  for (const [who, lang, text] of [[resident, 'en', 'was closed with a conclusion'], [neighbour, 'zh-CN', '已结束']] as const) {
    const list = (await api(p, { method: 'GET', url: '/api/v1/notifications', as: who, lang })).json().notifications;
    const closing = list.find((n: { kind: string }) => n.kind === 'debate.closed');
    assert.ok(closing, JSON.stringify(list));
    assert.ok(closing.message.includes(text), closing.message);
    assert.equal(closing.path, `/processes/${slug}/debates/${id}`);
  }
});

test('who may start a debate: verified residents, representatives for their organization, officials in their own post', async () => {
  const body = { title: 'Lighting along the river path', description: 'The path is dark after 18:00 in winter.' };
  assert.equal((await start(null, body)).statusCode, 401);
  const unverified = await start(registered, body);
  assert.equal(unverified.statusCode, 403);
  assert.equal(unverified.json().error.code, 'requires_verification');

  const org = await createOrganization(p, { name: 'River Friends' });
  const asOrg = await start(org.rep, { ...body, organizationId: org.id });
  assert.equal(asOrg.statusCode, 201, asOrg.body);
  assert.equal(asOrg.json().debate.author.organization.name, 'River Friends');
  const member = await createUser(p);
  orFail(await addMember(p.deps, systemActor('test'), { organizationId: org.id, email: member.email, role: 'member' }));
  const notRep = await start(member, { ...body, organizationId: org.id });
  assert.equal(notRep.statusCode, 403);
  assert.equal(notRep.json().error.code, 'not_a_representative');
  const pending = await createOrganization(p, { verified: false, name: 'Pending Friends' });
  const unverifiedOrg = await start(pending.rep, { ...body, organizationId: pending.id });
  assert.equal(unverifiedOrg.statusCode, 409);
  assert.equal(unverifiedOrg.json().error.code, 'organization_not_verified');

  const asPost = await start(otherDept.official, { ...body, postId: otherDept.postId });
  assert.equal(asPost.statusCode, 201, asPost.body);
  assert.equal(asPost.json().debate.author.post.title, 'Director');
  assert.equal(asPost.json().debate.author.post.department.id, otherDept.id);
  const notHeld = await start(otherDept.official, { ...body, postId: dept.postId });
  assert.equal(notHeld.statusCode, 403);
  assert.equal(notHeld.json().error.code, 'not_an_official');

  // The list tells each caller in whose name they may write.
  const kinds = async (who: TestUser | null) => (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/debates`, as: who })).json().authorships.map((a: { kind: string }) => a.kind);
  assert.deepEqual(await kinds(null), []);
  assert.deepEqual(await kinds(registered), []);
  assert.deepEqual(await kinds(resident), ['self']);
  assert.deepEqual(await kinds(org.rep), ['organization']);
  assert.deepEqual(await kinds(otherDept.official), ['post']);
});

test('bad input gets field errors and writes nothing', async () => {
  const before = (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/debates` })).json().total;
  const res = await start(resident, { title: 'Hi', description: '', category: 'x'.repeat(61), extra: true });
  assert.equal(res.statusCode, 400);
  const paths = res.json().error.fields.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['category', 'description', 'extra', 'title']);
  assert.ok(res.json().error.fields.every((f: { message: string }) => f.message && !f.message.startsWith('validation.')));
  const zh = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/debates`, as: resident, body: { title: 'Hi', description: 'A long enough text.' }, lang: 'zh-CN' });
  assert.equal(zh.statusCode, 400);
  assert.equal(zh.json().error.fields[0].message, '至少需要 5 个字符。');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/debates` })).json().total, before);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/debates/not-a-uuid' })).statusCode, 400);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/debates/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/debates?status=maybe` })).statusCode, 400);
});

test('lists filter by status, category and author, and search in English and Chinese', async () => {
  const s = await debateProcess(['debates'], 'Search process');
  const mk = async (title: string, description: string, category: string | null = null, as = resident) => {
    const res = await start(as, { title, description, category }, s);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const park = await mk('社区公园改造方案讨论', '大家希望公园增加哪些设施？', '公园');
  await mk('Cycling lanes on Main Street', 'Protected lanes for children cycling to school.', 'Traffic', neighbour);
  const bins = await mk('More recycling bins near the market', 'The bins overflow every Sunday evening.', 'Waste');
  orFail(await closeDebate(p.deps, (await loadUserActor(p.deps.db, dept.official.id))!, { id: bins, conclusion: 'Four more bins from next week.' }));
  const list = async (query: string, as: TestUser | null = null) =>
    (await api(p, { method: 'GET', url: `/api/v1/processes/${s}/debates?${query}`, as })).json() as { debates: { id: string; title: string }[]; total: number; categories: string[] };
  assert.equal((await list('')).total, 3);
  assert.deepEqual((await list('')).categories, ['Traffic', 'Waste', '公园']);
  assert.deepEqual((await list(`q=${encodeURIComponent('公园')}`)).debates.map((d) => d.id), [park]);
  assert.deepEqual((await list('q=cycle')).debates.map((d) => d.title), ['Cycling lanes on Main Street']);
  assert.deepEqual((await list('q=recycling+bins')).debates.map((d) => d.id), [bins]);
  assert.deepEqual((await list('status=closed')).debates.map((d) => d.id), [bins]);
  assert.equal((await list('status=open')).total, 2);
  assert.deepEqual((await list('category=Waste')).debates.map((d) => d.id), [bins]);
  assert.equal((await list('mine=true', resident)).total, 2);
  assert.equal((await list('mine=true')).total, 0);
  assert.equal((await list('limit=1&offset=1')).debates.length, 1);
  // Most commented first.
  assert.equal((await comment(neighbour, park, '很好的想法，希望增加儿童游乐设施。', 'in_favour')).statusCode, 201);
  assert.equal((await list('sort=most_commented')).debates[0]!.id, park);
});

test('a debate hidden by moderation leaves the lists and the page, except for moderators and its author', async () => {
  const id = (await start(neighbour, { title: 'Spam about cheap watches', description: 'Buy cheap watches at example dot com.' })).json().id as string;
  await transact(p.deps.db, async (trx) => {
    await debatesManifest.resources!.debate!.setHidden!(trx, id, p.clock.now());
    return ok(null);
  });
  const ids = async (who: TestUser | null) => (await api(p, { method: 'GET', url: `/api/v1/processes/${slug}/debates?limit=100`, as: who })).json().debates.map((d: { id: string }) => d.id);
  assert.ok(!(await ids(null)).includes(id));
  assert.ok(!(await ids(resident)).includes(id));
  assert.ok((await ids(neighbour)).includes(id));
  assert.ok((await ids(moderator)).includes(id));
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/debates/${id}` })).statusCode, 404);
  const own = await api(p, { method: 'GET', url: `/api/v1/debates/${id}`, as: neighbour });
  assert.equal(own.json().debate.hidden, true);
  assert.equal(own.json().commenting.open, false);
  assert.equal((await comment(resident, id, 'Reported.', 'against')).statusCode, 404);
  // Restored: back for everyone.
  await transact(p.deps.db, async (trx) => {
    await debatesManifest.resources!.debate!.setHidden!(trx, id, null);
    return ok(null);
  });
  assert.ok((await ids(null)).includes(id));
});

test('the phase decides: starting debates closes first, then commenting; processes without debates have none', async () => {
  const s = await debateProcess(['debates'], 'Phase process');
  const id = (await start(resident, { title: 'Opening hours of the park', description: 'Should the park stay open at night?' }, s)).json().id as string;
  p.clock.advance(12 * DAY);
  try {
    const late = await start(resident, { title: 'Another idea for the park', description: 'A second debate, too late.' }, s);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'debate_creation_closed');
    const listed = (await api(p, { method: 'GET', url: `/api/v1/processes/${s}/debates`, as: resident })).json();
    assert.equal(listed.abilities.create, false);
    assert.equal(listed.creating.open, false);
    assert.equal(listed.commenting.open, true);
    assert.equal((await comment(neighbour, id, 'Still open for comments.', 'neutral')).statusCode, 201);
    p.clock.advance(10 * DAY);
    const closed = await comment(neighbour, id, 'Too late now.', 'neutral');
    assert.equal(closed.statusCode, 409);
    assert.equal((await api(p, { method: 'GET', url: `/api/v1/debates/${id}` })).json().commenting.open, false);
  } finally {
    p.clock.advance(-22 * DAY);
  }
  const noDebates = await debateProcess(['proposals'], 'Proposals only');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${noDebates}/debates` })).statusCode, 404);
  assert.equal((await start(resident, { title: 'Not here at all', description: 'This process has no debates.' }, noDebates)).statusCode, 404);
});
