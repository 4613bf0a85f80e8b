/**
 * The election in the form the counting rules compute on: projects by index, amounts scaled to
 * integers (costs and budgets may have decimals), identical ballots merged into weighted groups,
 * and each project's supporters as a contiguous slice of typed arrays.
 */
import { CountingError } from './errors.js';
import { seededRandom } from './pabulib.js';
import type { Election, VoteType } from './types.js';

export interface Problem {
  voteType: VoteType;
  /** Number of projects. */
  m: number;
  ids: string[];
  /** Costs in the election's currency (as given). */
  cost: number[];
  budget: number;
  /** Amounts are multiplied by `scale` (a power of ten) to become integers. */
  scale: number;
  scaledCost: Float64Array;
  scaledCostBig: bigint[];
  scaledBudget: number;
  scaledBudgetBig: bigint;
  /** Number of voters, empty ballots included. */
  n: number;
  /** Merged identical ballots: how many voters cast each. */
  groupWeight: Float64Array;
  groupCount: number;
  /** Supporters of project p: groups supGroup[supStart[p] .. supStart[p+1]), with their (integer, scaled) points. */
  supStart: Int32Array;
  supGroup: Int32Array;
  supPoints: Float64Array;
  /** Points are multiplied by `pointScale` to become integers (1 for approval ballots, each approval is one point). */
  pointScale: number;
  /** Voters who approve the project (give it positive points). */
  approvals: Float64Array;
  /** Total (scaled) points of the project. */
  totalPoints: Float64Array;
  /** The groups each group approves, for rules that walk ballots (Phragmén). */
  groupStart: Int32Array;
  groupProjects: Int32Array;
}

function decimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const exp = text.indexOf('e');
  if (exp >= 0) {
    const mantissa = text.slice(0, exp);
    const power = Number(text.slice(exp + 1));
    const dot = mantissa.indexOf('.');
    const digits = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, digits - power);
  }
  return text.length - text.indexOf('.') - 1;
}

function scaleToInteger(value: number, d: number): bigint {
  // Exact: go through the shortest decimal representation, not through floating-point multiplication.
  const text = value.toFixed(Math.min(d, 20));
  const negative = text.startsWith('-');
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(`${whole}${frac.padEnd(d, '0').slice(0, d)}`);
  return negative ? -digits : digits;
}

const MAX_DECIMALS = 9;

