/**
 * Organizations through the HTTP API: registration and its pending visibility, verification
 * decisions, the directory's filters, members, government departments and posts, and the audit log
 * these acts leave.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from './helpers/platform.js';
import { api, createAreas, createUser, type TestUser } from './helpers/factories.js';

let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let otherAreas: Awaited<ReturnType<typeof createAreas>>;
let admin: TestUser;
let registrant: TestUser;
let outsider: TestUser;

/** The Green Lake association, registered in the first test and used by the ones after it. */
let lake: { id: string; slug: string };

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  otherAreas = await createAreas(p);
  admin = await createUser(p, { roles: ['administrator'], displayName: 'Ada Admin' });
  registrant = await createUser(p, { displayName: 'Rita Registrant' });
  outsider = await createUser(p, { displayName: 'Otto Outsider' });
});

after(async () => {
  await p?.close();
});

async function sessionOf(user: TestUser) {
  const res = await api(p, { method: 'GET', url: '/api/v1/session', as: user });
  assert.equal(res.statusCode, 200);
  return res.json().user;
}

async function listSlugs(query: string, as: TestUser | null = null): Promise<string[]> {
  const res = await api(p, { method: 'GET', url: `/api/v1/organizations${query}`, as });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.total, body.organizations.length, 'total counts the same rows as the page (small data set)');
  return body.organizations.map((o: { slug: string }) => o.slug);
}

/** Registers a society or market organization as `as` and has the administrator verify it. */
async function registerVerified(as: TestUser, body: Record<string, unknown>) {
  const created = await api(p, { method: 'POST', url: '/api/v1/organizations', as, body: { sector: 'society', kind: 'ngo', ...body } });
  assert.equal(created.statusCode, 201, created.body);
  const org = created.json().organization;
  const verified = await api(p, { method: 'POST', url: `/api/v1/organizations/${org.slug}/verify`, as: admin, body: {} });
  assert.equal(verified.statusCode, 200, verified.body);
  return org as { id: string; slug: string };
}

