import { sharedDataDir, sharedDataSkip } from '../../../test/helpers/shared-data.js';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { parsePabulib } from './counting/pabulib.js';
import { budgetProcess, type BudgetProcess } from './testing.js';

let p: TestPlatform;
let dept: Awaited<ReturnType<typeof createDepartment>>;
let admin: TestUser;
let resident: TestUser;
let process: BudgetProcess;

before(async () => {
  p = await createTestPlatform();
  dept = await createDepartment(p, 'Budget Office');
  admin = await createUser(p, { roles: ['administrator'] });
  resident = await createUser(p);
  process = await budgetProcess(p, { departmentId: dept.id, stage: 'voting' });
});
after(async () => {
  await p?.close();
});

const approvalFile = `META
key;value
description;Replay of a small neighbourhood vote
country;Testland
unit;Test City
instance;2025
num_projects;4
num_votes;5
budget;100
vote_type;approval
rule;greedy
min_length;1
max_length;2
currency;EUR
PROJECTS
project_id;cost;name;category
1;60;"Bike racks; covered";Streets
2;50;Benches;Parks
3;40;Trees;Parks,Green
4;999999999;Withdrawn one;Streets
VOTES
voter_id;vote;age
v1;1,2;34
v2;1;51
v3;2,3;22
v4;3;67
v5;1,3;45
`;

const importVia = (text: string, as: TestUser = dept.official, query = '') =>
  api(p, { method: 'POST', url: `/api/v1/processes/${process.slug}/budgets/import${query}`, as, body: text, headers: { 'content-type': 'text/plain' } });

test('a Pabulib file becomes a budget with its projects and secret ballots; it is counted on request and exported anonymized', async () => {
  const res = await importVia(approvalFile);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json(), { id: res.json().id, projects: 4, ballots: 5, warnings: [] });
  const id = res.json().id;
  const detail = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}`, as: dept.official })).json();
  assert.equal(detail.budget.title, 'Replay of a small neighbourhood vote');
  assert.equal(detail.budget.importedFrom, 'Testland · Test City · 2025');
  assert.deepEqual([detail.budget.ballotType, detail.budget.maxProjects, detail.budget.currency, detail.budget.amount], ['approval', 2, 'EUR', 100]);
  assert.equal(detail.abilities.vote, false);
  assert.equal(detail.voteBlocked.code, 'budget_imported');
  assert.equal(detail.abilities.count, true, 'an imported election is counted when officials ask');
  assert.equal(detail.abilities.updateSettings, true);
  const projects = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/projects` })).json().projects;
  assert.deepEqual(projects.map((x: { code: string; state: string; title: string }) => [x.code, x.state, x.title]), [
    ['1', 'feasible', 'Bike racks; covered'],
    ['2', 'feasible', 'Benches'],
    ['3', 'feasible', 'Trees'],
    ['4', 'withdrawn', 'Withdrawn one'],
  ]);
  const ballots = await p.deps.db.selectFrom('budget_ballots').select(['voter_key']).where('budget_id', '=', id).execute();
  assert.equal(ballots.length, 5);
  assert.ok(ballots.every((b) => /^[0-9a-f]{64}$/.test(b.voter_key) && !['v1', 'v2', 'v3', 'v4', 'v5'].includes(b.voter_key)));

  // A replay may be counted under another rule before it is counted.
  assert.equal((await api(p, { method: 'PATCH', url: `/api/v1/budgets/${id}`, as: dept.official, body: { rule: 'greedy_cost' } })).statusCode, 200);
  assert.equal((await api(p, { method: 'PATCH', url: `/api/v1/budgets/${id}`, as: dept.official, body: { amount: 1000 } })).json().error.code, 'budget_settings_locked');
  const counted = await api(p, { method: 'POST', url: `/api/v1/budgets/${id}/count`, as: dept.official, body: {} });
  assert.equal(counted.statusCode, 200, counted.body);
  const results = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/results` })).json().results;
  // Greedy by approvals: 1 (3 votes, 60) then 3 (3 votes, 40) fill the budget; 2 (2 votes) no longer fits.
  assert.deepEqual(results.projects.map((x: { code: string; selected: boolean; ballots: number }) => [x.code, x.selected, x.ballots]), [['1', true, 3], ['3', true, 3], ['2', false, 2]]);
  assert.equal(results.spent, 100);

  const exported = await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/export.pb` });
  assert.equal(exported.statusCode, 200);
  assert.match(exported.headers['content-disposition'] as string, /\.pb"$/);
  const file = parsePabulib(exported.body);
  assert.equal(file.budget, 100);
  assert.equal(file.meta.rule, 'greedy_cost');
  assert.deepEqual(file.projects.map((x) => [x.id, x.cost, x.votes, x.selected]), [['1', 60, 3, 1], ['2', 50, 2, 0], ['3', 40, 3, 1]]);
  assert.deepEqual(file.ballots.map((b) => b.projects.slice().sort().join(',')).sort(), ['1', '1,2', '1,3', '2,3', '3']);
  assert.ok(!exported.body.includes('age') && !exported.body.includes('v1'), 'no voter data, no original voter ids');
});

