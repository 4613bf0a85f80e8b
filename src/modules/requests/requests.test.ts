import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { requestsOpenData } from './opendata.js';
import { flagOverdueRequests } from './operations/flag-overdue-requests.js';
import { actVia, fileVia, uploadPdfVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let requester: TestUser;
let other: TestUser;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let supervisor: Awaited<ReturnType<typeof createDepartment>>;

const REAL_NAME = 'Zelda Quarterfield';
const PSEUDONYM = 'Lake Walker';
const SECRET = 'Mr Bartholomew Unique of 12 Pier Road';

before(async () => {
  p = await createTestPlatform();
  p.clock.set('2026-03-02T01:00:00Z');
  admin = await createUser(p, { roles: ['administrator'] });
  requester = await createUser(p, { displayName: REAL_NAME });
  other = await createUser(p, { displayName: 'Someone Else' });
  dept = await createDepartment(p, 'Parks Office');
  supervisor = await createDepartment(p, 'Oversight Office');
  const res = await api(p, {
    method: 'PUT',
    url: `/api/v1/requests/departments/${dept.slug}/settings`,
    as: admin,
    body: {
      responseWorkingDays: 5, extensionWorkingDays: 5, reviewWorkingDays: 3, veryOverdueWorkingDays: 2, supervisorDepartmentId: supervisor.id,
      legalBasis: 'Test Openness Rules, art. 1: requests are answered within 5 working days.',
      refusalGrounds: [
        { code: 'personal_privacy', label: 'Personal data of other people', labelZh: '他人的个人信息', legalReference: 'Test Rules, art. 2' },
        { code: 'commercial_secrets', label: 'Trade secrets of a company', legalReference: 'Test Rules, art. 3' },
      ],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
});
after(async () => {
  await p?.close();
});

const detail = async (id: string, as?: TestUser | null, lang: 'en' | 'zh-CN' = 'en') => (await api(p, { method: 'GET', url: `/api/v1/requests/${id}`, as, lang })).json();

test('the whole workflow: pseudonym, clarification pauses the clock, one extension, partial refusal on a ground, classification, internal review by the supervising department only, publication in the register', async () => {
  p.clock.set('2026-03-02T01:00:00Z'); // Monday
  const id = await fileVia(p, requester, dept.id, { pseudonym: PSEUDONYM, title: 'Tree felling permits in Willow Park', body: `Please send the permits for felling trees in Willow Park. I live next to ${SECRET}.` });
  let d = await detail(id);
  assert.equal(d.request.state, 'awaiting_response');
  assert.equal(d.request.requester.displayName, PSEUDONYM);
  assert.equal(d.request.realName, null);
  assert.deepEqual({ state: d.request.deadline.state, workingDays: d.request.deadline.workingDays }, { state: 'due', workingDays: 5 });
  assert.equal(d.request.deadline.dueAt, '2026-03-09T23:59:59.999Z'.replace('23:59:59.999Z', '00:00:00.000Z').replace('03-09', '03-10'));
  // The department sees who asked; the public does not.
  assert.equal((await detail(id, dept.official)).request.realName, REAL_NAME);
  assert.equal((await detail(id, other)).request.realName, null);

  // Wednesday: the department asks for a clarification; the clock pauses.
  p.clock.set('2026-03-04T02:00:00Z');
  await actVia(p, dept.official, id, 'clarification-request', { body: 'Which years do you mean? We hold permits since 2010.' });
  d = await detail(id, requester);
  assert.equal(d.request.state, 'awaiting_clarification');
  assert.equal(d.request.deadline.state, 'paused');
  assert.equal(d.abilities.clarify, true);
  assert.equal(d.abilities.appeal, false);
  // Extending or clarifying again is refused while paused.
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/extension`, as: dept.official, body: { reason: 'We need more time to search.' } })).statusCode, 409);

  // The following Monday the requester clarifies: 3 working days were paused (Thu, Fri, Mon), the deadline moves by 3.
  p.clock.set('2026-03-09T03:00:00Z');
  const clarified = await actVia(p, requester, id, 'clarification', { body: 'The permits of 2024 and 2025, please.' });
  assert.equal(clarified.state, 'awaiting_response');
  assert.equal(clarified.dueAt, '2026-03-13T00:00:00.000Z', 'due Thu 12 (Mon 9 + 5 + 3 working days)');
  assert.equal((await actVia(p, requester, id, 'clarification', { body: 'And once more, please.' }).catch((e) => e)) instanceof Error, true);

  // One extension, before the deadline, with a public reason; a second one is refused.
  const extended = await actVia(p, dept.official, id, 'extension', { reason: 'The permits are archived off site and must be retrieved.' });
  assert.equal(extended.dueAt, '2026-03-20T00:00:00.000Z', '5 more working days');
  const again = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/extension`, as: dept.official, body: { reason: 'Still more time, please.' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'extension_used');

  // A partial refusal needs a ground; with one, documents and a redaction before publication, it goes out signed by the post.
  const noGround = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/response`, as: dept.official, body: { decision: 'partially_successful', body: 'Here are the permits, except one.' } });
  assert.equal(noGround.statusCode, 400);
  assert.equal(noGround.json().error.fields[0].code, 'refusal_ground_required');
  const file = await uploadPdfVia(p, dept.official, 'permits-2024-2025.pdf');
  await actVia(p, dept.official, id, 'response', {
    decision: 'partially_successful', ground: 'personal_privacy', attachmentIds: [file], redactPhrases: ['Ms Juniper Private'],
    body: 'The permits are attached. The permit requested by Ms Juniper Private for her own garden is withheld.',
  });
  d = await detail(id);
  assert.equal(d.request.state, 'partially_successful');
  assert.equal(d.request.refusalGround.code, 'personal_privacy');
  const reply = d.messages.find((m: { kind: string }) => m.kind === 'response');
  assert.equal(reply.post.title, 'Director');
  assert.equal(reply.attachments.length, 1);
  assert.doesNotMatch(JSON.stringify(d), /Juniper/);
  assert.match(reply.body, /\[redacted\]/);
  assert.equal((await detail(id, requester)).messages.find((m: { kind: string }) => m.kind === 'response').body.includes('Juniper'), true, 'the requester sees the original');
  // The file is served to any reader of the request.
  assert.equal((await api(p, { method: 'GET', url: reply.attachments[0].url })).statusCode, 200);

  // The requester classifies differently; both are shown.
  await actVia(p, requester, id, 'classification', { classification: 'refused' });
  d = await detail(id);
  assert.deepEqual([d.request.decision, d.request.classification], ['partially_successful', 'refused']);

  // Internal review: only the requester asks; only the supervising department decides.
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/internal-review`, as: other, body: { body: 'I want a review of this.' } })).statusCode, 403);
  const review = await actVia(p, requester, id, 'internal-review', { body: 'The garden permit can be released without the name.' });
  assert.equal(review.state, 'internal_review');
  d = await detail(id);
  assert.equal(d.review.department.id, supervisor.id);
  assert.equal(d.request.deadline.kind, 'review');
  assert.equal(d.request.deadline.workingDays, 3);
  const byDepartment = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/internal-review/decision`, as: dept.official, body: { outcome: 'overturned', body: 'We overturn ourselves.' } });
  assert.equal(byDepartment.statusCode, 403);
  assert.equal((await detail(id, supervisor.official)).request.realName, REAL_NAME, 'the reviewing department sees who asked');
  await actVia(p, supervisor.official, id, 'internal-review/decision', { outcome: 'partly_upheld', body: 'The garden permit is released with the name redacted; the rest stands.' });
  d = await detail(id);
  assert.equal(d.request.state, 'partially_successful');
  assert.equal(d.review.outcome, 'partly_upheld');
  assert.equal(d.review.ground.code, 'personal_privacy');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/internal-review`, as: requester, body: { body: 'Once more please.' } })).json().error.code, 'review_already_requested');

  // One click to the register, linked back; once.
  const publishing = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${reply.id}/publication`, as: dept.official, body: { category: 'other', summary: 'Tree felling permits of 2024 and 2025 in Willow Park.' } });
  assert.equal(publishing.statusCode, 201, publishing.body);
  assert.equal((await detail(id)).request.publicationPath, publishing.json().path);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${reply.id}/publication`, as: dept.official, body: { category: 'other', summary: 'Again the same permits here.' } })).statusCode, 409);

  // The requester and the department were told at each step.
  const kinds = await p.deps.db.selectFrom('notifications').select(['user_id', 'kind']).where('resource_id', '=', id).execute();
  const of = (user: TestUser) => kinds.filter((k) => k.user_id === user.id).map((k) => k.kind).sort();
  assert.deepEqual(of(requester), ['request.clarification_requested', 'request.extended', 'request.responded', 'request.review_decided']);
  assert.deepEqual(of(dept.official), ['request.appealed', 'request.clarified', 'request.filed', 'request.review_decided']);
  assert.deepEqual(of(supervisor.official), ['request.appealed']);

  // Nowhere public is the person behind the pseudonym, or the redacted text.
  const publicViews = [
    JSON.stringify(await detail(id)),
    JSON.stringify(await detail(id, null, 'zh-CN')),
    (await api(p, { method: 'GET', url: '/api/v1/requests?q=willow' })).body,
    (await api(p, { method: 'GET', url: `/api/v1/requests/departments/${dept.slug}` })).body,
    (await api(p, { method: 'GET', url: `/api/v1/requests/departments/${dept.slug}/responses.atom` })).body,
    (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}&limit=200` })).body,
    JSON.stringify(await Promise.all(requestsOpenData.tables.map((t) => t.rows(p.deps.db)))),
  ];
  for (const [i, text] of publicViews.entries()) {
    assert.doesNotMatch(text, new RegExp(REAL_NAME), `view ${i} names the requester`);
    assert.doesNotMatch(text, /Juniper/, `view ${i} shows redacted text`);
    assert.doesNotMatch(text, new RegExp(requester.email.replace(/\./g, '\\.')), `view ${i} shows an e-mail`);
  }
  assert.match(publicViews[2]!, new RegExp(PSEUDONYM));
  const openData = await Promise.all(requestsOpenData.tables.map((t) => t.rows(p.deps.db)));
  assert.doesNotMatch(JSON.stringify(openData), new RegExp(PSEUDONYM), 'the open data never carries a pseudonym');
  assert.equal(openData[0]!.find((r) => r.id === id)!.requesterKind, 'person');
});

test('redaction: spans and phrases, audit without the text, never in the public API; a moderator may redact, another resident may not', async () => {
  p.clock.set('2026-03-02T01:00:00Z');
  const id = await fileVia(p, requester, dept.id, { title: 'Noise complaints at the harbour', body: `How many noise complaints were made in 2025? One was from ${SECRET}, phone 13912345678.` });
  const first = (await detail(id)).messages[0];
  const moderator = await createUser(p, { roles: ['moderator'] });
  const body: string = (await detail(id, requester)).messages[0].body;
  const start = body.indexOf('13912345678');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${first.id}/redactions`, as: other, body: { phrases: [SECRET] } })).statusCode, 403);
  const bad = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${first.id}/redactions`, as: dept.official, body: { spans: [{ start: 0, end: 100_000 }], phrases: ['not in the text'] } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: { code: string }) => f.code), ['redaction_span_invalid', 'redaction_phrase_not_found']);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${first.id}/redactions`, as: dept.official, body: { phrases: [SECRET] } })).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/messages/${first.id}/redactions`, as: moderator, body: { spans: [{ start, end: start + 11 }] } })).statusCode, 200);
  for (const lang of ['en', 'zh-CN'] as const) {
    const text = JSON.stringify(await detail(id, other, lang));
    assert.doesNotMatch(text, /Bartholomew|13912345678/);
    assert.match(text, lang === 'en' ? /\[redacted\]/ : /\[已隐去\]/);
  }
  const list = (await api(p, { method: 'GET', url: '/api/v1/requests?q=harbour' })).body;
  assert.doesNotMatch(list, /Bartholomew|13912345678/);
  const found = (await api(p, { method: 'GET', url: '/api/v1/requests?q=Bartholomew' })).json().requests.map((r: { id: string }) => r.id);
  assert.equal(found.includes(id), false, 'redacted words are not searchable');
  const staffView = await detail(id, dept.official);
  assert.match(staffView.messages[0].body, /Bartholomew/);
  assert.equal(staffView.messages[0].redactions.length, 2);
  const rows = await p.deps.db.selectFrom('audit_log').select(['data', 'post_id', 'public', 'actor_role']).where('action', '=', 'request.redacted').where('resource_id', '=', id).orderBy('seq').execute();
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.map((r) => (r.data as { spans: number }).spans), [1, 1]);
  assert.ok(rows[0]!.post_id, 'the official signs by the post');
  assert.equal(rows[1]!.actor_role, 'moderator');
  assert.doesNotMatch(JSON.stringify(rows), /Bartholomew|13912345678/);
});

test('pseudonyms: not an e-mail, not the own name, not someone else’s; none for an organization', async () => {
  const tryName = async (pseudonym: string, as: TestUser = requester, extra: Record<string, unknown> = {}) =>
    api(p, { method: 'POST', url: '/api/v1/requests', as, body: { departmentId: dept.id, pseudonym, title: 'A request title here', body: 'A request for information that is long enough.', ...extra } });
  for (const [name, code] of [['me@example.com', 'pseudonym_invalid'], [REAL_NAME, 'pseudonym_reveals_identity'], ['x', 'pseudonym_invalid'], ['call 13912345678', 'pseudonym_reveals_identity'], [PSEUDONYM.toLowerCase(), 'pseudonym_taken']] as const) {
    const res = await tryName(name, name === PSEUDONYM.toLowerCase() ? other : requester);
    assert.equal(res.statusCode, 400, name);
    assert.equal(res.json().error.fields[0].code, code, name);
  }
  const org = await createOrganization(p);
  const forOrg = await tryName('Some Alias', org.rep, { organizationId: org.id });
  assert.equal(forOrg.json().error.fields[0].code, 'pseudonym_with_organization');
  assert.equal((await tryName('湖边散步者')).statusCode, 201);
});

test('the overdue sweep stamps overdue and very overdue once each; a reply is then late; an appeal against lateness needs a resulting state', async () => {
  p.clock.set('2026-03-02T01:00:00Z');
  const id = await fileVia(p, requester, dept.id, { title: 'Budget of the parks office', body: 'Please send the budget of the parks office for 2026.' });
  p.clock.set('2026-03-09T15:00:00Z');
  await flagOverdueRequests(p.deps);
  assert.equal((await detail(id)).request.state, 'awaiting_response');
  p.clock.set('2026-03-10T01:00:00Z');
  assert.equal((await detail(id)).request.state, 'overdue', 'read-time, before the sweep');
  await flagOverdueRequests(p.deps);
  await flagOverdueRequests(p.deps);
  const overdueRows = await p.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).where('action', 'in', ['request.overdue', 'request.very_overdue']).execute();
  assert.deepEqual(overdueRows.map((r) => r.action), ['request.overdue']);
  const listed = (await api(p, { method: 'GET', url: `/api/v1/requests?state=overdue&departmentId=${dept.id}` })).json();
  assert.ok(listed.requests.some((r: { id: string }) => r.id === id));
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/extension`, as: dept.official, body: { reason: 'Too late for this, surely.' } })).json().error.code, 'extension_too_late');
  // Two working days later: very overdue.
  p.clock.set('2026-03-12T01:00:00Z');
  await flagOverdueRequests(p.deps);
  await flagOverdueRequests(p.deps);
  const d = await detail(id);
  assert.equal(d.request.state, 'very_overdue');
  assert.equal(d.request.deadline.veryOverdue, true);
  assert.equal(d.request.deadline.workingDays, 3, 'due Mon 9: Tue, Wed, Thu late (very overdue after 2)');
  const stamps = await p.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).where('action', 'in', ['request.overdue', 'request.very_overdue']).execute();
  assert.deepEqual(stamps.map((r) => r.action), ['request.overdue', 'request.very_overdue']);
  // Appeal against lateness; the reviewer must name the result.
  await actVia(p, requester, id, 'internal-review', { body: 'No answer after the deadline.' });
  const missing = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/internal-review/decision`, as: supervisor.official, body: { outcome: 'upheld', body: 'The department was late indeed.' } });
  assert.equal(missing.json().error.fields[0].code, 'review_state_required');
  await actVia(p, supervisor.official, id, 'internal-review/decision', { outcome: 'upheld', state: 'successful', body: 'The department was late; the budget is attached and released.' });
  const record = (await api(p, { method: 'GET', url: `/api/v1/requests/departments/${dept.slug}` })).json();
  assert.ok(record.totals.lateWithoutResponse >= 1);
  assert.ok(record.totals.reviews.requested >= 2);
});

test('concurrent replies: one wins, the other is refused; the thread and state stay whole', async () => {
  p.clock.set('2026-03-02T01:00:00Z');
  const id = await fileVia(p, requester, dept.id, { title: 'Playground inspections', body: 'Please send the playground inspection reports for 2025.' });
  const results = await Promise.all([
    api(p, { method: 'POST', url: `/api/v1/requests/${id}/response`, as: dept.official, body: { decision: 'successful', body: 'The reports are published online.' } }),
    api(p, { method: 'POST', url: `/api/v1/requests/${id}/response`, as: dept.official, body: { decision: 'not_held', body: 'We hold no such reports.' } }),
    api(p, { method: 'POST', url: `/api/v1/requests/${id}/clarification-request`, as: dept.official, body: { body: 'Which playgrounds do you mean?' } }),
  ]);
  // Exactly one decision wins (a clarification request may come first, or be refused once decided).
  assert.deepEqual([results[0]!.statusCode, results[1]!.statusCode].sort(), [200, 409], results.map((r) => r.body).join('\n'));
  assert.ok([200, 409].includes(results[2]!.statusCode));
  const d = await detail(id);
  assert.ok(['successful', 'not_held'].includes(d.request.state));
  const accepted = results.filter((r) => r.statusCode === 200).length;
  assert.equal(d.messages.filter((m: { from: string }) => m.from === 'department').length, accepted);
  assert.deepEqual(d.messages.map((m: { seq: number }) => m.seq), Array.from({ length: accepted + 1 }, (_, i) => i + 1));

  // Replying while waiting for a clarification ends the pause.
  const paused = await fileVia(p, requester, dept.id, { title: 'Playground budgets', body: 'Please send the playground budgets for 2025.' });
  await actVia(p, dept.official, paused, 'clarification-request', { body: 'Which district do you mean?' });
  p.clock.set('2026-03-04T01:00:00Z');
  await actVia(p, dept.official, paused, 'response', { decision: 'not_held', body: 'We hold no separate playground budgets.' });
  const after = await detail(paused);
  assert.equal(after.request.state, 'not_held');
  assert.equal(after.pauses[0].to, '2026-03-04T01:00:00.000Z');
  assert.equal(after.request.deadline.late, false);
});

test('withdrawal by the requester only, while the department has not decided; classification only after a decision', async () => {
  p.clock.set('2026-03-02T01:00:00Z');
  const id = await fileVia(p, requester, dept.id, { title: 'Staff numbers of the office', body: 'How many people work in the parks office?' });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/classification`, as: requester, body: { classification: 'successful' } })).json().error.code, 'request_not_answered');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/withdrawal`, as: dept.official, body: {} })).statusCode, 403);
  await actVia(p, dept.official, id, 'clarification-request', { body: 'Full-time equivalents or people?' });
  await actVia(p, requester, id, 'withdrawal', { reason: 'Found it in the annual report.' });
  const d = await detail(id);
  assert.equal(d.request.state, 'withdrawn');
  assert.equal(d.pauses[0].to !== null, true, 'the pause ended');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/requests/${id}/response`, as: dept.official, body: { decision: 'successful', body: 'Too late, but here it is.' } })).statusCode, 409);
});

