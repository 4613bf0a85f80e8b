/**
 * The one entry point of the counting rules: `tally(election, rule, params)`. It checks the
 * election, resolves the rule's parameters (the rule name sets the defaults, `params` may change
 * them), runs the rule and explains the outcome round by round.
 */
import { fail, ok, type Result } from '../../../core/errors.js';
import { mesAddOne, startEndowment, type AddOneStop } from './add-one.js';
import { CountingError, type CountingErrorCode } from './errors.js';
import { greedy, type GreedyReason } from './greedy.js';
import { MesRunner, mesSetup, type MesOutcome, type MesRoundRecord, type Utility } from './mes.js';
import { phragmen } from './phragmen.js';
import { buildProblem, parseTieBreaking, tieBreakRank, type Problem } from './problem.js';
import * as Q from './rational.js';
import type { Election, RuleKey, TallyResult, TallyRound } from './types.js';

export type TallyParams = Record<string, string | number | boolean>;

type Family = 'greedy' | 'mes' | 'phragmen';

interface RuleSpec {
  family: Family;
  defaults: TallyParams;
  description: string;
}

const mes = (utility: Utility, addOne: boolean, extra: TallyParams, description: string): RuleSpec => ({
  family: 'mes',
  defaults: { utility, addOne, start: 'exact', step: 1, stop: 'pabutools', completion: 'none', comparison: 'none', ...extra },
  description,
});

/** Every rule, with the parameters its name stands for. */
export const rules: Record<string, RuleSpec> = {
  greedy_cost: { family: 'greedy', defaults: { score: 'votes' }, description: 'Greedy by number of approvals, skipping projects that do not fit' },
  greedy_points: { family: 'greedy', defaults: { score: 'points' }, description: 'Greedy by total points (approvals count one point each)' },
  greedy_threshold: {
    family: 'greedy',
    defaults: { score: 'points', threshold: 0 },
    description: "Greedy by score among projects with at least `threshold` (Pabulib's min_project_score_threshold)",
  },
  greedy_no_skip: { family: 'greedy', defaults: { score: 'points', noSkip: true }, description: 'Greedy by score, stopping at the first project that does not fit' },
  mes_cost: mes('cost', false, {}, 'Method of Equal Shares, cost utilities, endowment B/n, no completion'),
  mes_points: mes('points', false, {}, 'Method of Equal Shares, points as utilities, no completion'),
  mes_pointscost: mes('pointscost', false, {}, 'Method of Equal Shares, points x cost utilities, no completion'),
  mes_cost_add1: mes('cost', true, {}, "MES (cost) with pabutools' add-one completion"),
  mes_cost_add1_greedy: mes('cost', true, { completion: 'greedy' }, 'MES (cost) with add-one, then greedy by approvals'),
  mes_cost_add100: mes('cost', true, { step: 100 }, 'MES (cost) with add-one in steps of 100'),
  mes_points_add1: mes('points', true, {}, 'MES (points) with add-one completion'),
  mes_pointscost_add1: mes('pointscost', true, {}, 'MES (points x cost) with add-one completion'),
  mes_pointscost_add1_greedy: mes('pointscost', true, { completion: 'greedy' }, 'MES (points x cost) with add-one, then greedy by points'),
  phragmen: { family: 'phragmen', defaults: {}, description: 'Sequential Phragmén (approval), stopping at the first project that does not fit' },
};

export const ruleNames = Object.keys(rules);

const common: TallyParams = { tieBreaking: 'id', seed: 0 };

const allowed: Record<Family, Record<string, readonly string[] | 'number' | 'boolean'>> = {
  greedy: { score: ['votes', 'points'], threshold: 'number', noSkip: 'boolean', tieBreaking: [], seed: 'number' },
  mes: {
    utility: ['cost', 'points', 'pointscost'],
    addOne: 'boolean',
    start: ['exact', 'floor'],
    step: 'number',
    stop: ['pabutools', 'exhaustive', 'never'],
    completion: ['none', 'greedy'],
    comparison: ['none', 'satisfaction', 'exclusion'],
    tieBreaking: [],
    seed: 'number',
  },
  phragmen: { tieBreaking: [], seed: 'number' },
};

