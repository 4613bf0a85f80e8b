import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { notify, notifyFollowers, type NotificationInput } from './notify.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await p.close();
});

async function send(userIds: string[], input: Partial<NotificationInput> = {}) {
  await p.deps.db.transaction().execute((trx) =>
    notify(trx, userIds, { kind: 'proposal.answered', resourceType: 'proposal', resourceId: 'p-1', title: 'A safer crossing', path: '/processes/x/proposals/p-1', ...input }, p.clock.now()),
  );
}

async function list(user: TestUser, query = '', lang: 'en' | 'zh-CN' = 'en') {
  const res = await api(p, { method: 'GET', url: `/api/v1/notifications${query}`, as: user, lang });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ notifications: any[]; nextBefore: number | null }>();
}

async function unread(user: TestUser) {
  const res = await api(p, { method: 'GET', url: '/api/v1/notifications/unread-count', as: user });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ count: number }>().count;
}

test('following is idempotent, counted exactly, and undone the same way', async () => {
  const org = await createOrganization(p);
  const [ana, ben] = [await createUser(p), await createUser(p)];
  const url = `/api/v1/follows/organization/${org.id}`;

  for (let i = 0; i < 2; i++) {
    const res = await api(p, { method: 'PUT', url, as: ana });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { following: true, followers: 1 });
  }
  assert.deepEqual((await api(p, { method: 'PUT', url, as: ben })).json(), { following: true, followers: 2 });
  assert.deepEqual((await api(p, { method: 'GET', url, as: ana })).json(), { following: true, followers: 2 });
  assert.deepEqual((await api(p, { method: 'GET', url })).json(), { following: false, followers: 2 }, 'visitors see the count');

  const mine = await api(p, { method: 'GET', url: '/api/v1/follows', as: ana });
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.json().total, 1);
  assert.equal(mine.json().follows[0].resourceType, 'organization');
  assert.equal(mine.json().follows[0].path, `/organizations/${org.slug}`);
  assert.equal(mine.json().follows[0].available, true);

  for (let i = 0; i < 2; i++) {
    const res = await api(p, { method: 'DELETE', url, as: ana });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { following: false, followers: 1 });
  }
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/follows', as: ana })).json().total, 0);
});

test('concurrent follows of one person count once', async () => {
  const org = await createOrganization(p);
  const ana = await createUser(p);
  const url = `/api/v1/follows/organization/${org.id}`;
  const results = await Promise.all(Array.from({ length: 8 }, () => api(p, { method: 'PUT', url, as: ana })));
  for (const res of results) assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual((await api(p, { method: 'GET', url, as: ana })).json(), { following: true, followers: 1 });
});

