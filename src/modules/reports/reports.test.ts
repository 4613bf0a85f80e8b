import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createGovernmentOrganization } from '../../core/organizations/manage-organizations.js';
import { createArea } from '../../core/areas/manage-areas.js';
import { newCategory, newReport } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let reporter: TestUser;
let neighbour: TestUser;
let moderator: TestUser;
let areas: Awaited<ReturnType<typeof createAreas>>;
let streets: Awaited<ReturnType<typeof createDepartment>>;
let parks: Awaited<ReturnType<typeof createDepartment>>;
let district: Awaited<ReturnType<typeof createDepartment>>;
let category: { id: string; code: string };

before(async () => {
  p = await createTestPlatform();
  // Monday 2 March 2026, 17:00 in Shanghai.
  p.clock.set('2026-03-02T09:00:00Z');
  areas = await createAreas(p);
  streets = await createDepartment(p, 'Streets Department');
  parks = await createDepartment(p, 'Parks Department');
  district = await createDepartment(p, 'District Office');
  admin = await createUser(p, { roles: ['administrator'] });
  moderator = await createUser(p, { roles: ['moderator'] });
  reporter = await createUser(p, { displayName: 'Rita Reporter' });
  neighbour = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const calendar = await api(p, {
    method: 'PUT',
    url: '/api/v1/calendar',
    as: admin,
    body: {
      timeZone: 'Asia/Shanghai',
      days: [
        { date: '2026-03-04', kind: 'holiday', name: 'Test holiday' },
        { date: '2026-03-05', kind: 'holiday', name: 'Test holiday' },
      ],
    },
  });
  assert.equal(calendar.statusCode, 200, calendar.body);
  category = await newCategory(p, streets.id, { workingDays: 3, name: 'Street light not working' });
});
after(async () => {
  await p?.close();
});

const detailOf = async (id: string, as?: TestUser) => (await api(p, { method: 'GET', url: `/api/v1/problem-reports/${id}`, as })).json();

async function file(body: Record<string, unknown>, as: TestUser = reporter) {
  return api(p, { method: 'POST', url: '/api/v1/problem-reports', as, body: { categoryId: category.id, description: 'The street light at the corner has been dark for a week.', address: 'Corner of Lake Road', ...body } });
}

