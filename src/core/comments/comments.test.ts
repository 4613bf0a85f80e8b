import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { createTestResource } from '../../../test/helpers/test-resource.js';
import { createSession, SESSION_COOKIE } from '../identity/sessions.js';
import { writeSetting } from '../settings.js';

const testResource = createTestResource();
let p: TestPlatform;
let ana: TestUser;
let ben: TestUser;
let cho: TestUser;

before(async () => {
  p = await createTestPlatform({}, { extraModules: [testResource.module] });
  [ana, ben, cho] = [await createUser(p, { displayName: 'Ana' }), await createUser(p, { displayName: 'Ben' }), await createUser(p, { displayName: 'Cho' })];
});
after(async () => {
  await p?.close();
});

async function comment(as: TestUser, body: Record<string, unknown>, status = 201) {
  const res = await api(p, { method: 'POST', url: '/api/v1/comments', as, body: { resourceType: 'test_item', body: 'A thoughtful comment', ...body } });
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}

async function thread(itemId: string, as?: TestUser | null, query = '') {
  const res = await api(p, { method: 'GET', url: `/api/v1/comments?resourceType=test_item&resourceId=${itemId}${query}`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function auditRows(resourceId: string) {
  return p.deps.db.selectFrom('audit_log').selectAll().where('resource_id', '=', resourceId).orderBy('seq').execute();
}

test('a comment is written, listed with its author and abilities, edited within the window, then refused after it', async () => {
  const item = testResource.add({ title: 'Repaint the library' });
  const { id } = await comment(ana, { resourceId: item.id, body: 'More benches, please' });

  const mine = await thread(item.id, ana);
  assert.equal(mine.resource.title, 'Repaint the library');
  assert.equal(mine.comments.length, 1);
  const c = mine.comments[0];
  assert.equal(c.id, id);
  assert.equal(c.body, 'More benches, please');
  assert.equal(c.author.displayName, 'Ana');
  assert.equal(c.own, true);
  assert.deepEqual(c.abilities, { edit: true, delete: true, vote: false, reply: true, report: false });
  assert.equal(mine.editWindowMinutes, 15);
  assert.equal(c.editableUntil, new Date(p.clock.now().getTime() + 15 * 60_000).toISOString());

  const others = await thread(item.id, ben);
  assert.deepEqual(others.comments[0].abilities, { edit: false, delete: false, vote: true, reply: true, report: true });
  const visitor = await thread(item.id, null);
  assert.deepEqual(visitor.comments[0].abilities, { edit: false, delete: false, vote: false, reply: false, report: false });
  assert.deepEqual(visitor.abilities, { comment: false, reason: 'not_authenticated' });

  p.clock.advance(14 * 60_000);
  const edited = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ana, body: { body: 'More benches and shade, please' } });
  assert.equal(edited.statusCode, 200, edited.body);
  const afterEdit = (await thread(item.id, ana)).comments[0];
  assert.equal(afterEdit.body, 'More benches and shade, please');
  assert.equal(afterEdit.editedAt, p.clock.now().toISOString());

  const byOther = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ben, body: { body: 'Hijacked' } });
  assert.equal(byOther.statusCode, 403);
  assert.equal(byOther.json().error.code, 'forbidden');

  p.clock.advance(60_000);
  const late = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ana, body: { body: 'Too late' } });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'comment_edit_window_closed');
  assert.match(late.json().error.message, /15 minutes/);
  assert.equal((await thread(item.id, ana)).comments[0].abilities.edit, false);

  // A configured window applies at once.
  await writeSetting(p.deps.db, 'comment_edit_minutes', 60);
  const longer = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ana, body: { body: 'Within the hour' } });
  assert.equal(longer.statusCode, 200, longer.body);
  await writeSetting(p.deps.db, 'comment_edit_minutes', 15);

  const deleted = await api(p, { method: 'DELETE', url: `/api/v1/comments/${id}`, as: ana });
  assert.equal(deleted.statusCode, 204);
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/comments/${id}`, as: ana })).statusCode, 409);
  assert.equal((await thread(item.id, ana)).comments.length, 0, 'a deleted comment without replies disappears');

  const rows = await auditRows(id);
  assert.deepEqual(rows.map((r) => [r.action, r.public]), [['comment.created', true], ['comment.edited', true], ['comment.edited', true], ['comment.deleted', true]]);
  for (const row of rows) {
    const text = JSON.stringify(row.data);
    assert.ok(!/bench|Hour|hour|late/i.test(text), `no comment text in the audit row: ${text}`);
  }
  assert.deepEqual(rows[0]!.data, { on: { type: 'test_item', id: item.id }, anchor: null, parentId: null });
});

test('threads stop at depth 3: a reply to a depth-3 comment is refused with thread_too_deep', async () => {
  const item = testResource.add();
  let parentId: string | null = null;
  const ids: string[] = [];
  for (let depth = 0; depth <= 3; depth++) {
    const { id } = await comment(depth % 2 ? ben : ana, { resourceId: item.id, parentId, body: `Level ${depth}` });
    ids.push(id);
    parentId = id;
  }
  const listed = await thread(item.id, cho);
  assert.deepEqual(listed.comments.map((c: any) => c.depth), [0, 1, 2, 3]);
  assert.deepEqual(listed.comments.map((c: any) => c.parentId), [null, ids[0], ids[1], ids[2]]);
  assert.deepEqual(listed.comments.map((c: any) => c.abilities.reply), [true, true, true, false]);
  assert.equal(listed.maxDepth, 3);
  const tooDeep = await comment(cho, { resourceId: item.id, parentId: ids[3] }, 409);
  assert.equal(tooDeep.error.code, 'thread_too_deep');

  const other = testResource.add();
  const wrong = await comment(cho, { resourceId: other.id, parentId: ids[0] }, 400);
  assert.equal(wrong.error.code, 'reply_parent_invalid');
  assert.equal(wrong.error.fields[0].path, 'parentId');
});

test('stance: required on top-level comments where the resource asks for it, optional on replies, refused elsewhere', async () => {
  const asks = testResource.add({ stance: true });
  const missing = await comment(ana, { resourceId: asks.id }, 400);
  assert.equal(missing.error.code, 'stance_required');
  assert.deepEqual(missing.error.fields.map((f: any) => f.path), ['stance']);
  const { id } = await comment(ana, { resourceId: asks.id, stance: 'against' });
  await comment(ben, { resourceId: asks.id, parentId: id });
  await comment(cho, { resourceId: asks.id, parentId: id, stance: 'in_favour' });
  const withStance = await thread(asks.id);
  assert.deepEqual(withStance.comments.map((c: any) => c.stance), ['against', null, 'in_favour']);
  assert.equal(withStance.resource.commenting.stance, true);

  const plain = testResource.add({ stance: false });
  const refused = await comment(ana, { resourceId: plain.id, stance: 'neutral' }, 400);
  assert.equal(refused.error.code, 'stance_not_accepted');
  const zh = await api(p, { method: 'POST', url: '/api/v1/comments', as: ana, lang: 'zh-CN', body: { resourceType: 'test_item', resourceId: plain.id, body: '你好', stance: 'neutral' } });
  assert.equal(zh.json().error.message, '此处的评论不需要表明支持或反对，请去掉立场后重试。');

  // Editing keeps the rules: a top-level comment cannot drop its stance.
  const drop = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ana, body: { body: 'Changed my mind', stance: null } });
  assert.equal(drop.statusCode, 400);
  assert.equal(drop.json().error.code, 'stance_required');
  const change = await api(p, { method: 'PATCH', url: `/api/v1/comments/${id}`, as: ana, body: { body: 'Changed my mind', stance: 'in_favour' } });
  assert.equal(change.statusCode, 200, change.body);
});

test('a deleted comment keeps its replies readable behind a placeholder, and takes no more replies or votes', async () => {
  const item = testResource.add();
  const { id: parent } = await comment(ana, { resourceId: item.id, body: 'Original point' });
  const { id: reply } = await comment(ben, { resourceId: item.id, parentId: parent, body: 'A reply that stays' });
  assert.equal((await api(p, { method: 'DELETE', url: `/api/v1/comments/${parent}`, as: ana })).statusCode, 204);

  for (const viewer of [null, ana, ben]) {
    const listed = await thread(item.id, viewer);
    assert.equal(listed.comments.length, 2);
    const [placeholder, kept] = listed.comments;
    assert.equal(placeholder.state, 'deleted');
    assert.equal(placeholder.body, null);
    assert.equal(placeholder.author, null);
    assert.deepEqual(placeholder.abilities, { edit: false, delete: false, vote: false, reply: false, report: false });
    assert.equal(kept.id, reply);
    assert.equal(kept.body, 'A reply that stays');
    assert.equal(kept.parentId, parent);
  }
  assert.equal((await comment(cho, { resourceId: item.id, parentId: parent }, 409)).error.code, 'comment_deleted');
  const vote = await api(p, { method: 'PUT', url: `/api/v1/comments/${parent}/vote`, as: cho, body: { value: 1 } });
  assert.equal(vote.statusCode, 409);
  assert.equal(vote.json().error.code, 'comment_deleted');
  assert.equal((await thread(item.id)).summary.total, 1, 'deleted comments do not count');
});

/** Many accounts with sessions, written directly (no password hashing) for the concurrency test. */
async function voters(n: number): Promise<TestUser[]> {
  const rows = await p.deps.db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ email: `voter-${i}-${Date.now()}@example.test`, display_name: `Voter ${i}`, password_hash: 'x', locale: 'en' })))
    .returning('id')
    .execute();
  const out: TestUser[] = [];
  for (const row of rows) {
    const s = await createSession(p.deps.db, row.id, p.clock.now(), 24);
    out.push({ id: row.id, email: '', password: '', cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken });
  }
  return out;
}

test('votes: 200 people voting at once are counted exactly; one vote per person, changeable and removable', async () => {
  const item = testResource.add();
  const { id } = await comment(ana, { resourceId: item.id });
  const people = await voters(200);
  const results = await Promise.all(
    people.map((voter, i) => api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: voter, body: { value: i < 150 ? 1 : -1 } })),
  );
  assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [200]);
  let listed = (await thread(item.id)).comments[0];
  assert.equal(listed.upvotes, 150);
  assert.equal(listed.downvotes, 50);

  // The same people again, all at once: nothing changes.
  await Promise.all(people.map((voter, i) => api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: voter, body: { value: i < 150 ? 1 : -1 } })));
  listed = (await thread(item.id)).comments[0];
  assert.deepEqual([listed.upvotes, listed.downvotes], [150, 50]);

  const change = await api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: people[0], body: { value: -1 } });
  assert.deepEqual(change.json(), { upvotes: 149, downvotes: 51, myVote: -1 });
  const remove = await api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: people[0], body: { value: 0 } });
  assert.deepEqual(remove.json(), { upvotes: 149, downvotes: 50, myVote: 0 });
  assert.equal((await thread(item.id, people[1])).comments[0].myVote, 1);

  const own = await api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: ana, body: { value: 1 } });
  assert.equal(own.statusCode, 409);
  assert.equal(own.json().error.code, 'cannot_vote_own_comment');
  const bad = await api(p, { method: 'PUT', url: `/api/v1/comments/${id}/vote`, as: ben, body: { value: 2 } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'value');
  const count = await p.deps.db.selectFrom('comment_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('comment_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 199);
});

test('the summary counts comments in favour, against and neutral, per resource and per anchor', async () => {
  const item = testResource.add({ stance: true });
  const clause1 = 'art-1';
  const clause2 = 'art-2';
  await comment(ana, { resourceId: item.id, anchor: clause1, stance: 'in_favour' });
  await comment(ben, { resourceId: item.id, anchor: clause1, stance: 'in_favour' });
  const { id: against } = await comment(cho, { resourceId: item.id, anchor: clause1, stance: 'against' });
  await comment(ana, { resourceId: item.id, anchor: clause2, stance: 'neutral' });
  await comment(ben, { resourceId: item.id, anchor: clause1, parentId: against });
  const { id: gone } = await comment(cho, { resourceId: item.id, stance: 'against' });
  await api(p, { method: 'DELETE', url: `/api/v1/comments/${gone}`, as: cho });

  assert.deepEqual((await thread(item.id)).summary, { total: 5, inFavour: 2, against: 1, neutral: 1 });
  const one = await thread(item.id, null, `&anchor=${clause1}`);
  assert.deepEqual(one.summary, { total: 4, inFavour: 2, against: 1, neutral: 0 });
  assert.equal(one.comments.length, 4);
  assert.ok(one.comments.every((c: any) => c.anchor === clause1));

  const summary = await api(p, { method: 'GET', url: `/api/v1/comments/summary?resourceType=test_item&resourceId=${item.id}` });
  assert.equal(summary.statusCode, 200, summary.body);
  assert.deepEqual(summary.json(), {
    summary: { total: 5, inFavour: 2, against: 1, neutral: 1 },
    anchors: [
      { anchor: clause1, summary: { total: 4, inFavour: 2, against: 1, neutral: 0 } },
      { anchor: clause2, summary: { total: 1, inFavour: 0, against: 0, neutral: 1 } },
    ],
  });
  // A reply takes its parent's anchor, and may not claim another.
  const wrongAnchor = await comment(ana, { resourceId: item.id, anchor: clause2, parentId: against }, 400);
  assert.equal(wrongAnchor.error.code, 'reply_parent_invalid');
});

test('sorting: oldest, newest and most voted first; replies stay under their comment, oldest first', async () => {
  const item = testResource.add();
  const { id: first } = await comment(ana, { resourceId: item.id, body: 'First' });
  p.clock.advance(1000);
  const { id: second } = await comment(ben, { resourceId: item.id, body: 'Second' });
  p.clock.advance(1000);
  const { id: third } = await comment(cho, { resourceId: item.id, body: 'Third' });
  p.clock.advance(1000);
  const { id: reply } = await comment(ana, { resourceId: item.id, parentId: first, body: 'Reply to first' });
  await api(p, { method: 'PUT', url: `/api/v1/comments/${second}/vote`, as: ana, body: { value: 1 } });
  await api(p, { method: 'PUT', url: `/api/v1/comments/${second}/vote`, as: cho, body: { value: 1 } });
  await api(p, { method: 'PUT', url: `/api/v1/comments/${third}/vote`, as: ana, body: { value: -1 } });

  const ids = async (order: string) => (await thread(item.id, null, `&order=${order}`)).comments.map((c: any) => c.id);
  assert.deepEqual(await ids('oldest'), [first, reply, second, third]);
  assert.deepEqual(await ids('newest'), [third, second, first, reply]);
  assert.deepEqual(await ids('most_voted'), [second, first, reply, third]);
  const page = await thread(item.id, null, '&order=oldest&limit=1&offset=1');
  assert.deepEqual(page.comments.map((c: any) => c.id), [second]);
  assert.equal(page.totalThreads, 3);
  const bad = await api(p, { method: 'GET', url: `/api/v1/comments?resourceType=test_item&resourceId=${item.id}&order=loudest` });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'order');
});

test('closed commenting gives 409; an invisible resource 404; an unknown type 400', async () => {
  const closed = testResource.add({ open: false });
  const refused = await comment(ana, { resourceId: closed.id }, 409);
  assert.equal(refused.error.code, 'commenting_closed');
  const listed = await thread(closed.id, ana);
  assert.deepEqual(listed.abilities, { comment: false, reason: 'commenting_closed' });

  const draft = testResource.add({ public: false, authorIds: [ana.id] });
  assert.equal((await comment(ben, { resourceId: draft.id }, 404)).error.code, 'not_found');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/comments?resourceType=test_item&resourceId=${draft.id}`, as: ben })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/comments/summary?resourceType=test_item&resourceId=${draft.id}` })).statusCode, 404);
  assert.equal((await thread(draft.id, ana)).comments.length, 0, 'its author sees it');

  const unknown = await api(p, { method: 'GET', url: '/api/v1/comments?resourceType=no_such_thing&resourceId=x' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.code, 'unknown_resource_type');
  assert.equal((await comment(ana, { resourceType: 'no_such_thing', resourceId: 'x' }, 400)).error.code, 'unknown_resource_type');
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/comments?resourceType=comment&resourceId=not-a-uuid' })).statusCode, 404);
});

test('bad input gives 400 with field errors and writes nothing', async () => {
  const item = testResource.add();
  const before = await p.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const cases: [Record<string, unknown>, string][] = [
    [{ resourceId: item.id, body: '' }, 'body'],
    [{ resourceId: item.id, body: 'x'.repeat(5001) }, 'body'],
    [{ resourceId: item.id, stance: 'maybe' }, 'stance'],
    [{ resourceId: item.id, parentId: 'nope' }, 'parentId'],
    [{ resourceId: item.id, extra: true }, 'extra'],
    [{ resourceId: item.id, organizationId: '00000000-0000-4000-8000-000000000001', postId: '00000000-0000-4000-8000-000000000002' }, 'postId'],
    [{ resourceId: '' }, 'resourceId'],
    [{ resourceId: item.id, resourceType: 'Bad Type' }, 'resourceType'],
  ];
  for (const [body, path] of cases) {
    const res = await comment(ana, body, 400);
    assert.equal(res.error.code, 'validation_failed', JSON.stringify(body));
    assert.ok(res.error.fields.some((f: any) => f.path === path), `${JSON.stringify(body)} → ${JSON.stringify(res.error.fields)}`);
  }
  const after = await p.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
  assert.equal((await api(p, { method: 'PATCH', url: '/api/v1/comments/00000000-0000-4000-8000-000000000000', as: ana, body: { body: 'Nothing there' } })).statusCode, 404);
});

test('speaking for an organization or as an official shows its name or the post and department', async () => {
  const item = testResource.add();
  const org = await createOrganization(p, { name: 'Lakeside Residents' });
  const dept = await createDepartment(p, 'Parks Department');
  await comment(org.rep, { resourceId: item.id, organizationId: org.id, body: 'We support this' });
  p.clock.advance(1000);
  await comment(dept.official, { resourceId: item.id, postId: dept.postId, body: 'We will look into it' });
  const listed = await thread(item.id, org.rep);
  assert.deepEqual(listed.comments[0].author.organization, { id: org.id, slug: org.slug, name: 'Lakeside Residents', nameZh: null });
  assert.equal(listed.comments[1].author.post.title, 'Director');
  assert.equal(listed.comments[1].author.post.department.name, 'Parks Department');
  assert.deepEqual(listed.speakAs.organizations.map((o: any) => o.id), [org.id]);
  const official = await thread(item.id, dept.official);
  assert.deepEqual(official.speakAs.posts.map((x: any) => x.id), [dept.postId]);

  const notRep = await comment(ben, { resourceId: item.id, organizationId: org.id }, 403);
  assert.equal(notRep.error.code, 'not_a_representative');
  const notOfficial = await comment(ben, { resourceId: item.id, postId: dept.postId }, 403);
  assert.equal(notOfficial.error.code, 'not_an_official');
  const pending = await createOrganization(p, { verified: false });
  assert.equal((await comment(pending.rep, { resourceId: item.id, organizationId: pending.id }, 409)).error.code, 'organization_not_verified');

  const audit = await p.deps.db.selectFrom('audit_log').select(['organization_id', 'post_id', 'actor_role']).where('action', '=', 'comment.created').orderBy('seq', 'desc').limit(2).execute();
  assert.deepEqual(audit.map((a) => [a.organization_id, a.post_id, a.actor_role]), [[null, dept.postId, 'official'], [org.id, null, 'representative']]);
});

test('authors follow what they comment on; followers hear of new comments, the replied-to author of the reply', async () => {
  const item = testResource.add({ title: 'New bus line' });
  const { id: first } = await comment(ana, { resourceId: item.id });
  const follows = await p.deps.db.selectFrom('follows').select('user_id').where('resource_type', '=', 'test_item').where('resource_id', '=', item.id).execute();
  assert.deepEqual(follows.map((f) => f.user_id), [ana.id]);

  await comment(ben, { resourceId: item.id, parentId: first });
  const kinds = async (user: TestUser) =>
    (await p.deps.db.selectFrom('notifications').select(['kind', 'title', 'path']).where('user_id', '=', user.id).where('resource_id', '=', item.id).orderBy('id').execute());
  const forAna = await kinds(ana);
  assert.deepEqual(forAna.map((n) => n.kind), ['comment.replied'], 'the parent author gets one notice, not two');
  assert.equal(forAna[0]!.title, 'New bus line');
  assert.match(forAna[0]!.path, new RegExp(`^/test-items/${item.id}#comment-`));

  await comment(cho, { resourceId: item.id });
  assert.deepEqual((await kinds(ana)).map((n) => n.kind), ['comment.replied', 'comment.created']);
  assert.deepEqual((await kinds(ben)).map((n) => n.kind), ['comment.created']);
  assert.deepEqual((await kinds(cho)).map((n) => n.kind), [], 'nobody is told of their own comment');
});
