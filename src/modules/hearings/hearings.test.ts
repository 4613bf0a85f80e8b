import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../core/calendar/working-days.js';
import { announceAs, hearingBody, registerAll, residents } from './testing.js';
import { drawHearing, hearingDrawSeed } from './sortition.js';
import { runHearingsCli } from './cli.js';
import type { DrawRecord, HearingDetail, SubmissionsResponse } from './schemas.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;

before(async () => {
  // Sessions outlive the clock's jumps of several weeks.
  p = await createTestPlatform({ SESSION_TTL_HOURS: String(24 * 365) });
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Urban Management Bureau');
  admin = await createUser(p, { roles: ['administrator'] });
});
after(async () => {
  await p?.close();
});

async function detail(id: string, as?: TestUser | null): Promise<HearingDetail> {
  const res = await api(p, { method: 'GET', url: `/api/v1/hearings/${id}`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const fieldCodes = (res: { json(): any }) => Object.fromEntries((res.json().error.fields ?? []).map((f: { path: string; code: string }) => [f.path, f.code]));

test('announcing: bad input gets 400 with a message per field; only officials of the department and administrators announce', async () => {
  const url = '/api/v1/hearings';
  const schema = await api(p, { method: 'POST', url, as: dept.official, body: { ...hearingBody(p, dept.id), title: 'Hi', seats: -1, onlineUrl: 'ftp://x', stray: 1 } });
  assert.equal(schema.statusCode, 400);
  assert.equal(schema.json().error.code, 'validation_failed');
  const schemaFields = fieldCodes(schema);
  assert.ok(schemaFields.title && schemaFields.seats && schemaFields.onlineUrl, schema.body);
  assert.ok(schema.json().error.fields.every((f: { message: string }) => f.message && !f.message.startsWith('error.')));

  const now = p.clock.now().getTime();
  const rules = await api(p, {
    method: 'POST',
    url,
    as: dept.official,
    body: {
      ...hearingBody(p, dept.id),
      startsAt: new Date(now + 7 * DAY).toISOString(),
      endsAt: new Date(now + 6 * DAY).toISOString(),
      registrationClosesAt: new Date(now + 8 * DAY).toISOString(),
      location: null,
      onlineUrl: null,
      panel: [{ postId: dept.postId, role: 'chair' }, { postId: dept.postId }],
      stratification: 'quotas',
      quotas: { [areas.districtSlug]: 5, nowhere: 1 },
    },
  });
  assert.equal(rules.statusCode, 400, rules.body);
  assert.deepEqual(fieldCodes(rules), {
    endsAt: 'hearing_ends_before_start',
    registrationClosesAt: 'registration_closes_after_start',
    location: 'hearing_place_required',
    'panel.1.postId': 'panel_post_duplicate',
    'quotas.nowhere': 'unknown_stratum',
    quotas: 'quotas_exceed_seats',
  });
  const zh = await api(p, { method: 'POST', url, as: dept.official, lang: 'zh-CN', body: { ...hearingBody(p, dept.id), location: null, onlineUrl: null } });
  assert.match(zh.json().error.fields[0].message, /地点/);

  const past = await api(p, { method: 'POST', url, as: dept.official, body: hearingBody(p, dept.id, {}, { opensInDays: -3, closesInDays: -2, startsInDays: -1 }) });
  assert.equal(fieldCodes(past).startsAt, 'hearing_starts_in_past');

  const stranger = await createUser(p);
  assert.equal((await api(p, { method: 'POST', url, as: stranger, body: hearingBody(p, dept.id) })).json().error.code, 'not_an_official');
  assert.equal((await api(p, { method: 'POST', url, body: hearingBody(p, dept.id) })).statusCode, 401);
  const byAdmin = await api(p, { method: 'POST', url, as: admin, body: hearingBody(p, dept.id) });
  assert.equal(byAdmin.statusCode, 201, byAdmin.body);

  const created = await api(p, { method: 'POST', url, as: dept.official, body: { ...hearingBody(p, dept.id), panel: [{ postId: dept.postId, role: 'chair' }], areaId: areas.cityId } });
  assert.equal(created.statusCode, 201, created.body);
  const d = await detail(created.json().id);
  assert.equal(d.hearing.stage, 'registration_open');
  assert.equal(d.hearing.panel[0]!.post.title, 'Director');
  assert.equal(d.hearing.agenda.length, 2);
  assert.equal(d.hearing.responseWorkingDays, 20);
  const expectedDue = deadlineFor(new Date(d.hearing.startsAt), 20, await loadCalendar(p.deps.db))!;
  assert.equal(d.hearing.reportDueAt, expectedDue.toISOString());
  assert.deepEqual(d.strata.map((s) => s.key), [areas.districtSlug, 'other']);
});

test('registration: the window, who may apply, one application per person and organization, and changing it', async () => {
  const id = await announceAs(p, dept.official, dept.id, { speakingSlots: 0 }, { opensInDays: 1, closesInDays: 3, startsInDays: 5 });
  const url = `/api/v1/hearings/${id}/registration`;
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const body = { kind: 'attend', position: 'against', statement: 'Shops on Lakeshore Road need deliveries.' };

  const early = await api(p, { method: 'PUT', url, as: resident, body });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'registration_not_open_yet');
  assert.equal((await detail(id, resident)).registrationBlocked?.code, 'registration_not_open_yet');

  p.clock.advance(1 * DAY + HOUR);
  assert.equal((await api(p, { method: 'PUT', url, body })).statusCode, 401);
  const unverified = await createUser(p);
  assert.equal((await api(p, { method: 'PUT', url, as: unverified, body })).json().error.code, 'requires_verification');
  assert.equal((await detail(id, unverified)).registrationBlocked?.code, 'requires_verification');
  const bad = await api(p, { method: 'PUT', url, as: resident, body: { kind: 'shout', position: 'maybe', statement: '' } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(Object.keys(fieldCodes(bad)).sort(), ['kind', 'position', 'statement']);
  const noSlots = await api(p, { method: 'PUT', url, as: resident, body: { ...body, kind: 'speak' } });
  assert.equal(noSlots.statusCode, 400);
  assert.equal(fieldCodes(noSlots).kind, 'no_speaking_slots');

  const first = await api(p, { method: 'PUT', url, as: resident, body });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().created, true);
  const again = await api(p, { method: 'PUT', url, as: resident, body: { ...body, position: 'neutral' } });
  assert.equal(again.json().created, false);
  assert.equal(again.json().id, first.json().id);
  const mine = await detail(id, resident);
  assert.equal(mine.myRegistration?.position, 'neutral');
  assert.equal(mine.myRegistration?.status, 'applied');
  assert.equal(mine.hearing.counts.applicants, 1);
  assert.equal(mine.abilities.withdraw, true);

  // Representatives apply for their organization, one registration per organization.
  const org = await createOrganization(p);
  const forOrg = await api(p, { method: 'PUT', url, as: org.rep, body: { ...body, organizationId: org.id } });
  assert.equal(forOrg.statusCode, 200, forOrg.body);
  const colleague = await createUser(p);
  await p.deps.db.insertInto('organization_members').values({ organization_id: org.id, user_id: colleague.id, role: 'representative', created_at: p.clock.now() } as never).execute();
  const second = await api(p, { method: 'PUT', url, as: colleague, body: { ...body, organizationId: org.id } });
  assert.equal(second.statusCode, 409, second.body);
  assert.equal(second.json().error.code, 'organization_already_registered');
  const notTheirs = await api(p, { method: 'PUT', url, as: resident, body: { ...body, organizationId: org.id } });
  assert.equal(notTheirs.json().error.code, 'not_a_representative');

  // Withdrawing and applying again renews the same application.
  assert.equal((await api(p, { method: 'DELETE', url, as: resident })).statusCode, 200);
  assert.equal((await detail(id, resident)).myRegistration?.status, 'withdrawn');
  assert.equal((await api(p, { method: 'DELETE', url, as: resident })).json().error.code, 'not_registered');
  assert.equal((await api(p, { method: 'PUT', url, as: resident, body })).json().id, first.json().id);

  p.clock.advance(2 * DAY);
  const late = await api(p, { method: 'PUT', url, as: resident, body });
  assert.equal(late.json().error.code, 'registration_closed');
  assert.equal((await detail(id, resident)).abilities.register, false);
});

test('the draw: oversubscribed places are drawn from the announced public value, published, and anyone can re-run it', async () => {
  const id = await announceAs(p, dept.official, dept.id, { seats: 3, speakingSlots: 2, stratification: 'proportional', areaId: areas.cityId }, { closesInDays: 2, startsInDays: 4 });
  const people = await residents(p, 9, areas.hoodId);
  await registerAll(p, id, people, 4);
  const drawUrl = `/api/v1/hearings/${id}/draw`;

  const open = await api(p, { method: 'GET', url: drawUrl });
  assert.equal(open.json().status, 'open');
  assert.equal(open.json().applicants, null);
  assert.equal(open.json().applicantCount, 9);
  const tooEarly = await api(p, { method: 'POST', url: drawUrl, as: dept.official, body: { publicValue: '1' } });
  assert.equal(tooEarly.json().error.code, 'registration_still_open');

  p.clock.advance(2 * DAY + HOUR);
  const pending: DrawRecord = (await api(p, { method: 'GET', url: drawUrl })).json();
  assert.equal(pending.status, 'pending');
  assert.equal(pending.applicants!.length, 9);
  assert.ok(pending.applicants!.every((a) => a.stratum === areas.districtSlug));
  const resident = people[0]!;
  assert.equal((await api(p, { method: 'POST', url: drawUrl, as: resident, body: { publicValue: '1' } })).json().error.code, 'not_an_official');
  const noValue = await api(p, { method: 'POST', url: drawUrl, as: dept.official, body: {} });
  assert.equal(noValue.statusCode, 400);
  assert.equal(fieldCodes(noValue).publicValue, 'public_value_required');

  const publicValue = '07 14 21 28 35 + 06';
  const drawn = await api(p, { method: 'POST', url: drawUrl, as: dept.official, body: { publicValue } });
  assert.equal(drawn.statusCode, 200, drawn.body);
  assert.deepEqual(drawn.json(), { lot: true, speakers: 2, attendees: 3, waiting: 4 });
  assert.equal((await api(p, { method: 'POST', url: drawUrl, as: dept.official, body: { publicValue } })).json().error.code, 'already_drawn');

  const record: DrawRecord = (await api(p, { method: 'GET', url: drawUrl })).json();
  assert.equal(record.status, 'drawn');
  assert.equal(record.publicValue, publicValue);
  assert.equal(record.publicSource, 'The Welfare Lottery numbers drawn the evening registration closes');
  assert.deepEqual(record.applicants, pending.applicants);
  // Re-running the published inputs with the pure function gives the published result.
  const seed = hearingDrawSeed({ hearingId: id, publicValue, applicantIds: record.applicants!.map((a) => a.id) });
  assert.equal(record.seed, seed);
  const again = drawHearing({ seed, applicants: record.applicants!, seats: 3, speakingSlots: 2, stratification: { mode: 'proportional' } });
  assert.deepEqual(record.result!.speakers.selected, again.speakers.selected);
  assert.deepEqual(record.result!.seats.order, again.seats.order);
  // And so does the command line, from the downloaded record.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-draw-'));
  try {
    fs.writeFileSync(path.join(dir, 'draw.json'), JSON.stringify(record));
    let out = '';
    const code = await runHearingsCli(['draw', path.join(dir, 'draw.json')], { stdout: (t) => (out += t), stderr: () => {} });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).matches, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Every applicant knows where they stand; the public sees the speakers.
  const statuses = await Promise.all(people.map(async (person) => (await detail(id, person)).myRegistration!));
  const speakers = new Set(record.result!.speakers.selected);
  for (const r of statuses) {
    if (speakers.has(r.id)) assert.equal(r.status, 'speaker');
    else if (record.result!.seats.selected.includes(r.id)) assert.equal(r.status, 'attendee');
    else {
      assert.equal(r.status, 'waiting');
      assert.equal(r.waitingRank, record.result!.seats.waiting.indexOf(r.id) + 1);
    }
  }
  const publicView = await detail(id);
  assert.deepEqual(publicView.speakers.map((s) => s.registrationId), record.result!.speakers.selected);
  assert.equal(publicView.hearing.stage, 'registration_closed');
  const notes = await p.deps.db.selectFrom('notifications').select('kind').where('resource_id', '=', id).execute();
  assert.equal(notes.filter((n) => n.kind.startsWith('hearing.place_')).length, 9);
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'data']).where('resource_id', '=', id).where('action', '=', 'hearing.drawn').executeTakeFirstOrThrow();
  assert.equal(audit.public, true);
  assert.equal((audit.data as { seed: string }).seed, seed);

  // The officials' list names everyone, with their stratum.
  const list = await api(p, { method: 'GET', url: `/api/v1/hearings/${id}/registrations`, as: dept.official });
  assert.equal(list.json().registrations.length, 9);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/hearings/${id}/registrations`, as: resident })).statusCode, 403);

  // Places settings are fixed by the draw; other details may still change, and registrants hear of a new time.
  const locked = await api(p, { method: 'PATCH', url: `/api/v1/hearings/${id}`, as: dept.official, body: { seats: 10 } });
  assert.equal(locked.json().error.code, 'hearing_already_drawn');
  const moved = await api(p, {
    method: 'PATCH',
    url: `/api/v1/hearings/${id}`,
    as: dept.official,
    body: { startsAt: new Date(p.clock.now().getTime() + 3 * DAY).toISOString(), endsAt: new Date(p.clock.now().getTime() + 3 * DAY + 2 * HOUR).toISOString(), seats: 3 },
  });
  assert.equal(moved.statusCode, 200, moved.body);
  const changed = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'hearing.changed').execute();
  assert.equal(changed.length, 9);
});

test('withdrawing after the draw gives the place to the next in line', async () => {
  const id = await announceAs(p, dept.official, dept.id, { seats: 2, speakingSlots: 1 }, { closesInDays: 1, startsInDays: 3 });
  const people = await residents(p, 6);
  const regIds = await registerAll(p, id, people, 3);
  p.clock.advance(DAY + HOUR);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/draw`, as: admin, body: { publicValue: 'abc' } })).statusCode, 200);
  const record: DrawRecord = (await api(p, { method: 'GET', url: `/api/v1/hearings/${id}/draw` })).json();
  const personOf = (registrationId: string) => people[regIds.indexOf(registrationId)]!;
  const statusOf = async (registrationId: string) => (await detail(id, personOf(registrationId))).myRegistration!.status;

  // The speaker withdraws: the next would-be speaker in the speakers' order speaks; if they had a seat, the first waiting gets it.
  const speaker = record.result!.speakers.selected[0]!;
  const nextSpeaker = record.result!.speakers.order[1]!;
  const hadSeat = record.result!.seats.selected.includes(nextSpeaker);
  const firstWaiting = record.result!.seats.waiting[0]!;
  const res = await api(p, { method: 'DELETE', url: `/api/v1/hearings/${id}/registration`, as: personOf(speaker) });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().promoted, hadSeat ? 2 : 1);
  assert.equal(await statusOf(speaker), 'withdrawn');
  assert.equal(await statusOf(nextSpeaker), 'speaker');
  if (hadSeat) assert.equal(await statusOf(firstWaiting), 'attendee');
  const reassigned = await p.deps.db.selectFrom('audit_log').select('public').where('resource_id', '=', id).where('action', '=', 'hearing.places_reassigned').executeTakeFirstOrThrow();
  assert.equal(reassigned.public, true);

  // An attendee withdraws: the first still waiting gets the seat.
  const attendee = (await Promise.all(regIds.map(async (r) => [r, await statusOf(r)] as const))).find(([, s]) => s === 'attendee')![0];
  const waitingNow: string[] = [];
  for (const r of record.result!.seats.waiting) if ((await statusOf(r)) === 'waiting') waitingNow.push(r);
  await api(p, { method: 'DELETE', url: `/api/v1/hearings/${id}/registration`, as: personOf(attendee) });
  if (waitingNow.length > 0) assert.equal(await statusOf(waitingNow[0]!), 'attendee');
});