async function status(id: string, as: TestUser, state: string, note?: string) {
  return api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/status`, as, body: { state, ...(note ? { note } : {}) } });
}

test('administrators keep the routing table: categories with codes, names in both languages, departments and area overrides', async () => {
  const body = { code: 'BENCH', name: 'Broken bench', nameZh: '长椅损坏', group: 'Parks', groupZh: '公园', departmentId: parks.id, workingDays: 10 };
  const byResident = await api(p, { method: 'POST', url: '/api/v1/problem-reports/categories', as: neighbour, body });
  assert.equal(byResident.statusCode, 403);
  assert.equal(byResident.json().error.code, 'requires_role');
  const created = await api(p, { method: 'POST', url: '/api/v1/problem-reports/categories', as: admin, body });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  const twice = await api(p, { method: 'POST', url: '/api/v1/problem-reports/categories', as: admin, body });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'category_code_taken');

  const supervisory = orFail(await createGovernmentOrganization(p.deps, systemActor('test'), { kind: 'supervisory_body', name: 'Test Supervision', isSupervisory: true }));
  const bad = await api(p, { method: 'PATCH', url: `/api/v1/problem-reports/categories/${id}`, as: admin, body: { departmentId: supervisory.id } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].code, 'department_invalid');

  const routes = await api(p, { method: 'PUT', url: `/api/v1/problem-reports/categories/${id}/routes`, as: admin, body: { routes: [{ areaId: areas.districtId, departmentId: district.id }] } });
  assert.equal(routes.statusCode, 200, routes.body);
  const listed = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/categories' })).json();
  const bench = listed.categories.find((c: { id: string }) => c.id === id);
  assert.deepEqual(
    { code: bench.code, nameZh: bench.nameZh, group: bench.group, days: bench.workingDays, department: bench.department.id, routes: bench.routes.map((r: { areaId: string; department: { id: string } }) => [r.areaId, r.department.id]) },
    { code: 'BENCH', nameZh: '长椅损坏', group: 'Parks', days: 10, department: parks.id, routes: [[areas.districtId, district.id]] },
  );
  assert.equal(listed.abilities.manage, false);
  assert.ok(listed.departments.some((d: { id: string }) => d.id === streets.id));
  assert.equal(listed.departments.some((d: { id: string }) => d.id === supervisory.id), false, 'supervisory bodies do not fix potholes');

  // Deactivated: gone from the public table and from the form, still there for administrators.
  assert.equal((await api(p, { method: 'PATCH', url: `/api/v1/problem-reports/categories/${id}`, as: admin, body: { active: false } })).statusCode, 200);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/problem-reports/categories' })).json().categories.some((c: { id: string }) => c.id === id), false);
  const all = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/categories?all=true', as: admin })).json();
  assert.equal(all.categories.find((c: { id: string }) => c.id === id).active, false);
  assert.equal(all.abilities.manage, true);
  const refused = await file({ categoryId: id });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.fields[0].path, 'categoryId');
});

test('a report is routed by category and area: the nearest area override wins, else the default department', async () => {
  const lights = await newCategory(p, streets.id, { workingDays: 5 });
  const hood2 = orFail(await createArea(p.deps, systemActor('test'), { parentId: areas.districtId, kind: 'neighbourhood', slug: `hood-two-${Date.now()}`, name: 'Second Neighbourhood' }));
  const routes = await api(p, {
    method: 'PUT',
    url: `/api/v1/problem-reports/categories/${lights.id}/routes`,
    as: admin,
    body: { routes: [{ areaId: areas.districtId, departmentId: district.id }, { areaId: areas.hoodId, departmentId: parks.id }] },
  });
  assert.equal(routes.statusCode, 200, routes.body);
  const cases: [string | null, string][] = [
    [areas.hoodId, parks.id], // its own override
    [hood2.id, district.id], // the district's override covers the neighbourhood below it
    [areas.districtId, district.id],
    [areas.cityId, streets.id], // above every override: the default
    [null, streets.id], // no area: the default
  ];
  for (const [areaId, expected] of cases) {
    const res = await file({ categoryId: lights.id, areaId });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().departmentId, expected, `area ${areaId}`);
    assert.equal((await detailOf(res.json().id)).report.department.id, expected);
  }
});

test('filing asks for a place: an address or both coordinates; visitors must sign in; the reporter follows and the department is told', async () => {
  const visitor = await api(p, { method: 'POST', url: '/api/v1/problem-reports', body: { categoryId: category.id, description: 'Visitor trying to report.', address: 'Somewhere' } });
  assert.equal(visitor.statusCode, 401);
  const nowhere = await file({ address: null });
  assert.equal(nowhere.statusCode, 400);
  assert.equal(nowhere.json().error.code, 'location_required');
  const half = await file({ address: null, latitude: 31.2 });
  assert.equal(half.statusCode, 400);
  assert.equal(half.json().error.fields[0].path, 'longitude');
  const coordinates = await file({ address: null, latitude: 31.2304, longitude: 121.4737 });
  assert.equal(coordinates.statusCode, 201, coordinates.body);
  const id = coordinates.json().id;
  const detail = await detailOf(id);
  assert.deepEqual([detail.report.latitude, detail.report.longitude, detail.report.address], [31.2304, 121.4737, null]);
  assert.deepEqual(detail.report.reporter, { source: 'web', displayName: null, via: null, viaZh: null }, 'the name stays private unless the reporter shows it');
  assert.equal(detail.contact, null);
  const forDepartment = await detailOf(id, streets.official);
  assert.deepEqual([forDepartment.contact.displayName, forDepartment.contact.email], ['Rita Reporter', reporter.email], 'the department can call back');
  assert.equal((await detailOf(id, parks.official)).contact, null);
  const shown = await file({ showName: true });
  assert.equal((await detailOf(shown.json().id)).report.reporter.displayName, 'Rita Reporter');
  const follows = await p.deps.db.selectFrom('follows').select('user_id').where('resource_type', '=', 'problem_report').where('resource_id', '=', id).execute();
  assert.deepEqual(follows.map((f) => f.user_id), [reporter.id]);
  const told = await p.deps.db.selectFrom('notifications').select(['kind', 'title', 'data']).where('user_id', '=', streets.official.id).where('resource_id', '=', id).execute();
  assert.deepEqual(told.map((n) => n.kind), ['problem_report.received']);
  assert.equal(told[0]!.title, 'Street light not working: The street light at the corner has been dark for a week.');
  assert.equal((told[0]!.data as { titleZh: string }).titleZh, '测试问题: The street light at the corner has been dark for a week.', 'Chinese readers get the category in Chinese');
  const mine = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/mine', as: reporter })).json();
  assert.ok(mine.reports.some((r: { id: string }) => r.id === id));
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/problem-reports/mine' })).statusCode, 401);
});

test('the fix deadline counts working days from the category; the sweep flags an unfixed report overdue once, without anyone acting', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const filed = await file({});
  assert.equal(filed.statusCode, 201, filed.body);
  const id = filed.json().id;
  // Tue 3 (1), Wed 4 and Thu 5 are holidays, Fri 6 (2), weekend, Mon 9 (3): due at the end of 9 March in Shanghai.
  assert.equal(filed.json().dueAt, '2026-03-09T16:00:00.000Z');
  assert.deepEqual((await detailOf(id)).report.deadline, { state: 'due', workingDays: 3, dueAt: '2026-03-09T16:00:00.000Z', fixedLate: null });
  const fixedInTime = (await file({ description: 'Another dark street light on the next corner.' })).json().id;
  assert.equal((await status(fixedInTime, streets.official, 'fixed', 'New lamp fitted.')).statusCode, 200);

  p.clock.set('2026-03-09T15:59:00Z');
  await p.runJobs();
  assert.equal((await detailOf(id)).report.overdueAt, null, 'not yet: one minute before the end of the day');
  p.clock.set('2026-03-10T02:00:00Z');
  // Read-time status already says overdue, before the sweep ran.
  const overdueList = (await api(p, { method: 'GET', url: `/api/v1/problem-reports?overdue=true&departmentId=${streets.id}` })).json();
  assert.ok(overdueList.reports.some((r: { id: string; deadline: { workingDays: number } }) => r.id === id && r.deadline.workingDays === 1));
  assert.equal(overdueList.reports.some((r: { id: string }) => r.id === fixedInTime), false);
  await p.runJobs();
  await p.runJobs();
  const detail = await detailOf(id);
  assert.equal(detail.report.overdueAt, '2026-03-10T02:00:00.000Z');
  assert.deepEqual(detail.report.deadline, { state: 'overdue', workingDays: 1, dueAt: '2026-03-09T16:00:00.000Z', fixedLate: null });
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['submitted', 'overdue']);
  const audit = await p.deps.db.selectFrom('audit_log').select(['public', 'actor_role']).where('resource_id', '=', id).where('action', '=', 'problem_report.overdue').execute();
  assert.deepEqual(audit, [{ public: true, actor_role: 'system' }]);
  const notified = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'problem_report.overdue').execute();
  assert.deepEqual(new Set(notified.map((n) => n.user_id)), new Set([reporter.id, streets.official.id]));
  // Fixed two working days late: recorded as late.
  p.clock.set('2026-03-11T03:00:00Z');
  assert.equal((await status(id, streets.official, 'fixed', 'Cable replaced.')).statusCode, 200);
  const fixed = await detailOf(id);
  assert.deepEqual(fixed.report.deadline, { state: 'fixed', workingDays: 0, dueAt: '2026-03-09T16:00:00.000Z', fixedLate: true });
  assert.equal(fixed.timeline.at(-1).late, true);
  assert.equal((await detailOf(fixedInTime)).report.deadline.fixedLate, false);
});

test('officials of the responsible department update the status with public notes signed by their post; nobody else can', async () => {
  p.clock.set('2026-03-16T02:00:00Z');
  const id = (await file({})).json().id;
  for (const [who, code] of [[neighbour, 'not_an_official'], [parks.official, 'not_an_official'], [admin, 'not_an_official']] as const) {
    const res = await status(id, who, 'acknowledged');
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, code);
  }
  assert.equal((await detailOf(id, streets.official)).abilities.updateStatus, true);
  assert.equal((await detailOf(id, reporter)).abilities.updateStatus, false);
  assert.equal((await status(id, streets.official, 'acknowledged', 'Seen, an electrician is booked.')).statusCode, 200);
  const again = await status(id, streets.official, 'acknowledged');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'report_invalid_transition');
  assert.equal((await status(id, streets.official, 'in_progress', 'The cable is damaged; digging on Tuesday.')).statusCode, 200);
  assert.equal((await status(id, streets.official, 'in_progress', 'Cable laid, lamp next.')).statusCode, 200, 'progress notes may repeat');
  assert.equal((await status(id, streets.official, 'fixed', 'Lamp on again.')).statusCode, 200);
  const closed = await status(id, streets.official, 'in_progress');
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().error.code, 'report_closed');
  const detail = await detailOf(id);
  assert.equal(detail.report.state, 'fixed');
  assert.equal(detail.report.statusNotes, 'Lamp on again.');
  assert.deepEqual(detail.timeline.map((e: { kind: string; note: string | null }) => [e.kind, e.note]), [
    ['submitted', null],
    ['acknowledged', 'Seen, an electrician is booked.'],
    ['in_progress', 'The cable is damaged; digging on Tuesday.'],
    ['in_progress', 'Cable laid, lamp next.'],
    ['fixed', 'Lamp on again.'],
  ]);
  assert.equal(detail.timeline[1].post.title, 'Director');
  assert.equal(detail.timeline[1].department.id, streets.id);
  const kinds = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', reporter.id).where('resource_id', '=', id).orderBy('id').execute();
  assert.deepEqual(kinds.map((k) => k.kind), ['problem_report.acknowledged', 'problem_report.in_progress', 'problem_report.in_progress', 'problem_report.fixed']);
});

test('the reporter confirms a fix or reopens it with a reason and a new deadline; only the reporter, only once fixed', async () => {
  p.clock.set('2026-03-16T02:00:00Z');
  const id = (await file({})).json().id;
  const early = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/confirm`, as: reporter, body: {} });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'report_not_fixed');
  assert.equal((await status(id, streets.official, 'fixed', 'Done.')).statusCode, 200);
  const byOther = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/reopen`, as: neighbour, body: { reason: 'Still dark here.' } });
  assert.equal(byOther.statusCode, 403);
  assert.equal(byOther.json().error.code, 'forbidden');
  const byOfficial = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/confirm`, as: streets.official, body: {} });
  assert.equal(byOfficial.statusCode, 403);
  const visible = await detailOf(id, reporter);
  assert.deepEqual([visible.abilities.confirm, visible.abilities.reopen, visible.report.reportedByMe], [true, true, true]);

  p.clock.set('2026-03-17T02:00:00Z'); // Tuesday
  const reopened = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/reopen`, as: reporter, body: { reason: 'It went dark again the next night.' } });
  assert.equal(reopened.statusCode, 200, reopened.body);
  // Three working days from Tuesday 17 March: Wed 18, Thu 19, Fri 20.
  assert.equal(reopened.json().dueAt, '2026-03-20T16:00:00.000Z');
  let detail = await detailOf(id, reporter);
  assert.deepEqual([detail.report.state, detail.report.reopenCount, detail.report.deadline.state], ['reopened', 1, 'due']);
  assert.equal(detail.timeline.at(-1).note, 'It went dark again the next night.');
  assert.deepEqual([detail.abilities.confirm, detail.abilities.reopen], [false, false]);
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', streets.official.id).where('resource_id', '=', id).where('kind', '=', 'problem_report.reopened').execute();
  assert.equal(told.length, 1);

  assert.equal((await status(id, streets.official, 'acknowledged')).statusCode, 200, 'a reopened report can be acknowledged again');
  assert.equal((await status(id, streets.official, 'fixed', 'Loose fuse found and replaced.')).statusCode, 200);
  const confirmed = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/confirm`, as: reporter, body: {} });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  detail = await detailOf(id);
  assert.equal(detail.report.state, 'confirmed');
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['submitted', 'fixed', 'reopened', 'acknowledged', 'fixed', 'confirmed']);
  const late = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/reopen`, as: reporter, body: { reason: 'Dark again, sorry.' } });
  assert.equal(late.statusCode, 409);
});

test('not our responsibility: the department transfers a report with a reason; the new department takes it over with a new deadline', async () => {
  p.clock.set('2026-03-16T02:00:00Z'); // Monday
  const id = (await file({ description: 'A dead tree in the park is about to fall on the path.' })).json().id;
  const same = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/transfer`, as: streets.official, body: { departmentId: streets.id, reason: 'Just checking.' } });
  assert.equal(same.statusCode, 400);
  assert.equal(same.json().error.fields[0].code, 'transfer_same_department');
  const byOther = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/transfer`, as: parks.official, body: { departmentId: parks.id, reason: 'Ours, actually.' } });
  assert.equal(byOther.statusCode, 403);
  const detailBefore = await detailOf(id, streets.official);
  assert.ok(detailBefore.transferTargets.some((d: { id: string }) => d.id === parks.id));
  assert.equal(detailBefore.transferTargets.some((d: { id: string }) => d.id === streets.id), false);
  assert.equal((await detailOf(id, reporter)).transferTargets, null);

  p.clock.set('2026-03-18T02:00:00Z'); // Wednesday
  const moved = await api(p, { method: 'POST', url: `/api/v1/problem-reports/${id}/transfer`, as: streets.official, body: { departmentId: parks.id, reason: 'Trees in parks are the Parks Department’s.' } });
  assert.equal(moved.statusCode, 200, moved.body);
  // Thu 19, Fri 20, Mon 23.
  assert.equal(moved.json().dueAt, '2026-03-23T16:00:00.000Z');
  const detail = await detailOf(id);
  assert.deepEqual([detail.report.department.id, detail.report.state, detail.report.transferCount], [parks.id, 'submitted', 1]);
  const transfer = detail.timeline.at(-1);
  assert.deepEqual([transfer.kind, transfer.note, transfer.department.id, transfer.toDepartment.id], ['transferred', 'Trees in parks are the Parks Department’s.', streets.id, parks.id]);
  const oldDepartment = await status(id, streets.official, 'acknowledged');
  assert.equal(oldDepartment.statusCode, 403, 'the first department has handed it over');
  assert.equal((await status(id, parks.official, 'acknowledged')).statusCode, 200);
  const received = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', parks.official.id).where('resource_id', '=', id).execute();
  assert.deepEqual(received.map((n) => n.kind), ['problem_report.received']);
  const reporterTold = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', reporter.id).where('resource_id', '=', id).execute();
  assert.ok(reporterTold.some((n) => n.kind === 'problem_report.transferred'));
});

test("a department's record: received, fixed on time, median working days to fix, reopened share, overdue now, transferred away", async () => {
  p.clock.set('2026-04-06T02:00:00Z'); // Monday 6 April
  const works = await createDepartment(p, 'Record Works');
  const elsewhere = await createDepartment(p, 'Record Elsewhere');
  const kind = await newCategory(p, works.id, { workingDays: 5 });
  // Sessions last 14 days from their last use: people of this later month sign in anew.
  const reporter = await createUser(p);
  const make = () => newReport(p, { categoryId: kind.id, reporterId: reporter.id });
  const [a, b, c, d, e] = [await make(), await make(), await make(), await make(), await make()];
  // a: fixed after 1 working day; b: fixed after 3; c: fixed after 7 (late), reopened, fixed again; d: open and (later) overdue; e: transferred away.
  p.clock.set('2026-04-07T02:00:00Z');
  assert.equal((await status(a, works.official, 'fixed')).statusCode, 200);
  p.clock.set('2026-04-09T02:00:00Z');
  assert.equal((await status(b, works.official, 'fixed')).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/problem-reports/${e}/transfer`, as: works.official, body: { departmentId: elsewhere.id, reason: 'Not ours to fix.' } })).statusCode, 200);
  p.clock.set('2026-04-15T02:00:00Z');
  assert.equal((await status(c, works.official, 'fixed')).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/problem-reports/${c}/reopen`, as: reporter, body: { reason: 'Not really fixed.' } })).statusCode, 200);
  assert.equal((await status(c, works.official, 'fixed')).statusCode, 200);
  const res = await api(p, { method: 'GET', url: `/api/v1/problem-reports/records/${works.slug}` });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.record, {
    received: 4,
    open: 1,
    fixed: 3,
    fixedOnTime: 2,
    fixedOnTimeShare: 2 / 3,
    medianWorkingDaysToFix: 3,
    reopened: 1,
    reopenedShare: 1 / 3,
    overdueNow: 1,
    transferredAway: 1,
  });
  assert.deepEqual(body.overdue.map((r: { id: string }) => r.id), [d]);
  assert.ok(body.categories.some((x: { id: string }) => x.id === kind.id));
  const all = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/records' })).json();
  const other = all.departments.find((x: { department: { id: string } }) => x.department.id === elsewhere.id);
  assert.deepEqual([other.record.received, other.record.open, other.record.transferredAway], [1, 1, 0]);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/problem-reports/records/no-such-department' })).statusCode, 404);
});

test('the public list filters by category, state, area (with the areas below) and text; moderation hides a report from everyone but its reporter and staff', async () => {
  p.clock.set('2026-04-20T02:00:00Z');
  const [reporter, neighbour, admin, moderator] = [await createUser(p), await createUser(p), await createUser(p, { roles: ['administrator'] }), await createUser(p, { roles: ['moderator'] })];
  const parks = await createDepartment(p, 'List Parks');
  const kind = await newCategory(p, parks.id, { workingDays: 10 });
  const inHood = await newReport(p, { categoryId: kind.id, reporterId: reporter.id, areaId: areas.hoodId, description: 'Broken swing in the playground by the pond.' });
  p.clock.advance(60_000);
  const inCity = await newReport(p, { categoryId: kind.id, reporterId: reporter.id, areaId: areas.cityId, description: 'Graffiti on the fountain in the square.', officialId: parks.official.id, state: 'fixed' });
  const ids = async (query: string) => (await api(p, { method: 'GET', url: `/api/v1/problem-reports?categoryId=${kind.id}&${query}` })).json().reports.map((r: { id: string }) => r.id);
  assert.deepEqual(await ids(''), [inCity, inHood]);
  assert.deepEqual(await ids(`areaId=${areas.districtId}`), [inHood]);
  assert.deepEqual(await ids('state=open'), [inHood]);
  assert.deepEqual(await ids('state=closed'), [inCity]);
  assert.deepEqual(await ids('state=fixed'), [inCity]);
  assert.deepEqual(await ids('q=swing'), [inHood]);

  // Comments and follows work on reports.
  const comment = await api(p, { method: 'POST', url: '/api/v1/comments', as: neighbour, body: { resourceType: 'problem_report', resourceId: inHood, body: 'My kids noticed it too.' } });
  assert.equal(comment.statusCode, 201, comment.body);
  const follow = await api(p, { method: 'PUT', url: `/api/v1/follows/problem_report/${inHood}`, as: neighbour });
  assert.equal(follow.statusCode, 200, follow.body);

  for (const who of [neighbour, admin, moderator]) {
    const flagged = await api(p, { method: 'POST', url: '/api/v1/reports', as: who, body: { resourceType: 'problem_report', resourceId: inHood, reason: 'spam' } });
    assert.equal(flagged.statusCode, 201, flagged.body);
  }
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/problem-reports/${inHood}` })).statusCode, 404);
  assert.deepEqual(await ids(''), [inCity]);
  assert.equal((await detailOf(inHood, reporter)).report.hidden, true);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/problem-reports/${inHood}`, as: parks.official })).statusCode, 200);
  assert.ok((await api(p, { method: 'GET', url: '/api/v1/problem-reports/mine', as: reporter })).json().reports.some((r: { id: string }) => r.id === inHood));
});
