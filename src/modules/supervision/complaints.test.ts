import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { addMember } from '../../core/organizations/manage-organizations.js';
import { COMPLAINT_TEXT, createSupervisoryBody, fileVia, routeAllTo } from './testing.js';
import { substantiatedComplaints, supervisionManifest } from './index.js';
import { runAllJobs } from '../../core/jobs/scheduler.js';

const seeder = systemActor('supervision-test');
const DAY = 86_400_000;
let p: TestPlatform;
let body: Awaited<ReturnType<typeof createSupervisoryBody>>;
let higher: Awaited<ReturnType<typeof createSupervisoryBody>>;
let accused: Awaited<ReturnType<typeof createDepartment>>;
let conflicting: Awaited<ReturnType<typeof createDepartment>>;
let other: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;
let complainant: TestUser;

before(async () => {
  p = await createTestPlatform();
  p.clock.set('2026-03-02T01:00:00Z');
  body = await createSupervisoryBody(p, 'City Commission');
  higher = await createSupervisoryBody(p, 'Provincial Commission');
  accused = await createDepartment(p, 'Permits Office');
  conflicting = await createDepartment(p, 'Markets Office');
  other = await createDepartment(p, 'Parks Office');
  admin = await createUser(p, { roles: ['administrator'] });
  complainant = await createUser(p, { displayName: 'Complainant' });
  await routeAllTo(p, body.id, higher.id);
  const conflict = await api(p, { method: 'POST', url: '/api/v1/supervision/conflicts', as: admin, body: { departmentA: accused.id, departmentB: conflicting.id, reason: 'They share the market inspection team.' } });
  assert.equal(conflict.statusCode, 201, conflict.body);
});
after(async () => {
  await p?.close();
});