test('settings: defaults with grounds in both languages, the supervisory body as default reviewer, refusal grounds validated', async () => {
  const fresh = await createDepartment(p, 'Fresh Office');
  const s = (await api(p, { method: 'GET', url: `/api/v1/requests/departments/${fresh.slug}/settings` })).json();
  assert.equal(s.responseWorkingDays, 20);
  assert.equal(s.extensionWorkingDays, 20);
  assert.equal(s.configured, false);
  assert.ok(s.refusalGrounds.some((g: { code: string; labelZh: string }) => g.code === 'state_secrets' && g.labelZh));
  assert.equal(s.supervisor.id, fresh.id, 'no supervisory body: the department itself');
  const dup = await api(p, {
    method: 'PUT', url: `/api/v1/requests/departments/${fresh.slug}/settings`, as: fresh.official,
    body: { responseWorkingDays: 10, extensionWorkingDays: 0, reviewWorkingDays: 10, legalBasis: 'Fresh rules, art. 1 and 2.', refusalGrounds: [{ code: 'a_b', label: 'Ground one', legalReference: 'Art. 1' }, { code: 'a_b', label: 'Ground two', legalReference: 'Art. 2' }] },
  });
  assert.equal(dup.json().error.fields[0].code, 'duplicate_refusal_ground');
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/requests/departments/${fresh.slug}/settings`, as: dept.official, body: { responseWorkingDays: 10, extensionWorkingDays: 0, reviewWorkingDays: 10, legalBasis: 'Fresh rules, art. 1 and 2.', refusalGrounds: [{ code: 'a_b', label: 'Ground one', legalReference: 'Art. 1' }] } })).statusCode, 403);
  const ranking = (await api(p, { method: 'GET', url: '/api/v1/requests/departments' })).json();
  assert.ok(ranking.departments.some((r: { department: { id: string } }) => r.department.id === dept.id));
});