test('what the caller may not see cannot be followed: 404, as for unknown types; bad parameters are 400', async () => {
  const pending = await createOrganization(p, { verified: false });
  const ana = await createUser(p);
  for (const url of [
    `/api/v1/follows/organization/${pending.id}`,
    '/api/v1/follows/organization/not-a-uuid',
    '/api/v1/follows/organization/00000000-0000-4000-8000-000000000000',
    '/api/v1/follows/no_such_type/123',
  ]) {
    const put = await api(p, { method: 'PUT', url, as: ana });
    assert.equal(put.statusCode, 404, `${url}: ${put.body}`);
    assert.equal(put.json().error.code, 'not_found');
    assert.equal((await api(p, { method: 'GET', url, as: ana })).statusCode, 404);
  }
  // Even the pending organization's own representative: it is not public yet.
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/follows/organization/${pending.id}`, as: pending.rep })).statusCode, 404);
  const count = await p.deps.db.selectFrom('follows').select((eb) => eb.fn.countAll<number>().as('n')).where('resource_id', '=', pending.id).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0);

  const bad = await api(p, { method: 'PUT', url: '/api/v1/follows/Bad%20Type/1', as: ana });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'resourceType');

  const visitor = await api(p, { method: 'PUT', url: `/api/v1/follows/organization/${pending.id}` });
  assert.equal(visitor.statusCode, 401);
  assert.equal((await api(p, { method: 'DELETE', url: '/api/v1/follows/no_such_type/1', as: ana })).statusCode, 404);
});

test('notify: the list, the unread count, marking some and all as read', async () => {
  const ana = await createUser(p);
  await send([ana.id], { title: 'First' });
  p.clock.advance(1000);
  await send([ana.id], { title: 'Second' });
  p.clock.advance(1000);
  await send([ana.id], { title: 'Third' });

  assert.equal(await unread(ana), 3);
  const page = await list(ana, '?limit=2');
  assert.deepEqual(page.notifications.map((n) => n.title), ['Third', 'Second']);
  assert.equal(page.notifications[0].message, 'The department has answered the proposal "Third".');
  assert.equal(page.notifications[0].path, '/processes/x/proposals/p-1');
  assert.equal(page.notifications[0].readAt, null);
  assert.ok(page.nextBefore);
  const rest = await list(ana, `?limit=2&before=${page.nextBefore}`);
  assert.deepEqual(rest.notifications.map((n) => n.title), ['First']);
  assert.equal(rest.nextBefore, null);

  const mark = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ana, body: { ids: [page.notifications[0].id] } });
  assert.equal(mark.statusCode, 200, mark.body);
  assert.deepEqual(mark.json(), { marked: 1, unread: 2 });
  assert.deepEqual((await list(ana, '?unread=true')).notifications.map((n) => n.title), ['Second', 'First']);
  const again = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ana, body: { ids: [page.notifications[0].id] } });
  assert.deepEqual(again.json(), { marked: 0, unread: 2 }, 'marking twice changes nothing');

  const all = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ana, body: { all: true } });
  assert.deepEqual(all.json(), { marked: 2, unread: 0 });
  assert.equal(await unread(ana), 0);
  assert.equal((await list(ana)).notifications.every((n) => n.readAt !== null), true);
});

test('the list is ordered by time, also when a notification was recorded with an earlier time', async () => {
  const ana = await createUser(p);
  const now = p.clock.now();
  await send([ana.id], { title: 'Now' });
  await p.deps.db.transaction().execute((trx) =>
    notify(trx, [ana.id], { kind: 'x', resourceType: 'proposal', resourceId: 'p', title: 'Yesterday', path: '/p' }, new Date(now.getTime() - 86_400_000)),
  );
  p.clock.advance(1000);
  await send([ana.id], { title: 'Later' });
  assert.deepEqual((await list(ana)).notifications.map((n) => n.title), ['Later', 'Now', 'Yesterday']);
  const first = await list(ana, '?limit=1');
  const second = await list(ana, `?limit=1&before=${first.nextBefore}`);
  const third = await list(ana, `?limit=1&before=${second.nextBefore}`);
  assert.deepEqual([first, second, third].map((page) => page.notifications[0].title), ['Later', 'Now', 'Yesterday']);
  assert.equal(third.nextBefore, null);
  const ben = await createUser(p);
  assert.equal((await list(ben, `?before=${first.nextBefore}`)).notifications.length, 0, 'another person\'s cursor shows nothing');
});

test('messages are localized in the reader\'s language; unknown kinds fall back to a generic sentence', async () => {
  const ana = await createUser(p);
  await send([ana.id], { kind: 'organization.verified', title: 'Green Lake Society' });
  await send([ana.id], { kind: 'something.new', title: 'Market square', data: { titleZh: '集市广场' } });

  const en = (await list(ana)).notifications.map((n) => n.message);
  assert.deepEqual(en, ['There is news about "Market square".', 'Your organization "Green Lake Society" has been verified.']);
  const zh = (await list(ana, '', 'zh-CN')).notifications;
  assert.deepEqual(zh.map((n) => n.message), ['「集市广场」有新动态。', '您的组织「Green Lake Society」已通过核验。']);
  assert.equal(zh[0].title, '集市广场', 'a Chinese title stored with the notification is used for Chinese readers');
});

test('notifyFollowers reaches every follower except the person who acted', async () => {
  const org = await createOrganization(p);
  const [ana, ben, cat] = [await createUser(p), await createUser(p), await createUser(p)];
  for (const u of [ana, ben, cat]) assert.equal((await api(p, { method: 'PUT', url: `/api/v1/follows/organization/${org.id}`, as: u })).statusCode, 200);
  const count = await p.deps.db.transaction().execute((trx) =>
    notifyFollowers(trx, { kind: 'organization.news', resourceType: 'organization', resourceId: org.id, title: 'Green Lake', path: `/organizations/${org.slug}` }, p.clock.now(), ben.id),
  );
  assert.equal(count, 2);
  assert.equal(await unread(ana), 1);
  assert.equal(await unread(ben), 0);
  assert.equal(await unread(cat), 1);
});

test('nobody reads or marks another person’s notifications', async () => {
  const [ana, ben] = [await createUser(p), await createUser(p)];
  await send([ana.id], { title: 'For Ana only' });
  const anas = (await list(ana)).notifications;
  assert.equal(anas.length, 1);
  assert.equal((await list(ben)).notifications.length, 0);

  const mark = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ben, body: { ids: [anas[0].id] } });
  assert.equal(mark.statusCode, 200);
  assert.deepEqual(mark.json(), { marked: 0, unread: 0 });
  const markAll = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ben, body: { all: true } });
  assert.equal(markAll.json().marked, 0);
  assert.equal(await unread(ana), 1, 'still unread for Ana');

  for (const [method, url, body] of [
    ['GET', '/api/v1/notifications', undefined],
    ['GET', '/api/v1/notifications/unread-count', undefined],
    ['POST', '/api/v1/notifications/read', { all: true }],
    ['GET', '/api/v1/follows', undefined],
  ] as const) {
    const res = await api(p, { method, url, body });
    assert.equal(res.statusCode, 401, `${method} ${url}`);
    assert.equal(res.json().error.code, 'not_authenticated');
  }
});

test('a clerk assisting a resident sees their own notifications, never the resident’s', async () => {
  const resident = await createUser(p);
  const { createDepartment } = await import('../../../test/helpers/factories.js');
  const dept = await createDepartment(p, 'Service Desk');
  const clerk = dept.official;
  await p.deps.db.insertInto('user_roles').values({ user_id: clerk.id, role: 'clerk', granted_by: null }).execute();
  await send([resident.id], { title: 'Private to the resident' });
  const start = await api(p, { method: 'POST', url: '/api/v1/assist', as: clerk, body: { email: resident.email } });
  assert.equal(start.statusCode, 200, start.body);
  assert.equal((await list(clerk)).notifications.length, 0);
  assert.equal(await unread(clerk), 0);
});

test('bad input is a 400 with field errors, never a partial write', async () => {
  const ana = await createUser(p);
  await send([ana.id]);
  for (const body of [{}, { ids: [] }, { ids: [1], all: true }, { all: false }, { ids: ['x'] }, { ids: [1], extra: 1 }]) {
    const res = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ana, body });
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.equal(res.json().error.code, 'validation_failed');
    assert.ok(res.json().error.fields.length > 0);
  }
  const neither = await api(p, { method: 'POST', url: '/api/v1/notifications/read', as: ana, body: {}, lang: 'zh-CN' });
  assert.deepEqual(neither.json().error.fields.map((f: any) => [f.path, f.code]), [['ids', 'validation.ids_or_all']]);
  assert.match(neither.json().error.fields[0].message, /all: true/);
  for (const query of ['?limit=0', '?limit=1000', '?before=abc', '?unread=maybe']) {
    const res = await api(p, { method: 'GET', url: `/api/v1/notifications${query}`, as: ana });
    assert.equal(res.statusCode, 400, query);
  }
  assert.equal(await unread(ana), 1);
});

test('the e-mail preference is set on the profile and shown in the session', async () => {
  const ana = await createUser(p);
  const session = await api(p, { method: 'GET', url: '/api/v1/session', as: ana });
  assert.equal(session.json().user.emailNotifications, 'immediate');
  const res = await api(p, { method: 'PATCH', url: '/api/v1/me', as: ana, body: { emailNotifications: 'daily' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().user.emailNotifications, 'daily');
  const bad = await api(p, { method: 'PATCH', url: '/api/v1/me', as: ana, body: { emailNotifications: 'hourly' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'emailNotifications');
  const row = await p.deps.db.selectFrom('users').select('email_notifications').where('id', '=', ana.id).executeTakeFirstOrThrow();
  assert.equal(row.email_notifications, 'daily');
});

test('the OpenAPI document lists every follows and notifications route', async () => {
  const doc = (await api(p, { method: 'GET', url: '/api/v1/openapi.json' })).json();
  const paths = doc.paths as Record<string, Record<string, unknown>>;
  assert.ok(paths['/api/v1/notifications']?.get);
  assert.ok(paths['/api/v1/notifications/unread-count']?.get);
  assert.ok(paths['/api/v1/notifications/read']?.post);
  assert.ok(paths['/api/v1/follows']?.get);
  const one = paths['/api/v1/follows/{resourceType}/{resourceId}'];
  assert.ok(one?.get && one.put && one.delete);
});
