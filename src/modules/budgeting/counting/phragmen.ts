/**
 * Sequential Phragmén for participatory budgeting (pabutools' `sequential_phragmen`): voters
 * carry loads; each round the project whose purchase gives its supporters the smallest new common
 * load, (sum of their loads + cost) / supporters, is bought, and the rule stops at the first such
 * project that no longer fits (no skipping).
 *
 * A voter's load is always the new load of the last round that bought a project they approve, so
 * exact loads are a handful of BigInt rationals (one per round) and a round index per voter group:
 * floating point screens the candidates, exact arithmetic settles anything within 1e-9.
 */
import type { Problem } from './problem.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';

const TOL = 1e-9;

export interface PhragmenRound {
  project: number;
  /** The new load of the project's supporters (scaled currency units). */
  load: number;
  /** The same, exact, when it was needed to settle a near-tie. */
  exactLoad: Rational | null;
  scaledCostSoFar: number;
}

export interface PhragmenOutcome {
  selected: number[];
  scaledCost: number;
  rounds: PhragmenRound[];
  /** The project that stopped the rule (the best next one did not fit), if any. */
  stoppedAt: number | null;
}

export function phragmen(problem: Problem, rank: Int32Array): PhragmenOutcome {
  const { m, supStart, supGroup, groupWeight, approvals, scaledCost, scaledCostBig, scaledBudget, groupStart, groupProjects } = problem;
  const load = new Float64Array(problem.groupCount);
  const lastRound = new Int32Array(problem.groupCount).fill(-1);
  const candidate = new Uint8Array(m);
  for (let p = 0; p < m; p += 1) if (scaledCost[p]! <= scaledBudget) candidate[p] = 1;
  const selected: number[] = [];
  const rounds: PhragmenRound[] = [];
  let cost = 0;
  const newLoad = new Float64Array(m);

  // Exact loads, computed only when a near-tie needs them: round t's load is
  // (cost of its project + sum over its supporters of the load of their previous round) / supporters,
  // so each round keeps that recipe (previous round -> voters) and its value is memoized.
  const recipes: Array<{ project: number; parts: Array<[number, number]> }> = [];
  const memo: Array<Rational | undefined> = [];
  const weightByRound = new Float64Array(m + 1);
  const touched: number[] = [];
  const recipeOf = (p: number): Array<[number, number]> => {
    for (let j = supStart[p]!; j < supStart[p + 1]!; j += 1) {
      const g = supGroup[j]!;
      const r = lastRound[g]!;
      if (r < 0) continue;
      if (weightByRound[r] === 0) touched.push(r);
      weightByRound[r]! += groupWeight[g]!;
    }
    const parts = touched.map((r): [number, number] => [r, weightByRound[r]!]);
    for (const r of touched) weightByRound[r] = 0;
    touched.length = 0;
    return parts;
  };
  const loadFrom = (p: number, parts: Array<[number, number]>): Rational => {
    let sum = Q.rat(scaledCostBig[p]!);
    for (const [r, w] of parts) sum = Q.add(sum, Q.mulInt(roundLoad(r), BigInt(w)));
    return Q.divInt(sum, BigInt(approvals[p]!));
  };
  function roundLoad(r: number): Rational {
    let value = memo[r];
    if (value === undefined) {
      const recipe = recipes[r]!;
      value = loadFrom(recipe.project, recipe.parts);
      memo[r] = value;
    }
    return value;
  }

  // sumLoad[p]: the loads of p's supporters, summed; kept up to date as loads change.
  const sumLoad = new Float64Array(m);
  let stoppedAt: number | null = null;
  for (;;) {
    let best = Infinity;
    let any = false;
    for (let p = 0; p < m; p += 1) {
      if (!candidate[p]) continue;
      any = true;
      if (approvals[p] === 0) {
        newLoad[p] = Infinity;
        continue;
      }
      const value = (sumLoad[p]! + scaledCost[p]!) / approvals[p]!;
      newLoad[p] = value;
      if (value < best) best = value;
    }
    if (!any) break;
    // The projects tied for the smallest new load, decided exactly when floating point cannot.
    let tied: number[] = [];
    for (let p = 0; p < m; p += 1) {
      if (candidate[p] && (best === Infinity ? newLoad[p] === Infinity : newLoad[p]! <= best * (1 + TOL))) tied.push(p);
    }
    let exactValue: Rational | null = null;
    if (best !== Infinity && tied.length > 1) {
      const exact = tied.map((p) => ({ p, value: loadFrom(p, recipeOf(p)) }));
      let min = exact[0]!.value;
      for (const { value } of exact) if (Q.cmp(value, min) < 0) min = value;
      tied = exact.filter(({ value }) => Q.cmp(value, min) === 0).map(({ p }) => p);
      exactValue = min;
    }
    if (tied.some((p) => cost + scaledCost[p]! > scaledBudget)) {
      stoppedAt = tied.reduce((a, b) => (rank[a]! <= rank[b]! ? a : b));
      break;
    }
    const chosen = tied.reduce((a, b) => (rank[a]! <= rank[b]! ? a : b));
    const round = recipes.length;
    recipes.push({ project: chosen, parts: approvals[chosen] === 0 ? [] : recipeOf(chosen) });
    memo.push(exactValue ?? undefined);
    const valueNumber = exactValue ? Q.toNumber(exactValue) : approvals[chosen] === 0 ? 0 : newLoad[chosen]!;
    for (let j = supStart[chosen]!; j < supStart[chosen + 1]!; j += 1) {
      const g = supGroup[j]!;
      const delta = groupWeight[g]! * (valueNumber - load[g]!);
      for (let k = groupStart[g]!; k < groupStart[g + 1]!; k += 1) sumLoad[groupProjects[k]!]! += delta;
      load[g] = valueNumber;
      lastRound[g] = round;
    }
    candidate[chosen] = 0;
    cost += scaledCost[chosen]!;
    selected.push(chosen);
    rounds.push({ project: chosen, load: valueNumber, exactLoad: exactValue, scaledCostSoFar: cost });
  }
  return { selected, scaledCost: cost, rounds, stoppedAt };
}