test('written questions: registered people write and co-sign; the most co-signed go on the agenda, ties by the earliest', async () => {
  const id = await announceAs(p, dept.official, dept.id, { agendaQuestions: 2 }, { closesInDays: 2, startsInDays: 4 });
  const people = await residents(p, 5);
  await registerAll(p, id, people.slice(0, 4));
  const outsider = people[4]!;
  const url = `/api/v1/hearings/${id}/submissions`;
  const ask = async (as: TestUser, body: string, kind = 'question') => {
    const res = await api(p, { method: 'POST', url, as, body: { kind, body } });
    assert.equal(res.statusCode, 201, res.body);
    p.clock.advance(60_000);
    return res.json().id as string;
  };
  const [a, b, c, d] = people;
  const q1 = await ask(a!, 'How many parking spaces will be lost?');
  const q2 = await ask(b!, 'Will deliveries still reach the market stalls?');
  const q3 = await ask(c!, 'What about the bus stop at the ferry pier?');
  await ask(d!, 'Car-free weekends would make the lake path far safer.', 'opinion');

  assert.equal((await api(p, { method: 'POST', url, as: outsider, body: { kind: 'question', body: 'Can I ask without registering?' } })).json().error.code, 'registration_required');
  assert.equal((await api(p, { method: 'POST', url, body: { kind: 'question', body: 'Anonymous question here?' } })).statusCode, 401);
  assert.equal((await api(p, { method: 'POST', url, as: a, body: { kind: 'question', body: 'short' } })).statusCode, 400);

  const cosign = (as: TestUser, submission: string, method: 'POST' | 'DELETE' = 'POST') => api(p, { method, url: `${url}/${submission}/cosign`, as, body: method === 'POST' ? {} : undefined });
  assert.equal((await cosign(c!, q3)).json().error.code, 'cannot_cosign_own');
  assert.equal((await cosign(outsider, q3)).json().error.code, 'registration_required');
  assert.deepEqual((await cosign(a!, q3)).json(), { cosigned: true, cosignsCount: 1 });
  assert.deepEqual((await cosign(a!, q3)).json(), { cosigned: true, cosignsCount: 1 }, 'idempotent');
  await cosign(b!, q3);
  await cosign(d!, q2);
  await cosign(c!, q1);
  await cosign(d!, q1);
  assert.deepEqual((await cosign(d!, q1, 'DELETE')).json(), { cosigned: false, cosignsCount: 1 });

  // q3: 2, q1: 1, q2: 1 (q1 is earlier than q2); the top two are on the agenda.
  const list: SubmissionsResponse = (await api(p, { method: 'GET', url: `${url}?kind=question`, as: a })).json();
  assert.deepEqual(list.submissions.map((s) => [s.id, s.cosignsCount, s.rank, s.onAgenda]), [
    [q3, 2, 1, true],
    [q1, 1, 2, true],
    [q2, 1, 3, false],
  ]);
  assert.equal(list.submissions[0]!.cosignedByMe, true);
  assert.equal(list.submissions[1]!.mine, true);
  assert.equal(list.submissions[1]!.canCosign, false);
  const all: SubmissionsResponse = (await api(p, { method: 'GET', url })).json();
  assert.equal(all.submissions.length, 4);
  assert.equal(all.submitBlocked?.code, 'not_authenticated');

  // Hidden by moderation: out of the ranking.
  await p.deps.db.updateTable('hearing_submissions').set({ hidden_at: p.clock.now() }).where('id', '=', q3).execute();
  const after: SubmissionsResponse = (await api(p, { method: 'GET', url: `${url}?kind=question` })).json();
  assert.deepEqual(after.submissions.map((s) => [s.id, s.rank]), [[q1, 1], [q2, 2]]);

  p.clock.advance(4 * DAY);
  assert.equal((await api(p, { method: 'POST', url, as: a, body: { kind: 'question', body: 'Too late for a question?' } })).json().error.code, 'submissions_closed');
  assert.equal((await cosign(b!, q1)).json().error.code, 'submissions_closed');
});

