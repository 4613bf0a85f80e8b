import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor } from '../../core/permissions/actor.js';
import { makeCalendar } from '../../core/calendar/working-days.js';
import { askQuestion, answerQuestion } from '../questions/index.js';
import { verifiedResidents } from '../proposals/testing.js';
import { createCommitment } from './operations/create-commitment.js';
import { reportProgress } from './operations/report-progress.js';
import { rateCommitment } from './operations/rate-commitment.js';
import { commitmentInput, depsAt } from './testing.js';
import { lastQuarters, monthsBefore, periodOf } from './scorecards/periods.js';
import { assessImageProjects, quantile, DEFAULT_IMAGE_FORMULA, type ImageCandidate } from './image-project.js';

const DAY = 86_400_000;
let p: TestPlatform;

before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await p?.close();
});

test('periods and quarters are civil dates in the calendar time zone', () => {
  const calendar = makeCalendar({ timeZone: 'Asia/Shanghai' });
  const now = new Date('2026-03-02T09:00:00Z');
  const year = periodOf('this_year', now, calendar);
  assert.equal(year.fromDate, '2026-01-01');
  assert.equal(year.from.toISOString(), '2025-12-31T16:00:00.000Z');
  assert.equal(periodOf('last_year', now, calendar).toDate, '2026-01-01');
  const twelve = periodOf('last_12_months', now, calendar);
  assert.deepEqual([twelve.fromDate, twelve.toDate], ['2025-03-03', '2026-03-03']);
  assert.equal(monthsBefore('2026-03-31', 1), '2026-02-28');
  assert.deepEqual(lastQuarters(now, calendar, 3).map((q) => q.key), ['2025-Q3', '2025-Q4', '2026-Q1']);
});

test('the image-project formula: top quartile of peers by spending and low benefit with enough ratings', () => {
  assert.equal(quantile([1, 2, 3, 4], 0.75), 3.25);
  const base = { kind: 'commitment' as const, areaLevel: 'city', cancelled: false, plannedBudget: 0, benefitAverage: 4, ratings: 10 };
  const list: ImageCandidate[] = [
    { ...base, id: 'a', spent: 100 },
    { ...base, id: 'b', spent: 200 },
    { ...base, id: 'c', spent: 300 },
    { ...base, id: 'd', spent: 900, benefitAverage: 1.8 },
    { ...base, id: 'e', spent: 950, benefitAverage: 2, ratings: 2 },
    { ...base, id: 'f', spent: 5000, benefitAverage: 1, areaLevel: 'district' },
  ];
  const result = assessImageProjects(list, DEFAULT_IMAGE_FORMULA);
  assert.equal(result.get('d')!.spendHigh, true);
  assert.equal(result.get('d')!.flagged, true);
  assert.equal(result.get('e')!.flagged, false, 'too few ratings');
  assert.equal(result.get('a')!.flagged, false);
  assert.equal(result.get('f')!.peerThreshold, null, 'alone at its level');
  assert.equal(result.get('f')!.flagged, false);
  assert.equal(assessImageProjects(list, { ...DEFAULT_IMAGE_FORMULA, benefitThreshold: 1.5 }).get('d')!.flagged, false);
});