test('files that cannot be read, or ballots that cannot be counted here, are refused with the reason', async () => {
  const broken = await importVia(approvalFile.replace('v3;2,3;22', 'v3;2,9;22'));
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().error.code, 'pabulib_file_invalid');
  assert.match(broken.json().error.message, /line \d+: voter v3 votes for unknown project "9"/);
  const ordinal = await importVia(approvalFile.replace('vote_type;approval', 'vote_type;ordinal'));
  assert.equal(ordinal.json().error.code, 'pabulib_vote_type_unsupported');
  const twice = await importVia(approvalFile.replace('v4;3;67', 'v1;3;67'));
  assert.equal(twice.json().error.code, 'pabulib_file_invalid');
  assert.equal((await importVia(approvalFile, resident)).statusCode, 403);
  assert.equal((await importVia(approvalFile, admin)).statusCode, 201);
});

test('a cumulative file keeps its points', async () => {
  const cumulative = approvalFile
    .replace('vote_type;approval', 'vote_type;cumulative\nmax_sum_points;5\nmax_points;4')
    .replace('voter_id;vote;age', 'voter_id;vote;points')
    .replace('v1;1,2;34', 'v1;1,2;4,1')
    .replace('v2;1;51', 'v2;1;3')
    .replace('v3;2,3;22', 'v3;2,3;2,3')
    .replace('v4;3;67', 'v4;3;5')
    .replace('v5;1,3;45', 'v5;1,3;1,4');
  const res = await importVia(cumulative, dept.official, '?title=Points%20replay');
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id;
  const budget = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}` })).json().budget;
  assert.deepEqual([budget.title, budget.ballotType, budget.pointsTotal, budget.pointsPerProjectMax, budget.rule], ['Points replay', 'cumulative', 5, 4, 'mes_points_add1']);
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${id}/count`, as: dept.official, body: {} })).statusCode, 200);
  const results = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/results` })).json().results;
  const points = Object.fromEntries(results.projects.map((x: { code: string; points: number }) => [x.code, x.points]));
  assert.deepEqual(points, { '1': 8, '2': 3, '3': 12 });
  const file = parsePabulib((await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/export.pb` })).body);
  assert.equal(file.voteType, 'cumulative');
  assert.equal(file.meta.max_sum_points, '5');
});

const SHARED = sharedDataDir('pabulib') ?? '/nonexistent';
test('a real Pabulib election imported and counted here selects what pabutools selects', { skip: sharedDataSkip('pabulib') }, async () => {
  const name = 'Worldwide_Mechanical_Turk_Knapsack_3.pb';
  const expected = JSON.parse(fs.readFileSync(`${SHARED}/expected.json`, 'utf8'))[name].rules;
  const res = await importVia(fs.readFileSync(`${SHARED}/instances/${name}`, 'utf8'));
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id;
  assert.equal((await api(p, { method: 'POST', url: `/api/v1/budgets/${id}/count`, as: dept.official, body: {} })).statusCode, 200);
  const results = (await api(p, { method: 'GET', url: `/api/v1/budgets/${id}/results` })).json().results;
  assert.equal(results.rule, 'mes_cost_add1_greedy');
  const selected = results.projects.filter((x: { selected: boolean }) => x.selected).map((x: { code: string }) => x.code).sort();
  assert.deepEqual(selected, [...expected.mes_cost_add1_greedy.selected].sort());
});