/** This module's jobs only (other modules' jobs are not this test's business). */
const runJobs = () => runAllJobs(p.deps, supervisionManifest.jobs ?? []);
const get = (url: string, as?: TestUser | null) => api(p, { method: 'GET', url, as: as ?? null });
const post = (url: string, as: TestUser | null, body: unknown = {}) => api(p, { method: 'POST', url, as, body });
const detail = async (id: string, as: TestUser) => {
  const res = await get(`/api/v1/supervision/complaints/${id}`, as);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const stage = async (id: string, as: TestUser, input: Record<string, unknown>) => {
  const res = await post(`/api/v1/supervision/complaints/${id}/stage`, as, input);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

test('a named complaint goes to the supervisory body and through every stage with working-day deadlines; the complainant follows it', async () => {
  p.clock.set('2026-03-02T01:00:00Z');
  const upload = await api(p, { method: 'POST', url: '/api/v1/attachments?fileName=evidence.txt', as: complainant, body: 'Receipt of the cash payment, 2 March.', headers: { 'content-type': 'text/plain' } });
  assert.equal(upload.statusCode, 201, upload.body);
  const id = await fileVia(p, complainant, accused.id, { postId: accused.postId, attachmentIds: [upload.json().id], confidentiality: 'public_summary', publicSummary: 'Cash asked for a market permit.' });

  let view = await detail(id, complainant);
  assert.equal(view.role, 'complainant');
  assert.equal(view.complaint.state, 'received');
  assert.equal(view.complaint.body.id, body.id);
  assert.equal(view.complaint.deadline.state, 'due');
  assert.equal(view.complaint.deadline.workingDays, 5);
  assert.equal(view.complaint.attachments.length, 1);
  assert.equal(view.complaint.complainant, null, 'the complainant does not see themself as a case party');

  const queue = (await get('/api/v1/supervision/queue', body.handler)).json();
  assert.deepEqual(queue.complaints.map((c: { id: string }) => c.id), [id]);
  const asHandler = await detail(id, body.handler);
  assert.equal(asHandler.role, 'handler');
  assert.equal(asHandler.complaint.complainant.displayName, 'Complainant');
  assert.deepEqual(asHandler.abilities.actions, ['open_review']);

  const wrong = await post(`/api/v1/supervision/complaints/${id}/stage`, body.handler, { action: 'conclude', outcome: 'substantiated', text: 'Findings.', measures: 'Measures.' });
  assert.equal(wrong.statusCode, 409);
  assert.equal(wrong.json().error.code, 'complaint_wrong_stage');

  const review = await stage(id, body.handler, { action: 'open_review' });
  assert.equal(review.state, 'preliminary_review');
  assert.equal((await post(`/api/v1/supervision/complaints/${id}/entries`, body.handler, { kind: 'question', text: 'On which days did this happen?' })).statusCode, 201);
  assert.equal((await post(`/api/v1/supervision/complaints/${id}/entries`, body.handler, { kind: 'note', text: 'Internal: check the permit register.' })).statusCode, 201);
  view = await detail(id, complainant);
  assert.equal(view.complaint.awaitingComplainant, true);
  assert.ok(!view.events.some((e: { kind: string }) => e.kind === 'note'), 'internal notes stay with the handlers');
  assert.ok((await detail(id, body.handler)).events.some((e: { kind: string }) => e.kind === 'note'));
  const answer = await post(`/api/v1/supervision/complaints/${id}/information`, complainant, { text: 'On 2 and 9 March, at the permit counter.' });
  assert.equal(answer.statusCode, 201, answer.body);
  view = await detail(id, complainant);
  assert.equal(view.complaint.awaitingComplainant, false);
  assert.equal(view.events.at(-1).kind, 'answer');

  const dismissWithout = await post(`/api/v1/supervision/complaints/${id}/stage`, body.handler, { action: 'dismiss' });
  assert.equal(dismissWithout.statusCode, 400);
  await stage(id, body.handler, { action: 'accept' });
  await stage(id, body.handler, { action: 'start_investigation' });
  const concluded = await stage(id, body.handler, { action: 'conclude', outcome: 'substantiated', text: 'The officer asked for cash twice.', measures: 'The officer was suspended; permits now paid only by bank transfer.' });
  assert.equal(concluded.state, 'concluded');
  view = await detail(id, complainant);
  assert.equal(view.complaint.outcome, 'substantiated');
  assert.equal(view.complaint.measures, 'The officer was suspended; permits now paid only by bank transfer.');
  assert.equal(view.abilities.respond, false);
  const late = await post(`/api/v1/supervision/complaints/${id}/information`, complainant, { text: 'One more thing.' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'complaint_closed');

  // The complainant was told at each stage; the department's record counts it.
  const notes = await p.deps.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', complainant.id).execute();
  assert.ok(notes.filter((n) => n.kind === 'supervision.stage').length >= 4);
  assert.ok(notes.every((n) => !n.title.includes('cash')), 'notification titles carry the number, not the text');
  assert.deepEqual(await substantiatedComplaints(p.deps.db, accused.id), { concluded: 1, substantiated: 1, partiallySubstantiated: 0, notSubstantiated: 0, dismissed: 0 });

  // The audit log holds the steps, never the text; the public summary case's handler steps are public.
  const audit = await p.deps.db.selectFrom('audit_log').selectAll().where('resource_id', '=', id).orderBy('seq').execute();
  assert.ok(audit.length >= 7);
  for (const row of audit) assert.ok(!JSON.stringify(row.data).includes('cash') && !JSON.stringify(row.data).includes('permit counter'), row.action);
  assert.equal(audit.find((r) => r.action === 'supervision.complaint_filed')!.public, false);
  assert.equal(audit.find((r) => r.action === 'supervision.complaint_conclude')!.public, true);
  const cases = (await get('/api/v1/supervision/public-cases')).json();
  assert.ok(cases.cases.some((c: { summary: string }) => c.summary === 'Cash asked for a market permit.'));
  assert.ok(!JSON.stringify(cases).includes('Complainant'));
});

test('a confidential complaint: its audit rows are not public, and it is not in the public list', async () => {
  const id = await fileVia(p, complainant, other.id);
  await stage(id, body.handler, { action: 'open_review' });
  const rows = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'data']).where('resource_id', '=', id).execute();
  assert.ok(rows.length >= 2 && rows.every((r) => !r.public));
  const publicLog = (await get(`/api/v1/audit?resourceId=${id}`)).json();
  assert.equal(publicLog.entries.length, 0);
  const cases = (await get('/api/v1/supervision/public-cases')).json();
  assert.ok(!JSON.stringify(cases).includes(COMPLAINT_TEXT));
});

test('nobody of the accused department or of a department in conflict with it can list, read or act on the case, even as a handler (every route)', async () => {
  // Handlers of the body who are also on the accused side, in every way one can be.
  const inAccused = await createUser(p, { displayName: 'Handler in accused' });
  const memberOfAccused = await createUser(p, { displayName: 'Handler member of accused' });
  const inConflict = await createUser(p, { displayName: 'Handler in conflicting' });
  const accusedPostHolder = await createUser(p, { displayName: 'Accused post holder' });
  for (const u of [inAccused, memberOfAccused, inConflict, accusedPostHolder]) orFail(await createPost(p.deps, seeder, { organizationId: body.id, title: `Handler ${u.id.slice(0, 4)}`, holderEmail: u.email }));
  orFail(await createPost(p.deps, seeder, { organizationId: accused.id, title: 'Deputy', holderEmail: inAccused.email }));
  orFail(await addMember(p.deps, seeder, { organizationId: accused.id, email: memberOfAccused.email, role: 'member' }));
  orFail(await createPost(p.deps, seeder, { organizationId: conflicting.id, title: 'Inspector', holderEmail: inConflict.email }));
  const namedPost = orFail(await createPost(p.deps, seeder, { organizationId: accused.id, title: 'Permit Officer', holderEmail: accusedPostHolder.email }));
  // The complainant is a handler of the body too: they cannot handle their own complaint.
  const selfHandler = await createUser(p, { displayName: 'Complaining handler' });
  orFail(await createPost(p.deps, seeder, { organizationId: body.id, title: 'Handler self', holderEmail: selfHandler.email }));

  const upload = await api(p, { method: 'POST', url: '/api/v1/attachments?fileName=proof.txt', as: complainant, body: 'Proof text.', headers: { 'content-type': 'text/plain' } });
  const id = await fileVia(p, complainant, accused.id, { postId: namedPost.id, attachmentIds: [upload.json().id] });
  const ownId = await fileVia(p, selfHandler, other.id);
  const attachmentUrl = (await detail(id, complainant)).complaint.attachments[0].url;

  const excluded: [string, TestUser, string][] = [
    ['official of the accused department', accused.official, id],
    ['handler holding a post in the accused department', inAccused, id],
    ['handler who is a member of the accused department', memberOfAccused, id],
    ['handler holding a post in a department in conflict', inConflict, id],
    ['handler holding the accused post', accusedPostHolder, id],
    ['official of the conflicting department', conflicting.official, id],
    ['administrator', admin, id],
    ['a handler who filed the complaint', selfHandler, ownId],
  ];
  for (const [label, user, caseId] of excluded) {
    const calls = [
      await get(`/api/v1/supervision/complaints/${caseId}`, user),
      await post(`/api/v1/supervision/complaints/${caseId}/information`, user, { text: 'Trying to add something.' }),
      await post(`/api/v1/supervision/complaints/${caseId}/entries`, user, { kind: 'note', text: 'Trying to write a note.' }),
      await post(`/api/v1/supervision/complaints/${caseId}/stage`, user, { action: 'open_review' }),
    ];
    // The complaining handler is its complainant (reads, adds information) but never handles it.
    const expected = caseId === ownId ? [200, 201, 403, 403] : [404, 404, 404, 404];
    assert.deepEqual(calls.map((res) => res.statusCode), expected, `${label}: ${calls.map((res) => res.body.slice(0, 80)).join(' | ')}`);
    if (caseId === id) assert.equal((await get(attachmentUrl, user)).statusCode, 404, `${label}: attachment`);
    const queue = await get('/api/v1/supervision/queue', user);
    if (queue.statusCode === 200) assert.ok(!queue.json().complaints.some((c: { id: string }) => c.id === caseId), `${label}: listed in the queue`);
    const closed = await get('/api/v1/supervision/queue?closed=true', user);
    if (closed.statusCode === 200) assert.ok(!closed.json().complaints.some((c: { id: string }) => c.id === caseId), `${label}: listed among closed`);
    const mine = await get('/api/v1/supervision/complaints/mine', user);
    if (caseId === id) assert.ok(!mine.json().complaints.some((c: { id: string }) => c.id === caseId));
  }
  // The complaining handler reads their own case as its complainant only.
  assert.equal((await detail(ownId, selfHandler)).role, 'complainant');
  // A clean handler of the body handles both.
  assert.equal((await detail(id, body.handler)).role, 'handler');
  assert.equal((await get(attachmentUrl, body.handler)).statusCode, 200);
  // No state changed through the refused calls.
  assert.equal((await detail(id, body.handler)).complaint.state, 'received');
});

test('a missed deadline sends the case to the higher body (audit-logged, complainant told); a second missed deadline flags it overdue', async () => {
  p.clock.set('2026-04-06T01:00:00Z');
  const id = await fileVia(p, complainant, other.id);
  await runJobs();
  assert.equal((await detail(id, complainant)).complaint.escalated, false);
  p.clock.advance(10 * DAY);
  await runJobs();
  const view = await detail(id, complainant);
  assert.equal(view.complaint.escalated, true);
  assert.equal(view.complaint.body.id, higher.id);
  assert.equal(view.complaint.deadline.state, 'due');
  assert.ok(view.events.some((e: { kind: string; body: { id: string } }) => e.kind === 'escalated' && e.body.id === higher.id));
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', complainant.id).where('resource_id', '=', id).execute();
  assert.ok(told.some((n) => n.kind === 'supervision.escalated'));
  const handlersTold = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', higher.handler.id).where('resource_id', '=', id).execute();
  assert.ok(handlersTold.some((n) => n.kind === 'supervision.escalated'));
  const audit = await p.deps.db.selectFrom('audit_log').selectAll().where('resource_id', '=', id).where('action', '=', 'supervision.complaint_escalated').executeTakeFirstOrThrow();
  assert.equal(audit.actor_role, 'system');
  assert.equal((audit.data as { toBodyId: string }).toBodyId, higher.id);
  // The first body lost the case; the higher one handles it.
  assert.equal((await get(`/api/v1/supervision/complaints/${id}`, body.handler)).statusCode, 404);
  assert.equal((await detail(id, higher.handler)).abilities.handle, true);
  // Idempotent; then missed again at the higher body: overdue, no second escalation.
  await runJobs();
  p.clock.advance(10 * DAY);
  await runJobs();
  await runJobs();
  const after = await detail(id, complainant);
  assert.equal(after.complaint.body.id, higher.id);
  assert.equal(after.complaint.deadline.state, 'overdue');
  assert.equal(after.events.filter((e: { kind: string }) => e.kind === 'overdue').length, 1);
  assert.equal(after.events.filter((e: { kind: string }) => e.kind === 'escalated').length, 1);
  // The next stage clears the flag and starts a new deadline.
  await stage(id, higher.handler, { action: 'open_review' });
  assert.equal((await detail(id, complainant)).complaint.deadline.state, 'due');
});

test('routing: without a configured or single body, filing is refused; a body never handles its own case', async () => {
  const lone = await createTestPlatform();
  try {
    const dept = await createDepartment(lone, 'Lone Department');
    const user = await createUser(lone);
    const none = await api(lone, { method: 'POST', url: '/api/v1/supervision/complaints', as: user, body: { departmentId: dept.id, category: 'other', description: COMPLAINT_TEXT, confidentiality: 'confidential' } });
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.code, 'no_supervisory_body');
    const only = await createSupervisoryBody(lone, 'Only Commission');
    const id = await fileVia(lone, user, dept.id);
    assert.equal((await api(lone, { method: 'GET', url: `/api/v1/supervision/complaints/${id}`, as: only.handler })).statusCode, 200, 'the single body is the default');
    // A complaint about the body itself goes up (when there is a higher one), or is refused.
    const refused = await api(lone, { method: 'POST', url: '/api/v1/supervision/complaints', as: user, body: { departmentId: only.id, category: 'other', description: COMPLAINT_TEXT, confidentiality: 'confidential' } });
    assert.equal(refused.statusCode, 409);
    const top = await createSupervisoryBody(lone, 'Top Commission');
    await routeAllTo(lone, only.id, top.id);
    const upId = await fileVia(lone, user, only.id);
    assert.equal((await api(lone, { method: 'GET', url: `/api/v1/supervision/complaints/${upId}`, as: top.handler })).statusCode, 200);
    assert.equal((await api(lone, { method: 'GET', url: `/api/v1/supervision/complaints/${upId}`, as: only.handler })).statusCode, 404);
  } finally {
    await lone.close();
  }
});

