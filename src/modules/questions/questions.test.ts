import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { answerVia, askVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let asker: TestUser;
let neighbour: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let otherDept: Awaited<ReturnType<typeof createDepartment>>;
let deputy: TestUser;
let deputyPostId: string;

before(async () => {
  p = await createTestPlatform();
  // Monday 2 March 2026, 17:00 in Shanghai.
  p.clock.set('2026-03-02T09:00:00Z');
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
  otherDept = await createDepartment(p, 'Transport Department');
  admin = await createUser(p, { roles: ['administrator'] });
  asker = await createUser(p, { displayName: 'Ann Asker' });
  neighbour = await createUser(p, { displayName: 'Ned Neighbour', verifiedIn: { areaSlug: areas.hoodSlug } });
  deputy = await createUser(p, { displayName: 'Dee Deputy' });
  deputyPostId = orFail(await createPost(p.deps, systemActor('test'), { organizationId: dept.id, title: 'Deputy Director', titleZh: '副局长', holderEmail: deputy.email })).id;
  const calendar = await api(p, {
    method: 'PUT',
    url: '/api/v1/calendar',
    as: admin,
    body: { timeZone: 'Asia/Shanghai', days: [{ date: '2026-03-04', kind: 'holiday', name: 'Test holiday' }, { date: '2026-03-05', kind: 'holiday', name: 'Test holiday' }] },
  });
  assert.equal(calendar.statusCode, 200, calendar.body);
});
after(async () => {
  await p?.close();
});

const detailOf = async (id: string, as?: TestUser | null, lang?: 'en' | 'zh-CN') => (await api(p, { method: 'GET', url: `/api/v1/questions/${id}`, as, lang })).json();

test('asking publishes at once, with the answer due after the default 15 working days skipping weekends and holidays', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const res = await api(p, {
    method: 'POST',
    url: '/api/v1/questions',
    as: asker,
    body: { departmentId: dept.id, postId: deputyPostId, title: 'When will the playground reopen?', body: 'The playground in Lake Park has been fenced off since January without any notice.', areaId: areas.hoodId, category: 'Parks' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { id, dueAt } = res.json();
  // Tue 3 (1), Wed 4 and Thu 5 are holidays, Fri 6 (2), then 13 more working days: Wed 25 March, end of day in Shanghai.
  assert.equal(dueAt, '2026-03-25T16:00:00.000Z');
  const detail = await detailOf(id, null);
  assert.equal(detail.question.state, 'published');
  assert.deepEqual(detail.question.deadline, { state: 'due', workingDays: 15, dueAt: '2026-03-25T16:00:00.000Z', answeredLate: null });
  assert.deepEqual(detail.question.post, { id: deputyPostId, title: 'Deputy Director', titleZh: '副局长' });
  assert.equal(detail.question.department.id, dept.id);
  assert.equal(detail.rules.workingDays, 15);
  assert.match(detail.rules.legalBasis, /15 working days/);
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['asked']);
  assert.equal(detail.timeline[0].department.id, dept.id);
  assert.deepEqual(detail.abilities, { cosign: false, uncosign: false, respond: false, rate: false, followUp: false });
  assert.equal(detail.cosignBlocked.code, 'not_authenticated');
  // The asker follows it; every official of the department is told.
  const follows = await p.deps.db.selectFrom('follows').select('user_id').where('resource_type', '=', 'question').where('resource_id', '=', id).execute();
  assert.deepEqual(follows.map((f) => f.user_id), [asker.id]);
  const told = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'question.asked').execute();
  assert.deepEqual(new Set(told.map((n) => n.user_id)), new Set([dept.official.id, deputy.id]));
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'actor_id']).where('resource_id', '=', id).execute();
  assert.deepEqual(audit, [{ action: 'question.asked', public: true, actor_id: asker.id }]);
  // Officials see the respond panel, with the grounds and the departments to transfer to.
  const official = await detailOf(id, dept.official);
  assert.equal(official.abilities.respond, true);
  assert.ok(official.declineGrounds.some((g: { code: string }) => g.code === 'personal_data'));
  assert.ok(official.transferTargets.some((d: { id: string }) => d.id === otherDept.id));
  assert.equal(official.transferTargets.some((d: { id: string }) => d.id === dept.id), false);
});

