import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CountingError } from './errors.js';
import { MesRunner, mesSetup, type Utility } from './mes.js';
import { seededRandom } from './pabulib.js';
import { buildProblem, tieBreakRank } from './problem.js';
import * as Q from './rational.js';
import { referenceMes } from './reference.js';
import { ruleNames, tally, tryTally } from './tally.js';
import type { Election } from './types.js';

/** A small approval election: projects as id -> cost, ballots as lists of ids. */
function approval(budget: number, costs: Record<string, number>, ballots: string[][]): Election {
  return {
    budget,
    voteType: 'approval',
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })),
    ballots: ballots.map((projects) => ({ projects })),
  };
}

function repeat<T>(times: number, value: T): T[] {
  return Array.from({ length: times }, () => value);
}

test('an exact tie that floating point gets wrong is broken by the smallest id, as pabutools does', () => {
  // Both projects cost 1/3 of... each supporter's share per unit of utility: rho = 1/3 for both.
  // In floating point (7/3)/7 > 3/3/3, so a float-only count would buy b first and then a would
  // not be affordable any more.
  assert.ok(7 / 3 / 7 > 3 / 3 / 3, 'the trap: floats order the tied prices');
  const election = approval(9, { a: 7, b: 3 }, repeat(3, ['a', 'b']));
  assert.deepEqual(tally(election, 'mes_cost').selected, ['a']);
  // With the tie broken by cost instead, the cheaper b wins and a is then out of reach.
  assert.deepEqual(tally(election, 'mes_cost', { tieBreaking: 'cost' }).selected, ['b']);
  const explained = tally(election, 'mes_cost');
  assert.equal(explained.rounds[0]!.rho, '0.333333333333');
  assert.equal(explained.diagnostics?.exactRounds, 1);
});

test('supporters who hold exactly the cost can buy it, although their money sums to less in floating point', () => {
  // Ten voters with 1/10 each (budget 1): ten times 0.1 is 0.9999999999999999 in floating point.
  let float = 0;
  for (let i = 0; i < 10; i += 1) float += 0.1;
  assert.ok(float < 1, 'the trap: floats lose a little');
  const costs: Record<string, number> = { x: 1 };
  const ballots: string[][] = [];
  for (let i = 0; i < 10; i += 1) {
    costs[`y${i}`] = 2; // distinct ballots, so the ten voters are not merged into one weighted group
    ballots.push(['x', `y${i}`]);
  }
  const result = tally(approval(1, costs, ballots), 'mes_cost');
  assert.deepEqual(result.selected, ['x']);
  assert.equal(result.rounds[0]!.paidAllTheyHad, 10);
  assert.equal(result.rounds[0]!.remainingVoterMoney, 0);
});

test('budgets and costs with decimals are compared exactly (0.1 + 0.2 fits in 0.3)', () => {
  assert.ok(0.1 + 0.2 > 0.3, 'the trap');
  const election = approval(0.3, { p: 0.1, q: 0.2, r: 0.05 }, [['p', 'q'], ['p'], ['q'], ['r']]);
  const greedy = tally(election, 'greedy_cost');
  assert.deepEqual(greedy.selected, ['p', 'q']);
  assert.equal(greedy.cost, 0.3);
  assert.deepEqual(greedy.notSelected, [{ project: 'r', reason: 'budget_exhausted' }]);
  const mes = tally(election, 'mes_cost_add1');
  assert.ok(mes.cost <= 0.3);
  assert.equal(mes.rounds[mes.rounds.length - 1]!.remainingBudget, Math.round((0.3 - mes.cost) * 100) / 100);
});

