import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { openProcess, proposeVia } from './testing.js';

let p: TestPlatform;
let admin: TestUser;
let author: TestUser;
let supporters: TestUser[];
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let otherDept: Awaited<ReturnType<typeof createDepartment>>;
let colleague: TestUser;

before(async () => {
  p = await createTestPlatform();
  // Monday 2 March 2026, 17:00 in Shanghai.
  p.clock.set('2026-03-02T09:00:00Z');
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Department');
  otherDept = await createDepartment(p, 'Transport Department');
  admin = await createUser(p, { roles: ['administrator'] });
  author = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  supporters = await Promise.all([0, 1, 2].map(() => createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })));
  colleague = await createUser(p, { displayName: 'Colin Colleague' });
  orFail(await createPost(p.deps, systemActor('test'), { organizationId: dept.id, title: 'Evaluator', titleZh: '评估员', holderEmail: colleague.email }));
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
});
after(async () => {
  await p?.close();
});

async function qualifiedProposal(title = 'Shade trees on Lake Road') {
  const process = await openProcess(p, admin, { departmentId: dept.id, supportThreshold: 3, answerWorkingDays: 5 });
  const id = await proposeVia(p, author, process.slug, { title });
  for (const s of supporters) assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: s, body: {} })).statusCode, 200);
  return { id, process };
}

const detailOf = async (id: string, as?: TestUser, lang?: 'en' | 'zh-CN') => (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}`, as, lang })).json();

test('the support that reaches the threshold qualifies it, with the answer due after 5 working days skipping weekends and holidays', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const process = await openProcess(p, admin, { departmentId: dept.id, supportThreshold: 3, answerWorkingDays: 5 });
  const id = await proposeVia(p, author, process.slug);
  for (const [i, s] of supporters.entries()) {
    const res = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: s, body: {} });
    assert.equal(res.json().state, i < 2 ? 'published' : 'qualified');
  }
  const detail = await detailOf(id);
  assert.equal(detail.proposal.state, 'qualified');
  // Tue 3 (1), Wed 4 and Thu 5 are holidays, Fri 6 (2), weekend, Mon 9 (3), Tue 10 (4), Wed 11 (5): due at the end of 11 March in Shanghai.
  assert.equal(detail.proposal.deadline.dueAt, '2026-03-11T16:00:00.000Z');
  assert.deepEqual(detail.proposal.deadline, { state: 'due', workingDays: 5, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: null });
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['published', 'qualified']);
  assert.equal(detail.timeline[1].dueAt, '2026-03-11T16:00:00.000Z');
  const official = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', dept.official.id).where('resource_id', '=', id).execute();
  assert.deepEqual(official.map((n) => n.kind), ['proposal.awaiting_answer']);
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', author.id).where('resource_id', '=', id).execute();
  assert.deepEqual(told.map((n) => n.kind), ['proposal.qualified']);
  // A support taken back does not un-qualify it.
  await api(p, { method: 'DELETE', url: `/api/v1/proposals/${id}/support`, as: supporters[0] });
  assert.equal((await detailOf(id)).proposal.state, 'qualified');
});

test('an unanswered qualified proposal is flagged overdue by the sweep, once, without anyone acting', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const { id, process } = await qualifiedProposal('Overdue proposal');
  const answered = await qualifiedProposal('Answered in time');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${answered.id}/answer`, as: dept.official, body: { state: 'accepted', answer: 'We will do it.' } })).statusCode, 200);
  p.clock.set('2026-03-11T15:59:00Z');
  await p.runJobs();
  assert.equal((await detailOf(id)).proposal.overdueAt, null, 'not yet: one minute before the end of the day');
  assert.equal((await detailOf(id)).proposal.deadline.state, 'due');
  p.clock.set('2026-03-12T02:00:00Z');
  // Read-time status already says overdue, before the sweep ran.
  const overdueList = (await api(p, { method: 'GET', url: `/api/v1/proposals/overdue?departmentId=${dept.id}` })).json().proposals;
  assert.ok(overdueList.some((x: { id: string; overdueWorkingDays: number }) => x.id === id && x.overdueWorkingDays === 1));
  assert.equal(overdueList.some((x: { id: string }) => x.id === answered.id), false);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/overdue?departmentId=${otherDept.id}` })).json().proposals.length, 0);
  await p.runJobs();
  await p.runJobs();
  const detail = await detailOf(id);
  assert.equal(detail.proposal.overdueAt, '2026-03-12T02:00:00.000Z');
  assert.deepEqual(detail.proposal.deadline, { state: 'overdue', workingDays: 1, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: null });
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['published', 'qualified', 'answer_overdue']);
  const rows = await p.deps.db.selectFrom('audit_log').select(['public', 'actor_role']).where('resource_id', '=', id).where('action', '=', 'proposal.answer_overdue').execute();
  assert.deepEqual(rows, [{ public: true, actor_role: 'system' }]);
  const followers = await p.deps.db.selectFrom('notifications').select('user_id').where('resource_id', '=', id).where('kind', '=', 'proposal.answer_overdue').execute();
  assert.deepEqual(new Set(followers.map((f) => f.user_id)), new Set([author.id, ...supporters.map((s) => s.id), dept.official.id, colleague.id]));
  // Monday 16 March: three working days late (Thu 12, Fri 13, Mon 16).
  p.clock.set('2026-03-16T04:00:00Z');
  assert.equal((await detailOf(id)).proposal.deadline.workingDays, 3);
  // The late answer is recorded as late.
  const late = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'accepted', answer: 'Sorry for the delay: yes.' } });
  assert.equal(late.statusCode, 200);
  const after = await detailOf(id);
  assert.deepEqual(after.proposal.deadline, { state: 'answered', workingDays: 0, dueAt: '2026-03-11T16:00:00.000Z', answeredLate: true });
  assert.equal(after.timeline.at(-1).late, true);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/proposals/overdue` })).json().proposals.some((x: { id: string }) => x.id === id), false);
  assert.equal(process.slug.length > 0, true);
});

