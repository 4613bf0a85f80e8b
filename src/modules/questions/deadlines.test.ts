import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { answerVia, askVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let asker: TestUser;
let cosigner: TestUser;
let parks: Awaited<ReturnType<typeof createDepartment>>;
let water: Awaited<ReturnType<typeof createDepartment>>;
let roads: Awaited<ReturnType<typeof createDepartment>>;

const settingsBody = (days: number, restart: boolean) => ({
  answerWorkingDays: days,
  legalBasis: `Test Charter, art. 1: answers within ${days} working days.`,
  legalBasisZh: `测试章程第一条：${days} 个工作日内答复。`,
  transferRestartsClock: restart,
  declineGrounds: [{ code: 'not_ours', label: 'Not a duty of this department', labelZh: '不属于本部门职责', legalReference: 'Test Charter, art. 5' }],
});

before(async () => {
  p = await createTestPlatform();
  p.clock.set('2026-03-02T09:00:00Z');
  parks = await createDepartment(p, 'Parks Office');
  water = await createDepartment(p, 'Water Office');
  roads = await createDepartment(p, 'Roads Office');
  admin = await createUser(p, { roles: ['administrator'] });
  asker = await createUser(p);
  cosigner = await createUser(p);
  const calendar = await api(p, {
    method: 'PUT',
    url: '/api/v1/calendar',
    as: admin,
    body: { timeZone: 'Asia/Shanghai', days: [{ date: '2026-03-04', kind: 'holiday', name: 'Test holiday' }, { date: '2026-03-05', kind: 'holiday', name: 'Test holiday' }] },
  });
  assert.equal(calendar.statusCode, 200, calendar.body);
  // Parks: 5 working days. Water: 3 working days, a transfer to it restarts the clock. Roads: 10, it does not.
  for (const [dept, days, restart] of [[parks, 5, true], [water, 3, true], [roads, 10, false]] as const) {
    const res = await api(p, { method: 'PUT', url: `/api/v1/questions/departments/${dept.slug}/settings`, as: admin, body: settingsBody(days, restart) });
    assert.equal(res.statusCode, 200, res.body);
  }
});
after(async () => {
  await p?.close();
});

const detailOf = async (id: string, as?: TestUser) => (await api(p, { method: 'GET', url: `/api/v1/questions/${id}`, as })).json();

test("the department's own period and legal basis set the deadline, counted on the calendar's working days", async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const id = await askVia(p, asker, parks.id);
  const detail = await detailOf(id);
  // Tue 3 (1), Wed 4 and Thu 5 holidays, Fri 6 (2), Mon 9 (3), Tue 10 (4), Wed 11 (5).
  assert.deepEqual(detail.question.deadline, { state: 'due', workingDays: 5, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: null });
  assert.equal(detail.rules.legalBasis, 'Test Charter, art. 1: answers within 5 working days.');
  assert.equal(detail.rules.legalBasisZh, '测试章程第一条：5 个工作日内答复。');
  // On Friday 6 March: Mon 9, Tue 10, Wed 11 left.
  p.clock.set('2026-03-06T03:00:00Z');
  assert.equal((await detailOf(id)).question.deadline.workingDays, 3);
  // Asked on a holiday, the count starts the next working day.
  p.clock.set('2026-03-04T03:00:00Z');
  const onHoliday = await askVia(p, asker, water.id);
  assert.equal((await detailOf(onHoliday)).question.deadline.dueAt, '2026-03-10T16:00:00.000Z', 'Fri 6, Mon 9, Tue 10');
  await answerVia(p, parks.official, id);
  await answerVia(p, water.official, onHoliday);
});