test('ties between equally supported projects: id as a string by default, or cost, votes and a seeded lottery', () => {
  // "10" sorts before "9" as a string.
  const election = approval(5, { '9': 5, '10': 5, '7': 4 }, [['9', '10'], ['9', '10', '7']]);
  assert.deepEqual(tally(election, 'greedy_cost').selected, ['10']);
  assert.deepEqual(tally(election, 'mes_cost').selected, ['10']);
  assert.deepEqual(tally(election, 'phragmen').selected, ['10']);
  // Equal cost too: a lottery, reproducible from its seed; different seeds pick different winners.
  const winners = new Set<string>();
  for (let seed = 0; seed < 20; seed += 1) {
    const first = tally(election, 'greedy_cost', { tieBreaking: 'cost-votes-lot', seed }).selected;
    assert.deepEqual(tally(election, 'greedy_cost', { tieBreaking: 'cost-votes-lot', seed }).selected, first);
    winners.add(first[0]!);
  }
  assert.deepEqual([...winners].sort(), ['10', '9']);
  // Cost first: among the projects tied on approvals nothing changes; with votes first the tie stays, then cost.
  const cheaper = approval(5, { a: 5, b: 4 }, [['a', 'b']]);
  assert.deepEqual(tally(cheaper, 'greedy_cost').selected, ['a']);
  assert.deepEqual(tally(cheaper, 'greedy_cost', { tieBreaking: 'cost' }).selected, ['b']);
  assert.deepEqual(tally(cheaper, 'greedy_cost', { tieBreaking: 'maxcost' }).selected, ['a']);
  assert.equal(tally(cheaper, 'greedy_cost', { tieBreaking: 'cost-votes-lot', seed: 3 }).params.tieBreaking, 'cost-votes-lot');
});

test('projects of cost 0: MES buys the supported ones first; greedy takes every project that fits', () => {
  const election = approval(10, { free: 0, lonely: 0, a: 6, b: 6 }, [['free', 'a'], ['a'], ['b']]);
  const mes = tally(election, 'mes_cost');
  assert.equal(mes.selected[0], 'free');
  assert.equal(mes.rounds[0]!.rho, '0');
  assert.ok(!mes.selected.includes('lonely'));
  assert.deepEqual(mes.notSelected.find((n) => n.project === 'lonely'), { project: 'lonely', reason: 'no_support' });
  const greedy = tally(election, 'greedy_cost');
  assert.deepEqual(greedy.selected, ['a', 'free', 'lonely']);
});

test('empty ballots count in the endowment B/n but buy nothing', () => {
  // 4 voters, 2 of them empty: e = 10/4; the two supporters of p hold 5, exactly its cost.
  const election = approval(10, { p: 5, q: 6 }, [['p'], ['p'], [], []]);
  const result = tally(election, 'mes_cost');
  assert.equal(result.endowment, 2.5);
  assert.deepEqual(result.selected, ['p']);
  assert.deepEqual(result.notSelected, [{ project: 'q', reason: 'no_support' }]);
  const none = approval(10, { p: 5 }, [[], []]);
  assert.deepEqual(tally(none, 'mes_cost_add1').selected, []);
  // pabutools' Phragmén gives projects without supporters an infinite load; when only those are
  // left and all of them fit, it still buys them (the smallest id first), and so do we.
  assert.deepEqual(tally(none, 'phragmen').selected, ['p']);
  assert.deepEqual(tally(approval(4, { p: 5 }, [[], []]), 'phragmen').selected, []);
  assert.deepEqual(tally(approval(10, { p: 5 }, []), 'mes_cost_add1').selected, []);
});

test('a MES round is explained: price, who paid all they had, payments, money and budget left', () => {
  // 4 voters with 2 each; p (cost 6) is approved by 3 of them: each pays 2, all they had.
  const election = approval(8, { p: 6, q: 3 }, [['p'], ['p'], ['p', 'q'], ['q']]);
  const result = tally(election, 'mes_cost');
  assert.deepEqual(result.selected, ['p']);
  assert.deepEqual(result.rounds[0], {
    round: 1,
    project: 'p',
    cost: 6,
    phase: 'mes',
    supporters: 3,
    rho: '0.333333333333',
    paidAllTheyHad: 3,
    maxPayment: 2,
    minPayment: 2,
    remainingVoterMoney: 2,
    remainingBudget: 2,
  });
  assert.deepEqual(result.notSelected, [{ project: 'q', reason: 'too_expensive_for_supporters' }]);
  // With greedy completion q still does not fit (2 left): budget_exhausted.
  assert.deepEqual(tally(election, 'mes_cost_add1_greedy').notSelected, [{ project: 'q', reason: 'budget_exhausted' }]);
});

