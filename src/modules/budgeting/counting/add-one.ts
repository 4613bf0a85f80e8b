/**
 * Add-one completion of the Method of Equal Shares: run MES with a per-voter endowment, and while
 * the outcome leaves money on the table, raise the endowment by a step and run again; keep the
 * last outcome that still fits the budget.
 *
 * pabutools' convention is the default: start at e = B/n, step 1, stop when cost(W) > B (keep the
 * previous outcome) or when no supported project outside W fits in B - cost(W). The equalshares.net
 * tool starts at floor(B/n) and stops when no project at all fits (`exhaustive`); Pabulib's checker
 * starts at floor(B/n) and only stops on overspending (`never`).
 */
import type { MesOutcome, MesRunner } from './mes.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';

export type AddOneStart = 'exact' | 'floor';
export type AddOneStop = 'pabutools' | 'exhaustive' | 'never';

export interface AddOneOutcome {
  outcome: MesOutcome;
  /** The endowment of the kept outcome (scaled units); null when even the first run overspent. */
  endowment: Rational | null;
  /** How many MES runs were made, and how many of their rounds needed exact arithmetic. */
  runs: number;
  exactRounds: number;
}

/** The first endowment: B/n, or floor(B/n) in whole currency units. */
export function startEndowment(scaledBudget: bigint, n: number, scale: number, start: AddOneStart): Rational {
  if (n === 0) return Q.ZERO;
  if (start === 'exact') return Q.rat(scaledBudget, BigInt(n));
  const unit = BigInt(scale);
  return Q.rat((scaledBudget / (BigInt(n) * unit)) * unit);
}

/** True when W leaves no project (of `pool`) that fits in what is left of the budget. */
function exhaustive(runner: MesRunner, outcome: MesOutcome, stop: AddOneStop): boolean {
  const { problem, candidates } = runner.setup;
  const left = problem.scaledBudget - outcome.scaledCost;
  const inW = new Uint8Array(problem.m);
  for (const p of outcome.selected) inW[p] = 1;
  if (stop === 'pabutools') {
    for (const p of candidates) if (!inW[p] && problem.scaledCost[p]! <= left) return false;
    return true;
  }
  for (let p = 0; p < problem.m; p += 1) if (!inW[p] && problem.scaledCost[p]! <= left) return false;
  return true;
}

/**
 * Runs the add-one loop exactly as its step-by-step definition (every endowment on the way is
 * tried). Also stops when the outcome already holds every project MES can buy: more money cannot
 * buy more, so the loop would never end under `exhaustive` or `never`.
 */
export function mesAddOne(runner: MesRunner, first: Rational, step: Rational, stop: AddOneStop): AddOneOutcome {
  const { problem, candidates, freeProjects } = runner.setup;
  let previous: MesOutcome = { selected: [...freeProjects], scaledCost: 0, rounds: null, exactRounds: 0, replays: 0 };
  let previousEndowment: Rational | null = null;
  let endowment = first;
  let runs = 0;
  let exactRounds = 0;
  for (;;) {
    const outcome = runner.run(endowment);
    runs += 1;
    exactRounds += outcome.exactRounds;
    if (outcome.scaledCost > problem.scaledBudget) return { outcome: previous, endowment: previousEndowment, runs, exactRounds };
    if (outcome.selected.length - freeProjects.length === candidates.length) return { outcome, endowment, runs, exactRounds };
    if (stop !== 'never' && exhaustive(runner, outcome, stop)) return { outcome, endowment, runs, exactRounds };
    previous = outcome;
    previousEndowment = endowment;
    endowment = Q.add(endowment, step);
  }
}