test('an unanswered question is flagged overdue by the sweep, once, without anyone acting; a late answer is recorded as late', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const id = await askVia(p, asker, parks.id, { title: 'Overdue question about benches', body: 'Nobody will answer this question in time, as the test wants.' });
  const onTime = await askVia(p, asker, parks.id, { title: 'Question answered in time', body: 'This question gets its answer before the due date.' });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/questions/${id}/cosign`, as: cosigner, body: {} })).statusCode, 200);
  await answerVia(p, parks.official, onTime);
  p.clock.set('2026-03-11T15:59:00Z');
  await p.runJobs();
  assert.equal((await detailOf(id)).question.state, 'published', 'one minute before the end of the due day');
  p.clock.set('2026-03-12T02:00:00Z');
  // Read-time: overdue in the detail, the list and the overdue list before the sweep ran.
  const before = await detailOf(id);
  assert.equal(before.question.state, 'overdue');
  assert.equal(before.question.overdueAt, null);
  const overdueList = (await api(p, { method: 'GET', url: `/api/v1/questions/overdue?departmentId=${parks.id}` })).json().questions;
  assert.deepEqual(overdueList.map((x: { id: string; overdueWorkingDays: number }) => [x.id, x.overdueWorkingDays]), [[id, 1]]);
  const filtered = (await api(p, { method: 'GET', url: `/api/v1/questions?departmentId=${parks.id}&state=overdue` })).json();
  assert.deepEqual(filtered.questions.map((x: { id: string }) => x.id), [id]);
  await p.runJobs();
  await p.runJobs();
  const row = await p.deps.db.selectFrom('questions').select(['state', 'overdue_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { state: 'overdue', overdue_at: new Date('2026-03-12T02:00:00Z') });
  const audit = await p.deps.db.selectFrom('audit_log').select(['public', 'actor_role', 'actor_id']).where('resource_id', '=', id).where('action', '=', 'question.answer_overdue').execute();
  assert.deepEqual(audit, [{ public: true, actor_role: 'system', actor_id: null }]);
  const told = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'question.answer_overdue').execute();
  assert.deepEqual(new Set(told.map((n) => n.user_id)), new Set([asker.id, cosigner.id, parks.official.id]));
  assert.equal((await p.deps.db.selectFrom('questions').select('state').where('id', '=', onTime).executeTakeFirstOrThrow()).state, 'answered');
  // Monday 16 March: three working days late (Thu 12, Fri 13, Mon 16); co-signing still counts.
  p.clock.set('2026-03-16T04:00:00Z');
  assert.deepEqual((await detailOf(id)).question.deadline, { state: 'overdue', workingDays: 3, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: null });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/questions/${id}/cosign`, as: admin, body: {} })).statusCode, 200);
  await answerVia(p, parks.official, id, 'Sorry for the delay: the benches arrive next week.');
  const after = await detailOf(id);
  assert.equal(after.question.state, 'answered');
  assert.equal(after.answer.late, true);
  assert.deepEqual(after.question.deadline, { state: 'answered', workingDays: 0, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: true });
  assert.deepEqual(after.timeline.map((e: { kind: string; late: boolean | null }) => [e.kind, e.late]), [['asked', null], ['answer_overdue', null], ['answered', true]]);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/overdue?departmentId=${parks.id}` })).json().questions.length, 0);
});

test("a transfer to a department whose setting restarts the clock gives it its own full period from the day of transfer", async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const id = await askVia(p, asker, parks.id, { title: 'Who cleans the pond?', body: 'The pond in Lake Park is full of algae every summer. Who is responsible?' });
  p.clock.set('2026-03-09T02:00:00Z');
  const same = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: parks.official, body: { departmentId: parks.id, reason: 'Transferring to ourselves is refused.' } });
  assert.equal(same.statusCode, 400);
  assert.deepEqual(same.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['departmentId', 'transfer_same_department']]);
  const noReason = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: parks.official, body: { departmentId: water.id } });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.fields[0].path, 'reason');
  const unknown = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: parks.official, body: { departmentId: '00000000-0000-4000-8000-000000000000', reason: 'A department that does not exist.' } });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.fields[0].code, 'department_not_found');
  const notYours = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: water.official, body: { departmentId: roads.id, reason: 'Only the department holding it may pass it on.' } });
  assert.equal(notYours.statusCode, 403);
  const res = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: parks.official, body: { departmentId: water.id, reason: 'Water quality in ponds is the Water Office\'s duty.' } });
  assert.equal(res.statusCode, 200, res.body);
  // Monday 9 March + 3 working days: Thu 12 March.
  assert.deepEqual(res.json(), { id, state: 'transferred', restarted: true, dueAt: '2026-03-12T16:00:00.000Z' });
  const detail = await detailOf(id);
  assert.equal(detail.question.state, 'transferred');
  assert.equal(detail.question.department.id, water.id);
  assert.equal(detail.question.post, null);
  assert.equal(detail.rules.workingDays, 3);
  assert.match(detail.rules.legalBasis, /3 working days/);
  const transfer = detail.timeline.at(-1);
  assert.equal(transfer.kind, 'transferred');
  assert.equal(transfer.fromDepartment.id, parks.id);
  assert.equal(transfer.toDepartment.id, water.id);
  assert.equal(transfer.reason, "Water quality in ponds is the Water Office's duty.");
  assert.equal(transfer.restarted, true);
  assert.equal(transfer.post.title, 'Director');
  assert.equal(transfer.department.id, parks.id, 'signed by the post of the department that passed it on');
  const told = await p.deps.db.selectFrom('notifications').select(['user_id', 'kind']).where('resource_id', '=', id).where('kind', 'in', ['question.transferred', 'question.transferred_in']).execute();
  assert.deepEqual(told.map((n) => [n.user_id, n.kind]).sort(), [[asker.id, 'question.transferred'], [water.official.id, 'question.transferred_in']].sort());
  // Now the Water Office answers, not the Parks Office.
  const old = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/answer`, as: parks.official, body: { answer: 'We no longer hold this question.' } });
  assert.equal(old.statusCode, 403);
  await answerVia(p, water.official, id, 'We test the pond every month; the results are on our page.');
  const record = (await api(p, { method: 'GET', url: `/api/v1/questions/departments/${parks.slug}` })).json();
  assert.equal(record.totals.transferredAway, 1);
});

