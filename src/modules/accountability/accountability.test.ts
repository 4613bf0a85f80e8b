import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { countNow, seededBudget, voteAt } from '../budgeting/testing.js';
import { verifiedResidents } from '../proposals/testing.js';
import { commitmentsFromBudgetResults } from './operations/commitments-from-budgets.js';
import { accountabilityFixtures, commitmentInput, qualifiedProposal } from './testing.js';

const DAY = 86_400_000;
let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;

before(async () => {
  p = await createTestPlatform();
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Parks Bureau');
  admin = await createUser(p, { roles: ['administrator'] });
});
after(async () => {
  await p?.close();
});

async function detail(id: string, as?: TestUser | null) {
  const res = await api(p, { method: 'GET', url: `/api/v1/commitments/${id}`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('a program from a qualified proposal: consultation, decision with the results, milestones, progress, ratings in rounds, timeline', async () => {
  const proposal = await qualifiedProposal(p, admin, { departmentId: dept.id, areaSlug: areas.hoodSlug, areaId: areas.hoodId });

  // The form is prefilled from the proposal, with its origin.
  const options = await api(p, { method: 'GET', url: `/api/v1/commitments/options?proposalId=${proposal.id}`, as: dept.official });
  assert.equal(options.statusCode, 200, options.body);
  const { prefill, departments } = options.json();
  assert.equal(prefill.origin.id, proposal.id);
  assert.equal(prefill.departmentId, dept.id);
  assert.match(prefill.origin.path, new RegExp(proposal.id));
  assert.deepEqual(departments.map((d: { id: string }) => d.id), [dept.id]);

  const body = { ...commitmentInput(dept.id), title: prefill.title, areaId: areas.hoodId, postId: dept.postId, origin: { type: 'proposal', id: proposal.id } };
  const resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const refused = await api(p, { method: 'POST', url: '/api/v1/commitments', as: resident, body });
  assert.equal(refused.statusCode, 403);
  const created = await api(p, { method: 'POST', url: '/api/v1/commitments', as: dept.official, body });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  let view = await detail(id);
  assert.equal(view.commitment.status, 'proposed');
  assert.equal(view.origin.type, 'proposal');
  assert.equal(view.origin.title, 'Pocket parks on the empty lots of the old rail yard');

  // Consultation: residents of the area approve and comment with a stance; outsiders cannot approve.
  const endsAt = new Date(p.clock.now().getTime() + 10 * DAY).toISOString();
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/consultation`, as: dept.official, body: { endsAt } })).statusCode, 200);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/consultation`, as: dept.official, body: { endsAt } })).json().error.code, 'consultation_not_allowed');
  const neighbour = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const otherArea = await createUser(p, { verifiedIn: { areaSlug: areas.citySlug } });
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: resident, body: { approval: 2 } })).statusCode, 200);
  const changed = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: resident, body: { approval: 5 } });
  assert.equal(changed.json().changed, true);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: neighbour, body: { approval: 3 } })).statusCode, 200);
  const outsider = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: otherArea, body: { approval: 1 } });
  assert.equal(outsider.statusCode, 403);
  assert.equal(outsider.json().error.code, 'forbidden');
  const comment = await api(p, { method: 'POST', url: '/api/v1/comments', as: neighbour, body: { resourceType: 'commitment', resourceId: id, body: 'Please plant shade trees first.', stance: 'in_favour' } });
  assert.equal(comment.statusCode, 201, comment.body);
  view = await detail(id, otherArea);
  assert.equal(view.consultation.open, true);
  assert.equal(view.abilities.approve, false);
  assert.equal(view.participationBlocked.code, 'resident_outside_area');
  assert.deepEqual(view.consultation.results.approvals, { count: 2, average: 4, distribution: [0, 0, 1, 0, 1] });
  assert.equal(view.consultation.results.comments.inFavour, 1);

  // The decision waits for the end of the consultation, and must answer it.
  const early = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/decision`, as: dept.official, body: { decision: 'adopt', text: 'Adopted as proposed.' } });
  assert.equal(early.json().error.code, 'consultation_open');
  p.clock.advance(11 * DAY);
  const bare = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/decision`, as: dept.official, body: { decision: 'adopt', text: 'Adopted as proposed.' } });
  assert.equal(bare.statusCode, 400);
  assert.equal(bare.json().error.fields[0].code, 'consultation_response_required');
  const late = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: neighbour, body: { approval: 1 } });
  assert.equal(late.json().error.code, 'consultation_not_open');
  const decided = await api(p, {
    method: 'POST',
    url: `/api/v1/commitments/${id}/decision`,
    as: dept.official,
    body: { decision: 'adopt', text: 'Adopted; the first two lots open this summer.', consultationResponse: 'Two residents approved (average 4 of 5); shade trees come first, as asked.' },
  });
  assert.equal(decided.statusCode, 200, decided.body);
  view = await detail(id);
  assert.equal(view.commitment.status, 'adopted');
  assert.equal(view.decision.outcome, 'adopted');
  assert.equal(view.decision.consultation.approvals.count, 2);
  assert.match(view.decision.consultationResponse, /shade trees/);

  // Ratings are not open before the work starts.
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: resident, body: { benefit: 4, valueForMoney: 4, openness: 4, delivered: 4 } })).json().error.code, 'rating_not_open');

  // Milestones and progress.
  const milestone = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/milestones`, as: dept.official, body: { title: 'First garden opens', dueOn: '2026-04-01' } });
  assert.equal(milestone.statusCode, 201, milestone.body);
  const progress = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/progress`, as: dept.official, body: { progress: 40, spent: 60_000, note: 'Trees planted on the first lot.', benefitCurrent: 48 } });
  assert.equal(progress.json().status, 'in_progress');
  const down = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/progress`, as: dept.official, body: { progress: 50, spent: 10_000, note: 'A lower figure.' } });
  assert.equal(down.json().error.fields[0].code, 'spent_decreased');
  const done = await api(p, { method: 'PATCH', url: `/api/v1/commitments/${id}/milestones/${milestone.json().id}`, as: dept.official, body: { status: 'completed' } });
  assert.equal(done.statusCode, 200, done.body);

  // Round one: only verified residents of the area; one each, changeable.
  const unverified = await createUser(p);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: unverified, body: { benefit: 1, valueForMoney: 1, openness: 1, delivered: 1 } })).json().error.code, 'requires_verification');
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: otherArea, body: { benefit: 1, valueForMoney: 1, openness: 1, delivered: 1 } })).statusCode, 403);
  const first = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: resident, body: { benefit: 2, valueForMoney: 2, openness: 2, delivered: 2 } });
  assert.deepEqual(first.json(), { round: 'after_start', changed: false });
  const again = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: resident, body: { benefit: 4, valueForMoney: 3, openness: 5, delivered: 4, comment: 'Better now.' } });
  assert.deepEqual(again.json(), { round: 'after_start', changed: true });
  view = await detail(id, resident);
  const start = view.ratings.rounds.find((r: { round: string }) => r.round === 'after_start');
  assert.equal(start.count, 1);
  assert.equal(start.benefit.average, 4);
  assert.equal(view.ratings.mine.openness, 5);
  assert.equal(view.abilities.rate, true);

  // Completion opens round two; the first rating stays in round one.
  const complete = await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/progress`, as: dept.official, body: { progress: 100, spent: 180_000, note: 'All four gardens are open.', complete: true, benefitCurrent: 71 } });
  assert.equal(complete.json().status, 'completed');
  const second = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/rating`, as: resident, body: { benefit: 5, valueForMoney: 4, openness: 4, delivered: 5 } });
  assert.deepEqual(second.json(), { round: 'after_completion', changed: false });
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/commitments/${id}/progress`, as: dept.official, body: { progress: 100, spent: 190_000, note: 'More.' } })).json().error.code, 'commitment_closed');
  view = await detail(id);
  assert.deepEqual(view.ratings.rounds.map((r: { count: number }) => r.count), [1, 1]);
  assert.equal(view.commitment.progress, 100);
  assert.equal(view.commitment.spent, 180_000);
  assert.equal(view.commitment.benefit.current, 71);
  assert.equal(view.milestones[0].status, 'completed');
  assert.deepEqual(
    view.timeline.map((e: { kind: string }) => e.kind),
    ['created', 'consultation_opened', 'adopted', 'milestone_added', 'started', 'progress_reported', 'milestone_updated', 'completed'],
  );
  assert.equal(view.timeline[5].post.title, 'Director');

  // Followers (the official who registered it) were told; errors come in Chinese too.
  const zh = await api(p, { method: 'PUT', url: `/api/v1/commitments/${id}/approval`, as: resident, body: { approval: 3 }, lang: 'zh-CN' });
  assert.equal(zh.json().error.code, 'consultation_not_open');
  assert.match(zh.json().error.message, /意见征求/);
});

