/**
 * Greedy rules: walk the projects from the most to the least supported and take each one that
 * still fits. Scores are integers (approvals, or points scaled to integers), so every comparison
 * is exact. Also the greedy completion used after the Method of Equal Shares.
 */
import type { Problem } from './problem.js';

export interface GreedyOptions {
  /** Projects already selected (a completion starts from them). */
  initial?: number[];
  /** Stop at the first project that does not fit instead of skipping it (Pabulib's `greedy-no-skip`). */
  noSkip?: boolean;
  /** Only projects with at least this score are considered (Pabulib's `greedy-threshold`). */
  threshold?: number;
}

export type GreedyReason = 'budget_exhausted' | 'below_threshold' | 'infeasible';

export interface GreedyOutcome {
  /** Initial projects first, then the added ones in the order they were taken. */
  selected: number[];
  added: number[];
  scaledCost: number;
  /** Why each considered project was not taken. */
  reasons: Map<number, GreedyReason>;
}

/** Projects by score descending, ties by tie-breaking rank (pabutools' greedy order; unsupported projects come last). */
export function greedyOrder(problem: Problem, score: Float64Array, rank: Int32Array): number[] {
  const order = Array.from({ length: problem.m }, (_, p) => p);
  order.sort((a, b) => score[b]! - score[a]! || rank[a]! - rank[b]!);
  return order;
}

export function greedy(problem: Problem, score: Float64Array, rank: Int32Array, options: GreedyOptions = {}): GreedyOutcome {
  const initial = options.initial ?? [];
  const taken = new Uint8Array(problem.m);
  let scaledCost = 0;
  for (const p of initial) {
    taken[p] = 1;
    scaledCost += problem.scaledCost[p]!;
  }
  const selected = [...initial];
  const added: number[] = [];
  const reasons = new Map<number, GreedyReason>();
  let stopped = false;
  for (const p of greedyOrder(problem, score, rank)) {
    if (taken[p]) continue;
    if (options.threshold !== undefined && score[p]! < options.threshold) {
      reasons.set(p, 'below_threshold');
      continue;
    }
    const cost = problem.scaledCost[p]!;
    if (stopped || scaledCost + cost > problem.scaledBudget) {
      reasons.set(p, cost > problem.scaledBudget ? 'infeasible' : 'budget_exhausted');
      if (options.noSkip) stopped = true;
      continue;
    }
    taken[p] = 1;
    scaledCost += cost;
    selected.push(p);
    added.push(p);
  }
  return { selected, added, scaledCost, reasons };
}
