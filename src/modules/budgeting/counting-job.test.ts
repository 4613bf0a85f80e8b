import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createAreas, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { UserActor } from '../../core/permissions/actor.js';
import { countClosedBudgets } from './operations/count-budget.js';
import { DAY, seededBudget, voteAt } from './testing.js';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let official: UserActor;
let residents: UserActor[];
let follower: TestUser;

before(async () => {
  p = await createTestPlatform({ SESSION_TTL_HOURS: String(24 * 365) });
  const areas = await createAreas(p);
  dept = await createDepartment(p, 'Budget Office');
  official = (await loadUserActor(p.deps.db, dept.official.id))!;
  follower = await createUser(p);
  residents = [];
  for (let i = 0; i < 3; i++) residents.push((await loadUserActor(p.deps.db, (await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })).id))!);
});
after(async () => {
  await p?.close();
});

test('the counting job counts a budget once its voting has closed, once, and tells the followers', async () => {
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer: residents[0]!, stage: 'voting', settings: { maxProjects: 2 } });
  const followed = await api(p, { method: 'PUT', url: `/api/v1/follows/budget/${budget.budgetId}`, as: follower, body: {} });
  assert.ok(followed.statusCode < 300, followed.body);
  for (const [i, r] of residents.entries()) await voteAt(p, budget, r, [{ projectId: budget.projects[i % 2]!.id }]);

  p.clock.set(budget.process.during.voting);
  assert.equal(await countClosedBudgets(p.deps), 0, 'voting is still open');
  // The last minute of voting, then the first after it.
  p.clock.set(new Date(budget.process.start.getTime() + 30 * DAY - 60_000));
  assert.equal(await countClosedBudgets(p.deps), 0);
  p.clock.set(new Date(budget.process.start.getTime() + 30 * DAY));
  assert.equal(await countClosedBudgets(p.deps), 1);
  assert.equal(await countClosedBudgets(p.deps), 0, 'never counted twice');
  const row = await p.deps.db.selectFrom('budgets').select(['status', 'counted_at', 'result_hash', 'receipts_published_at']).where('id', '=', budget.budgetId).executeTakeFirstOrThrow();
  assert.equal(row.status, 'counted');
  assert.equal(row.counted_at?.getTime(), budget.process.start.getTime() + 30 * DAY);
  assert.ok(row.receipts_published_at);
  const told = await p.deps.db.selectFrom('notifications').select(['kind', 'path']).where('user_id', '=', follower.id).execute();
  assert.deepEqual(told.map((n) => n.kind), ['budget.counted']);
  assert.match(told[0]!.path, /\/results$/);
  // The proposer follows their projects: told which were selected.
  const proposerTold = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', residents[0]!.id).execute();
  assert.ok(proposerTold.some((n) => n.kind === 'budget_project.selected'));
});

test('officials advancing the process past voting let the count happen before the dates', async () => {
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer: residents[0]!, stage: 'voting' });
  await voteAt(p, budget, residents[1]!, [{ projectId: budget.projects[0]!.id }]);
  p.clock.set(budget.process.during.voting);
  const phases = await p.deps.db.selectFrom('process_phases').select(['id', 'position']).where('process_id', '=', budget.process.id).orderBy('position').execute();
  const advanced = await api(p, { method: 'POST', url: `/api/v1/processes/${budget.process.slug}/advance`, as: dept.official, body: { phaseId: phases[3]!.id } });
  assert.equal(advanced.statusCode, 200, advanced.body);
  const count = await api(p, { method: 'POST', url: `/api/v1/budgets/${budget.budgetId}/count`, as: dept.official, body: {} });
  assert.equal(count.statusCode, 200, count.body);
  const audit = await p.deps.db.selectFrom('audit_log').select(['actor_id', 'post_id', 'public']).where('action', '=', 'budget.counted').where('resource_id', '=', budget.budgetId).executeTakeFirstOrThrow();
  assert.deepEqual(audit, { actor_id: dept.official.id, post_id: dept.postId, public: true });
});

test('a rule that cannot run leaves the budget open and tells the department once', async () => {
  const budget = await seededBudget(p, { departmentId: dept.id, official, proposer: residents[0]!, stage: 'voting' });
  await voteAt(p, budget, residents[1]!, [{ projectId: budget.projects[0]!.id }]);
  // Parameters the settings form would refuse, written straight into the table.
  await p.deps.db.updateTable('budgets').set({ rule_params: JSON.stringify({ nonsense: true }) }).where('id', '=', budget.budgetId).execute();
  p.clock.set(budget.process.during.closed);
  await countClosedBudgets(p.deps);
  await countClosedBudgets(p.deps);
  const told = await p.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', dept.official.id).where('resource_id', '=', budget.budgetId).execute();
  assert.deepEqual(told.map((n) => n.kind), ['budget.counting_failed']);
  const res = await api(p, { method: 'POST', url: `/api/v1/budgets/${budget.budgetId}/count`, as: dept.official, body: {} });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'counting_failed');
  assert.equal((await p.deps.db.selectFrom('budgets').select('status').where('id', '=', budget.budgetId).executeTakeFirstOrThrow()).status, 'open');
});
