import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser } from '../../../test/helpers/factories.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo.js';
import { modules } from '../../server/modules.js';
import { drawHearing, hearingDrawSeed } from './sortition.js';
import type { DrawRecord, HearingDetail, HearingSummary, SubmissionsResponse } from './schemas.js';

const DAY = 86_400_000;
let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  // The demo municipality (areas, people, departments) and this module's part of it.
  await seedDemo(p.deps, modules.filter((m) => m.name === 'hearings'));
});
after(async () => {
  await p?.close();
});

test('the demo has a hearing next week taking registrations, in both languages, with questions co-signed onto the agenda', async () => {
  const list = await api(p, { method: 'GET', url: '/api/v1/hearings?when=upcoming' });
  const upcoming = list.json().hearings as HearingSummary[];
  assert.equal(upcoming.length, 1);
  const next = upcoming[0]!;
  const inDays = (new Date(next.startsAt).getTime() - p.clock.now().getTime()) / DAY;
  assert.ok(inDays > 5 && inDays < 9, `starts in ${inDays} days`);
  assert.equal(next.stage, 'registration_open');
  assert.match(next.titleZh ?? '', /听证会/);
  assert.ok(next.applicants >= 10);
  const detail: HearingDetail = (await api(p, { method: 'GET', url: `/api/v1/hearings/${next.id}` })).json();
  assert.equal(detail.hearing.panel.length, 4);
  assert.equal(detail.hearing.panel[0]!.role, 'chair');
  assert.ok(detail.hearing.agenda.every((a) => a.titleZh));
  assert.ok(detail.hearing.counts.against >= 2 && detail.hearing.counts.for >= 3);
  const questions: SubmissionsResponse = (await api(p, { method: 'GET', url: `/api/v1/hearings/${next.id}/submissions?kind=question` })).json();
  assert.equal(questions.submissions.filter((s) => s.onAgenda).length, 3);
  assert.ok(questions.submissions[0]!.cosignsCount >= questions.submissions[1]!.cosignsCount);
  // A verified demo resident who has not applied yet can.
  const login = await api(p, { method: 'POST', url: '/api/v1/auth/login', body: { email: 'kenji.sato@lakeview.demo', password: DEMO_PASSWORD } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const me = (await p.app.inject({ method: 'GET', url: `/api/v1/hearings/${next.id}`, headers: { cookie } })).json() as HearingDetail;
  assert.equal(me.abilities.register, true, JSON.stringify(me.registrationBlocked));
  assert.equal(me.myRegistration, null);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/hearings/${next.id}`, as: await createUser(p) })).json().registrationBlocked.code, 'requires_verification');
});

test('the demo has a past hearing drawn by lot, with minutes, answers and a response report in time, and one whose report is overdue', async () => {
  const past = (await api(p, { method: 'GET', url: '/api/v1/hearings?when=past' })).json().hearings as HearingSummary[];
  assert.equal(past.length, 2);
  const fares = past.find((h) => h.stage === 'reported')!;
  const detail: HearingDetail = (await api(p, { method: 'GET', url: `/api/v1/hearings/${fares.id}`, lang: 'zh-CN' })).json();
  assert.ok(detail.minutes?.textZh);
  assert.equal(detail.answers.length, 4);
  assert.ok(detail.answers.filter((a) => a.submissionId).length >= 3);
  assert.equal(detail.report!.items.length, 4);
  assert.ok(detail.report!.summaryZh);
  assert.equal(detail.hearing.deadline?.state, 'answered');
  assert.equal(detail.hearing.deadline?.answeredLate, false);
  assert.equal(detail.speakers.length, 3);

  const record: DrawRecord = (await api(p, { method: 'GET', url: `/api/v1/hearings/${fares.id}/draw` })).json();
  assert.equal(record.lot, true);
  assert.equal(record.applicants!.length, 12);
  const seed = hearingDrawSeed({ hearingId: fares.id, publicValue: record.publicValue!, applicantIds: record.applicants!.map((a) => a.id) });
  const again = drawHearing({ seed, applicants: record.applicants!, seats: record.seats, speakingSlots: record.speakingSlots, stratification: { mode: 'proportional' } });
  assert.deepEqual(again.seats.selected, record.result!.seats.selected);

  const overdue = past.find((h) => h.deadline?.state === 'overdue')!;
  assert.ok(overdue, 'the water-quality report is overdue');
  const water: HearingDetail = (await api(p, { method: 'GET', url: `/api/v1/hearings/${overdue.id}` })).json();
  assert.ok(water.hearing.reportOverdueAt);
  assert.ok(water.minutes);
  assert.equal(water.report, null);
});