test('add-one: the start, step and stop rule are parameters, recorded with the result', () => {
  // 3 voters, budget 100: B/n = 33.33..., floor(B/n) = 33.
  const election = approval(100, { a: 60, b: 30, c: 25 }, [['a', 'b'], ['a'], ['c']]);
  const exact = tally(election, 'mes_cost_add1');
  const floor = tally(election, 'mes_cost_add1', { start: 'floor' });
  assert.equal(exact.params.start, 'exact');
  assert.equal(floor.params.start, 'floor');
  assert.ok(Math.abs(exact.endowment! - 100 / 3 - Math.round(exact.endowment! - 100 / 3)) < 1e-9, 'exact start: B/n + k');
  assert.equal(floor.endowment! % 1, 0, 'floor start: whole units');
  for (const result of [exact, floor]) assert.ok(result.cost <= 100);
  const big = tally(election, 'mes_cost_add1', { step: 10 });
  assert.equal(big.params.step, 10);
  assert.deepEqual(tally(election, 'mes_cost_add100').params.step, 100);
  // Without add-one the endowment stays B/n and nothing about add-one is recorded.
  const plain = tally(election, 'mes_cost');
  assert.equal(plain.params.start, undefined);
  assert.ok(Math.abs(plain.endowment! - 100 / 3) < 1e-12);
  assert.throws(() => tally(election, 'mes_cost_add1', { step: 0 }), (e: unknown) => e instanceof CountingError && e.code === 'invalid_params');
});

test('add-one stop rules: pabutools stops when no supported project fits, never only when overspending', () => {
  // Everyone approves everything: MES at B/n buys a; raising the endowment then buys b too.
  const election = approval(10, { a: 6, b: 4, c: 3 }, [['a', 'b'], ['a', 'b'], ['a', 'b', 'c']]);
  const pabutools = tally(election, 'mes_cost_add1');
  const exhaustive = tally(election, 'mes_cost_add1', { stop: 'exhaustive' });
  const never = tally(election, 'mes_cost_add1', { stop: 'never' });
  for (const result of [pabutools, exhaustive, never]) {
    assert.ok(result.cost <= 10);
    assert.ok(result.selected.includes('a'));
  }
  assert.deepEqual([...pabutools.selected].sort(), ['a', 'b']);
  // An unsupported project that fits keeps the "exhaustive" rule going, but cannot make it loop forever.
  const withUnsupported = approval(10, { a: 6, z: 1 }, [['a'], ['a']]);
  assert.deepEqual(tally(withUnsupported, 'mes_cost_add1', { stop: 'exhaustive' }).selected, ['a']);
  assert.deepEqual(tally(withUnsupported, 'mes_cost_add1', { stop: 'never' }).selected, ['a']);
});

test('greedy variants: threshold and no-skip', () => {
  const election = approval(10, { a: 8, b: 5, c: 2 }, [['a', 'b', 'c'], ['a', 'b'], ['a'], ['b']]);
  assert.deepEqual(tally(election, 'greedy_cost').selected, ['a', 'c']);
  assert.deepEqual(tally(election, 'greedy_no_skip').selected, ['a']);
  assert.deepEqual(tally(election, 'greedy_no_skip').notSelected, [
    { project: 'b', reason: 'budget_exhausted' },
    { project: 'c', reason: 'budget_exhausted' },
  ]);
  const threshold = tally(election, 'greedy_threshold', { threshold: 2 });
  assert.deepEqual(threshold.selected, ['a']);
  assert.deepEqual(threshold.notSelected.find((n) => n.project === 'c'), { project: 'c', reason: 'below_threshold' });
  assert.deepEqual(tally(election, 'greedy_cost').rounds.map((r) => r.phase), ['greedy', 'greedy']);
});

