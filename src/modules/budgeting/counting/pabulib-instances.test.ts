import { sharedDataDir, sharedDataSkip } from '../../../../test/helpers/shared-data.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { mesAddOne, startEndowment } from './add-one.js';
import { CountingError } from './errors.js';
import { MesRunner, mesSetup, type Utility } from './mes.js';
import { electionFromPabulib, parsePabulib, type PabulibFile } from './pabulib.js';
import { buildProblem, tieBreakRank } from './problem.js';
import * as Q from './rational.js';
import { referenceMes } from './reference.js';
import { tally, type TallyParams } from './tally.js';
import type { Election } from './types.js';

// The 16 real elections of ../shared/data/pabulib and the outcomes of pabutools (exact rationals)
// and of the equalshares.net tool in expected.json: every listed rule must select exactly those projects.
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const dataDir = sharedDataDir('pabulib') ?? path.resolve(repoRoot, '..', 'shared', 'data', 'pabulib');
const skip = sharedDataSkip('pabulib');

interface Expected {
  rules: Record<string, { selected: string[]; pabutools_seconds: number }>;
  equalshares_js?: Record<string, { selected: string[]; seconds: number }>;
  file_selected: string[] | null;
}

function sorted(ids: string[]): string[] {
  return [...ids].sort();
}

const files = new Map<string, { file: PabulibFile; election: Election }>();
function load(name: string): { file: PabulibFile; election: Election } {
  let entry = files.get(name);
  if (!entry) {
    const file = parsePabulib(fs.readFileSync(path.join(dataDir, 'instances', name), 'utf8'));
    entry = { file, election: electionFromPabulib(file) };
    files.set(name, entry);
  }
  return entry;
}

/** tally, remembered: several tool configurations are the same parameters, and es_add1_pabutoolslike is mes_cost_add1. */
const outcomes = new Map<string, ReturnType<typeof tally>>();
function count(name: string, rule: string, params: TallyParams = {}): ReturnType<typeof tally> {
  const key = `${name} ${rule} ${JSON.stringify(Object.entries(params).sort())}`;
  let result = outcomes.get(key);
  if (!result) {
    result = tally(load(name).election, rule, params);
    outcomes.set(key, result);
  }
  return result;
}

function expectedOutcomes(): Record<string, Expected> {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'expected.json'), 'utf8')) as Record<string, Expected>;
}

test('every instance in the data set is listed in expected.json and parses', { skip }, () => {
  const expected = expectedOutcomes();
  const names = fs.readdirSync(path.join(dataDir, 'instances')).filter((f) => f.endsWith('.pb')).sort();
  assert.equal(names.length, 16);
  assert.deepEqual(names, Object.keys(expected).sort());
  for (const name of names) {
    const { file } = load(name);
    assert.equal(file.projects.length, Number(file.meta.num_projects), name);
    assert.equal(file.ballots.length, Number(file.meta.num_votes), name);
  }
});

test('every rule listed for every instance selects exactly what pabutools selects, at the same cost', { skip }, () => {
  const expected = expectedOutcomes();
  let checked = 0;
  for (const [name, entry] of Object.entries(expected)) {
    const { election } = load(name);
    const costOf = new Map(election.projects.map((p) => [p.id, p.cost]));
    for (const [rule, reference] of Object.entries(entry.rules)) {
      const result = count(name, rule);
      assert.deepEqual(sorted(result.selected), sorted(reference.selected), `${name} ${rule}`);
      assert.equal(new Set(result.selected).size, result.selected.length, `${name} ${rule}: a project selected twice`);
      const cost = reference.selected.reduce((sum, id) => sum + costOf.get(id)!, 0);
      assert.equal(result.cost, cost, `${name} ${rule}: cost`);
      assert.ok(result.cost <= election.budget, `${name} ${rule}: over budget`);
      assert.equal(result.rule, rule);
      checked += 1;
    }
  }
  assert.equal(checked, 72);
});

/** Our parameters for the equalshares.net tool's configurations (the keys of equalshares_js). */
const equalShares: Record<string, TallyParams> = {
  es_default_add1u: { start: 'floor', stop: 'exhaustive', completion: 'greedy' },
  es_add1u_tb: { start: 'floor', stop: 'exhaustive', completion: 'greedy', tieBreaking: 'votes-cost' },
  es_add1_pabutoolslike: {},
  es_add1u_tb_fractions: { start: 'floor', stop: 'exhaustive', completion: 'greedy', tieBreaking: 'votes-cost' },
  es_add1_comparison_tb: { start: 'floor', stop: 'exhaustive', comparison: 'satisfaction', tieBreaking: 'votes-cost' },
  es_add1_noexh_integral_tb: { start: 'floor', stop: 'never', tieBreaking: 'votes-cost' },
  es_add1_noexh_integral_tb_comparison: { start: 'floor', stop: 'never', comparison: 'satisfaction', tieBreaking: 'votes-cost' },
  es_add1_noexh_integral_tb_fractions: { start: 'floor', stop: 'never', tieBreaking: 'votes-cost' },
};

