import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { createTestResource } from '../../../test/helpers/test-resource.js';
import { writeSetting } from '../settings.js';

const testResource = createTestResource();
let p: TestPlatform;
let author: TestUser;
let moderator: TestUser;
let administrator: TestUser;
let reporters: TestUser[];

before(async () => {
  p = await createTestPlatform({}, { extraModules: [testResource.module] });
  author = await createUser(p, { displayName: 'Author' });
  moderator = await createUser(p, { roles: ['moderator'], displayName: 'Mo Derator' });
  administrator = await createUser(p, { roles: ['administrator'], displayName: 'Admin' });
  reporters = [];
  for (let i = 0; i < 6; i++) reporters.push(await createUser(p, { displayName: `Reporter ${i}` }));
});
after(async () => {
  await p?.close();
});

async function newComment(as: TestUser = author, body = 'Something rude about the neighbours') {
  const item = testResource.add({ title: 'Park renovation' });
  const res = await api(p, { method: 'POST', url: '/api/v1/comments', as, body: { resourceType: 'test_item', resourceId: item.id, body } });
  assert.equal(res.statusCode, 201, res.body);
  return { item, id: res.json().id as string };
}

async function report(as: TestUser, resourceId: string, reason = 'offensive', extra: Record<string, unknown> = {}) {
  return api(p, { method: 'POST', url: '/api/v1/reports', as, body: { resourceType: 'comment', resourceId, reason, ...extra } });
}