test('bad input is a 400 with field errors; organizations ask through their representatives', async () => {
  const bad = await api(p, { method: 'POST', url: '/api/v1/questions', as: asker, body: { departmentId: dept.id, title: 'Hi', body: 'short' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'validation_failed');
  assert.deepEqual(bad.json().error.fields.map((f: { path: string }) => f.path).sort(), ['body', 'title']);
  const extra = await api(p, { method: 'POST', url: '/api/v1/questions', as: asker, body: { departmentId: dept.id, title: 'A fine title', body: 'A body that is long enough to pass.', state: 'answered' } });
  assert.equal(extra.statusCode, 400);
  const unknown = await api(p, {
    method: 'POST',
    url: '/api/v1/questions',
    as: asker,
    lang: 'zh-CN',
    body: { departmentId: '00000000-0000-4000-8000-000000000000', postId: deputyPostId, title: 'A fine title', body: 'A body that is long enough to pass.' },
  });
  assert.equal(unknown.statusCode, 400);
  const fields = unknown.json().error.fields;
  assert.deepEqual(fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['departmentId', 'department_not_found'], ['postId', 'post_not_in_department']]);
  assert.equal(fields[0].message, '请从列表中选择本级政府的一个部门。');
  const wrongPost = await api(p, { method: 'POST', url: '/api/v1/questions', as: asker, body: { departmentId: otherDept.id, postId: deputyPostId, title: 'A fine title', body: 'A body that is long enough to pass.' } });
  assert.equal(wrongPost.statusCode, 400);
  assert.equal(wrongPost.json().error.fields[0].path, 'postId');
  // A society organization is not a department.
  const org = await createOrganization(p);
  const notDept = await api(p, { method: 'POST', url: '/api/v1/questions', as: asker, body: { departmentId: org.id, title: 'A fine title', body: 'A body that is long enough to pass.' } });
  assert.equal(notDept.statusCode, 400);
  // Only its representatives ask for an organization; then it shows as the asker.
  const notRep = await api(p, { method: 'POST', url: '/api/v1/questions', as: asker, body: { departmentId: dept.id, organizationId: org.id, title: 'A fine title', body: 'A body that is long enough to pass.' } });
  assert.equal(notRep.statusCode, 403);
  assert.equal(notRep.json().error.code, 'not_a_representative');
  const id = await askVia(p, org.rep, dept.id, { organizationId: org.id });
  const detail = await detailOf(id);
  assert.equal(detail.question.author.organization.id, org.id);
  const visitor = await api(p, { method: 'POST', url: '/api/v1/questions', body: { departmentId: dept.id, title: 'A fine title', body: 'A body that is long enough to pass.' } });
  assert.equal(visitor.statusCode, 401);
  const badId = await api(p, { method: 'GET', url: '/api/v1/questions/not-a-uuid' });
  assert.equal(badId.statusCode, 400);
  const missing = await api(p, { method: 'GET', url: '/api/v1/questions/00000000-0000-4000-8000-000000000000' });
  assert.equal(missing.statusCode, 404);
});

test('the list filters by department, state, area and category, and searches English and Chinese', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const lights = await askVia(p, neighbour, otherDept.id, { title: 'Street lights on Harbour Road', body: 'Half of the street lights on Harbour Road have been out for weeks.', areaId: areas.hoodId, category: 'Lighting' });
  const chinese = await askVia(p, neighbour, otherDept.id, { title: '公交车站何时加装雨棚？', body: '柳岸社区的公交车站没有雨棚，老人下雨天只能淋雨等车。', category: 'Buses' });
  const answered = await askVia(p, neighbour, otherDept.id, { title: 'Bus timetable in Chinese', body: 'Please publish the bus timetable in Chinese as well as English.' });
  await answerVia(p, otherDept.official, answered);
  const list = async (query: string) => (await api(p, { method: 'GET', url: `/api/v1/questions?${query}` })).json();
  const ofDept = await list(`departmentId=${otherDept.id}`);
  assert.equal(ofDept.total, 3);
  assert.deepEqual((await list(`departmentId=${otherDept.id}&state=answered`)).questions.map((x: { id: string }) => x.id), [answered]);
  assert.deepEqual((await list(`departmentId=${otherDept.id}&state=published&sort=due`)).questions.map((x: { id: string }) => x.id).sort(), [lights, chinese].sort());
  assert.deepEqual((await list(`areaId=${areas.districtId}`)).questions.map((x: { id: string }) => x.id).includes(lights), true, 'an area includes its neighbourhoods');
  assert.equal((await list(`areaId=${areas.districtId}`)).questions.some((x: { id: string }) => x.id === chinese), false);
  assert.deepEqual((await list('q=harbour')).questions.map((x: { id: string }) => x.id), [lights]);
  assert.deepEqual((await list(`q=${encodeURIComponent('雨棚')}`)).questions.map((x: { id: string }) => x.id), [chinese]);
  assert.deepEqual((await list('category=Buses')).questions.map((x: { id: string }) => x.id), [chinese]);
  assert.ok(ofDept.categories.includes('Lighting'));
  assert.equal(ofDept.abilities.ask, false, 'visitors are asked to sign in');
  const mine = (await api(p, { method: 'GET', url: '/api/v1/questions?mine=true', as: neighbour })).json();
  assert.equal(mine.total, 3);
  const bad = await api(p, { method: 'GET', url: '/api/v1/questions?state=lost&limit=0' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: { path: string }) => f.path).sort(), ['limit', 'state']);
});