test('sequential Phragmén stops at the first project that does not fit, without skipping', () => {
  const election = approval(10, { A: 8, B: 5, C: 2, D: 3 }, [['A'], ['A'], ['A'], ['B'], ['B'], ['C'], ['D']]);
  const result = tally(election, 'phragmen');
  // Loads: C 2, B 2.5, then A 8/3 does not fit; D (load 3, and it would fit) is never reached.
  assert.deepEqual(result.selected, ['C', 'B']);
  assert.equal(result.params.stoppedAt, 'A');
  assert.deepEqual(result.rounds.map((r) => r.load), ['2', '2.5']);
  assert.deepEqual(result.notSelected.find((n) => n.project === 'D'), { project: 'D', reason: 'budget_exhausted' });
  assert.deepEqual(tally(election, 'greedy_cost').selected, ['A', 'C']);
});

test('points rules: cumulative points as utilities; approval ballots count one point each', () => {
  const cumulative: Election = {
    budget: 10,
    voteType: 'cumulative',
    projects: [
      { id: 'a', cost: 6 },
      { id: 'b', cost: 6 },
      { id: 'c', cost: 4 },
    ],
    ballots: [
      { projects: ['a', 'c'], points: [1, 2] },
      { projects: ['b'], points: [3] },
      { projects: ['a', 'b'], points: [2, 1] },
    ],
  };
  // Total points: a 3, b 4, c 2 -> b, then a does not fit, then c.
  assert.deepEqual(tally(cumulative, 'greedy_points').selected, ['b', 'c']);
  // Approvals: a 2, b 2, c 1 -> a (id), then c.
  assert.deepEqual(tally(cumulative, 'greedy_cost').selected, ['a', 'c']);
  for (const rule of ['mes_points_add1', 'mes_pointscost_add1', 'mes_pointscost_add1_greedy', 'mes_cost_add1']) {
    const result = tally(cumulative, rule);
    assert.ok(result.cost <= 10, rule);
  }
  // rho in points rules is money per point, in the currency and the points as cast (decimals too).
  const decimalPoints: Election = {
    budget: 10,
    voteType: 'cumulative',
    projects: [{ id: 'a', cost: 6 }],
    ballots: [
      { projects: ['a'], points: [1.5] },
      { projects: ['a'], points: [0.5] },
    ],
  };
  const perPoint = tally(decimalPoints, 'mes_points');
  assert.deepEqual(perPoint.selected, ['a']);
  assert.equal(perPoint.rounds[0]!.rho, '3');
  assert.equal(perPoint.rounds[0]!.maxPayment, 4.5);
  assert.equal(perPoint.rounds[0]!.minPayment, 1.5);
  assert.equal(tally(decimalPoints, 'mes_pointscost').rounds[0]!.rho, '0.5');
  assert.equal(tally(decimalPoints, 'mes_cost').rounds[0]!.rho, '0.5');
  const plain = approval(9, { a: 7, b: 3 }, [['a', 'b'], ['a'], ['b']]);
  assert.deepEqual(tally(plain, 'mes_pointscost').selected, tally(plain, 'mes_cost').selected);
  assert.deepEqual(tally(plain, 'greedy_points').selected, tally(plain, 'greedy_cost').selected);
});