async function listed(itemId: string, as: TestUser | null) {
  const res = await api(p, { method: 'GET', url: `/api/v1/comments?resourceType=test_item&resourceId=${itemId}`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().comments[0];
}

async function queue(status = 'pending', as: TestUser = moderator) {
  const res = await api(p, { method: 'GET', url: `/api/v1/moderation?status=${status}&limit=100`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function audit(resourceId: string) {
  return p.deps.db.selectFrom('audit_log').selectAll().where('resource_id', '=', resourceId).orderBy('seq').execute();
}

async function notices(user: TestUser, kind: string) {
  return p.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', user.id).where('kind', '=', kind).orderBy('id').execute();
}

test('content is hidden after 3 reports from distinct people, not before; one report per person; each step audited', async () => {
  const { item, id } = await newComment();
  assert.equal((await report(reporters[0]!, id, 'offensive', { details: 'Insults a neighbour by name' })).statusCode, 201);
  const again = await report(reporters[0]!, id, 'spam');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'already_reported');
  const own = await report(author, id);
  assert.equal(own.statusCode, 409);
  assert.equal(own.json().error.code, 'cannot_report_own');
  assert.equal((await report(reporters[1]!, id, 'spam')).statusCode, 201);
  assert.equal((await listed(item.id, null)).state, 'visible', 'two reports do not hide it');
  assert.equal((await listed(item.id, reporters[0]!)).abilities.report, false, 'a reporter cannot report twice');
  assert.equal((await listed(item.id, reporters[2]!)).abilities.report, true);

  assert.equal((await report(reporters[2]!, id, 'offensive')).statusCode, 201);
  const forVisitor = await listed(item.id, null);
  assert.equal(forVisitor.state, 'hidden');
  assert.equal(forVisitor.body, null);
  assert.equal(forVisitor.author, null);
  for (const viewer of [author, moderator, administrator]) {
    const seen = await listed(item.id, viewer);
    assert.equal(seen.state, 'hidden');
    assert.equal(seen.body, 'Something rude about the neighbours', 'moderators and the author read hidden text');
  }
  assert.equal((await report(reporters[3]!, id)).statusCode, 404, 'hidden content is not visible to others, so not reportable');

  const rows = await audit(id);
  const steps = rows.map((r) => [r.action, r.public, r.actor_role]);
  assert.deepEqual(steps.slice(1), [
    ['moderation.reported', false, 'registered'],
    ['moderation.reported', false, 'registered'],
    ['moderation.reported', false, 'registered'],
    ['moderation.auto_hidden', true, 'system'],
  ]);
  const autoHidden = rows.at(-1)!;
  assert.equal(autoHidden.actor_id, null, 'the public row does not name a reporter');
  assert.deepEqual(autoHidden.data, { reports: 3, threshold: 3 });
  const publicLog = await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` });
  assert.deepEqual(publicLog.json().entries.map((e: any) => e.action), ['moderation.auto_hidden', 'comment.created']);

  const told = await notices(author, 'moderation.auto_hidden');
  assert.equal(told.length, 1);
  assert.equal(told[0]!.path, `/test-items/${item.id}#comment-${id}`);

  const pending = await queue();
  const entry = pending.items.find((i: any) => i.resourceId === id);
  assert.ok(entry, 'the hidden comment waits in the queue');
  assert.equal(entry.state, 'hidden');
  assert.equal(entry.hiddenAutomatically, true);
  assert.equal(entry.openReports, 3);
  assert.deepEqual(entry.reasons, { spam: 1, offensive: 2, off_topic: 0, personal_data: 0, other: 0 });
  assert.deepEqual(entry.details.map((d: any) => d.details), ['Insults a neighbour by name']);
  assert.equal(entry.title, 'Something rude about the neighbours');
  assert.equal(entry.path, `/test-items/${item.id}#comment-${id}`);
  assert.deepEqual(entry.authors.map((a: any) => a.displayName), ['Author']);
  assert.deepEqual(entry.abilities, { hide: true, restore: true, blockAuthor: true });
  assert.ok(!JSON.stringify(entry).includes(reporters[0]!.id), 'reporters are never named in the queue');
});

test('a moderator restores hidden content: reports resolved, the author told with the reason, the decision in the public log', async () => {
  const { item, id } = await newComment();
  for (const r of reporters.slice(0, 3)) assert.equal((await report(r, id)).statusCode, 201);
  assert.equal((await listed(item.id, null)).state, 'hidden');

  const decided = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${id}/decision`, as: moderator, body: { decision: 'restore', reason: 'Robust, but not offensive' } });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.deepEqual(decided.json(), { state: 'visible', resolvedReports: 3 });
  assert.equal((await listed(item.id, null)).state, 'visible');
  assert.equal((await listed(item.id, null)).body, 'Something rude about the neighbours');

  const again = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${id}/decision`, as: moderator, body: { decision: 'restore', reason: 'Once more' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'moderation_no_change');

  const restored = await notices(author, 'moderation.restored');
  assert.equal(restored.length, 1);
  assert.deepEqual(restored[0]!.data, { reason: 'Robust, but not offensive' });
  const row = (await audit(id)).at(-1)!;
  assert.equal(row.action, 'moderation.restored');
  assert.equal(row.public, true);
  assert.equal(row.actor_role, 'moderator');
  assert.deepEqual(row.data, { reason: 'Robust, but not offensive', reports: 3, wasHidden: true });
  const publicLog = await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` });
  const entry = publicLog.json().entries[0];
  assert.equal(entry.action, 'moderation.restored');
  assert.equal(entry.actor.displayName, 'Mo Derator', 'moderators act under their name');

  assert.ok(!(await queue()).items.some((i: any) => i.resourceId === id), 'no longer pending');
  assert.ok((await queue('restored')).items.some((i: any) => i.resourceId === id));
  const open = await p.deps.db.selectFrom('reports').select('resolution').where('resource_id', '=', id).execute();
  assert.deepEqual(open.map((r) => r.resolution), ['restore', 'restore', 'restore']);

  // Reports after the review count afresh, at the threshold configured now.
  const settings = await api(p, { method: 'PUT', url: '/api/v1/moderation/settings', as: administrator, body: { threshold: 2, commentEditMinutes: 15 } });
  assert.equal(settings.statusCode, 200, settings.body);
  assert.equal((await report(reporters[3]!, id)).statusCode, 201);
  assert.equal((await listed(item.id, null)).state, 'visible');
  assert.equal((await report(reporters[4]!, id)).statusCode, 201);
  assert.equal((await listed(item.id, null)).state, 'hidden');
  await writeSetting(p.deps.db, 'moderation_threshold', 3);
});

test('a moderator hides reported content and blocks its author; only administrators block staff', async () => {
  const { item, id } = await newComment();
  assert.equal((await report(reporters[0]!, id, 'personal_data')).statusCode, 201);
  const hide = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${id}/decision`, as: moderator, body: { decision: 'hide', reason: 'It publishes a phone number' } });
  assert.equal(hide.statusCode, 200, hide.body);
  assert.equal((await listed(item.id, reporters[1]!)).state, 'hidden');
  const hidden = await notices(author, 'moderation.hidden');
  assert.equal(hidden.at(-1)!.data.reason, 'It publishes a phone number');
  assert.equal((await audit(id)).at(-1)!.action, 'moderation.hidden');
  assert.ok((await queue('hidden')).items.some((i: any) => i.resourceId === id && i.hiddenAutomatically === false));

  // A moderator may also hide content nobody reported.
  const { item: quiet, id: unreported } = await newComment(reporters[5]!, 'Buy cheap watches here');
  const spam = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${unreported}/decision`, as: moderator, body: { decision: 'hide', reason: 'Advertising' } });
  assert.equal(spam.statusCode, 200, spam.body);
  assert.equal((await listed(quiet.id, null)).state, 'hidden');

  const spammer = await createUser(p, { displayName: 'Spammer' });
  const { id: spamComment } = await newComment(spammer, 'Visit my shop');
  const block = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${spamComment}/block-author`, as: moderator, body: { reason: 'Repeated advertising' } });
  assert.equal(block.statusCode, 200, block.body);
  assert.deepEqual(block.json(), { blocked: 1 });
  const user = await p.deps.db.selectFrom('users').select(['blocked_at', 'blocked_reason']).where('id', '=', spammer.id).executeTakeFirstOrThrow();
  assert.ok(user.blocked_at);
  assert.equal(user.blocked_reason, 'Repeated advertising');
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/session', as: spammer })).json().user, null, 'their sessions ended');
  const blockRows = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'data', 'resource_id']).where('action', 'in', ['user.blocked', 'moderation.author_blocked']).orderBy('seq', 'desc').limit(2).execute();
  assert.deepEqual(blockRows.map((r) => [r.action, r.public]), [['moderation.author_blocked', true], ['user.blocked', false]]);
  assert.deepEqual(blockRows[0]!.data, { reason: 'Repeated advertising', accounts: 1 });

  const { id: staffComment } = await newComment(administrator, 'An administrator speaking');
  const refused = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${staffComment}/block-author`, as: moderator, body: { reason: 'Testing the limits' } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'forbidden');
  const self = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${staffComment}/block-author`, as: administrator, body: { reason: 'Blocking myself' } });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.code, 'cannot_act_for_self');
  const otherModerator = await createUser(p, { roles: ['moderator'] });
  const { id: moderatorComment } = await newComment(otherModerator, 'A moderator speaking');
  const byAdmin = await api(p, { method: 'POST', url: `/api/v1/moderation/comment/${moderatorComment}/block-author`, as: administrator, body: { reason: 'Abuse of the role' } });
  assert.equal(byAdmin.statusCode, 200, byAdmin.body);
});