function resolveParams(rule: string, spec: RuleSpec, given: TallyParams): TallyParams {
  const params: TallyParams = { ...spec.defaults, ...common };
  const schema = allowed[spec.family];
  for (const [key, raw] of Object.entries(given)) {
    const kind = schema[key];
    if (kind === undefined) {
      throw new CountingError('invalid_params', `rule ${rule} has no parameter "${key}" (it takes: ${Object.keys(schema).join(', ')})`, { param: key });
    }
    let value: string | number | boolean = raw;
    if (kind === 'number') {
      value = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(value)) throw new CountingError('invalid_params', `parameter ${key} must be a number`, { param: key });
    } else if (kind === 'boolean') {
      if (typeof raw === 'string') {
        if (raw !== 'true' && raw !== 'false') throw new CountingError('invalid_params', `parameter ${key} must be true or false`, { param: key });
        value = raw === 'true';
      }
    } else if (kind.length > 0 && !kind.includes(String(raw))) {
      throw new CountingError('invalid_params', `parameter ${key} must be one of ${kind.join(', ')}`, { param: key });
    } else {
      value = String(raw);
    }
    params[key] = value;
  }
  if (spec.family === 'mes') {
    if (!(Number(params.step) > 0)) throw new CountingError('invalid_params', 'the add-one step must be positive', { param: 'step' });
    if (!params.addOne) {
      delete params.start;
      delete params.step;
      delete params.stop;
    }
  }
  return params;
}

function currency(problem: Problem, scaled: number): number {
  return scaled / problem.scale;
}

function decimalToRational(value: number, scale: number): Q.Rational {
  const text = value.toString();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new CountingError('invalid_params', `the step ${text} must be a plain positive decimal`, { param: 'step' });
  const [whole, frac = ''] = text.split('.');
  return Q.rat(BigInt(`${whole}${frac}`) * BigInt(scale), 10n ** BigInt(frac.length));
}