test('a registered user registers an organization: pending, and the registrant is its representative', async () => {
  const res = await api(p, {
    method: 'POST',
    url: '/api/v1/organizations',
    as: registrant,
    body: {
      sector: 'society',
      kind: 'ngo',
      name: 'Green Lake Environmental Association',
      nameZh: '绿湖环保协会',
      description: 'Keeps the lake clean.',
      areaId: areas.hoodId,
      website: 'https://greenlake.example',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const org = res.json().organization;
  assert.equal(org.status, 'pending');
  assert.equal(org.sector, 'society');
  assert.equal(org.kind, 'ngo');
  assert.equal(org.slug, 'green-lake-environmental-association');
  assert.equal(org.nameZh, '绿湖环保协会');
  assert.equal(org.areaId, areas.hoodId);
  assert.equal(org.isSupervisory, false);
  lake = { id: org.id, slug: org.slug };

  const me = await sessionOf(registrant);
  assert.deepEqual(
    me.memberships.filter((m: { organizationId: string }) => m.organizationId === lake.id),
    [{ organizationId: lake.id, slug: lake.slug, name: 'Green Lake Environmental Association', nameZh: '绿湖环保协会', sector: 'society', role: 'representative' }],
  );

  const detail = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}`, as: registrant });
  assert.equal(detail.statusCode, 200);
  assert.deepEqual(detail.json().members, [{ userId: registrant.id, displayName: 'Rita Registrant', role: 'representative' }]);
  assert.deepEqual(detail.json().abilities, { update: true, manageMembers: true, verify: false, managePosts: false });
  assert.equal(detail.json().organization.website, 'https://greenlake.example');
});

test('registering needs a session, and a known area', async () => {
  const visitor = await api(p, { method: 'POST', url: '/api/v1/organizations', body: { sector: 'society', kind: 'ngo', name: 'Anonymous Club' } });
  assert.equal(visitor.statusCode, 401);
  assert.equal(visitor.json().error.code, 'not_authenticated');

  const unknownArea = await api(p, {
    method: 'POST',
    url: '/api/v1/organizations',
    as: outsider,
    body: { sector: 'society', kind: 'ngo', name: 'Nowhere Club', areaId: '00000000-0000-4000-8000-000000000000' },
  });
  assert.equal(unknownArea.statusCode, 404);
  assert.equal(unknownArea.json().error.code, 'not_found');
  assert.deepEqual(unknownArea.json().error.fields.map((f: { path: string }) => f.path), ['areaId']);

  const government = await api(p, { method: 'POST', url: '/api/v1/organizations', as: outsider, body: { sector: 'government', kind: 'department', name: 'Fake Bureau' } });
  assert.equal(government.statusCode, 403);
  assert.equal(government.json().error.code, 'requires_role');
});

test('a pending organization is hidden from visitors and other users, and visible to administrators', async () => {
  for (const as of [null, outsider]) {
    const detail = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}`, as });
    assert.equal(detail.statusCode, 404);
    assert.deepEqual(Object.keys(detail.json().error).sort(), ['code', 'message']);
    assert.equal(detail.json().error.code, 'not_found');
    // The same answer as for an organization that does not exist at all.
    const missing = await api(p, { method: 'GET', url: '/api/v1/organizations/no-such-organization', as });
    assert.deepEqual(detail.json(), missing.json());

    assert.ok(!(await listSlugs('', as)).includes(lake.slug));
    assert.ok(!(await listSlugs('?status=pending', as)).includes(lake.slug));
    assert.ok(!(await listSlugs('?q=Green%20Lake', as)).includes(lake.slug));
  }

  assert.ok((await listSlugs('?status=pending', registrant)).includes(lake.slug), 'the registrant sees their own pending organization');
  const pending = await api(p, { method: 'GET', url: '/api/v1/organizations?status=pending', as: admin });
  assert.equal(pending.statusCode, 200);
  const row = pending.json().organizations.find((o: { id: string }) => o.id === lake.id);
  assert.equal(row?.status, 'pending');
  for (const o of pending.json().organizations) assert.equal(o.status, 'pending');

  const detail = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}`, as: admin });
  assert.equal(detail.statusCode, 200);
  assert.deepEqual(detail.json().abilities, { update: true, manageMembers: true, verify: true, managePosts: false });
});

test('an administrator rejects the registration with a reason, then verifies it', async () => {
  const noReason = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/reject`, as: admin, body: {} });
  assert.equal(noReason.statusCode, 400);
  assert.deepEqual(noReason.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['reason', 'validation.required']]);

  const rejected = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/reject`, as: admin, body: { reason: 'Registration certificate missing' } });
  assert.equal(rejected.statusCode, 200, rejected.body);
  assert.equal(rejected.json().organization.status, 'rejected');

  const seenByRep = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}`, as: registrant });
  assert.equal(seenByRep.json().organization.status, 'rejected');
  assert.equal(seenByRep.json().organization.statusReason, 'Registration certificate missing');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).statusCode, 404, 'still hidden from visitors');

  const again = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/reject`, as: admin, body: { reason: 'Twice' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'organization_not_pending');

  const repVerifies = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/verify`, as: registrant, body: {} });
  assert.equal(repVerifies.statusCode, 403);
  assert.equal(repVerifies.json().error.code, 'requires_role');

  const verified = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/verify`, as: admin, body: {} });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().organization.status, 'verified');

  const publicDetail = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` });
  assert.equal(publicDetail.statusCode, 200);
  assert.equal(publicDetail.json().organization.status, 'verified');
  assert.equal(publicDetail.json().organization.statusReason, null);
  assert.deepEqual(publicDetail.json().abilities, { update: false, manageMembers: false, verify: false, managePosts: false });
  assert.ok((await listSlugs('')).includes(lake.slug));

  const twice = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/verify`, as: admin, body: {} });
  assert.equal(twice.statusCode, 403, 'a verified organization is not up for a decision');
  assert.equal(twice.json().error.code, 'forbidden');
});

test('the directory filters by sector, searches Chinese names and restricts to an area subtree', async () => {
  const market = await registerVerified(outsider, { sector: 'market', kind: 'enterprise', name: 'Riverside Bakery', nameZh: '河畔面包店', areaId: areas.districtId });
  const elsewhere = await registerVerified(outsider, { name: 'Far Away Society', nameZh: '远方协会', areaId: otherAreas.hoodId });
  const bureau = await api(p, { method: 'POST', url: '/api/v1/organizations', as: admin, body: { sector: 'government', kind: 'department', name: 'Citywide Statistics Bureau' } });
  assert.equal(bureau.statusCode, 201);
  const bureauSlug: string = bureau.json().organization.slug;

  const marketOnly = await api(p, { method: 'GET', url: '/api/v1/organizations?sector=market' });
  assert.deepEqual(marketOnly.json().organizations.map((o: { slug: string }) => o.slug), [market.slug]);
  const society = await listSlugs('?sector=society');
  assert.ok(society.includes(lake.slug) && society.includes(elsewhere.slug) && !society.includes(market.slug) && !society.includes(bureauSlug));
  assert.deepEqual(await listSlugs('?sector=government'), [bureauSlug]);

  assert.deepEqual(await listSlugs(`?q=${encodeURIComponent('环保')}`), [lake.slug], 'a part of the Chinese name finds it');
  assert.deepEqual(await listSlugs(`?q=${encodeURIComponent('绿湖环保协会')}`), [lake.slug]);
  assert.deepEqual((await listSlugs(`?q=${encodeURIComponent('协会')}`)).sort(), [elsewhere.slug, lake.slug].sort());
  assert.deepEqual(await listSlugs('?q=green%20LAKE'), [lake.slug], 'Latin search ignores case');
  assert.deepEqual(await listSlugs('?q=%25'), [], 'a % is searched literally, not as a wildcard');
  assert.deepEqual(await listSlugs('?sector=market&q=bakery'), [market.slug]);

  // The city's subtree holds the district (bakery) and the neighbourhood (lake); government bodies
  // without an area serve everywhere and are listed for any area.
  const inCity = await listSlugs(`?areaId=${areas.cityId}`);
  assert.deepEqual(inCity.sort(), [bureauSlug, lake.slug, market.slug].sort());
  const inHood = await listSlugs(`?areaId=${areas.hoodId}`);
  assert.deepEqual(inHood.sort(), [bureauSlug, lake.slug].sort(), 'the district above the neighbourhood is not in its subtree');
  const inOtherCity = await listSlugs(`?areaId=${otherAreas.cityId}`);
  assert.deepEqual(inOtherCity.sort(), [bureauSlug, elsewhere.slug].sort());
  assert.deepEqual(await listSlugs(`?areaId=${areas.cityId}&sector=society`), [lake.slug]);

  const badArea = await api(p, { method: 'GET', url: '/api/v1/organizations?areaId=not-a-uuid' });
  assert.equal(badArea.statusCode, 400);
  assert.equal(badArea.json().error.fields[0].path, 'areaId');
});

test('members: add by e-mail, unknown e-mail is a 404 on the email field, a duplicate is a 409', async () => {
  const newcomer = await createUser(p, { displayName: 'Nina Newcomer' });
  const added = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: newcomer.email.toUpperCase(), role: 'member' } });
  assert.equal(added.statusCode, 201, added.body);
  assert.deepEqual(added.json(), { userId: newcomer.id });

  const members = (await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().members;
  assert.deepEqual(members, [
    { userId: registrant.id, displayName: 'Rita Registrant', role: 'representative' },
    { userId: newcomer.id, displayName: 'Nina Newcomer', role: 'member' },
  ]);
  const newcomerSession = await sessionOf(newcomer);
  assert.deepEqual(newcomerSession.memberships.map((m: { slug: string; role: string }) => [m.slug, m.role]), [[lake.slug, 'member']]);

  const unknown = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: 'nobody.here@example.test', role: 'member' } });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'not_found');
  assert.equal(unknown.json().error.fields.length, 1);
  assert.equal(unknown.json().error.fields[0].path, 'email');
  assert.equal(unknown.json().error.fields[0].code, 'user_not_found');
  assert.equal(unknown.json().error.fields[0].message, 'No account uses this e-mail address.');

  const unknownZh = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, lang: 'zh-CN', body: { email: 'nobody.here@example.test', role: 'member' } });
  assert.equal(unknownZh.json().error.fields[0].message, '没有使用此电子邮箱的账户。');

  const duplicate = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: newcomer.email, role: 'representative' } });
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().error.code, 'already_member');
  const stillMember = (await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().members;
  assert.equal(stillMember.find((m: { userId: string }) => m.userId === newcomer.id).role, 'member', 'a duplicate does not change the role');

  const byMember = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: newcomer, body: { email: outsider.email, role: 'member' } });
  assert.equal(byMember.statusCode, 403);
  assert.equal(byMember.json().error.code, 'not_a_representative');

  const badRole = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: outsider.email, role: 'owner' } });
  assert.equal(badRole.statusCode, 400);
  assert.equal(badRole.json().error.fields[0].code, 'validation.invalid_choice');
});

test('the last representative cannot be removed; a member may leave; a second representative makes room', async () => {
  const last = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${registrant.id}`, as: registrant });
  assert.equal(last.statusCode, 409);
  assert.equal(last.json().error.code, 'last_representative');
  const byAdmin = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${registrant.id}`, as: admin });
  assert.equal(byAdmin.statusCode, 409, 'not even an administrator removes the last representative');

  const leaver = await createUser(p, { displayName: 'Leo Leaver' });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: leaver.email, role: 'member' } })).statusCode, 201);
  const other = (await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().members.find((m: { role: string; userId: string }) => m.role === 'member' && m.userId !== leaver.id);
  const removesOther = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${other.userId}`, as: leaver });
  assert.equal(removesOther.statusCode, 403, 'a member may not remove someone else');
  assert.equal(removesOther.json().error.code, 'not_a_representative');

  const left = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${leaver.id}`, as: leaver });
  assert.equal(left.statusCode, 204, left.body);
  const members = (await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().members;
  assert.ok(!members.some((m: { userId: string }) => m.userId === leaver.id));
  assert.deepEqual((await sessionOf(leaver)).memberships, []);
  const twice = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${leaver.id}`, as: leaver });
  assert.equal(twice.statusCode, 404);

  const cofounder = await createUser(p, { displayName: 'Cora Cofounder' });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: cofounder.email, role: 'representative' } })).statusCode, 201);
  const cofounderDetail = await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}`, as: cofounder });
  assert.deepEqual(cofounderDetail.json().abilities, { update: true, manageMembers: true, verify: false, managePosts: false });
  const cofounderLeaves = await api(p, { method: 'DELETE', url: `/api/v1/organizations/${lake.slug}/members/${cofounder.id}`, as: cofounder });
  assert.equal(cofounderLeaves.statusCode, 204, 'with two representatives one may go');
});

test('a representative edits the description; a member may not', async () => {
  const edited = await api(p, {
    method: 'PATCH',
    url: `/api/v1/organizations/${lake.slug}`,
    as: registrant,
    body: { description: 'Keeps the lake clean, every Saturday.', email: 'contact@greenlake.example' },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().organization.description, 'Keeps the lake clean, every Saturday.');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().organization;
  assert.equal(detail.description, 'Keeps the lake clean, every Saturday.');
  assert.equal(detail.email, 'contact@greenlake.example');
  assert.equal(detail.name, 'Green Lake Environmental Association', 'fields not sent stay as they were');

  const member = await createUser(p);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/members`, as: registrant, body: { email: member.email, role: 'member' } })).statusCode, 201);
  const byMember = await api(p, { method: 'PATCH', url: `/api/v1/organizations/${lake.slug}`, as: member, body: { description: 'Hijacked' } });
  assert.equal(byMember.statusCode, 403);
  assert.equal(byMember.json().error.code, 'not_a_representative');

  const badWebsite = await api(p, { method: 'PATCH', url: `/api/v1/organizations/${lake.slug}`, as: registrant, body: { website: 'javascript:alert(1)' } });
  assert.equal(badWebsite.statusCode, 400);
  assert.equal(badWebsite.json().error.fields[0].path, 'website');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/organizations/${lake.slug}` })).json().organization.description, 'Keeps the lake clean, every Saturday.');
});

test('an administrator creates a government department with a parent, and a post whose holder sees it; PATCH /posts changes the holder', async () => {
  const gov = await api(p, { method: 'POST', url: '/api/v1/organizations', as: admin, body: { sector: 'government', kind: 'government', name: 'Test City Government', nameZh: '测试市人民政府' } });
  assert.equal(gov.statusCode, 201, gov.body);
  const government = gov.json().organization;
  assert.equal(government.status, 'verified', 'government bodies need no verification');
  assert.equal(government.parentId, null);

  const dept = await api(p, {
    method: 'POST',
    url: '/api/v1/organizations',
    as: admin,
    body: { sector: 'government', kind: 'department', name: 'Environment Bureau', nameZh: '生态环境局', parentId: government.id, areaId: areas.cityId },
  });
  assert.equal(dept.statusCode, 201, dept.body);
  const bureau = dept.json().organization;
  assert.equal(bureau.sector, 'government');
  assert.equal(bureau.kind, 'department');
  assert.equal(bureau.parentId, government.id);
  assert.equal(bureau.status, 'verified');

  const parentDetail = (await api(p, { method: 'GET', url: `/api/v1/organizations/${government.slug}` })).json();
  assert.deepEqual(parentDetail.children.map((c: { id: string }) => c.id), [bureau.id]);
  const bureauDetail = (await api(p, { method: 'GET', url: `/api/v1/organizations/${bureau.slug}`, as: admin })).json();
  assert.equal(bureauDetail.parent.id, government.id);
  assert.deepEqual(bureauDetail.abilities, { update: true, manageMembers: true, verify: false, managePosts: true });

  const societyParent = await api(p, { method: 'POST', url: '/api/v1/organizations', as: admin, body: { sector: 'government', kind: 'department', name: 'Odd Bureau', parentId: lake.id } });
  assert.equal(societyParent.statusCode, 400);
  assert.equal(societyParent.json().error.code, 'parent_invalid');
  assert.equal(societyParent.json().error.fields[0].path, 'parentId');

  const director = await createUser(p, { displayName: 'Dora Director' });
  const successor = await createUser(p, { displayName: 'Sam Successor' });
  const created = await api(p, { method: 'POST', url: `/api/v1/organizations/${bureau.slug}/posts`, as: admin, body: { title: 'Director', titleZh: '局长', holderEmail: director.email } });
  assert.equal(created.statusCode, 201, created.body);
  const post = created.json().post;
  assert.deepEqual(post, { id: post.id, title: 'Director', titleZh: '局长', holderUserId: director.id });

  const directorSession = await sessionOf(director);
  assert.deepEqual(directorSession.posts, [
    { id: post.id, title: 'Director', titleZh: '局长', organizationId: bureau.id, organizationSlug: bureau.slug, organizationName: 'Environment Bureau', organizationNameZh: '生态环境局', supervisory: false },
  ]);
  const listed = (await api(p, { method: 'GET', url: `/api/v1/organizations/${bureau.slug}` })).json().posts;
  assert.deepEqual(listed, [{ id: post.id, title: 'Director', titleZh: '局长', holder: { userId: director.id, displayName: 'Dora Director' } }]);

  const unknownHolder = await api(p, { method: 'POST', url: `/api/v1/organizations/${bureau.slug}/posts`, as: admin, body: { title: 'Deputy', holderEmail: 'ghost@example.test' } });
  assert.equal(unknownHolder.statusCode, 404);
  assert.equal(unknownHolder.json().error.fields[0].path, 'holderEmail');

  const onSociety = await api(p, { method: 'POST', url: `/api/v1/organizations/${lake.slug}/posts`, as: admin, body: { title: 'Director' } });
  assert.equal(onSociety.statusCode, 403, 'posts exist only in government bodies');
  assert.equal(onSociety.json().error.code, 'forbidden');

  const handover = await api(p, { method: 'PATCH', url: `/api/v1/posts/${post.id}`, as: admin, body: { holderEmail: successor.email } });
  assert.equal(handover.statusCode, 200, handover.body);
  assert.equal(handover.json().post.holderUserId, successor.id);
  assert.deepEqual((await sessionOf(director)).posts, []);
  assert.deepEqual((await sessionOf(successor)).posts.map((x: { id: string; title: string }) => [x.id, x.title]), [[post.id, 'Director']]);

  const ghost = await api(p, { method: 'PATCH', url: `/api/v1/posts/${post.id}`, as: admin, body: { holderEmail: 'ghost@example.test' } });
  assert.equal(ghost.statusCode, 404);
  assert.equal(ghost.json().error.fields[0].path, 'holderEmail');
  const renamed = await api(p, { method: 'PATCH', url: `/api/v1/posts/${post.id}`, as: admin, body: { title: 'Director-General' } });
  assert.deepEqual(renamed.json().post, { id: post.id, title: 'Director-General', titleZh: '局长', holderUserId: successor.id }, 'renaming keeps the holder');
  const vacated = await api(p, { method: 'PATCH', url: `/api/v1/posts/${post.id}`, as: admin, body: { holderEmail: '' } });
  assert.equal(vacated.json().post.holderUserId, null);
  assert.deepEqual((await sessionOf(successor)).posts, []);

  const missing = await api(p, { method: 'PATCH', url: '/api/v1/posts/00000000-0000-4000-8000-000000000000', as: admin, body: { title: 'Nothing' } });
  assert.equal(missing.statusCode, 404);

  const audit = (await api(p, { method: 'GET', url: `/api/v1/audit?organizationId=${bureau.id}` })).json().entries;
  assert.deepEqual(audit.map((e: { action: string }) => e.action), ['post.updated', 'post.updated', 'post.updated', 'post.created', 'organization.registered']);
  const change = audit.find((e: { action: string; data: { holderAfter?: string } }) => e.action === 'post.updated' && e.data.holderAfter === successor.id);
  assert.deepEqual(change.data, { fields: ['holder_user_id'], holderBefore: director.id, holderAfter: successor.id });
});

test('the audit log shows organization acts publicly and keeps private rows from visitors', async () => {
  const forOrg = await api(p, { method: 'GET', url: `/api/v1/audit?organizationId=${lake.id}&limit=200` });
  assert.equal(forOrg.statusCode, 200);
  const entries = forOrg.json().entries as { action: string; resourceId: string; actor: { role: string; displayName: string | null }; data: Record<string, unknown> }[];
  const actions = entries.map((e) => e.action);
  assert.ok(actions.includes('organization.registered'), actions.join());
  assert.ok(actions.includes('organization.member_added'), actions.join());
  assert.ok(actions.includes('organization.updated'), actions.join());
  assert.ok(actions.includes('organization.member_removed'), actions.join());
  for (const e of entries) assert.equal(e.resourceId, lake.id);
  const registered = entries.find((e) => e.action === 'organization.registered')!;
  assert.deepEqual(registered.data, { name: 'Green Lake Environmental Association', sector: 'society', kind: 'ngo' });
  assert.equal(registered.actor.role, 'representative');
  assert.equal(registered.actor.displayName, null, 'residents acting for an organization stay unnamed in public');

  // The verification is public too.
  const decisions = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${lake.id}&resourceType=organization&limit=200` })).json().entries;
  const decided = decisions.filter((e: { action: string }) => e.action === 'organization.verified' || e.action === 'organization.rejected');
  assert.deepEqual(decided.map((e: { action: string }) => e.action), ['organization.verified', 'organization.rejected']);
  assert.deepEqual(decided[1].data, { name: 'Green Lake Environmental Association', slug: lake.slug, reason: 'Registration certificate missing' });
  assert.equal(decided[0].actor.role, 'administrator');
  assert.equal(decided[0].actor.displayName, 'Ada Admin', 'staff acts are named');

  // Private rows (sign-ups, ...) never reach visitors or non-administrators, even when they ask for all.
  for (const as of [null, registrant]) {
    for (const query of ['?limit=200', '?limit=200&all=true', '?limit=200&action=user.signed_up&all=true']) {
      const res = await api(p, { method: 'GET', url: `/api/v1/audit${query}`, as });
      assert.equal(res.statusCode, 200);
      const seen = res.json().entries.map((e: { action: string }) => e.action);
      assert.ok(!seen.includes('user.signed_up'), `${as ? 'user' : 'visitor'} ${query}: ${seen.join()}`);
    }
  }
  const all = await api(p, { method: 'GET', url: '/api/v1/audit?limit=200&all=true', as: admin });
  const signups = all.json().entries.filter((e: { action: string }) => e.action === 'user.signed_up');
  assert.ok(signups.length >= 3, 'an administrator sees private rows with all=true');
  assert.ok(signups.some((e: { resourceId: string }) => e.resourceId === registrant.id));
  const adminPublic = await api(p, { method: 'GET', url: '/api/v1/audit?limit=200', as: admin });
  assert.ok(!adminPublic.json().entries.some((e: { action: string }) => e.action === 'user.signed_up'), 'without all=true an administrator reads the public log');

  const chain = await api(p, { method: 'GET', url: '/api/v1/audit/verify' });
  assert.equal(chain.statusCode, 200);
  assert.equal(chain.json().ok, true);
  assert.equal(chain.json().firstBad, null);
});

test(
  'the organization filter of the audit log includes its verification and rejection',
  async () => {
    const actions = (await api(p, { method: 'GET', url: `/api/v1/audit?organizationId=${lake.id}&limit=200` })).json().entries.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('organization.verified'), actions.join());
    assert.ok(actions.includes('organization.rejected'), actions.join());
  },
);

test(
  'administrators acting on an organization are named as administrators in the public audit log',
  async () => {
    const edited = await api(p, { method: 'PATCH', url: `/api/v1/organizations/${lake.slug}`, as: admin, body: { description: 'Edited by the administrators.' } });
    assert.equal(edited.statusCode, 200, edited.body);
    const [latest] = (await api(p, { method: 'GET', url: `/api/v1/audit?organizationId=${lake.id}&action=organization.updated&limit=1` })).json().entries;
    assert.equal(latest.actor.role, 'administrator');
    assert.equal(latest.actor.displayName, 'Ada Admin');
  },
);