test('the whole life of a hearing with the clock: announce, register, draw, hold, minutes and answers, the report deadline enforced', async () => {
  const announce = await api(p, {
    method: 'POST',
    url: '/api/v1/hearings',
    as: dept.official,
    body: { ...hearingBody(p, dept.id, { responseWorkingDays: 10, seats: 10 }, { closesInDays: 3, startsInDays: 6 }), panel: [{ postId: dept.postId, role: 'chair' }] },
  });
  assert.equal(announce.statusCode, 201, announce.body);
  const id: string = announce.json().id;
  const people = await residents(p, 3);
  await registerAll(p, id, people, 1);
  const follower = await createUser(p);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/follows/hearing/${id}`, as: follower, body: {} })).statusCode, 200);
  const question = await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/submissions`, as: people[1]!, body: { kind: 'question', body: 'When will the works start?' } });
  assert.equal(question.statusCode, 201);

  // Not oversubscribed: places are allocated without a lot.
  p.clock.advance(3 * DAY + HOUR);
  const allocated = await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/draw`, as: dept.official, body: {} });
  assert.deepEqual(allocated.json(), { lot: false, speakers: 1, attendees: 2, waiting: 0 });
  assert.equal((await detail(id, people[0]!)).myRegistration!.status, 'speaker');

  // Before the hearing, neither minutes nor a report.
  const minutesUrl = `/api/v1/hearings/${id}/minutes`;
  const minutes = {
    minutes: 'The director presented the plan. Three residents spoke; the panel answered questions on parking and deliveries.',
    minutesZh: '局长介绍了方案。三位居民发言；听证人回答了关于停车和送货的问题。',
    answers: [
      { submissionId: question.json().id, question: 'When will the works start?', askedBy: 'A resident', answer: 'In May, after the school term plan is agreed.' },
      { question: 'Will there be a trial weekend?', answer: 'Yes, one in April.', answerZh: '会，四月试行一个周末。' },
    ],
  };
  assert.equal((await api(p, { method: 'PUT', url: minutesUrl, as: dept.official, body: minutes })).json().error.code, 'hearing_not_held_yet');
  const report = {
    summary: 'The department heard three main opinions and will adjust the plan as follows.',
    items: [
      { opinion: 'Keep deliveries possible in the mornings', decision: 'adopted', response: 'Deliveries stay allowed from 6 to 10 a.m.', reference: 'https://example.org/processes/green-streets' },
      { opinion: 'Close the road every day, not only at weekends', decision: 'not_adopted', response: 'We start with weekends and review after a year.' },
    ],
  };
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/report`, as: dept.official, body: report })).json().error.code, 'hearing_not_held_yet');

  // The hearing takes place.
  p.clock.advance(3 * DAY);
  const held = await detail(id);
  assert.equal(held.hearing.stage, 'in_session');
  assert.equal(held.hearing.deadline!.state, 'due');
  assert.equal(held.hearing.deadline!.workingDays, 10);
  assert.equal((await api(p, { method: 'PUT', url: minutesUrl, as: people[0]!, body: minutes })).json().error.code, 'not_an_official');
  assert.equal((await api(p, { method: 'PUT', url: minutesUrl, as: admin, body: minutes })).json().error.code, 'not_an_official');
  const badRef = await api(p, { method: 'PUT', url: minutesUrl, as: dept.official, body: { ...minutes, answers: [{ ...minutes.answers[0], submissionId: id }] } });
  assert.equal(fieldCodes(badRef)['answers.0.submissionId'], 'hearing_submission_not_found');
  const recorded = await api(p, { method: 'PUT', url: minutesUrl, as: dept.official, body: minutes });
  assert.equal(recorded.statusCode, 200, recorded.body);
  const withMinutes = await detail(id);
  assert.equal(withMinutes.minutes!.post!.title, 'Director');
  assert.equal(withMinutes.answers.length, 2);
  assert.equal(withMinutes.answers[1]!.answerZh, '会，四月试行一个周末。');
  const followerNotes = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', follower.id).where('resource_id', '=', id).execute();
  assert.deepEqual(followerNotes.map((n) => n.kind), ['hearing.minutes']);

  // Nobody writes the report: the sweep flags it overdue once the due date has passed, in public, with nobody acting.
  const dueAt = new Date(held.hearing.reportDueAt);
  p.clock.set(new Date(dueAt.getTime() - HOUR));
  await p.runJobs();
  assert.equal((await detail(id)).hearing.reportOverdueAt, null);
  p.clock.set(new Date(dueAt.getTime() + HOUR));
  await p.runJobs();
  await p.runJobs();
  const overdue = await detail(id);
  assert.ok(overdue.hearing.reportOverdueAt);
  assert.equal(overdue.hearing.deadline!.state, 'overdue');
  const flagged = await p.deps.db.selectFrom('audit_log').select(['public', 'actor_role']).where('resource_id', '=', id).where('action', '=', 'hearing.report_overdue').execute();
  assert.equal(flagged.length, 1, 'flagged once');
  assert.equal(flagged[0]!.public, true);
  assert.equal(flagged[0]!.actor_role, 'system');
  const officialNotes = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', dept.official.id).where('kind', '=', 'hearing.report_overdue').execute();
  assert.equal(officialNotes.length, 1);
  const overdueList = await api(p, { method: 'GET', url: `/api/v1/hearings?when=past&reportOverdue=true&departmentId=${dept.id}` });
  assert.ok(overdueList.json().hearings.some((h: { id: string }) => h.id === id));

  // The report comes, late: the deadline says so, and it is published once.
  const badReport = await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/report`, as: dept.official, body: { ...report, items: [] } });
  assert.equal(badReport.statusCode, 400);
  const published = await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/report`, as: dept.official, body: report });
  assert.equal(published.statusCode, 201, published.body);
  const done = await detail(id);
  assert.equal(done.hearing.stage, 'reported');
  assert.deepEqual(done.hearing.deadline, { state: 'answered', workingDays: 0, dueAt: dueAt.toISOString(), answeredLate: true });
  assert.equal(done.report!.items.length, 2);
  assert.equal(done.report!.items[0]!.reference, 'https://example.org/processes/green-streets');
  assert.equal(done.report!.post!.title, 'Director');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/report`, as: dept.official, body: report })).json().error.code, 'report_already_published');
  const audit = await p.deps.db.selectFrom('audit_log').select('data').where('resource_id', '=', id).where('action', '=', 'hearing.report_published').executeTakeFirstOrThrow();
  assert.equal((audit.data as { late: boolean }).late, true);
  const again = await detail(id);
  assert.equal(again.abilities.publishReport, false);
});

test('cancelling: registrants are told, nothing more is taken, and no report falls due', async () => {
  const id = await announceAs(p, dept.official, dept.id, {}, { closesInDays: 2, startsInDays: 3 });
  const people = await residents(p, 2);
  await registerAll(p, id, people);
  const reason = { reason: 'The plan was withdrawn by the city council.' };
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/cancel`, as: people[0]!, body: reason })).json().error.code, 'not_an_official');
  const cancelled = await api(p, { method: 'POST', url: `/api/v1/hearings/${id}/cancel`, as: dept.official, body: reason });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  const d = await detail(id, people[0]!);
  assert.equal(d.hearing.stage, 'cancelled');
  assert.equal(d.hearing.cancelReason, reason.reason);
  assert.equal(d.hearing.deadline, null);
  assert.equal(d.abilities.register, false);
  assert.equal(d.registrationBlocked?.code, 'hearing_cancelled');
  const notes = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'hearing.cancelled').execute();
  assert.equal(notes.length, 2);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/hearings/${id}/registration`, as: people[1]!, body: { kind: 'attend', position: 'for', statement: 'Still want to come.' } })).json().error.code, 'hearing_cancelled');
  const before = p.clock.now();
  p.clock.advance(120 * DAY);
  await p.runJobs();
  const row = await p.deps.db.selectFrom('hearings').select('report_overdue_at').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.report_overdue_at, null);
  p.clock.set(before);
});

test('a hearing inside a process: only a process that includes hearings, and registration follows its phase', async () => {
  const now = p.clock.now().getTime();
  const processBody = (components: string[], actions: Record<string, string[]>) => ({
    title: `Green streets ${now}`, summary: 'A process with a hearing', departmentId: dept.id, legalBasis: 'Ordinance art. 3', components, supportThreshold: 5, answerWorkingDays: 10,
    phases: [
      { title: 'Hearing registration', startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + DAY).toISOString(), actions },
      { title: 'Later', startsAt: new Date(now + DAY).toISOString(), endsAt: new Date(now + 30 * DAY).toISOString(), actions: {} },
    ],
  });
  const withHearings = await api(p, { method: 'POST', url: '/api/v1/processes', as: admin, body: processBody(['proposals', 'hearings'], { hearings: ['register', 'comment'] }) });
  assert.equal(withHearings.statusCode, 201, withHearings.body);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${withHearings.json().slug}/publish`, as: admin, body: {} })).statusCode, 200);
  const without = await api(p, { method: 'POST', url: '/api/v1/processes', as: admin, body: { ...processBody(['proposals'], { proposals: ['propose'] }), title: `Other ${now}` } });
  const wrong = await api(p, { method: 'POST', url: '/api/v1/hearings', as: dept.official, body: hearingBody(p, dept.id, { processId: without.json().id }) });
  assert.equal(fieldCodes(wrong).processId, 'process_without_hearings');

  const id = await announceAs(p, dept.official, dept.id, { processId: withHearings.json().id }, { closesInDays: 3, startsInDays: 5 });
  const listed = await api(p, { method: 'GET', url: `/api/v1/hearings?processId=${withHearings.json().id}` });
  assert.deepEqual(listed.json().hearings.map((h: { id: string }) => h.id), [id]);
  const [person] = await residents(p, 1);
  const body = { kind: 'attend', position: 'for', statement: 'I walk there every day.' };
  const registered = await api(p, { method: 'PUT', url: `/api/v1/hearings/${id}/registration`, as: person!, body });
  assert.equal(registered.statusCode, 200, registered.body);
  // The phase that opened registration is over, although the hearing's own window is still open.
  p.clock.advance(DAY + HOUR);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/hearings/${id}/registration`, as: person!, body })).json().error.code, 'registration_closed');
});

test('the iCal feed: valid RFC 5545 with every upcoming hearing, times in UTC, cancelled ones marked', async () => {
  const id = await announceAs(p, dept.official, dept.id, { title: 'Hearing on fares; buses, ferries and the night bus N7 through the old town, with a long title' });
  const res = await api(p, { method: 'GET', url: '/api/v1/hearings.ics' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/calendar/);
  const text = res.body;
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'CRLF line endings only');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  const unfolded = text.replace(/\r\n /g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1);
  const mine = events.find((e) => e.includes(`UID:hearing-${id}@`))!;
  assert.ok(mine, 'the new hearing is in the feed');
  for (const prop of ['DTSTAMP:', 'DTSTART:', 'DTEND:', 'SUMMARY:', 'LOCATION:', 'URL:']) assert.ok(mine.includes(`\r\n${prop}`), prop);
  assert.match(mine, /DTSTART:\d{8}T\d{6}Z\r\n/);
  assert.ok(mine.includes('SUMMARY:Hearing on fares\\; buses\\, ferries and the night bus N7'));
  assert.ok(mine.includes(`URL:http://localhost:80/hearings/${id}`) || /URL:https?:\/\/[^\r]+\/hearings\//.test(mine));
  const zh = await api(p, { method: 'GET', url: '/api/v1/hearings.ics?lang=zh-CN' });
  assert.ok(zh.body.replace(/\r\n /g, '').includes('SUMMARY:湖滨路步行区听证会'));
  const cancelled = events.filter((e) => e.includes('STATUS:CANCELLED'));
  assert.ok(cancelled.length >= 1, 'the cancelled hearing of the earlier test is marked');
});

