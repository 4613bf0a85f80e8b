import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createOrganization, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { openProcess, proposeVia } from '../proposals/testing.js';
import { budgetProcess, depsAt, seededBudget, voteAt } from './testing.js';
import { receiptHash } from './secrecy.js';
import { castBallot } from './operations/cast-ballot.js';

let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;
let resident: TestUser;
let outsider: TestUser;

before(async () => {
  // The tests move the clock through whole phases; sessions must outlive that.
  p = await createTestPlatform({ SESSION_TTL_HOURS: String(24 * 365) });
  areas = await createAreas(p);
  dept = await createDepartment(p, 'Budget Office');
  admin = await createUser(p, { roles: ['administrator'] });
  resident = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug }, displayName: 'Rita Resident' });
  // A verified resident of another city: outside every budget of the test city.
  const elsewhere = await createAreas(p);
  outsider = await createUser(p, { verifiedIn: { areaSlug: elsewhere.hoodSlug } });
});
after(async () => {
  await p?.close();
});

const actorOf = async (user: TestUser) => (await loadUserActor(p.deps.db, user.id))!;

async function newBudget(processSlug: string, body: Record<string, unknown> = {}) {
  const res = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${processSlug}/budgets`,
    as: dept.official,
    body: { title: 'Neighbourhood budget 2026', amount: 100_000, currency: 'cny', ballotType: 'approval', maxProjects: 2, ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

test('a budget goes from submission through public review and voting to counted results', async () => {
  const process = await budgetProcess(p, { departmentId: dept.id, areaId: areas.districtId });
  const budgetId = await newBudget(process.slug);
  const detail = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}`, as: resident })).json();
  assert.equal(detail.budget.currency, 'CNY');
  assert.equal(detail.budget.rule, 'mes_cost_add1_greedy');
  assert.equal(detail.budget.votingStage, 'before');
  assert.equal(detail.budget.areaId, areas.districtId, 'the area defaults to the process’s');
  assert.equal(detail.abilities.submit, true);
  assert.equal(detail.abilities.vote, false);
  assert.equal(detail.voteBlocked.code, 'voting_not_open');
  assert.equal(detail.voted, false);

  // Submission: residents of the area propose; the cost is theirs until the review.
  const submit = (as: TestUser, body: Record<string, unknown>) => api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects`, as, body });
  const projectBody = { title: 'Shade over the playground', description: 'Four shade sails over the playground in the park.', cost: 30_000, category: 'Parks', areaId: areas.hoodId };
  // A photo of the site goes with the first project: shown on its page and as the list's picture.
  const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const photo = await api(p, { method: 'POST', url: '/api/v1/attachments?fileName=playground.png', as: resident, body: ONE_PIXEL_PNG, headers: { 'content-type': 'image/png' } });
  assert.equal(photo.statusCode, 201, photo.body);
  const one = await submit(resident, { ...projectBody, attachmentIds: [photo.json().id] });
  assert.equal(one.statusCode, 201, one.body);
  assert.equal(one.json().code, '1');
  const withPhoto = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects/${one.json().id}` })).json();
  assert.deepEqual(withPhoto.project.attachments.map((a: { fileName: string }) => a.fileName), ['playground.png']);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects` })).json().projects[0].image.fileName, 'playground.png');
  assert.equal((await api(p, { method: 'GET', url: withPhoto.project.attachments[0].url })).statusCode, 200, 'anyone sees a project’s photo');
  const two = await submit(resident, { ...projectBody, title: 'New benches on the square', cost: 45_000, category: 'Streets' });
  const three = await submit(resident, { ...projectBody, title: 'A skate park by the river', cost: 80_000 });
  const four = await submit(resident, { ...projectBody, title: 'Planters along the main road', cost: 20_000 });
  assert.deepEqual([two.json().code, three.json().code, four.json().code], ['2', '3', '4']);
  const refused = await submit(outsider, projectBody);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'voter_outside_area');
  const wrongArea = await submit(resident, { ...projectBody, areaId: (await createAreas(p)).hoodId });
  assert.equal(wrongArea.statusCode, 400);
  assert.equal(wrongArea.json().error.fields[0].code, 'project_area_outside_budget');
  const [p1, p2, p3, p4] = [one, two, three, four].map((r) => r.json().id as string) as [string, string, string, string];
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects/${p4}/withdraw`, as: admin, body: {} })).statusCode, 403);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects/${p4}/withdraw`, as: resident, body: {} })).statusCode, 200);
  // Projects take comments while the phase opens them (core comment threads).
  const comment = await api(p, { method: 'POST', url: '/api/v1/comments', as: outsider, body: { resourceType: 'budget_project', resourceId: p1, body: 'Yes please, the playground is too hot in summer.', stance: 'in_favour' } });
  assert.equal(comment.statusCode, 201, comment.body);

  // Review: public, with a reason; a corrected cost keeps the proposer's figure.
  p.clock.set(process.during.review);
  const review = (id: string, body: Record<string, unknown>, as: TestUser = dept.official) => api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects/${id}/review`, as, body });
  assert.equal((await review(p1, { decision: 'feasible', reason: 'Fine.' }, resident)).statusCode, 403);
  const noReason = await review(p1, { decision: 'feasible', reason: '' });
  assert.equal(noReason.statusCode, 400);
  const corrected = await review(p1, { decision: 'feasible', reason: 'Needs foundations: the cost is higher.', cost: 35_000 });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.deepEqual(corrected.json(), { state: 'feasible', cost: 35_000, originalCost: 30_000 });
  assert.equal((await review(p2, { decision: 'feasible', reason: 'Feasible as proposed.' })).statusCode, 200);
  assert.equal((await review(p3, { decision: 'infeasible', reason: 'The river bank is protected land.' })).statusCode, 200);
  assert.equal((await review(p4, { decision: 'feasible', reason: 'x' })).json().error.code, 'project_not_reviewable');
  const shown = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects/${p1}` })).json();
  assert.equal(shown.project.cost, 35_000);
  assert.equal(shown.project.originalCost, 30_000);
  assert.equal(shown.review.reason, 'Needs foundations: the cost is higher.');
  assert.equal(shown.review.post.title, 'Director');
  const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'public', 'data']).where('resource_id', '=', p1).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.action, a.public]), [['budget_project.submitted', true], ['budget_project.reviewed', true]]);

  const listed = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects?onBallot=true` })).json();
  assert.deepEqual(listed.projects.map((x: { id: string }) => x.id), [p1, p2]);
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects?q=skate` })).json().projects.map((x: { id: string }) => x.id), [p3]);
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects?category=Streets` })).json().projects.map((x: { id: string }) => x.id), [p2]);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects?areaId=${areas.cityId}` })).json().total, 4, 'an area filter includes what lies below it');

  // Voting.
  p.clock.set(process.during.voting);
  const vote = (as: TestUser, selections: unknown[], lang?: 'en' | 'zh-CN') => api(p, { method: 'PUT', url: `/api/v1/budgets/${budgetId}/ballot`, as, body: { selections }, lang });
  const tooMany = await vote(resident, [{ projectId: p1 }, { projectId: p2 }, { projectId: p3 }]);
  assert.equal(tooMany.statusCode, 400);
  assert.equal(tooMany.json().error.code, 'ballot_invalid');
  assert.deepEqual(tooMany.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['selections.2.projectId', 'ballot_unknown_project']]);
  const empty = await vote(resident, [], 'zh-CN');
  assert.deepEqual(empty.json().error.fields, [{ path: 'selections', code: 'ballot_too_few', message: '请至少选择 1 个项目。' }]);
  const cast = await vote(resident, [{ projectId: p1 }, { projectId: p2 }]);
  assert.equal(cast.statusCode, 200, cast.body);
  assert.match(cast.json().receipt, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  assert.equal(cast.json().replaced, false);
  const changed = await vote(resident, [{ projectId: p2 }]);
  assert.equal(changed.json().replaced, true);
  assert.notEqual(changed.json().receipt, cast.json().receipt);
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/ballot`, as: resident })).json(), { voted: true, selections: [{ projectId: p2, points: null }] });
  assert.equal((await vote(outsider, [{ projectId: p1 }])).json().error.code, 'voter_outside_area');
  assert.equal((await vote(await createUser(p), [{ projectId: p1 }])).json().error.code, 'requires_verification');
  const others = await Promise.all([1, 2, 3].map(() => createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })));
  for (const o of others) assert.equal((await vote(o, [{ projectId: p1 }])).statusCode, 200);
  // No counts while voting is open, not even to the department.
  const during = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/results`, as: dept.official })).json();
  assert.equal(during.results, null);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/results.csv` })).statusCode, 409);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/count`, as: dept.official, body: {} })).json().error.code, 'voting_not_closed');
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/receipts` })).json(), { published: false, total: 0, receipts: [], found: null });

  // Voting closes; the job counts.
  p.clock.set(process.during.closed);
  assert.equal((await vote(resident, [{ projectId: p1 }])).json().error.code, 'voting_closed');
  await p.runJobs();
  const results = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/results` })).json();
  assert.equal(results.budget.status, 'counted');
  assert.equal(results.results.ballots, 4);
  assert.equal(results.results.rule, 'mes_cost_add1_greedy');
  assert.deepEqual(results.results.projects.map((x: { id: string; selected: boolean; ballots: number }) => [x.id, x.selected, x.ballots]), [[p1, true, 3], [p2, true, 1]]);
  assert.equal(results.results.spent, 80_000);
  assert.ok(results.results.rounds.length >= 2);
  assert.match(results.results.resultHash, /^[0-9a-f]{64}$/);
  const states = await p.deps.db.selectFrom('budget_projects').select(['id', 'state']).where('budget_id', '=', budgetId).orderBy('code').execute();
  assert.deepEqual(states.map((s) => s.state), ['selected', 'selected', 'infeasible', 'withdrawn']);
  const countedAudit = await p.deps.db.selectFrom('audit_log').select(['actor_role', 'public', 'data']).where('action', '=', 'budget.counted').where('resource_id', '=', budgetId).executeTakeFirstOrThrow();
  assert.equal(countedAudit.actor_role, 'system');
  assert.equal((countedAudit.data as { resultHash: string }).resultHash, results.results.resultHash);
  // Counting again changes nothing.
  await p.runJobs();
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/count`, as: dept.official, body: {} })).json().error.code, 'budget_already_counted');

  // Receipts: the resident's latest receipt is among the published ones, the replaced one is not.
  const receipts = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/receipts` })).json();
  assert.equal(receipts.total, 4);
  assert.deepEqual(receipts.receipts, [...receipts.receipts].sort());
  assert.ok(receipts.receipts.includes(receiptHash(changed.json().receipt)));
  assert.ok(!receipts.receipts.includes(receiptHash(cast.json().receipt)));
  const check = (code: string) => api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/receipts?limit=1&hash=${receiptHash(code)}` });
  assert.equal((await check(changed.json().receipt.toLowerCase().replace(/-/g, ' '))).json().found, true);
  assert.equal((await check(cast.json().receipt)).json().found, false);

  const csv = await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/results.csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'project_id,title,title_zh,cost_CNY,ballots,points,selected,selection_round,not_selected_reason');
  assert.equal(lines.length, 3);
  assert.match(lines[1]!, /^1,Shade over the playground,,35000,3,,1,1,$/);

  // The selected projects' implementation is recorded by the department, in public.
  const impl = await api(p, { method: 'PUT', url: `/api/v1/budgets/${budgetId}/projects/${p1}/implementation`, as: dept.official, body: { status: 'in_progress' } });
  assert.equal(impl.statusCode, 200, impl.body);
  assert.equal((await api(p, { method: 'PUT', url: `/api/v1/budgets/${budgetId}/projects/${p3}/implementation`, as: dept.official, body: { status: 'done' } })).json().error.code, 'project_not_selected');
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects/${p1}` })).json().project.implementationStatus, 'in_progress');
});

test('submission, review and settings follow the phases', async () => {
  const process = await budgetProcess(p, { departmentId: dept.id, stage: 'review' });
  const budgetId = await newBudget(process.slug, { ballotType: 'cumulative', pointsTotal: 10, pointsPerProjectMax: 5 });
  const late = await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects`, as: resident, body: { title: 'Too late for this one', description: 'Submitted during the review phase.', cost: 1000 } });
  assert.equal(late.json().error.code, 'project_submission_closed');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}`, as: dept.official })).json();
  assert.equal(detail.budget.rule, 'mes_points_add1');
  assert.equal(detail.abilities.updateSettings, true);
  assert.equal(detail.abilities.review, true);
  assert.equal(detail.abilities.submit, false);

  // Settings change before voting; a rule must fit the ballot type and its parameters.
  const patch = (body: Record<string, unknown>) => api(p, { method: 'PATCH', url: `/api/v1/budgets/${budgetId}`, as: dept.official, body });
  assert.equal((await patch({ rule: 'mes_cost_add1_greedy' })).json().error.fields[0].code, 'counting_rule_unknown');
  assert.equal((await patch({ ruleParams: { nonsense: 1 } })).json().error.fields[0].code, 'counting_rule_params_invalid');
  assert.equal((await patch({ pointsPerProjectMax: 50 })).json().error.fields[0].code, 'ballot_settings_too_high');
  assert.equal((await patch({ rule: 'greedy_points' })).statusCode, 200);
  assert.equal((await patch({ ballotType: 'knapsack', maxShare: 0.5 })).statusCode, 200);
  const after = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}` })).json().budget;
  assert.equal(after.rule, 'mes_cost_add1_greedy', 'a new ballot type takes its default rule');
  assert.equal(after.pointsTotal, null);
  assert.equal(after.spendingLimit, 50_000);
  assert.equal((await api(p, { method: 'PATCH', url: `/api/v1/budgets/${budgetId}`, as: resident, body: { title: 'Mine now' } })).statusCode, 403);

  // Voting opens: the settings and the review freeze, titles still change.
  p.clock.set(process.during.voting);
  assert.equal((await patch({ amount: 1 })).json().error.code, 'budget_settings_locked');
  assert.equal((await patch({ title: 'Neighbourhood budget 2026 (renamed)' })).statusCode, 200);
  const frozen = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}`, as: dept.official })).json();
  assert.equal(frozen.abilities.updateSettings, false);
  assert.equal(frozen.abilities.review, false);
});

test('knapsack and cumulative ballots are checked against the budget and the points', async () => {
  const official = await actorOf(dept.official);
  const proposer = await actorOf(resident);
  const knapsack = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting', settings: { ballotType: 'knapsack', amount: 100_000 }, costs: [60_000, 50_000, 30_000] });
  const [a, b, c] = knapsack.projects;
  const over = await castBallot(depsAt(p, knapsack.process.during.voting), proposer, { budgetId: knapsack.budgetId, selections: [{ projectId: a!.id }, { projectId: b!.id }] });
  assert.ok(!over.ok);
  assert.deepEqual(over.fields, [{ path: 'selections', code: 'ballot_over_budget', params: { limit: 100_000, total: 110_000 } }]);
  assert.ok((await castBallot(depsAt(p, knapsack.process.during.voting), proposer, { budgetId: knapsack.budgetId, selections: [{ projectId: a!.id }, { projectId: c!.id }] })).ok);
  const infeasible = await castBallot(depsAt(p, knapsack.process.during.voting), proposer, { budgetId: knapsack.budgetId, selections: [{ projectId: knapsack.infeasibleId }] });
  assert.ok(!infeasible.ok && infeasible.fields?.[0]?.code === 'ballot_unknown_project', 'a project found not feasible is not on the ballot');

  const cumulative = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting', settings: { ballotType: 'cumulative', pointsTotal: 10, pointsPerProjectMax: 6 } });
  const [x, y] = cumulative.projects;
  const res = await api(p, {
    method: 'PUT',
    url: `/api/v1/budgets/${cumulative.budgetId}/ballot`,
    as: resident,
    body: { selections: [{ projectId: x!.id, points: 7 }, { projectId: y!.id, points: 5 }] },
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    [['selections.0.points', 'A project can get at most 6 points.'], ['selections', 'You gave 12 points, but you have 10. Take some away.']],
  );
  p.clock.set(cumulative.process.during.voting);
  const okBallot = await api(p, { method: 'PUT', url: `/api/v1/budgets/${cumulative.budgetId}/ballot`, as: resident, body: { selections: [{ projectId: x!.id, points: 6 }, { projectId: y!.id, points: 4 }] } });
  assert.equal(okBallot.statusCode, 200, okBallot.body);
  assert.deepEqual(
    (await api(p, { method: 'GET', url: `/api/v1/budgets/${cumulative.budgetId}/ballot`, as: resident })).json().selections.map((s: { points: number }) => s.points).sort(),
    [4, 6],
  );
});

test('officials and clerks enter paper ballots once per voter, audited without the choices', async () => {
  const official = await actorOf(dept.official);
  const proposer = await actorOf(resident);
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting', areaId: areas.districtId });
  p.clock.set(budget.process.during.voting);
  const paperVoter = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  const clerk = await createUser(p, { roles: ['clerk'] });
  const otherDept = await createDepartment(p, 'Other Office');
  orFail(await createPost(p.deps, systemActor('test'), { organizationId: otherDept.id, title: 'Desk', holderEmail: clerk.email }));
  const enter = (as: TestUser, email: string, selections: unknown[]) => api(p, { method: 'POST', url: `/api/v1/budgets/${budget.budgetId}/paper-ballots`, as, body: { email, selections } });
  const selection = [{ projectId: budget.projects[0]!.id }];
  assert.equal((await enter(resident, paperVoter.email, selection)).statusCode, 403);
  const entered = await enter(clerk, paperVoter.email, selection);
  assert.equal(entered.statusCode, 201, entered.body);
  assert.equal((await enter(dept.official, paperVoter.email, selection)).json().error.code, 'voter_already_voted');
  assert.equal((await enter(dept.official, outsider.email, selection)).json().error.code, 'voter_not_verified');
  assert.equal((await enter(dept.official, 'nobody@example.test', selection)).statusCode, 404);
  const participation = await p.deps.db.selectFrom('budget_participation').selectAll().where('budget_id', '=', budget.budgetId).where('user_id', '=', paperVoter.id).executeTakeFirstOrThrow();
  assert.equal(participation.channel, 'paper');
  assert.equal(participation.entered_by, clerk.id);
  const audit = await p.deps.db.selectFrom('audit_log').select(['actor_id', 'data', 'public']).where('action', '=', 'budget.paper_ballot_entered').where('resource_id', '=', budget.budgetId).executeTakeFirstOrThrow();
  assert.equal(audit.actor_id, clerk.id);
  assert.equal(audit.public, false);
  assert.deepEqual(Object.keys(audit.data as object).sort(), ['channel', 'voterId']);
  // The voter may still change their own ballot online.
  const own = await api(p, { method: 'PUT', url: `/api/v1/budgets/${budget.budgetId}/ballot`, as: paperVoter, body: { selections: [{ projectId: budget.projects[1]!.id }] } });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().replaced, true);
});

test('officials put accepted proposals of the process on the budget', async () => {
  const processAdmin = admin;
  const proposals = await openProcess(p, processAdmin, { departmentId: dept.id, supportThreshold: 1 });
  // The proposals process gets the budgeting component too.
  await p.deps.db.updateTable('processes').set({ components: ['proposals', 'budgeting'] }).where('id', '=', proposals.id).execute();
  const proposalId = await proposeVia(p, resident, proposals.slug);
  const budgetId = await newBudget(proposals.slug);
  const promote = () => api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/promotions`, as: dept.official, body: { proposalId, cost: 12_000 } });
  assert.equal((await promote()).json().error.code, 'proposal_not_promotable', 'not accepted yet');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/proposals/${proposalId}/answer`, as: dept.official, body: { state: 'accepted', answer: 'Yes.' } })).statusCode, 200);
  const promoted = await promote();
  assert.equal(promoted.statusCode, 201, promoted.body);
  const project = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects/${promoted.json().id}` })).json();
  assert.equal(project.proposal.id, proposalId);
  assert.equal(project.project.proposer.displayName, 'Rita Resident');
  assert.equal(project.project.state, 'submitted');
  assert.equal((await promote()).json().error.code, 'proposal_not_promotable', 'once per proposal');
});