test('a transfer to a department that keeps the clock keeps the due date, and a late question stays overdue', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const id = await askVia(p, asker, parks.id, { title: 'Potholes on the park road', body: 'The road through the park has deep potholes after the winter.' });
  p.clock.set('2026-03-09T02:00:00Z');
  const res = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: parks.official, body: { departmentId: roads.id, reason: 'Roads, including park roads, are repaired by the Roads Office.' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { id, state: 'transferred', restarted: false, dueAt: '2026-03-11T16:00:00.000Z' });
  assert.equal((await detailOf(id)).rules.workingDays, 5, 'the period in force is still the first department\'s');
  // Past due at the Roads Office: the sweep flags it; passing it back to Parks (which restarts) gives a new clock.
  p.clock.set('2026-03-12T02:00:00Z');
  await p.runJobs();
  assert.equal((await detailOf(id)).question.state, 'overdue');
  const late = await askVia(p, asker, water.id, { title: 'A late question moved on', body: 'This one is already late when the department passes it on.' });
  p.clock.set('2026-03-20T02:00:00Z');
  await p.runJobs();
  const kept = await api(p, { method: 'POST', url: `/api/v1/questions/${late}/transfer`, as: water.official, body: { departmentId: roads.id, reason: 'Passed on late, but the clock keeps running.' } });
  assert.equal(kept.json().state, 'overdue');
  assert.equal(kept.json().restarted, false);
  const lateDetail = await detailOf(late);
  assert.equal(lateDetail.question.state, 'overdue');
  assert.equal(lateDetail.question.department.id, roads.id);
  // The Roads Office is told it holds an overdue question; the sweep does not flag it twice.
  await p.runJobs();
  const flags = await p.deps.db.selectFrom('audit_log').select('seq').where('resource_id', '=', late).where('action', '=', 'question.answer_overdue').execute();
  assert.equal(flags.length, 1);
  const back = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/transfer`, as: roads.official, body: { departmentId: parks.id, reason: 'This part is about the park paths after all.' } });
  assert.equal(back.json().state, 'transferred');
  assert.equal(back.json().restarted, true);
  const backDetail = await detailOf(id);
  assert.equal(backDetail.question.state, 'transferred');
  assert.equal(backDetail.question.overdueAt, null);
  assert.equal(backDetail.question.deadline.state, 'due');
});

test('settings: public, defaults when absent, editable by administrators and the department\'s officials only, validated', async () => {
  const fresh = await createDepartment(p, 'Libraries Office');
  const read = (await api(p, { method: 'GET', url: `/api/v1/questions/departments/${fresh.slug}/settings` })).json();
  assert.equal(read.configured, false);
  assert.equal(read.answerWorkingDays, 15);
  assert.equal(read.transferRestartsClock, true);
  assert.ok(read.declineGrounds.length >= 3);
  assert.equal(read.abilities.configure, false);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/questions/departments/${fresh.slug}/settings`, as: fresh.official })).json().abilities.configure, true);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/questions/departments/no-such-department/settings' })).statusCode, 404);
  const other = await api(p, { method: 'PUT', url: `/api/v1/questions/departments/${fresh.slug}/settings`, as: parks.official, body: settingsBody(7, false) });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().error.code, 'not_an_official');
  const bad = await api(p, {
    method: 'PUT',
    url: `/api/v1/questions/departments/${fresh.slug}/settings`,
    as: fresh.official,
    body: { ...settingsBody(0, false), declineGrounds: [{ code: 'Bad Code', label: 'x', legalReference: '' }] },
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: { path: string }) => f.path).sort(), ['answerWorkingDays', 'declineGrounds.0.code', 'declineGrounds.0.label', 'declineGrounds.0.legalReference']);
  const duplicate = await api(p, {
    method: 'PUT',
    url: `/api/v1/questions/departments/${fresh.slug}/settings`,
    as: fresh.official,
    body: { ...settingsBody(7, false), declineGrounds: [settingsBody(7, false).declineGrounds[0], settingsBody(7, false).declineGrounds[0]] },
  });
  assert.equal(duplicate.statusCode, 400);
  assert.deepEqual(duplicate.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['declineGrounds.1.code', 'duplicate_decline_ground']]);
  const saved = await api(p, { method: 'PUT', url: `/api/v1/questions/departments/${fresh.slug}/settings`, as: fresh.official, body: settingsBody(7, false) });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().configured, true);
  assert.equal(saved.json().answerWorkingDays, 7);
  assert.deepEqual(saved.json().declineGrounds, [{ code: 'not_ours', label: 'Not a duty of this department', labelZh: '不属于本部门职责', legalReference: 'Test Charter, art. 5' }]);
  const byAdmin = await api(p, { method: 'PUT', url: `/api/v1/questions/departments/${fresh.slug}/settings`, as: admin, body: settingsBody(8, false) });
  assert.equal(byAdmin.statusCode, 200);
  const audit = await p.deps.db.selectFrom('audit_log').select(['public', 'post_id']).where('resource_id', '=', fresh.id).where('action', '=', 'questions.settings_updated').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.public, a.post_id !== null]), [[true, true], [true, false]]);
  // New questions follow the new period; the form offers it.
  p.clock.set('2026-03-09T02:00:00Z');
  const id = await askVia(p, asker, fresh.id);
  assert.equal((await detailOf(id)).rules.workingDays, 8);
  const options = (await api(p, { method: 'GET', url: '/api/v1/questions/ask-options' })).json();
  const offered = options.departments.find((d: { id: string }) => d.id === fresh.id);
  assert.equal(offered.answerWorkingDays, 8);
  assert.deepEqual(offered.posts.map((x: { title: string }) => x.title), ['Director']);
});