test('the department answers: evaluating, then accepted with reasons signed by the post; the state machine refuses the rest', async () => {
  p.clock.set('2026-03-02T09:00:00Z');
  const { id } = await qualifiedProposal('Answer me please');
  const resident = supporters[0]!;
  const byResident = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: resident, body: { state: 'accepted', answer: 'Yes' } });
  assert.equal(byResident.statusCode, 403);
  assert.equal(byResident.json().error.code, 'not_an_official');
  const byOtherDepartment = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: otherDept.official, body: { state: 'accepted', answer: 'Yes' } });
  assert.equal(byOtherDepartment.statusCode, 403);
  const byAdmin = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: admin, body: { state: 'accepted', answer: 'Yes' } });
  assert.equal(byAdmin.statusCode, 403, 'administrators do not answer in a department’s name');

  const officialView = await detailOf(id, dept.official);
  assert.equal(officialView.abilities.answer, true);
  assert.equal((await detailOf(id, resident)).abilities.answer, false);

  p.clock.advance(86_400_000);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'evaluating' } })).statusCode, 200);
  const twice = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'evaluating' } });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'proposal_invalid_transition');
  const noReason = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'rejected', answer: '   ' } });
  assert.equal(noReason.statusCode, 400);
  assert.deepEqual(noReason.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['answer', 'validation.required']]);
  p.clock.advance(86_400_000);
  const accepted = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'accepted', answer: 'We will plant 40 trees this autumn.' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const again = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'rejected', answer: 'Changed our mind' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'proposal_already_answered');
  const withdraw = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, as: author, body: {} });
  assert.equal(withdraw.statusCode, 409);
  assert.equal(withdraw.json().error.code, 'proposal_not_withdrawable');
  const support = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } }), body: {} });
  assert.equal(support.json().error.code, 'proposal_not_supportable');

  const detail = await detailOf(id, undefined, 'zh-CN');
  assert.equal(detail.proposal.state, 'accepted');
  assert.deepEqual(detail.answer, {
    state: 'accepted',
    text: 'We will plant 40 trees this autumn.',
    answeredAt: '2026-03-04T09:00:00.000Z',
    post: { id: dept.postId, title: 'Director', titleZh: null },
    department: { id: dept.id, slug: dept.slug, name: 'Parks Department', nameZh: null },
  });
  assert.deepEqual(detail.proposal.deadline.answeredLate, false);
  assert.deepEqual(detail.timeline.map((e: { kind: string }) => e.kind), ['published', 'qualified', 'evaluating', 'answered']);
  const answeredEntry = detail.timeline.at(-1);
  assert.equal(answeredEntry.state, 'accepted');
  assert.equal(answeredEntry.post.title, 'Director');
  assert.equal(answeredEntry.department.name, 'Parks Department');
  assert.equal(detail.abilities.answer, false);
  const audit = (await api(p, { method: 'GET', url: `/api/v1/audit?resourceId=${id}` })).json().entries;
  const answerRow = audit.find((e: { action: string }) => e.action === 'proposal.answered');
  assert.equal(answerRow.actor.role, 'official');
  assert.equal(answerRow.actor.postTitle, 'Director');
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', author.id).where('resource_id', '=', id).orderBy('id').execute();
  assert.deepEqual(told.map((n) => n.kind), ['proposal.qualified', 'proposal.evaluating', 'proposal.accepted']);
});