test('the add-one parameters reproduce every equalshares.net tool configuration in expected.json', { skip }, () => {
  const expected = expectedOutcomes();
  let checked = 0;
  for (const [name, entry] of Object.entries(expected)) {
    for (const [variant, reference] of Object.entries(entry.equalshares_js ?? {})) {
      const params = equalShares[variant];
      assert.ok(params, `no parameters for ${variant}`);
      const result = count(name, 'mes_cost_add1', params);
      assert.deepEqual(sorted(result.selected), sorted(reference.selected), `${name} ${variant}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 50, `only ${checked} tool outcomes checked`);
});

test("the cities' own rules reproduce the file's selected column", { skip }, () => {
  const expected = expectedOutcomes();
  const cases: Array<[string, string, TallyParams]> = [
    // Wieliczka 2023: the equalshares.net tool, floor(B/n) start, no stop on exhaustiveness (Pabulib's checker).
    ['Poland_Wieliczka_2023_Green_Budget.pb', 'mes_cost_add1', { start: 'floor', stop: 'never', tieBreaking: 'votes-cost' }],
    ['Netherlands_Assen_2024.pb', 'mes_cost_add1', {}],
    ['Poland_Swiecie_2023.pb', 'mes_cost_add1', {}],
    ['Poland_Lodz_2022.pb', 'greedy_threshold', { threshold: 100 }],
    ['Poland_Katowice_2023_Ligota_-_Panewniki.pb', 'greedy_threshold', { threshold: 50 }],
    ['Poland_Wroclaw_2017.pb', 'greedy_no_skip', {}],
    ['Poland_Warszawa_2019_Ursynow.pb', 'greedy_cost', {}],
  ];
  for (const [name, rule, params] of cases) {
    const { file } = load(name);
    const fromFile = file.projects.filter((p) => p.selected === 1).map((p) => p.id);
    assert.deepEqual(sorted(fromFile), sorted(expected[name]!.file_selected!), `${name}: the selected column`);
    assert.deepEqual(sorted(count(name, rule, params).selected), sorted(fromFile), `${name} ${rule}`);
  }
});

test('the ordinal instance parses, ranked, and every rule refuses it with ordinal_not_supported', { skip }, () => {
  const { file, election } = load('Switzerland_Zurich_S5R.pb');
  assert.equal(file.voteType, 'ordinal');
  assert.equal(file.ballots[0]!.projects.length, 5);
  assert.deepEqual(file.ballots[0]!.projects, ['8', '15', '20', '18', '1']);
  for (const rule of ['greedy_cost', 'mes_cost_add1', 'phragmen']) {
    assert.throws(
      () => tally(election, rule),
      (error: unknown) => error instanceof CountingError && error.code === 'ordinal_not_supported' && /approval/.test(error.message) && /cumulative/.test(error.message),
    );
  }
});

test('explanations of a real add-one outcome add up', { skip }, () => {
  const { election } = load('Poland_Wieliczka_2023_Green_Budget.pb');
  const result = tally(election, 'mes_cost_add1_greedy');
  const mesRounds = result.rounds.filter((r) => r.phase === 'mes');
  const completion = result.rounds.filter((r) => r.phase === 'completion');
  assert.equal(mesRounds.length + completion.length, result.selected.length);
  assert.deepEqual(result.rounds.map((r) => r.project), result.selected);
  assert.ok(result.endowment! > election.budget / election.ballots.length);
  let previousRho = 0;
  for (const round of mesRounds) {
    assert.ok(Number(round.rho) > 0);
    assert.ok(round.maxPayment! >= round.minPayment!);
    assert.ok(round.paidAllTheyHad! <= round.supporters);
    // Prices only grow within a run, and each round takes the cheapest: rho never decreases.
    assert.ok(Number(round.rho) >= previousRho * (1 - 1e-9), `rho decreased at round ${round.round}`);
    previousRho = Number(round.rho);
  }
  const last = result.rounds[result.rounds.length - 1]!;
  assert.equal(last.remainingBudget, election.budget - result.cost);
  for (const { project, reason } of result.notSelected) {
    assert.ok(!result.selected.includes(project));
    assert.ok(['budget_exhausted', 'no_support', 'infeasible'].includes(reason), reason);
  }
  assert.equal(result.notSelected.length + result.selected.length, election.projects.length);
  assert.deepEqual(result.params, { utility: 'cost', addOne: true, start: 'exact', step: 1, stop: 'pabutools', completion: 'greedy', comparison: 'none', tieBreaking: 'id', seed: 0 });
});

test('on real elections the fast MES equals exact rational MES at the endowments add-one visits', { skip }, () => {
  const cases: Array<[string, Utility]> = [
    ['Poland_Wieliczka_2023_Green_Budget.pb', 'cost'],
    ['Poland_Swiecie_2023.pb', 'cost'],
    ['US_Stanford_Dataset_PB_Cambridge_2019_vote_approvals.pb', 'cost'],
    ['Netherlands_Assen_2024.pb', 'cost'],
    ['Switzerland_Zurich_SN.pb', 'cost'],
    ['Switzerland_Zurich_D10.pb', 'points'],
    ['Worldwide_Mechanical_Turk_Utilities_7.pb', 'pointscost'],
    ['Poland_Katowice_2023_Ligota_-_Panewniki.pb', 'pointscost'],
  ];
  for (const [name, utility] of cases) {
    const problem = buildProblem(load(name).election);
    const setup = mesSetup(problem, utility, tieBreakRank(problem, ['id'], 0));
    const runner = new MesRunner(setup);
    const start = startEndowment(problem.scaledBudgetBig, problem.n, problem.scale, 'exact');
    const kept = mesAddOne(runner, start, Q.rat(BigInt(problem.scale)), 'pabutools').endowment ?? start;
    for (const endowment of [start, Q.add(start, Q.rat(7n * BigInt(problem.scale))), kept, Q.add(kept, Q.rat(BigInt(problem.scale)))]) {
      assert.deepEqual(runner.run(endowment).selected, referenceMes(setup, endowment), `${name} at ${Q.toNumber(endowment) / problem.scale}`);
    }
  }
});