test('concurrent reports hide the content exactly once', async () => {
  const { item, id } = await newComment();
  const many = [...reporters];
  for (let i = 0; i < 6; i++) many.push(await createUser(p));
  const results = await Promise.all(many.map((r) => report(r, id)));
  const codes = results.map((r) => r.statusCode);
  assert.ok(codes.every((c) => c === 201 || c === 404), JSON.stringify(codes));
  assert.ok(codes.filter((c) => c === 201).length >= 3);
  assert.equal((await listed(item.id, null)).state, 'hidden');
  const hides = (await audit(id)).filter((r) => r.action === 'moderation.auto_hidden');
  assert.equal(hides.length, 1);
  const item2 = await p.deps.db.selectFrom('moderation_items').selectAll().where('resource_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(item2.open_reports, codes.filter((c) => c === 201).length);
  assert.equal((await notices(author, 'moderation.auto_hidden')).filter((n) => n.resource_id === id).length, 1);
});

test('any resource type with setHidden can be reported and moderated; others cannot', async () => {
  const item = testResource.add({ title: 'A debate', authorIds: [author.id] });
  for (const r of reporters.slice(0, 3)) {
    const res = await api(p, { method: 'POST', url: '/api/v1/reports', as: r, body: { resourceType: 'test_item', resourceId: item.id, reason: 'off_topic' } });
    assert.equal(res.statusCode, 201, res.body);
  }
  assert.ok(item.hiddenAt, 'the adapter hid it');
  const restore = await api(p, { method: 'POST', url: `/api/v1/moderation/test_item/${item.id}/decision`, as: administrator, body: { decision: 'restore', reason: 'On topic after all' } });
  assert.equal(restore.statusCode, 200, restore.body);
  assert.equal(item.hiddenAt, null);

  const org = await api(p, { method: 'POST', url: '/api/v1/reports', as: reporters[0], body: { resourceType: 'organization', resourceId: item.id, reason: 'spam' } });
  assert.equal(org.statusCode, 400);
  assert.equal(org.json().error.code, 'not_moderatable');
  const unknown = await api(p, { method: 'POST', url: '/api/v1/reports', as: reporters[0], body: { resourceType: 'nothing_here', resourceId: 'x', reason: 'spam' } });
  assert.equal(unknown.json().error.code, 'unknown_resource_type');
  const bad = await api(p, { method: 'POST', url: '/api/v1/reports', as: reporters[0], body: { resourceType: 'test_item', resourceId: item.id, reason: 'boring', details: 'x'.repeat(1001) } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: any) => f.path).sort(), ['details', 'reason']);
  const missing = await api(p, { method: 'POST', url: `/api/v1/moderation/test_item/${item.id}/decision`, as: moderator, body: { decision: 'hide' } });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.fields[0].path, 'reason');
  const gone = await api(p, { method: 'POST', url: '/api/v1/moderation/test_item/no-such-item/decision', as: moderator, body: { decision: 'hide', reason: 'Does not exist' } });
  assert.equal(gone.statusCode, 404);
});