/** Checks the election and builds the computing form. Throws `CountingError('invalid_election')`. */
export function buildProblem(election: Election): Problem {
  const m = election.projects.length;
  const ids = election.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new CountingError('invalid_election', `project ${id} appears twice`, { project: id });
    index.set(id, i);
  });
  if (!(election.budget >= 0) || !Number.isFinite(election.budget)) {
    throw new CountingError('invalid_election', 'the budget must be a non-negative number');
  }
  let d = decimals(election.budget);
  for (const p of election.projects) {
    if (!(p.cost >= 0) || !Number.isFinite(p.cost)) {
      throw new CountingError('invalid_election', `project ${p.id} has a cost that is not a non-negative number`, { project: p.id });
    }
    d = Math.max(d, decimals(p.cost));
  }
  if (d > MAX_DECIMALS) throw new CountingError('invalid_election', `amounts with more than ${MAX_DECIMALS} decimals are not supported`);
  const scale = 10 ** d;
  const scaledCostBig = election.projects.map((p) => scaleToInteger(p.cost, d));
  const scaledBudgetBig = scaleToInteger(election.budget, d);
  const total = scaledCostBig.reduce((a, b) => a + b, 0n) + scaledBudgetBig;
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new CountingError('invalid_election', 'the amounts are too large to count exactly (costs and budget times their decimals exceed 2^53)');
  }
  const scaledCost = Float64Array.from(scaledCostBig, (c) => Number(c));

  // Points scale: approval ballots are one point per approved project.
  let pointDecimals = 0;
  const withPoints = election.voteType === 'cumulative' || election.voteType === 'scoring';
  if (withPoints) {
    for (const ballot of election.ballots) {
      for (const value of ballot.points ?? []) {
        if (!Number.isFinite(value)) throw new CountingError('invalid_election', 'points must be numbers');
        pointDecimals = Math.max(pointDecimals, decimals(value));
      }
    }
    if (pointDecimals > 6) throw new CountingError('invalid_election', 'points with more than 6 decimals are not supported');
  }
  const pointScale = 10 ** pointDecimals;

  // Merge identical ballots: an open-addressing hash table over the sorted (project, points) lists.
  const weights: number[] = [];
  let flatProjects = new Int32Array(1024);
  let flatPoints = new Float64Array(1024);
  const starts: number[] = [0];
  const buffer = new Int32Array(m);
  const bufferPoints = new Float64Array(m);
  let tableSize = 1024;
  while (tableSize < election.ballots.length * 2) tableSize *= 2;
  const table = new Int32Array(tableSize).fill(-1);
  const mask = tableSize - 1;
  let n = 0;
  for (const ballot of election.ballots) {
    n += 1;
    let length = 0;
    const ids = ballot.projects;
    for (let k = 0; k < ids.length; k += 1) {
      const id = ids[k]!;
      const p = index.get(id);
      if (p === undefined) throw new CountingError('invalid_election', `a ballot names unknown project "${id}"`, { project: id });
      let points = 1;
      if (withPoints) {
        const raw = ballot.points?.[k];
        if (raw === undefined) throw new CountingError('invalid_election', `a ballot has no points for project ${id}`, { project: id });
        if (raw < 0) throw new CountingError('invalid_election', 'negative points are not supported by these rules');
        points = Math.round(raw * pointScale);
      }
      // Insert p keeping the buffer sorted; a project named twice counts once (first mention).
      let at = length;
      while (at > 0 && buffer[at - 1]! > p) at -= 1;
      if (at > 0 && buffer[at - 1] === p) continue;
      for (let i = length; i > at; i -= 1) {
        buffer[i] = buffer[i - 1]!;
        bufferPoints[i] = bufferPoints[i - 1]!;
      }
      buffer[at] = p;
      bufferPoints[at] = points;
      length += 1;
    }
    // Zero points are no support.
    let kept = 0;
    let hash = 0x811c9dc5;
    for (let i = 0; i < length; i += 1) {
      if (bufferPoints[i]! > 0) {
        buffer[kept] = buffer[i]!;
        bufferPoints[kept] = bufferPoints[i]!;
        hash = Math.imul(hash ^ buffer[kept]!, 0x01000193);
        if (withPoints) hash = Math.imul(hash ^ (bufferPoints[kept]! | 0), 0x01000193);
        kept += 1;
      }
    }
    if (kept === 0) continue;
    let slot = (hash ^ (hash >>> 15)) & mask;
    let g = -1;
    for (;;) {
      const candidate = table[slot]!;
      if (candidate < 0) break;
      const from = starts[candidate]!;
      if (starts[candidate + 1]! - from === kept) {
        let same = true;
        for (let i = 0; i < kept; i += 1) {
          if (flatProjects[from + i] !== buffer[i] || flatPoints[from + i] !== bufferPoints[i]) {
            same = false;
            break;
          }
        }
        if (same) {
          g = candidate;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (g < 0) {
      g = weights.length;
      table[slot] = g;
      weights.push(0);
      const from = starts[starts.length - 1]!;
      if (from + kept > flatProjects.length) {
        const grownProjects = new Int32Array(Math.max(flatProjects.length * 2, from + kept));
        grownProjects.set(flatProjects);
        flatProjects = grownProjects;
        const grownPoints = new Float64Array(grownProjects.length);
        grownPoints.set(flatPoints);
        flatPoints = grownPoints;
      }
      flatProjects.set(buffer.subarray(0, kept), from);
      flatPoints.set(bufferPoints.subarray(0, kept), from);
      starts.push(from + kept);
    }
    weights[g]! += 1;
  }
  const groupCount = weights.length;
  const groupWeight = Float64Array.from(weights);
  const entries = starts[groupCount]!;

  const counts = new Int32Array(m);
  for (let k = 0; k < entries; k += 1) counts[flatProjects[k]!]! += 1;
  const supStart = new Int32Array(m + 1);
  for (let p = 0; p < m; p += 1) supStart[p + 1] = supStart[p]! + counts[p]!;
  const fill = supStart.slice(0, m);
  const supGroup = new Int32Array(entries);
  const supPoints = new Float64Array(entries);
  const approvals = new Float64Array(m);
  const totalPoints = new Float64Array(m);
  const groupStart = Int32Array.from(starts);
  const groupProjects = flatProjects.slice(0, entries);
  for (let g = 0; g < groupCount; g += 1) {
    const w = groupWeight[g]!;
    for (let k = groupStart[g]!; k < groupStart[g + 1]!; k += 1) {
      const p = flatProjects[k]!;
      const points = flatPoints[k]!;
      const at = fill[p]!;
      fill[p] = at + 1;
      supGroup[at] = g;
      supPoints[at] = points;
      approvals[p]! += w;
      totalPoints[p]! += w * points;
    }
  }

  return {
    voteType: election.voteType,
    m,
    ids,
    cost: election.projects.map((p) => p.cost),
    budget: election.budget,
    scale,
    scaledCost,
    scaledCostBig,
    scaledBudget: Number(scaledBudgetBig),
    scaledBudgetBig,
    n,
    groupWeight,
    groupCount,
    supStart,
    supGroup,
    supPoints,
    pointScale,
    approvals,
    totalPoints,
    groupStart,
    groupProjects,
  };
}

/** The ways to break ties, applied in order; `id` (smallest project id as a string, pabutools' default) always ends the list. */
export type TieCriterion = 'id' | 'cost' | 'maxcost' | 'votes' | 'lot';

export function parseTieBreaking(text: string): TieCriterion[] {
  const parts = text.split(/[-,\s]+/).filter((s) => s !== '');
  const allowed = new Set<TieCriterion>(['id', 'cost', 'maxcost', 'votes', 'lot']);
  for (const part of parts) {
    if (!allowed.has(part as TieCriterion)) {
      throw new CountingError('invalid_params', `unknown tie-breaking criterion "${part}" (use id, cost, maxcost, votes, lot joined by "-")`, { param: 'tieBreaking' });
    }
  }
  if (parts.length === 0) throw new CountingError('invalid_params', 'tie-breaking needs at least one criterion', { param: 'tieBreaking' });
  return parts as TieCriterion[];
}

/**
 * rank[p]: the position of p in the tie-breaking order (0 wins a tie). `cost` prefers the cheaper
 * project, `maxcost` the dearer, `votes` the one with more approvals, `lot` a seeded lottery,
 * `id` the smallest id compared as a string; id settles whatever is left.
 */
export function tieBreakRank(problem: Problem, criteria: TieCriterion[], seed: number): Int32Array {
  const random = seededRandom(seed);
  const lot = Array.from({ length: problem.m }, () => random());
  const order = Array.from({ length: problem.m }, (_, p) => p);
  order.sort((a, b) => {
    for (const criterion of criteria) {
      let diff = 0;
      if (criterion === 'cost') diff = problem.scaledCost[a]! - problem.scaledCost[b]!;
      else if (criterion === 'maxcost') diff = problem.scaledCost[b]! - problem.scaledCost[a]!;
      else if (criterion === 'votes') diff = problem.approvals[b]! - problem.approvals[a]!;
      else if (criterion === 'lot') diff = lot[a]! - lot[b]!;
      else {
        const x = problem.ids[a]!;
        const y = problem.ids[b]!;
        diff = x < y ? -1 : x > y ? 1 : 0;
      }
      if (diff !== 0) return diff;
    }
    const x = problem.ids[a]!;
    const y = problem.ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(problem.m);
  order.forEach((p, i) => {
    rank[p] = i;
  });
  return rank;
}