test('winning budget projects become commitments once the results are published, once', async () => {
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const [proposer, ...voters] = await verifiedResidents(p, 4, areas.hoodId);
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer: proposer!, areaId: areas.hoodId, stage: 'closed', costs: [30_000, 40_000, 50_000] });
  for (const voter of voters) await voteAt(p, budget, voter, [{ projectId: budget.projects[0]!.id }, { projectId: budget.projects[1]!.id }]);
  assert.equal(await commitmentsFromBudgetResults(p.deps, { budgetId: budget.budgetId }), 0, 'nothing before the results');
  const counted = await countNow(p, budget);
  assert.ok(counted.selected.length >= 2);
  await p.runJobs();
  const rows = await p.deps.db.selectFrom('commitments').select(['origin_id', 'status', 'planned_budget', 'department_id', 'area_id']).where('origin_type', '=', 'budget_project').execute();
  const mine = rows.filter((r) => counted.selected.includes(r.origin_id!));
  assert.equal(mine.length, counted.selected.length);
  assert.ok(mine.every((r) => r.status === 'adopted' && r.department_id === dept.id));
  assert.equal(Number(mine.find((r) => r.origin_id === budget.projects[0]!.id)!.planned_budget), 30_000);
  assert.equal(await commitmentsFromBudgetResults(p.deps), 0, 'idempotent');
  const one = await p.deps.db.selectFrom('commitments').select('id').where('origin_id', '=', budget.projects[0]!.id).executeTakeFirstOrThrow();
  const view = await detail(one.id);
  assert.equal(view.origin.type, 'budget_project');
  assert.equal(view.timeline[0].automatic, true);
});