test('non-moderators are refused on every moderation route', async () => {
  const { id } = await newComment();
  const resident = await createUser(p, { displayName: 'Plain resident' });
  const routes: { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown; adminOnly?: boolean }[] = [
    { method: 'GET', url: '/api/v1/moderation' },
    { method: 'POST', url: `/api/v1/moderation/comment/${id}/decision`, body: { decision: 'hide', reason: 'Not allowed' } },
    { method: 'POST', url: `/api/v1/moderation/comment/${id}/block-author`, body: { reason: 'Not allowed' } },
    { method: 'GET', url: '/api/v1/moderation/settings' },
    { method: 'PUT', url: '/api/v1/moderation/settings', body: { threshold: 5, commentEditMinutes: 10 }, adminOnly: true },
  ];
  for (const route of routes) {
    const anonymous = await api(p, { method: route.method, url: route.url, body: route.body });
    assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url}`);
    const plain = await api(p, { method: route.method, url: route.url, as: resident, body: route.body });
    assert.equal(plain.statusCode, 403, `${route.method} ${route.url}`);
    assert.equal(plain.json().error.code, 'requires_role');
    if (route.adminOnly) {
      const mod = await api(p, { method: route.method, url: route.url, as: moderator, body: route.body });
      assert.equal(mod.statusCode, 403);
    }
  }
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/moderation/settings', as: moderator })).json().threshold, 3);
  assert.equal((await report(resident, id)).statusCode, 201, 'but anyone signed in may report');
  assert.equal((await api(p, { method: 'POST', url: '/api/v1/reports', body: { resourceType: 'comment', resourceId: id, reason: 'spam' } })).statusCode, 401);
});