test('organizations submit through their representatives', async () => {
  const process = await budgetProcess(p, { departmentId: dept.id });
  const budgetId = await newBudget(process.slug);
  const org = await createOrganization(p);
  const res = await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects`, as: org.rep, body: { title: 'Repair the community hall roof', description: 'The roof of the community hall leaks.', cost: 9000, organizationId: org.id } });
  assert.equal(res.statusCode, 201, res.body);
  const detail = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budgetId}/projects/${res.json().id}`, as: org.rep })).json();
  assert.equal(detail.project.proposer.organization.id, org.id);
  assert.equal(detail.abilities.withdraw, true);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${budgetId}/projects`, as: resident, body: { title: 'Not my organization', description: 'This should not be allowed at all.', cost: 10, organizationId: org.id } })).json().error.code, 'not_a_representative');
});

test('budgets live only in processes with the budgeting component, and only its department sets them up', async () => {
  const proposals = await openProcess(p, admin, { departmentId: dept.id });
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/processes/${proposals.slug}/budgets` })).statusCode, 404);
  const process = await budgetProcess(p, { departmentId: dept.id });
  const other = await createDepartment(p, 'Elsewhere Office');
  const body = { title: 'Budget', amount: 10, currency: 'EUR', ballotType: 'approval' };
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${process.slug}/budgets`, as: other.official, body })).json().error.code, 'not_an_official');
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/processes/${process.slug}/budgets`, as: admin, body })).statusCode, 201);
  const cumulativeWithoutPoints = await api(p, { method: 'POST', url: `/api/v1/processes/${process.slug}/budgets`, as: admin, body: { ...body, ballotType: 'cumulative' } });
  assert.equal(cumulativeWithoutPoints.json().error.fields[0].path, 'pointsTotal');
  const list = (await api(p, { method: 'GET', url: `/api/v1/processes/${process.slug}/budgets`, as: dept.official })).json();
  assert.equal(list.budgets.length, 1);
  assert.deepEqual(list.abilities, { create: true, import: true });
});

test('a resident who voted sees that they voted, and their ballot, but nobody else’s', async () => {
  const official = await actorOf(dept.official);
  const proposer = await actorOf(resident);
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting' });
  await voteAt(p, budget, proposer, [{ projectId: budget.projects[0]!.id }]);
  p.clock.set(budget.process.during.voting);
  const other = await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } });
  assert.deepEqual((await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.budgetId}/ballot`, as: other })).json(), { voted: false, selections: null });
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.budgetId}`, as: resident })).json().voted, true);
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.budgetId}/ballot` })).statusCode, 401);
});