/** An amount for an explanation: floating-point dust (1e-16 of a unit) would only confuse a reader. */
function money(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** Rounds of a MES run in the election's currency. */
function mesRounds(problem: Problem, utility: Utility, records: MesRoundRecord[]): TallyRound[] {
  // rho is computed on scaled amounts and scaled points; back to the currency and to points as cast.
  const pointFactor = utility === 'cost' ? 1 : problem.pointScale;
  const currencyFactor = utility === 'points' ? problem.scale : 1;
  const rhoFactor = pointFactor / currencyFactor;
  return records.map((r, k) => ({
    round: k + 1,
    project: problem.ids[r.project]!,
    cost: problem.cost[r.project]!,
    phase: 'mes',
    supporters: r.supporters,
    rho: r.exactRho ? Q.toDecimalString(Q.mul(r.exactRho, Q.rat(BigInt(pointFactor), BigInt(currencyFactor)))) : Number((r.rho * rhoFactor).toPrecision(12)).toString(),
    paidAllTheyHad: r.paidAllTheyHad,
    maxPayment: money(r.maxPayment / problem.scale),
    minPayment: money(r.minPayment / problem.scale),
    remainingVoterMoney: money(r.remainingVoterMoney / problem.scale),
    remainingBudget: currency(problem, problem.scaledBudget - r.scaledCostSoFar),
  }));
}

function addedRounds(problem: Problem, added: number[], startCost: number, startRound: number, phase: TallyRound['phase']): TallyRound[] {
  let cost = startCost;
  return added.map((p, k) => {
    cost += problem.scaledCost[p]!;
    return {
      round: startRound + k + 1,
      project: problem.ids[p]!,
      cost: problem.cost[p]!,
      phase,
      supporters: problem.approvals[p]!,
      remainingBudget: currency(problem, problem.scaledBudget - cost),
    };
  });
}

function notSelectedList(problem: Problem, selected: number[], reason: (p: number) => string): TallyResult['notSelected'] {
  const chosen = new Uint8Array(problem.m);
  for (const p of selected) chosen[p] = 1;
  const out: TallyResult['notSelected'] = [];
  const order = Array.from({ length: problem.m }, (_, p) => p).sort((a, b) => problem.approvals[b]! - problem.approvals[a]! || (problem.ids[a]! < problem.ids[b]! ? -1 : 1));
  for (const p of order) {
    if (chosen[p]) continue;
    const why = problem.approvals[p] === 0 ? 'no_support' : problem.scaledCost[p]! > problem.scaledBudget ? 'infeasible' : reason(p);
    out.push({ project: problem.ids[p]!, reason: why });
  }
  return out;
}

/** Per voter group, how many selected projects it approves. */
function satisfaction(problem: Problem, selected: number[]): Float64Array {
  const sat = new Float64Array(problem.groupCount);
  for (const p of selected) for (let j = problem.supStart[p]!; j < problem.supStart[p + 1]!; j += 1) sat[problem.supGroup[j]!]! += 1;
  return sat;
}

/** equalshares.net's comparison step: keep MES unless more voters prefer the greedy outcome. */
function preferGreedy(problem: Problem, mesSelected: number[], greedySelected: number[], kind: 'satisfaction' | 'exclusion'): { greedy: boolean; prefersMes: number; prefersGreedy: number } {
  const a = satisfaction(problem, mesSelected);
  const b = satisfaction(problem, greedySelected);
  let prefersMes = 0;
  let prefersGreedy = 0;
  for (let g = 0; g < problem.groupCount; g += 1) {
    const w = problem.groupWeight[g]!;
    const x = kind === 'satisfaction' ? a[g]! : a[g]! > 0 ? 1 : 0;
    const y = kind === 'satisfaction' ? b[g]! : b[g]! > 0 ? 1 : 0;
    if (x > y) prefersMes += w;
    else if (y > x) prefersGreedy += w;
  }
  return { greedy: prefersGreedy > prefersMes, prefersMes, prefersGreedy };
}

function runMesFamily(problem: Problem, rank: Int32Array, rule: string, params: TallyParams): TallyResult {
  const utility = params.utility as Utility;
  const setup = mesSetup(problem, utility, rank);
  const runner = new MesRunner(setup);
  let outcome: MesOutcome;
  let endowment: Q.Rational | null;
  let runs = 1;
  let exactRounds = 0;
  if (params.addOne) {
    const first = startEndowment(problem.scaledBudgetBig, problem.n, problem.scale, params.start as 'exact' | 'floor');
    const step = decimalToRational(Number(params.step), problem.scale);
    const result = mesAddOne(runner, first, step, params.stop as AddOneStop);
    runs = result.runs + 1;
    exactRounds = result.exactRounds;
    endowment = result.endowment;
    // Run the kept endowment once more, recording the rounds for the explanation.
    outcome = endowment ? runner.run(endowment, true) : { ...result.outcome, rounds: [] };
  } else {
    endowment = problem.n === 0 ? Q.ZERO : Q.rat(problem.scaledBudgetBig, BigInt(problem.n));
    outcome = runner.run(endowment, true);
  }
  exactRounds += outcome.exactRounds;
  const mesSelected = outcome.selected;
  let selected = mesSelected;
  let scaledCost = outcome.scaledCost;
  let rounds = mesRounds(problem, utility, outcome.rounds ?? []);
  const completionScore = utility === 'cost' ? problem.approvals : problem.totalPoints;
  let completed = false;
  if (params.completion === 'greedy') {
    const completion = greedy(problem, completionScore, rank, { initial: mesSelected });
    rounds = rounds.concat(addedRounds(problem, completion.added, scaledCost, rounds.length, 'completion'));
    selected = completion.selected;
    scaledCost = completion.scaledCost;
    completed = true;
  }
  const resultParams: TallyParams = { ...params };
  if (params.comparison !== 'none') {
    const alternative = greedy(problem, problem.approvals, rank);
    const verdict = preferGreedy(problem, selected, alternative.selected, params.comparison as 'satisfaction' | 'exclusion');
    resultParams.comparisonPrefersMes = verdict.prefersMes;
    resultParams.comparisonPrefersGreedy = verdict.prefersGreedy;
    if (verdict.greedy) {
      resultParams.comparisonChoseGreedy = true;
      selected = alternative.selected;
      scaledCost = alternative.scaledCost;
      rounds = addedRounds(problem, alternative.added, 0, 0, 'greedy');
      return {
        rule,
        params: resultParams,
        selected: selected.map((p) => problem.ids[p]!),
        cost: currency(problem, scaledCost),
        rounds,
        notSelected: notSelectedList(problem, selected, (p) => alternative.reasons.get(p) ?? 'budget_exhausted'),
        diagnostics: { mesRuns: runs, exactRounds },
      };
    }
  }
  const result: TallyResult = {
    rule,
    params: resultParams,
    selected: selected.map((p) => problem.ids[p]!),
    cost: currency(problem, scaledCost),
    rounds,
    notSelected: notSelectedList(problem, selected, () => (completed ? 'budget_exhausted' : 'too_expensive_for_supporters')),
    diagnostics: { mesRuns: runs, exactRounds },
  };
  if (endowment) result.endowment = Q.toNumber(endowment) / problem.scale;
  return result;
}

function runGreedyFamily(problem: Problem, rank: Int32Array, rule: string, params: TallyParams): TallyResult {
  const score = params.score === 'votes' ? problem.approvals : problem.totalPoints;
  const scoreScale = params.score === 'votes' ? 1 : problem.pointScale;
  const options: { noSkip?: boolean; threshold?: number } = {};
  if (params.noSkip) options.noSkip = true;
  if (params.threshold !== undefined && Number(params.threshold) > 0) options.threshold = Number(params.threshold) * scoreScale;
  const outcome = greedy(problem, score, rank, options);
  return {
    rule,
    params,
    selected: outcome.selected.map((p) => problem.ids[p]!),
    cost: currency(problem, outcome.scaledCost),
    rounds: addedRounds(problem, outcome.added, 0, 0, 'greedy'),
    notSelected: notSelectedList(problem, outcome.selected, (p) => outcome.reasons.get(p) ?? ('budget_exhausted' satisfies GreedyReason)),
  };
}

function runPhragmen(problem: Problem, rank: Int32Array, rule: string, params: TallyParams): TallyResult {
  const outcome = phragmen(problem, rank);
  const result: TallyResult = {
    rule,
    params,
    selected: outcome.selected.map((p) => problem.ids[p]!),
    cost: currency(problem, outcome.scaledCost),
    rounds: outcome.rounds.map((r, k) => ({
      round: k + 1,
      project: problem.ids[r.project]!,
      cost: problem.cost[r.project]!,
      phase: 'phragmen',
      supporters: problem.approvals[r.project]!,
      load: r.exactLoad ? Q.toDecimalString(Q.divInt(r.exactLoad, BigInt(problem.scale))) : Number((r.load / problem.scale).toPrecision(12)).toString(),
      remainingVoterMoney: r.scaledCostSoFar / problem.scale,
      remainingBudget: currency(problem, problem.scaledBudget - r.scaledCostSoFar),
    })),
    notSelected: notSelectedList(problem, outcome.selected, () => 'budget_exhausted'),
  };
  if (outcome.stoppedAt !== null) result.params = { ...params, stoppedAt: problem.ids[outcome.stoppedAt]! };
  return result;
}

/**
 * Counts an election with a rule. Throws `CountingError`: `unknown_rule`, `invalid_params`,
 * `invalid_election`, or `ordinal_not_supported` (these rules read approval, cumulative and scoring
 * ballots; cumulative and scoring points are utilities, approvals count one point each).
 */
export function tally(election: Election, rule: RuleKey, params: TallyParams = {}): TallyResult {
  const spec = rules[rule];
  if (!spec) throw new CountingError('unknown_rule', `unknown rule "${rule}"; the rules are: ${ruleNames.join(', ')}`, { rule });
  if (election.voteType === 'ordinal') {
    throw new CountingError(
      'ordinal_not_supported',
      `${rule} cannot count ordinal (ranked) ballots: greedy, MES and Phragmén rules accept approval ballots (and choose-1, read as approval), and greedy and MES also accept cumulative and scoring ballots (points); ordinal ballots are not supported by any rule here`,
      { rule, voteType: 'ordinal' },
    );
  }
  const resolved = resolveParams(rule, spec, params);
  const problem = buildProblem(election);
  const rank = tieBreakRank(problem, parseTieBreaking(String(resolved.tieBreaking)), Number(resolved.seed));
  if (spec.family === 'greedy') return runGreedyFamily(problem, rank, rule, resolved);
  if (spec.family === 'phragmen') return runPhragmen(problem, rank, rule, resolved);
  return runMesFamily(problem, rank, rule, resolved);
}

/** `tally` as a value instead of an exception. */
export function tryTally(election: Election, rule: RuleKey, params: TallyParams = {}): Result<TallyResult, CountingErrorCode> {
  try {
    return ok(tally(election, rule, params));
  } catch (error) {
    if (error instanceof CountingError) return fail(error.code, { params: error.params });
    throw error;
  }
}