test('officials answer published proposals too; rejections carry their reasons; drafts and withdrawn ones cannot be answered', async () => {
  const process = await openProcess(p, admin, { departmentId: dept.id });
  const id = await proposeVia(p, author, process.slug, { title: 'Reject me with reasons' });
  const rejected = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/answer`, as: dept.official, body: { state: 'rejected', answer: 'The land is privately owned.' } });
  assert.equal(rejected.statusCode, 200);
  const detail = await detailOf(id);
  assert.equal(detail.answer.state, 'rejected');
  assert.equal(detail.answer.text, 'The land is privately owned.');
  assert.equal(detail.proposal.deadline, null, 'no deadline for a proposal that never qualified');
  const withdrawnId = await proposeVia(p, author, process.slug, { title: 'Withdrawn before any answer' });
  await api(p, { method: 'POST', url: `/api/v1/proposals/${withdrawnId}/withdraw`, as: author, body: {} });
  const refused = await api(p, { method: 'POST', url: `/api/v1/proposals/${withdrawnId}/answer`, as: dept.official, body: { state: 'evaluating' } });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'proposal_invalid_transition');
  const draft = await proposeVia(p, author, process.slug, { publish: false });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${draft}/answer`, as: dept.official, body: { state: 'evaluating' } })).statusCode, 404);
});

test('evaluators: officials of the department assign colleagues and keep private notes', async () => {
  const { id } = await qualifiedProposal('Evaluate me');
  const resident = supporters[0]!;
  const publicView = await detailOf(id, resident);
  assert.equal(publicView.evaluators, null);
  assert.equal(publicView.evaluatorCandidates, null);
  assert.equal(publicView.abilities.readNotes, false);
  const officialView = await detailOf(id, dept.official);
  assert.deepEqual(officialView.evaluatorCandidates.map((c: { displayName: string }) => c.displayName).sort(), ['Colin Colleague', 'Parks Department Official']);
  assert.deepEqual(officialView.evaluators, []);

  const notOfficial = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/evaluators`, as: dept.official, body: { userId: resident.id } });
  assert.equal(notOfficial.statusCode, 400);
  assert.equal(notOfficial.json().error.code, 'evaluator_not_official');
  assert.equal(notOfficial.json().error.fields[0].path, 'userId');
  const byResident = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/evaluators`, as: resident, body: { userId: colleague.id } });
  assert.equal(byResident.statusCode, 403);
  const assigned = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/evaluators`, as: dept.official, body: { userId: colleague.id } });
  assert.equal(assigned.statusCode, 201);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/evaluators`, as: dept.official, body: { userId: colleague.id } })).statusCode, 201, 'idempotent');
  const notified = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', colleague.id).where('kind', '=', 'proposal.evaluator_assigned').execute();
  assert.equal(notified.length, 1);
  assert.deepEqual((await detailOf(id, colleague)).evaluators.map((e: { displayName: string; post: { title: string } }) => [e.displayName, e.post.title]), [['Colin Colleague', 'Evaluator']]);

  const note = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/notes`, as: colleague, body: { body: 'Site visit on Friday; budget line 4.2 fits.' } });
  assert.equal(note.statusCode, 201, note.body);
  const empty = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/notes`, as: colleague, body: { body: '' } });
  assert.equal(empty.statusCode, 400);
  for (const [who, status] of [[dept.official, 200], [admin, 200], [resident, 403], [otherDept.official, 403], [author, 403]] as const) {
    const res = await api(p, { method: 'GET', url: `/api/v1/proposals/${id}/notes`, as: who });
    assert.equal(res.statusCode, status, res.body);
  }
  const notes = (await api(p, { method: 'GET', url: `/api/v1/proposals/${id}/notes`, as: admin })).json().notes;
  assert.equal(notes[0].body, 'Site visit on Friday; budget line 4.2 fits.');
  assert.equal(notes[0].post.title, 'Evaluator');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/notes`, as: admin, body: { body: 'Admin note' } })).statusCode, 403);
  const publicTimeline = (await detailOf(id)).timeline.map((e: { kind: string }) => e.kind);
  assert.deepEqual(publicTimeline, ['published', 'qualified'], 'assignments and notes stay private');
  const removed = await api(p, { method: 'DELETE', url: `/api/v1/proposals/${id}/evaluators/${colleague.id}`, as: dept.official });
  assert.equal(removed.statusCode, 204);
  assert.deepEqual((await detailOf(id, dept.official)).evaluators, []);
});