test('exact rating aggregates under concurrent rating, re-rating and one rating per resident per round', async () => {
  const areas = await createAreas(p);
  const dept = await createDepartment(p, 'Concurrency Bureau');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const { id } = orFail(await createCommitment(p.deps, systemActor('test'), commitmentInput(dept.id, { kind: 'commitment', status: 'adopted', areaId: areas.districtId })));
  orFail(await reportProgress(p.deps, official, { id, progress: 10, spent: 1000, note: 'Started.' }));
  const residents = await verifiedResidents(p, 40, areas.hoodId);
  const scoreOf = (i: number, pass: number) => ((i * 7 + pass * 3) % 5) + 1;
  const rate = (i: number, pass: number) =>
    rateCommitment(p.deps, residents[i]!, { id, benefit: scoreOf(i, pass), valueForMoney: scoreOf(i + 1, pass), openness: scoreOf(i + 2, pass), delivered: scoreOf(i + 3, pass) });
  const first = await Promise.all(residents.slice(0, 30).map((_, i) => rate(i, 0)));
  assert.ok(first.every((r) => r.ok && !r.value.changed));
  // Twenty of them change their rating while ten others rate for the first time, all at once.
  const second = await Promise.all([...Array.from({ length: 20 }, (_, i) => rate(i, 1)), ...Array.from({ length: 10 }, (_, i) => rate(30 + i, 0))]);
  assert.ok(second.every((r) => r.ok));
  assert.equal(second.filter((r) => r.ok && r.value.changed).length, 20);
  const expected = [0, 0, 0, 0, 0];
  for (let i = 0; i < 40; i++) expected[scoreOf(i, i < 20 ? 1 : 0) - 1]!++;
  const res = await api(p, { method: 'GET', url: `/api/v1/commitments/${id}` });
  const round = res.json().ratings.rounds.find((r: { round: string }) => r.round === 'after_start');
  assert.equal(round.count, 40);
  assert.deepEqual(round.benefit.distribution, expected);
  const sum = expected.reduce((a, n, i) => a + n * (i + 1), 0);
  assert.equal(round.benefit.average, sum / 40);
  const stored = await p.deps.db.selectFrom('commitment_ratings').select((eb) => eb.fn.countAll<number>().as('n')).where('commitment_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(Number(stored.n), 40);
});

test('scorecard numbers recomputed from the underlying records match the API and the CSV', async () => {
  const areas = await createAreas(p);
  const dept = await createDepartment(p, 'Scorecard Bureau');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const asker = (await loadUserActor(p.deps.db, (await createUser(p)).id))!;
  const now = p.clock.now().getTime();
  const at = (days: number) => depsAt(p, new Date(now - days * DAY));
  // Questions: asked 200, 150 and 120 days ago; two answered (one on time, one late), one never.
  const q1 = orFail(await askQuestion(at(200), asker, { departmentId: dept.id, title: 'Where is the new park?', body: 'Where exactly will the new park be built, and when?' }));
  orFail(await answerQuestion(at(198), official, { id: q1.id, answer: 'On the old rail yard, from May.' }));
  const q2 = orFail(await askQuestion(at(150), asker, { departmentId: dept.id, title: 'Who mows the verges?', body: 'Which department mows the grass verges along Lake Road?' }));
  orFail(await answerQuestion(at(90), official, { id: q2.id, answer: 'We do, twice a month in summer.' }));
  orFail(await askQuestion(at(120), asker, { departmentId: dept.id, title: 'When is the pool open?', body: 'What are the opening hours of the public pool in summer?' }));
  // Commitments: one completed before its planned end, one past its end and not completed, one completed late.
  const day = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString().slice(0, 10);
  const make = async (end: number, extra = {}) => orFail(await createCommitment(at(300), systemActor('test'), commitmentInput(dept.id, { kind: 'commitment', status: 'adopted', plannedStart: day(300), plannedEnd: day(end), areaId: areas.hoodId, ...extra }))).id;
  const c1 = await make(60, { plannedBudget: 100_000 });
  orFail(await reportProgress(at(80), official, { id: c1, progress: 100, spent: 90_000, note: 'Done early.', complete: true }));
  await make(30);
  const c3 = await make(100, { plannedBudget: 50_000 });
  orFail(await reportProgress(at(70), official, { id: c3, progress: 100, spent: 60_000, note: 'Done late.', complete: true }));
  const raters = await verifiedResidents(p, 3, areas.hoodId);
  for (const [i, r] of raters.entries()) orFail(await rateCommitment(p.deps, r, { id: c1, benefit: 5, valueForMoney: 4 - i, openness: 3, delivered: 5 }));

  const res = await api(p, { method: 'GET', url: '/api/v1/scorecards?period=last_12_months' });
  assert.equal(res.statusCode, 200, res.body);
  const card = res.json();
  const from = new Date(card.period.from);
  const to = new Date(Math.min(new Date(card.period.to).getTime(), now + 1));
  const row = card.departments.find((d: { department: { id: string } }) => d.department.id === dept.id);
  assert.ok(row, 'the department has a row');
  // Every module with department records contributes its columns, in module order.
  const keys = card.columns.map((c: { key: string }) => c.key);
  for (const key of ['proposals.answers_on_time_share', 'questions.on_time_share', 'hearings.reports_on_time_share', 'reports.fixed_on_time_share', 'requests.on_time_share', 'requests.refusal_rate', 'supervision.substantiated', 'accountability.on_time_share']) {
    assert.ok(keys.includes(key), key);
  }
  assert.deepEqual(row.values['requests.on_time_share'], { value: null, basis: 0 }, 'no requests: nothing to measure, not zero');

  // Recompute from the rows themselves.
  const questions = await p.deps.db.selectFrom('questions').selectAll().where('department_id', '=', dept.id).execute();
  const due = questions.filter((q) => q.answer_due_at >= from && q.answer_due_at < to && q.state !== 'declined');
  const onTime = due.filter((q) => q.answered_at && q.answered_at < q.answer_due_at).length;
  assert.equal(due.length, 3);
  assert.deepEqual(row.values['questions.on_time_share'], { value: onTime / due.length, basis: due.length });
  assert.equal(row.values['questions.on_time_share'].value, 1 / 3);

  const commitments = await p.deps.db.selectFrom('commitments').selectAll().where('department_id', '=', dept.id).execute();
  // The calendar is UTC in tests: the planned end day ends at the next midnight UTC.
  const deadline = (c: (typeof commitments)[number]) => new Date(`${c.planned_end}T00:00:00Z`).getTime() + DAY;
  const judged = commitments.filter((c) => deadline(c) >= from.getTime() && deadline(c) < to.getTime());
  const cOnTime = judged.filter((c) => c.completed_at && c.completed_at.getTime() < deadline(c)).length;
  assert.deepEqual(row.values['accountability.on_time_share'], { value: cOnTime / judged.length, basis: judged.length });
  assert.deepEqual([cOnTime, judged.length], [1, 3]);
  assert.deepEqual(row.values['accountability.late'], { value: 2, basis: 3 });
  const completed = commitments.filter((c) => c.completed_at && c.completed_at >= from && c.completed_at < to);
  const spend = completed.reduce((a, c) => a + Number(c.spent), 0) / completed.reduce((a, c) => a + Number(c.planned_budget), 0);
  assert.equal(row.values['accountability.spend_vs_plan'].value, spend);
  assert.equal(spend, 150_000 / 150_000);
  const ratings = await p.deps.db.selectFrom('commitment_ratings').selectAll().where('commitment_id', '=', c1).execute();
  const mean = ratings.reduce((a, r) => a + (r.benefit + r.value_for_money + r.openness + r.delivered) / 4, 0) / ratings.length;
  assert.ok(Math.abs(row.values['accountability.average_rating'].value - mean) < 1e-9);
  assert.equal(row.values['accountability.average_rating'].basis, 3);

  // The CSV says the same.
  const csv = await api(p, { method: 'GET', url: '/api/v1/scorecards.csv?period=last_12_months' });
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.trim().split('\r\n').map((l) => l.split(','));
  const header = lines[0]!;
  const line = lines.find((l) => l[0] === dept.id)!;
  assert.equal(Number(line[header.indexOf('questions.on_time_share')]), 1 / 3);
  assert.equal(Number(line[header.indexOf('accountability.late')]), 2);

  // The trend by quarter sums to the same judged total.
  const trend = await api(p, { method: 'GET', url: '/api/v1/scorecards/trend?metric=accountability.on_time_share&quarters=6' });
  const series = trend.json().series.find((s: { department: { id: string } }) => s.department.id === dept.id);
  assert.equal(series.values.reduce((a: number, v: { basis: number }) => a + v.basis, 0), 3);

  // With an area, only departments serving it (this one has no area: it serves everywhere).
  const local = await api(p, { method: 'GET', url: `/api/v1/scorecards?period=last_12_months&areaId=${areas.hoodId}` });
  assert.ok(local.json().departments.some((d: { department: { id: string } }) => d.department.id === dept.id));
});
