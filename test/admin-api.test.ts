/**
 * The administrators' console through the HTTP API: accounts and roles, blocking, census imports
 * and the area tree.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from './helpers/platform.js';
import { api, createUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './helpers/factories.js';
import { SESSION_COOKIE } from '../src/core/identity/sessions.js';
import { setUserRoles } from '../src/core/identity/manage-users.js';
import { systemActor } from '../src/core/permissions/actor.js';
import { orFail } from '../src/core/errors.js';

let p: TestPlatform;
let admin: TestUser;
let registered: TestUser;

before(async () => {
  p = await createTestPlatform();
  admin = await createUser(p, { roles: ['administrator'], displayName: 'Ada Admin' });
  registered = await createUser(p, { displayName: 'Regina Registered' });
});

after(async () => {
  await p?.close();
});

async function sessionUser(user: TestUser) {
  const res = await api(p, { method: 'GET', url: '/api/v1/session', as: user });
  assert.equal(res.statusCode, 200);
  return res.json().user;
}

/** Signs in through the API and returns the new session as a TestUser. */
async function login(email: string, password: string = TEST_PASSWORD) {
  const res = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email, password } });
  if (res.statusCode !== 200) return { res, user: null };
  const cookie = (res.cookies as { name: string; value: string }[]).find((c) => c.name === SESSION_COOKIE)!;
  const body = res.json();
  return { res, user: { id: body.user.id, email, password, cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: body.csrfToken } as TestUser };
}