test('a program can be dropped after consultation, and a commitment cancelled with a reason', async () => {
  const fx = accountabilityFixtures(p, { departmentId: dept.id, official: dept.official, areaId: areas.hoodId });
  const consulted = await fx.consulted();
  const dropped = await api(p, {
    method: 'POST',
    url: `/api/v1/commitments/${consulted}/decision`,
    as: dept.official,
    body: { decision: 'drop', text: 'Dropped: the lots are needed for a school.', consultationResponse: 'No resident approved the plan during the consultation.' },
  });
  assert.equal(dropped.statusCode, 200, dropped.body);
  let view = await detail(consulted);
  assert.equal(view.commitment.status, 'cancelled');
  assert.equal(view.decision.outcome, 'dropped');
  const adopted = await fx.adopted();
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/commitments/${adopted}/cancel`, as: dept.official, body: { reason: 'short' } })).statusCode, 400);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/commitments/${adopted}/cancel`, as: dept.official, body: { reason: 'The site was sold to a developer.' } })).statusCode, 200);
  view = await detail(adopted);
  assert.equal(view.commitment.cancelReason, 'The site was sold to a developer.');
  assert.equal(view.decision, null, 'registered as adopted, without a separate decision');
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/commitments/${adopted}`, as: dept.official, body: fx.input() })).json().error.code, 'commitment_closed');
});

test('bad input is a 400 with field codes, never a partial write', async () => {
  const before = await p.deps.db.selectFrom('commitments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const other = await createDepartment(p, 'Other Bureau');
  const res = await api(p, { method: 'POST', url: '/api/v1/commitments', as: dept.official, body: { ...commitmentInput(dept.id), plannedStart: '2026-06-01', plannedEnd: '2026-01-01', postId: other.postId } });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().error.fields.map((f: { code: string }) => f.code).sort(), ['commitment_post_invalid', 'planned_end_before_start']);
  const forOther = await api(p, { method: 'POST', url: '/api/v1/commitments', as: dept.official, body: commitmentInput(other.id) });
  assert.equal(forOther.statusCode, 403);
  const after = await p.deps.db.selectFrom('commitments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});