test('the list: upcoming soonest first, past latest first, by area including the areas above', async () => {
  const inHood = await announceAs(p, dept.official, dept.id, { areaId: areas.hoodId }, { closesInDays: 1, startsInDays: 2 });
  const inOtherCity = await api(p, { method: 'POST', url: '/api/v1/hearings', as: dept.official, body: hearingBody(p, dept.id, { areaId: (await createAreas(p)).cityId }) });
  const upcoming = await api(p, { method: 'GET', url: `/api/v1/hearings?when=upcoming&areaId=${areas.districtId}&limit=100` });
  const ids = upcoming.json().hearings.map((h: { id: string }) => h.id);
  assert.ok(ids.includes(inHood));
  assert.ok(!ids.includes(inOtherCity.json().id));
  const starts = upcoming.json().hearings.map((h: { startsAt: string }) => h.startsAt);
  assert.deepEqual(starts, [...starts].sort());
  const past = await api(p, { method: 'GET', url: '/api/v1/hearings?when=past&limit=100' });
  const pastStarts = past.json().hearings.map((h: { startsAt: string }) => h.startsAt);
  assert.deepEqual(pastStarts, [...pastStarts].sort().reverse());
  assert.deepEqual((await api(p, { method: 'GET', url: '/api/v1/hearings', as: dept.official })).json().announceFor.map((d: { id: string }) => d.id), [dept.id]);
  assert.equal((await api(p, { method: 'GET', url: '/api/v1/hearings?when=soon' })).statusCode, 400);
});