function csv(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

async function importCsv(content: string, options: { fileName?: string; lang?: 'en' | 'zh-CN'; as?: TestUser } = {}) {
  return api(p, {
    method: 'POST',
    url: `/api/v1/admin/census?fileName=${encodeURIComponent(options.fileName ?? 'x.csv')}`,
    as: options.as ?? admin,
    body: content,
    headers: { 'content-type': 'text/csv' },
    lang: options.lang,
  });
}

async function auditOf(query: string, as: TestUser | null = admin) {
  const res = await api(p, { method: 'GET', url: `/api/v1/audit${query}`, as });
  assert.equal(res.statusCode, 200);
  return res.json().entries as { action: string; resourceId: string; data: Record<string, unknown>; actor: { role: string; displayName: string | null } }[];
}

// ---------------------------------------------------------------------------------------------
// Accounts

test('the user list and its search are for administrators only', async () => {
  const zebulon = await createUser(p, { displayName: 'Zebulon Quartermaine', email: uniqueEmail('zq') });
  const visitor = await api(p, { method: 'GET', url: '/api/v1/admin/users' });
  assert.equal(visitor.statusCode, 401);
  assert.equal(visitor.json().error.code, 'not_authenticated');
  const notAdmin = await api(p, { method: 'GET', url: '/api/v1/admin/users', as: registered });
  assert.equal(notAdmin.statusCode, 403);
  assert.equal(notAdmin.json().error.code, 'requires_role');

  const all = await api(p, { method: 'GET', url: '/api/v1/admin/users', as: admin });
  assert.equal(all.statusCode, 200);
  assert.ok(all.json().total >= 3);
  assert.equal(all.json().users.length, all.json().total);
  const adminRow = all.json().users.find((u: { id: string }) => u.id === admin.id);
  assert.deepEqual({ ...adminRow, createdAt: undefined }, {
    id: admin.id, email: admin.email, displayName: 'Ada Admin', verified: false, roles: ['administrator'], blocked: false, createdAt: undefined, posts: [],
  });

  const byName = await api(p, { method: 'GET', url: '/api/v1/admin/users?q=quartermaine', as: admin });
  assert.deepEqual(byName.json().users.map((u: { id: string }) => u.id), [zebulon.id], 'search ignores case');
  assert.equal(byName.json().total, 1);
  const byEmail = await api(p, { method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent(zebulon.email.slice(0, 12))}`, as: admin });
  assert.deepEqual(byEmail.json().users.map((u: { id: string }) => u.id), [zebulon.id]);
  const wildcard = await api(p, { method: 'GET', url: '/api/v1/admin/users?q=%25', as: admin });
  assert.equal(wildcard.json().total, 0, 'a % is searched literally');

  const page = await api(p, { method: 'GET', url: '/api/v1/admin/users?limit=1&offset=1', as: admin });
  assert.equal(page.json().users.length, 1);
  assert.equal(page.json().total, all.json().total, 'total counts every match, not the page');
  // Accounts created at the same instant have no defined order between them, so only membership is checked.
  assert.ok(all.json().users.some((u: { id: string }) => u.id === page.json().users[0].id));

  const badLimit = await api(p, { method: 'GET', url: '/api/v1/admin/users?limit=0', as: admin });
  assert.equal(badLimit.statusCode, 400);
  assert.equal(badLimit.json().error.fields[0].path, 'limit');
});

test('setting roles answers the new roles and writes a public user.roles_changed row', async () => {
  const staff = await createUser(p, { displayName: 'Stan Staff' });
  const res = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${staff.id}/roles`, as: admin, body: { roles: ['moderator', 'clerk', 'moderator'] } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { roles: ['clerk', 'moderator'] });
  assert.deepEqual((await sessionUser(staff)).roles, ['clerk', 'moderator']);

  const rows = await auditOf(`?action=user.roles_changed&resourceId=${staff.id}`, null);
  assert.equal(rows.length, 1, 'visible to visitors: the public log');
  assert.deepEqual(rows[0]!.data, { before: [], after: ['clerk', 'moderator'] });
  assert.equal(rows[0]!.actor.role, 'administrator');
  assert.equal(rows[0]!.actor.displayName, 'Ada Admin');

  const cleared = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${staff.id}/roles`, as: admin, body: { roles: [] } });
  assert.deepEqual(cleared.json(), { roles: [] });
  const again = await auditOf(`?action=user.roles_changed&resourceId=${staff.id}`);
  assert.deepEqual(again[0]!.data, { before: ['clerk', 'moderator'], after: [] });

  const unknownRole = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${staff.id}/roles`, as: admin, body: { roles: ['superuser'] } });
  assert.equal(unknownRole.statusCode, 400);
  assert.deepEqual(unknownRole.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['roles.0', 'validation.invalid_choice']]);
  const unknownUser = await api(p, { method: 'PUT', url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles', as: admin, body: { roles: [] } });
  assert.equal(unknownUser.statusCode, 404);
  assert.equal(unknownUser.json().error.code, 'not_found');
  const byNonAdmin = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${registered.id}/roles`, as: registered, body: { roles: ['administrator'] } });
  assert.equal(byNonAdmin.statusCode, 403);
  assert.deepEqual((await sessionUser(registered)).roles, [], 'nobody grants themself a role');
});

test('the last administrator cannot lose the role', async () => {
  for (const roles of [[], ['moderator']]) {
    const res = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${admin.id}/roles`, as: admin, body: { roles } });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'last_administrator');
    assert.match(res.json().error.message, /at least one administrator/);
  }
  assert.deepEqual((await sessionUser(admin)).roles, ['administrator'], 'nothing changed');

  const deputy = await createUser(p, { displayName: 'Dee Deputy' });
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/admin/users/${deputy.id}/roles`, as: admin, body: { roles: ['administrator'] } })).statusCode, 200);
  // With two administrators one may go.
  const demoted = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${deputy.id}/roles`, as: admin, body: { roles: [] } });
  assert.equal(demoted.statusCode, 200, demoted.body);
  const lastAgain = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${admin.id}/roles`, as: admin, body: { roles: [] } });
  assert.equal(lastAgain.statusCode, 409);
  const exAdmin = await api(p, { method: 'GET', url: '/api/v1/admin/users', as: deputy });
  assert.equal(exAdmin.statusCode, 403, 'the role is gone at once, in the same session');
});

test('blocking ends the account\'s sessions and refuses sign-in; unblocking lets it back in', async () => {
  const target = await createUser(p, { displayName: 'Bob Blocked' });
  const second = await login(target.email);
  assert.ok(second.user, second.res.body);
  assert.equal((await sessionUser(target)).id, target.id);
  assert.equal((await sessionUser(second.user)).id, target.id);

  const noReason = await api(p, { method: 'POST', url: `/api/v1/admin/users/${target.id}/block`, as: admin, body: { reason: '' } });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.fields[0].path, 'reason');

  const blocked = await api(p, { method: 'POST', url: `/api/v1/admin/users/${target.id}/block`, as: admin, body: { reason: 'Posting spam in every consultation' } });
  assert.equal(blocked.statusCode, 204, blocked.body);

  for (const session of [target, second.user]) {
    const res = await api(p, { method: 'GET', url: '/api/v1/session', as: session });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user, null, 'the existing session stopped working');
    const write = await api(p, { method: 'PATCH', url: '/api/v1/me', as: session, body: { displayName: 'Still here' } });
    assert.equal(write.statusCode, 401);
    assert.equal(write.json().error.code, 'not_authenticated');
  }

  const refused = await login(target.email);
  assert.equal(refused.res.statusCode, 403);
  assert.equal(refused.res.json().error.code, 'account_blocked');
  assert.equal(refused.res.cookies.length, 0, 'no session cookie for a blocked account');
  const refusedZh = await api(p, { method: 'POST', url: '/api/v1/auth/login', lang: 'zh-CN', body: { email: target.email, password: TEST_PASSWORD } });
  assert.equal(refusedZh.json().error.message, '此账户已被停用。如认为有误，请联系管理员。');
  const wrongPassword = await login(target.email, 'not the right password');
  assert.equal(wrongPassword.res.statusCode, 401, 'a wrong password does not reveal that the account is blocked');
  assert.equal(wrongPassword.res.json().error.code, 'invalid_credentials');

  const listed = (await api(p, { method: 'GET', url: '/api/v1/admin/users?q=Bob%20Blocked', as: admin })).json().users;
  assert.deepEqual(listed.map((u: { id: string; blocked: boolean }) => [u.id, u.blocked]), [[target.id, true]]);

  // The reason is personal: a private audit row, for administrators only.
  assert.deepEqual(await auditOf(`?action=user.blocked&resourceId=${target.id}&all=true`, null), []);
  const privateRows = await auditOf(`?action=user.blocked&resourceId=${target.id}&all=true`);
  assert.equal(privateRows.length, 1);
  assert.deepEqual(privateRows[0]!.data, { reason: 'Posting spam in every consultation' });

  const unblocked = await api(p, { method: 'POST', url: `/api/v1/admin/users/${target.id}/unblock`, as: admin });
  assert.equal(unblocked.statusCode, 204, unblocked.body);
  const back = await login(target.email);
  assert.equal(back.res.statusCode, 200, back.res.body);
  assert.equal((await sessionUser(back.user!)).id, target.id);
  const listedAfter = (await api(p, { method: 'GET', url: '/api/v1/admin/users?q=Bob%20Blocked', as: admin })).json().users;
  assert.equal(listedAfter[0].blocked, false);
});

test('an administrator cannot block themself, and unknown accounts are 404', async () => {
  const self = await api(p, { method: 'POST', url: `/api/v1/admin/users/${admin.id}/block`, as: admin, body: { reason: 'Testing myself' } });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.code, 'cannot_act_for_self');
  assert.equal((await sessionUser(admin)).id, admin.id, 'still signed in');

  const nobody = '00000000-0000-4000-8000-000000000000';
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/admin/users/${nobody}/block`, as: admin, body: { reason: 'Nobody' } })).statusCode, 404);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/admin/users/${nobody}/unblock`, as: admin })).statusCode, 404);
  const badId = await api(p, { method: 'POST', url: '/api/v1/admin/users/not-an-id/block', as: admin, body: { reason: 'Nobody' } });
  assert.equal(badId.statusCode, 400);
  assert.deepEqual(badId.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['id', 'validation.invalid_id']]);
});

// ---------------------------------------------------------------------------------------------
// Census

test('a census import counts inserted, updated and rejected lines, with localized messages', async () => {
  const city = await createAreaTree('census');
  const before = (await api(p, { method: 'GET', url: '/api/v1/admin/census', as: admin })).json();
  const file = csv([
    'document_number,birth_date,area',
    `A-100001,1980-01-15,${city.hood}`,
    `A-100002,1985-13-01,${city.hood}`,
    `,1990-01-01,${city.hood}`,
    'A-100003,1990-02-02,no-such-area',
    `a 100001,1980-01-15,${city.hood}`,
    `A-100004,1975-07-07,${city.district}`,
    '',
    `A-100005,1966-06-06`,
  ]);

  const first = await importCsv(file);
  assert.equal(first.statusCode, 200, first.body);
  const report = first.json();
  assert.equal(report.total, 7, 'the blank line is not counted');
  assert.equal(report.inserted, 2);
  assert.equal(report.updated, 0);
  assert.deepEqual(report.rejected, [
    { line: 3, code: 'census_bad_date', message: 'The birth date is not a real date in the form YYYY-MM-DD.' },
    { line: 4, code: 'census_missing_value', message: 'A value is missing on this line.' },
    { line: 5, code: 'census_unknown_area', message: 'No area has this slug.' },
    { line: 6, code: 'census_duplicate_in_file', message: 'This document appears earlier in the file.' },
    { line: 9, code: 'census_missing_value', message: 'A value is missing on this line.' },
  ]);

  const second = await importCsv(file, { fileName: 'x-again.csv', lang: 'zh-CN' });
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().inserted, 0, 're-importing updates instead of duplicating');
  assert.equal(second.json().updated, 2);
  assert.deepEqual(second.json().rejected.map((r: { line: number; message: string }) => [r.line, r.message]), [
    [3, '出生日期不是 YYYY-MM-DD 格式的有效日期。'],
    [4, '此行缺少数据。'],
    [5, '没有使用此简称的区域。'],
    [6, '此证件在文件前面已经出现过。'],
    [9, '此行缺少数据。'],
  ]);

  const after = (await api(p, { method: 'GET', url: '/api/v1/admin/census', as: admin })).json();
  assert.equal(after.entries, before.entries + 2, 'two entries, not four');
  assert.equal(after.verified, before.verified);
  const [latest, earlier] = after.batches;
  assert.equal(latest.id, second.json().batchId);
  assert.deepEqual({ ...latest, id: 0, importedAt: '' }, { id: 0, fileName: 'x-again.csv', importedAt: '', rowsTotal: 7, rowsInserted: 0, rowsUpdated: 2 });
  assert.deepEqual({ ...earlier, id: 0, importedAt: '' }, { id: 0, fileName: 'x.csv', importedAt: '', rowsTotal: 7, rowsInserted: 2, rowsUpdated: 0 });
  assert.equal(latest.importedAt, p.clock.now().toISOString(), 'stamped by the platform clock');

  // The import is public (counts only) in the audit log.
  const audit = await auditOf(`?action=census.imported&resourceId=${report.batchId}`, null);
  assert.deepEqual(audit[0]!.data, { total: 7, inserted: 2, updated: 0, rejected: 5 });

  // A resident verifies against an imported entry (spelled differently), then follows it when it moves.
  const resident = await createUser(p);
  const verified = await api(p, { method: 'POST', url: '/api/v1/me/verification', as: resident, body: { documentNumber: 'a100001', birthDate: '1980-01-15' } });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().area.slug, city.hood);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/admin/census', as: admin })).json().verified, before.verified + 1);
  const moved = await importCsv(csv(['document_number,birth_date,area', `A-100001,1980-01-15,${city.district}`]));
  assert.deepEqual({ inserted: moved.json().inserted, updated: moved.json().updated }, { inserted: 0, updated: 1 });
  assert.equal((await sessionUser(resident)).areaId, city.districtId, 'verified residents follow their census entry');
});

test('a census file without the needed header is refused as a whole', async () => {
  const before = (await api(p, { method: 'GET', url: '/api/v1/admin/census', as: admin })).json();
  const bad = await importCsv(csv(['id,born,where', 'A-1,1980-01-01,somewhere']));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'census_file_invalid');
  assert.match(bad.json().error.message, /document_number/);
  const badZh = await importCsv(csv(['id,born,where']), { lang: 'zh-CN' });
  assert.match(badZh.json().error.message, /户籍文件/);
  const after = (await api(p, { method: 'GET', url: '/api/v1/admin/census', as: admin })).json();
  assert.deepEqual(after, before, 'no batch recorded for a refused file');

  const hashes = await importCsv(csv(['document_hash,birth_date,area', 'not-a-hash,1980-01-01,whatever']));
  assert.equal(hashes.statusCode, 200);
  assert.deepEqual(hashes.json().rejected.map((r: { line: number; code: string }) => [r.line, r.code]), [[2, 'census_bad_hash']]);

  const asJson = await api(p, { method: 'POST', url: '/api/v1/admin/census', as: admin, body: { csv: 'document_number,birth_date,area' } });
  assert.equal(asJson.statusCode, 400, 'the census is sent as text/csv, not JSON');
  const byNonAdmin = await importCsv(csv(['document_number,birth_date,area']), { as: registered });
  assert.equal(byNonAdmin.statusCode, 403);
  assert.equal(byNonAdmin.json().error.code, 'requires_role');
});

// ---------------------------------------------------------------------------------------------
// Areas

async function createAreaTree(prefix: string) {
  const suffix = randomBytes(3).toString('hex');
  const make = async (body: Record<string, unknown>) => {
    const res = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().area as { id: string; slug: string; parentId: string | null; kind: string; name: string; nameZh: string | null };
  };
  const city = await make({ kind: 'city', slug: `${prefix}-city-${suffix}`, name: 'Admin City', nameZh: '管理市' });
  const district = await make({ kind: 'district', parentId: city.id, slug: `${prefix}-district-${suffix}`, name: 'North District' });
  const hood = await make({ kind: 'neighbourhood', parentId: district.id, slug: `${prefix}-hood-${suffix}`, name: 'Harbour Neighbourhood' });
  return { city: city.slug, district: district.slug, hood: hood.slug, cityId: city.id, districtId: district.id, hoodId: hood.id, areas: { city, district, hood } };
}

test('areas: a city holds districts, a district neighbourhoods; slugs are unique', async () => {
  const tree = await createAreaTree('tree');
  assert.deepEqual(tree.areas.city, { id: tree.cityId, parentId: null, kind: 'city', slug: tree.city, name: 'Admin City', nameZh: '管理市' });
  assert.equal(tree.areas.district.parentId, tree.cityId);
  assert.equal(tree.areas.hood.parentId, tree.districtId);
  assert.equal(tree.areas.hood.nameZh, null);

  const wrongParents: [Record<string, unknown>, string][] = [
    [{ kind: 'neighbourhood', parentId: tree.cityId }, 'a neighbourhood in a city'],
    [{ kind: 'district', parentId: tree.districtId }, 'a district in a district'],
    [{ kind: 'district' }, 'a district without a city'],
    [{ kind: 'city', parentId: tree.cityId }, 'a city with a parent'],
    [{ kind: 'neighbourhood', parentId: '00000000-0000-4000-8000-000000000000' }, 'an unknown parent'],
  ];
  for (const [body, label] of wrongParents) {
    const res = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body: { slug: `wrong-${randomBytes(3).toString('hex')}`, name: 'Wrong', ...body } });
    assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
    assert.equal(res.json().error.code, 'parent_invalid', label);
    assert.deepEqual(res.json().error.fields.map((f: { path: string }) => f.path), ['parentId'], label);
  }

  const duplicate = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body: { kind: 'city', slug: tree.city, name: 'Another City' } });
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().error.code, 'slug_taken');
  assert.equal(duplicate.json().error.fields[0].path, 'slug');

  const badSlug = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body: { kind: 'city', slug: 'Not A Slug', name: 'Bad' } });
  assert.equal(badSlug.statusCode, 400);
  assert.deepEqual(badSlug.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['slug', 'validation.invalid_format']]);

  const listed = (await api(p, { method: 'GET', url: '/api/v1/areas' })).json().areas;
  for (const id of [tree.cityId, tree.districtId, tree.hoodId]) assert.ok(listed.some((a: { id: string }) => a.id === id));
});

test('areas: rename, and delete only what has no children and is not in use', async () => {
  const tree = await createAreaTree('del');
  const renamed = await api(p, { method: 'PATCH', url: `/api/v1/areas/${tree.districtId}`, as: admin, body: { name: 'South District', nameZh: '南区' } });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.deepEqual(renamed.json().area, { id: tree.districtId, parentId: tree.cityId, kind: 'district', slug: tree.district, name: 'South District', nameZh: '南区' });
  const shown = (await api(p, { method: 'GET', url: `/api/v1/areas/${tree.district}` })).json();
  assert.equal(shown.area.name, 'South District');
  assert.equal(shown.area.nameZh, '南区');
  const clearZh = await api(p, { method: 'PATCH', url: `/api/v1/areas/${tree.districtId}`, as: admin, body: { nameZh: null } });
  assert.deepEqual({ name: clearZh.json().area.name, nameZh: clearZh.json().area.nameZh }, { name: 'South District', nameZh: null });
  assert.equal((await api(p, { method: 'PATCH', url: '/api/v1/areas/00000000-0000-4000-8000-000000000000', as: admin, body: { name: 'X' } })).statusCode, 404);

  const withChildren = await api(p, { method: 'DELETE', url: `/api/v1/areas/${tree.districtId}`, as: admin });
  assert.equal(withChildren.statusCode, 409);
  assert.equal(withChildren.json().error.code, 'area_has_children');

  // A census entry puts the neighbourhood in use.
  assert.equal((await importCsv(csv(['document_number,birth_date,area', `DEL-${randomBytes(3).toString('hex')},1999-09-09,${tree.hood}`]))).statusCode, 200);
  const inUse = await api(p, { method: 'DELETE', url: `/api/v1/areas/${tree.hoodId}`, as: admin });
  assert.equal(inUse.statusCode, 409);
  assert.equal(inUse.json().error.code, 'area_in_use');

  // So does an organization.
  const orgHood = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body: { kind: 'neighbourhood', parentId: tree.districtId, slug: `org-hood-${randomBytes(3).toString('hex')}`, name: 'Org Hood' } });
  const orgHoodId = orgHood.json().area.id;
  assert.equal((await api(p, { method: 'POST', url: '/api/v1/organizations', as: registered, body: { sector: 'society', kind: 'ngo', name: 'Hood Club', areaId: orgHoodId } })).statusCode, 201);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/areas/${orgHoodId}`, as: admin })).json().error.code, 'area_in_use');

  const spare = await api(p, { method: 'POST', url: '/api/v1/areas', as: admin, body: { kind: 'neighbourhood', parentId: tree.districtId, slug: `spare-${randomBytes(3).toString('hex')}`, name: 'Spare' } });
  const spareArea = spare.json().area;
  const deleted = await api(p, { method: 'DELETE', url: `/api/v1/areas/${spareArea.id}`, as: admin });
  assert.equal(deleted.statusCode, 204, deleted.body);
  assert.equal(deleted.body, '');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/areas/${spareArea.slug}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/areas/${spareArea.id}`, as: admin })).statusCode, 404, 'gone');

  const audit = await auditOf(`?resourceId=${spareArea.id}`, null);
  assert.deepEqual(audit.map((e) => e.action), ['area.deleted', 'area.created']);
});

test('GET /areas/:slug shows the parent, the children and what is counted in the subtree', async () => {
  const tree = await createAreaTree('count');
  for (let i = 0; i < 2; i++) await createUser(p, { verifiedIn: { areaSlug: tree.hood } });
  await createUser(p); // not verified: not counted

  const org = await api(p, { method: 'POST', url: '/api/v1/organizations', as: registered, body: { sector: 'market', kind: 'enterprise', name: 'Counted Bakery', areaId: tree.districtId } });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/organizations/${org.json().organization.slug}/verify`, as: admin, body: {} })).statusCode, 200);
  const pending = await api(p, { method: 'POST', url: '/api/v1/organizations', as: registered, body: { sector: 'society', kind: 'ngo', name: 'Uncounted Pending Club', areaId: tree.hoodId } });
  assert.equal(pending.statusCode, 201);
  const dept = await api(p, { method: 'POST', url: '/api/v1/organizations', as: admin, body: { sector: 'government', kind: 'department', name: 'Local Works Office', areaId: tree.hoodId } });
  assert.equal(dept.statusCode, 201);

  // Government bodies without an area serve every area; count the ones that exist in this database.
  const departmentsEverywhere = (await api(p, { method: 'GET', url: '/api/v1/organizations?sector=government&limit=200', as: admin })).json().organizations
    .filter((o: { areaId: string | null }) => o.areaId === null).length;

  const city = (await api(p, { method: 'GET', url: `/api/v1/areas/${tree.city}` })).json();
  assert.equal(city.parent, null);
  assert.deepEqual(city.children.map((c: { id: string }) => c.id), [tree.districtId]);
  assert.deepEqual(city.counts, { verifiedResidents: 2, organizations: 1, departments: departmentsEverywhere + 1 });

  const district = (await api(p, { method: 'GET', url: `/api/v1/areas/${tree.district}` })).json();
  assert.equal(district.parent.id, tree.cityId);
  assert.deepEqual(district.counts, { verifiedResidents: 2, organizations: 1, departments: departmentsEverywhere + 1 });

  const hood = (await api(p, { method: 'GET', url: `/api/v1/areas/${tree.hood}` })).json();
  assert.equal(hood.parent.id, tree.districtId);
  assert.deepEqual(hood.children, []);
  assert.deepEqual(hood.counts, { verifiedResidents: 2, organizations: 0, departments: departmentsEverywhere + 1 }, 'the pending club is not counted, the district\'s bakery is above');

  const missing = await api(p, { method: 'GET', url: '/api/v1/areas/no-such-area' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'not_found');
});

test(
  'a blocked administrator does not count as the remaining administrator',
  async () => {
    const rogue = await createUser(p, { roles: ['administrator'], displayName: 'Rogue Admin' });
    assert.equal((await api(p, { method: 'POST', url: `/api/v1/admin/users/${rogue.id}/block`, as: admin, body: { reason: 'Compromised account' } })).statusCode, 204);
    const res = await api(p, { method: 'PUT', url: `/api/v1/admin/users/${admin.id}/roles`, as: admin, body: { roles: [] } });
    try {
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'last_administrator');
    } finally {
      if (res.statusCode === 200) orFail(await setUserRoles(p.deps, systemActor('test'), { userId: admin.id, roles: ['administrator'] }));
    }
  },
);