test('public statistics are aggregate, with counts under the configured minimum suppressed', async () => {
  const stats = await get('/api/v1/supervision/statistics');
  assert.equal(stats.statusCode, 200);
  const data = stats.json();
  assert.equal(data.minCellCount, 3);
  const all = JSON.stringify(data);
  for (const n of [1, 2]) assert.ok(!new RegExp(`"(count|filed|substantiated)":${n}[,}]`).test(all), `a count of ${n} is published`);
  for (const row of data.byDepartment) for (const cell of row.categories) assert.ok(cell === null || cell === 0 || cell >= 3);
  assert.ok(!all.includes(COMPLAINT_TEXT) && !all.includes('Complainant'));
  // Lower the minimum: small counts appear.
  const settings = (await get('/api/v1/supervision/settings', admin)).json();
  const put = await api(p, { method: 'PUT', url: '/api/v1/supervision/settings', as: admin, body: { defaultBodyId: settings.defaultBodyId, defaultHigherBodyId: settings.defaultHigherBodyId, deadlines: settings.deadlines, retentionDays: settings.retentionDays, minCellCount: 1, routes: settings.routes } });
  assert.equal(put.statusCode, 200, put.body);
  const open = (await get('/api/v1/supervision/statistics')).json();
  assert.ok(open.totals.filed >= 3);
  assert.ok(open.byCategory.find((c: { category: string }) => c.category === 'bribery').count >= 1);
});