test('co-signing: once per person, counted, refused to the askers, closed once answered', async () => {
  const id = await askVia(p, asker, dept.id);
  const cosign = (as: TestUser, method: 'POST' | 'DELETE' = 'POST') => api(p, { method, url: `/api/v1/questions/${id}/cosign`, as, ...(method === 'POST' ? { body: {} } : {}) });
  assert.deepEqual((await cosign(neighbour)).json(), { cosigned: true, cosignsCount: 1 });
  assert.deepEqual((await cosign(neighbour)).json(), { cosigned: true, cosignsCount: 1 }, 'idempotent');
  assert.deepEqual((await cosign(admin)).json(), { cosigned: true, cosignsCount: 2 });
  assert.deepEqual((await cosign(admin, 'DELETE')).json(), { cosigned: false, cosignsCount: 1 });
  assert.deepEqual((await cosign(admin, 'DELETE')).json(), { cosigned: false, cosignsCount: 1 });
  const own = await cosign(asker);
  assert.equal(own.statusCode, 403);
  const seen = await detailOf(id, neighbour);
  assert.equal(seen.question.cosignedByMe, true);
  assert.equal(seen.abilities.uncosign, true);
  assert.equal((await detailOf(id, asker)).cosignBlocked, null, 'the asker is not told why they cannot co-sign their own question');
  const listed = (await api(p, { method: 'GET', url: `/api/v1/questions?departmentId=${dept.id}&sort=cosigns`, as: neighbour })).json();
  assert.equal(listed.questions[0].id, id);
  assert.equal(listed.questions[0].cosignedByMe, true);
  // The co-signer follows it and hears about the answer.
  await answerVia(p, dept.official, id);
  assert.equal((await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', neighbour.id).where('resource_id', '=', id).where('kind', '=', 'question.answered').execute()).length, 1);
  const closed = await cosign(admin);
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().error.code, 'question_closed');
  assert.equal((await detailOf(id, admin)).cosignBlocked.code, 'question_closed');
});

test('the answer is signed by the named post when the official holds it; the asker rates it once and follows up once', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const id = await askVia(p, asker, dept.id, { postId: deputyPostId, category: 'Parks', areaId: areas.hoodId });
  // Not the department: refused; the department's director: signs as director; the named deputy: signs as deputy.
  const outsider = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/answer`, as: otherDept.official, body: { answer: 'We cannot say anything here.' } });
  assert.equal(outsider.statusCode, 403);
  assert.equal(outsider.json().error.code, 'not_an_official');
  const tooShort = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/answer`, as: deputy, body: { answer: 'Yes.' } });
  assert.equal(tooShort.statusCode, 400);
  assert.equal(tooShort.json().error.fields[0].path, 'answer');
  p.clock.set('2026-03-03T02:00:00Z');
  await answerVia(p, deputy, id, 'The playground reopens on 1 April with new safety surfacing.');
  const again = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/answer`, as: dept.official, body: { answer: 'A second answer is not possible.' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'question_already_answered');
  const detail = await detailOf(id, asker);
  assert.equal(detail.question.state, 'answered');
  assert.deepEqual(detail.answer.post, { id: deputyPostId, title: 'Deputy Director', titleZh: '副局长' });
  assert.equal(detail.answer.late, false);
  assert.deepEqual(detail.question.deadline, { state: 'answered', workingDays: 0, dueAt: '2026-03-25T16:00:00.000Z', answeredLate: false });
  assert.deepEqual(detail.abilities, { cosign: false, uncosign: false, respond: false, rate: true, followUp: true });
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['asked', 'answered']);
  assert.equal(detail.timeline[1].post.id, deputyPostId);
  assert.equal(detail.timeline[1].late, false);
  const auditRow = await p.deps.db.selectFrom('audit_log').select(['post_id', 'actor_id', 'public']).where('resource_id', '=', id).where('action', '=', 'question.answered').executeTakeFirstOrThrow();
  assert.deepEqual(auditRow, { post_id: deputyPostId, actor_id: deputy.id, public: true });

  // Rating: the asker only, once.
  const byOther = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/rating`, as: neighbour, body: { resolved: true } });
  assert.equal(byOther.statusCode, 403);
  const badRating = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/rating`, as: asker, body: { resolved: 'yes' } });
  assert.equal(badRating.statusCode, 400);
  assert.equal(badRating.json().error.fields[0].path, 'resolved');
  const rated = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/rating`, as: asker, body: { resolved: false, comment: 'The date is fine, but what about the broken swing?' } });
  assert.equal(rated.statusCode, 200, rated.body);
  const twice = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/rating`, as: asker, body: { resolved: true } });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'question_already_rated');
  const ratedDetail = await detailOf(id);
  assert.deepEqual({ resolved: ratedDetail.rating.resolved, comment: ratedDetail.rating.comment }, { resolved: false, comment: 'The date is fine, but what about the broken swing?' });
  assert.equal(ratedDetail.timeline.at(-1).kind, 'rated');
  assert.equal(ratedDetail.timeline.at(-1).resolved, false);
  const officialsTold = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'question.rated').execute();
  assert.deepEqual(new Set(officialsTold.map((n) => n.user_id)), new Set([dept.official.id, deputy.id]));

  // Follow-up: once, to the post that signed, with its own deadline from today.
  p.clock.set('2026-03-09T02:00:00Z');
  const follow = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/follow-up`, as: asker, body: { title: 'And the broken swing?', body: 'The answer did not say whether the broken swing will be repaired as well.' } });
  assert.equal(follow.statusCode, 201, follow.body);
  const followUpId = follow.json().id;
  // Monday 9 March + 15 working days: Mon 30 March.
  assert.equal(follow.json().dueAt, '2026-03-30T16:00:00.000Z');
  const second = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/follow-up`, as: asker, body: { title: 'And the benches too?', body: 'A second follow-up question about the benches in the park.' } });
  assert.equal(second.statusCode, 409);
  assert.equal(second.json().error.code, 'follow_up_exists');
  const child = await detailOf(followUpId, asker);
  assert.deepEqual(child.parent, { id, title: 'When will the lake path be lit?', state: 'answered' });
  assert.equal(child.question.parentId, id);
  assert.equal(child.question.post.id, deputyPostId);
  assert.equal(child.question.category, 'Parks');
  assert.equal(child.question.areaId, areas.hoodId);
  assert.equal((await detailOf(id)).followUp.id, followUpId);
  assert.equal((await detailOf(id, asker)).abilities.followUp, false);
  assert.equal((await detailOf(id)).timeline.at(-1).kind, 'followed_up');
  await answerVia(p, dept.official, followUpId, 'The swing will be replaced in the same works.');
  const nested = await api(p, { method: 'POST', url: `/api/v1/questions/${followUpId}/follow-up`, as: asker, body: { title: 'And the slide?', body: 'A follow-up of the follow-up about the slide.' } });
  assert.equal(nested.statusCode, 409);
  assert.equal(nested.json().error.code, 'follow_up_not_allowed');
  // Rating or following up an unanswered question is refused.
  const open = await askVia(p, asker, dept.id);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/questions/${open}/rating`, as: asker, body: { resolved: true } })).json().error.code, 'question_not_answered');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/questions/${open}/follow-up`, as: asker, body: { title: 'Any news yet?', body: 'Asking again before the department answered.' } })).json().error.code, 'question_not_answered');
});

test('declining needs one of the grounds the department published, kept as it was when declined', async () => {
  const id = await askVia(p, asker, dept.id, { title: 'Why was the park keeper dismissed?', body: 'Residents want to know why the keeper of Lake Park lost his job last month.' });
  const unknown = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/decline`, as: dept.official, body: { ground: 'because', explanation: 'We do not want to answer this.' } });
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(unknown.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['ground', 'decline_ground_unknown']]);
  const noExplanation = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/decline`, as: dept.official, body: { ground: 'personal_data' } });
  assert.equal(noExplanation.statusCode, 400);
  const declined = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/decline`, as: dept.official, body: { ground: 'personal_data', explanation: 'We do not discuss the employment of a named person.' } });
  assert.equal(declined.statusCode, 200, declined.body);
  // The department changes its list afterwards: the decline keeps the ground it was given on.
  const saved = await api(p, {
    method: 'PUT',
    url: `/api/v1/questions/departments/${dept.slug}/settings`,
    as: dept.official,
    body: { answerWorkingDays: 15, legalBasis: 'Parks Charter, art. 2: answers within 15 working days.', transferRestartsClock: true, declineGrounds: [{ code: 'other', label: 'Another ground', legalReference: 'Parks Charter, art. 9' }] },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const detail = await detailOf(id, asker, 'zh-CN');
  assert.equal(detail.question.state, 'declined');
  assert.equal(detail.answer.kind, 'declined');
  assert.equal(detail.answer.ground.code, 'personal_data');
  assert.match(detail.answer.ground.legalReference, /art\. 9\(1\)\(d\)/);
  assert.equal(detail.answer.ground.labelZh, '答复将披露他人的个人信息或依法受保护的信息。');
  assert.equal(detail.answer.text, 'We do not discuss the employment of a named person.');
  assert.equal(detail.abilities.rate, false, 'a decline is not an answer to rate');
  assert.equal(detail.abilities.followUp, true, 'but the asker may follow it up');
  assert.equal(detail.timeline.at(-1).kind, 'declined');
  const audit = await p.deps.db.selectFrom('audit_log').select('data').where('resource_id', '=', id).where('action', '=', 'question.declined').executeTakeFirstOrThrow();
  assert.equal((audit.data as { ground: string }).ground, 'personal_data');
  // With the new list, the old ground is no longer accepted.
  const another = await askVia(p, asker, dept.id);
  const old = await api(p, { method: 'POST', url: `/api/v1/questions/${another}/decline`, as: dept.official, body: { ground: 'personal_data', explanation: 'We do not discuss the employment of a named person.' } });
  assert.equal(old.statusCode, 400);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/questions/${another}/decline`, as: dept.official, body: { ground: 'other', explanation: 'This is declined on the new ground.' } })).statusCode, 200);
  // Restore the defaults for the other tests.
  await p.deps.db.deleteFrom('question_department_settings').where('department_id', '=', dept.id).execute();
});

test('moderation: enough reports hide a question from everyone but its asker and moderators; comments are open on visible questions', async () => {
  const id = await askVia(p, asker, dept.id, { title: 'A rude question about parks', body: 'This question will be reported by several neighbours.' });
  const comment = await api(p, { method: 'POST', url: '/api/v1/comments', as: neighbour, body: { resourceType: 'question', resourceId: id, body: 'I have the same problem in my street.' } });
  assert.equal(comment.statusCode, 201, comment.body);
  const ownReport = await api(p, { method: 'POST', url: '/api/v1/reports', as: asker, body: { resourceType: 'question', resourceId: id, reason: 'spam' } });
  assert.equal(ownReport.statusCode, 409);
  for (let i = 0; i < 3; i++) {
    const reporter = await createUser(p);
    const res = await api(p, { method: 'POST', url: '/api/v1/reports', as: reporter, body: { resourceType: 'question', resourceId: id, reason: 'offensive' } });
    assert.equal(res.statusCode, 201, res.body);
  }
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/${id}` })).statusCode, 404);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/${id}`, as: neighbour })).statusCode, 404);
  const own = await detailOf(id, asker);
  assert.equal(own.question.hidden, true);
  assert.equal(own.timeline.at(-1).kind, 'hidden');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/${id}`, as: admin })).statusCode, 200);
  const listed = (await api(p, { method: 'GET', url: `/api/v1/questions?departmentId=${dept.id}` })).json();
  assert.equal(listed.questions.some((x: { id: string }) => x.id === id), false);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/questions?mine=true', as: asker })).json().questions.some((x: { id: string; hidden: boolean }) => x.id === id && x.hidden), true);
  const moderator = await createUser(p, { roles: ['moderator'] });
  const queue = (await api(p, { method: 'GET', url: '/api/v1/moderation?status=hidden&resourceType=question', as: moderator })).json();
  assert.deepEqual(queue.items.map((i: { resourceId: string; title: string; path: string }) => [i.resourceId, i.title, i.path]), [[id, 'A rude question about parks', `/questions/${id}`]]);
  const restore = await api(p, { method: 'POST', url: `/api/v1/moderation/question/${id}/decision`, as: moderator, body: { decision: 'restore', reason: 'Rude but on topic.' } });
  assert.equal(restore.statusCode, 200, restore.body);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/${id}` })).statusCode, 200);
});

test('attachments: a question carries the asker\'s uploads, readable by whoever may read the question', async () => {
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
  const upload = await api(p, { method: 'POST', url: '/api/v1/attachments?fileName=map.pdf', as: asker, body: pdf, headers: { 'content-type': 'application/pdf' } });
  assert.equal(upload.statusCode, 201, upload.body);
  const id = await askVia(p, asker, dept.id, { attachmentIds: [upload.json().id] });
  const detail = await detailOf(id);
  assert.deepEqual(detail.question.attachments.map((a: { fileName: string }) => a.fileName), ['map.pdf']);
  assert.equal((await api(p, { method: 'GET', url: detail.question.attachments[0].url })).statusCode, 200);
  const stolen = await api(p, { method: 'POST', url: '/api/v1/questions', as: neighbour, body: { departmentId: dept.id, title: 'Someone else\'s file', body: 'Trying to attach an upload that is not mine.', attachmentIds: [upload.json().id] } });
  assert.equal(stolen.statusCode, 400);
  assert.equal(stolen.json().error.fields[0].path, 'attachmentIds');
});