test('unknown rules, unknown or bad parameters and ordinal ballots are typed errors', () => {
  const election = approval(10, { a: 5 }, [['a']]);
  assert.throws(() => tally(election, 'borda'), (e: unknown) => e instanceof CountingError && e.code === 'unknown_rule' && e.message.includes('mes_cost_add1'));
  assert.throws(() => tally(election, 'mes_cost', { colour: 'red' }), (e: unknown) => e instanceof CountingError && e.code === 'invalid_params' && e.params.param === 'colour');
  assert.throws(() => tally(election, 'mes_cost_add1', { stop: 'sometimes' }), (e: unknown) => e instanceof CountingError && e.params.param === 'stop');
  assert.throws(() => tally(election, 'greedy_cost', { tieBreaking: 'age' }), (e: unknown) => e instanceof CountingError && e.params.param === 'tieBreaking');
  const ordinal: Election = { ...election, voteType: 'ordinal' };
  const failure = tryTally(ordinal, 'greedy_cost');
  assert.equal(failure.ok, false);
  if (!failure.ok) assert.equal(failure.code, 'ordinal_not_supported');
  assert.equal(tryTally(election, 'nope').ok, false);
  assert.throws(() => tally(approval(10, { a: 5 }, [['b']]), 'greedy_cost'), (e: unknown) => e instanceof CountingError && e.code === 'invalid_election');
  assert.throws(() => tally({ ...election, projects: [{ id: 'a', cost: -1 }] }, 'greedy_cost'), (e: unknown) => e instanceof CountingError && e.code === 'invalid_election');
  // Every rule runs on the smallest election there is.
  for (const rule of ruleNames) assert.deepEqual(tally(election, rule).selected, ['a'], rule);
});

test('the fast MES equals exact rational MES on thousands of random tie-prone elections', () => {
  // Few distinct ballots (so many projects tie), small costs, decimals, points; each election is
  // counted at a dozen growing endowments with the same runner, as the add-one loop does.
  const random = seededRandom(20240611);
  const pick = (n: number) => Math.floor(random() * n);
  let exactRounds = 0;
  let replays = 0;
  let cases = 0;
  for (let trial = 0; trial < 700; trial += 1) {
    const m = 2 + pick(10);
    const voteType = trial % 3 === 0 ? 'cumulative' : 'approval';
    const decimals = trial % 7 === 0;
    const ids = Array.from({ length: m }, (_, p) => String(p));
    const costs = ids.map(() => {
      const cost = [1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 15, 0][pick(12)]! * (trial % 5 === 0 ? 1000 : 1);
      return decimals ? cost / 10 : cost;
    });
    const prototypes = Array.from({ length: 1 + pick(8) }, () => ids.filter(() => random() < 0.4));
    const ballots = Array.from({ length: 1 + pick(60) }, () => {
      const projects = random() < 0.6 ? prototypes[pick(prototypes.length)]! : ids.filter(() => random() < 0.4);
      return voteType === 'cumulative' ? { projects, points: projects.map(() => 1 + pick(4)) } : { projects };
    });
    const budget = Math.max(1, Math.floor(costs.reduce((a, b) => a + b, 0) * (0.2 + random() * 0.7)));
    const election: Election = { budget: decimals ? budget / 10 : budget, voteType, projects: costs.map((cost, p) => ({ id: ids[p]!, cost })), ballots };
    const problem = buildProblem(election);
    const rank = tieBreakRank(problem, trial % 2 ? ['id'] : ['votes', 'cost', 'id'], 0);
    for (const utility of (voteType === 'cumulative' ? ['cost', 'points', 'pointscost'] : ['cost', 'points']) as Utility[]) {
      const setup = mesSetup(problem, utility, rank);
      const runner = new MesRunner(setup);
      const start = problem.n === 0 ? Q.ZERO : Q.rat(problem.scaledBudgetBig, BigInt(problem.n));
      for (let k = 0n; k < 12n; k += 1n) {
        const endowment = Q.add(start, Q.rat(k * k * BigInt(problem.scale)));
        const fast = runner.run(endowment);
        assert.deepEqual(fast.selected, referenceMes(setup, endowment), `trial ${trial} ${utility} +${k * k}`);
        exactRounds += fast.exactRounds;
        replays += fast.replays;
        cases += 1;
      }
    }
  }
  assert.ok(cases > 15000);
  assert.ok(exactRounds > 5000, `only ${exactRounds} rounds needed exact arithmetic: the ties are not being exercised`);
  assert.ok(replays > 20, `only ${replays} exact replays: ties after partial payments are not being exercised`);
});
