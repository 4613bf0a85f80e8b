import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { modules } from '../../server/modules.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, modules);
});
after(async () => {
  await p?.close();
});

test('the demo has an open city budget with reviewed projects in both languages, voting now', async () => {
  const list = await api(p, { method: 'GET', url: '/api/v1/processes/lakeview-participatory-budget-2026/budgets' });
  assert.equal(list.statusCode, 200, list.body);
  const [budget] = list.json().budgets;
  assert.equal(budget.titleZh, '2026 湖景市参与式预算');
  assert.equal(budget.votingStage, 'open');
  assert.equal(budget.ballotType, 'knapsack');
  assert.deepEqual(budget.projectCounts, { submitted: 0, feasible: 6, infeasible: 1, withdrawn: 1, selected: 0, not_selected: 0 });
  const projects = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.id}/projects` })).json().projects;
  assert.ok(projects.every((x: { titleZh: string | null }) => x.titleZh));
  assert.equal(projects.filter((x: { originalCost: number | null }) => x.originalCost !== null).length, 1);
  // The demo resident has not voted: visitors signing in as them can try.
  const ballots = await p.deps.db.selectFrom('budget_participation').select('user_id').where('budget_id', '=', budget.id).execute();
  assert.ok(ballots.length >= 10);
  const resident = await p.deps.db.selectFrom('users').select('id').where('email', '=', 'resident@lakeview.demo').executeTakeFirstOrThrow();
  assert.ok(!ballots.some((b) => b.user_id === resident.id));
  assert.equal((await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.id}/results` })).json().results, null);
});

test('the demo has a finished district budget with results, receipts and projects under way', async () => {
  const [budget] = (await api(p, { method: 'GET', url: '/api/v1/processes/riverside-participatory-budget-2025/budgets' })).json().budgets;
  assert.equal(budget.status, 'counted');
  const results = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.id}/results` })).json().results;
  assert.ok(results.ballots >= 5);
  assert.ok(results.projects.filter((x: { selected: boolean }) => x.selected).length >= 2);
  assert.ok(results.spent <= 400_000);
  assert.ok(results.rounds.length >= 2);
  const receipts = (await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.id}/receipts` })).json();
  assert.equal(receipts.total, results.ballots);
  const selected = results.projects.filter((x: { selected: boolean }) => x.selected);
  const statuses = await Promise.all(
    selected.map(async (x: { id: string }) => (await api(p, { method: 'GET', url: `/api/v1/budgets/${budget.id}/projects/${x.id}` })).json().project.implementationStatus),
  );
  assert.ok(statuses.some((s) => s !== 'not_started'));
});
