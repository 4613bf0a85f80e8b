/**
 * The Method of Equal Shares with a fixed endowment per voter, as pabutools computes it (exact
 * rationals), but fast: floating point for the bulk of the work, exact arithmetic for the few
 * decisions that floating point cannot make safely.
 *
 * How it is fast:
 * - identical ballots are merged into weighted groups (they always hold the same money);
 * - a project's price is found by Newton steps from below on the concave, piecewise-linear
 *   "what its supporters would pay at price t" (no sorting; usually one or two passes);
 * - projects are scanned in the order of their previous price, which only grows within a run, and
 *   the scan stops as soon as the next lower bound exceeds the best price found; a pass stops as
 *   soon as its own lower bound exceeds the best;
 * - a price stays known (no pass) until a project sharing a supporter is bought; in the first
 *   round, with equal utilities, every price is cost / supporters, known without a pass;
 * - in the add-one loop, each round first prices the project the previous run bought in that
 *   round, which is usually the winner again, so the others are cut after one pass or none.
 * How it stays exact: prices within a relative 1e-9 of each other, or supporters' money within
 * 1e-9 of a project's cost, are settled exactly: by comparing cost / total utility when every
 * supporter pays the full share (the common case: equal numbers of supporters), otherwise by
 * `ExactTracker`, which replays the run so far with BigInt rationals. The floating-point values are
 * sums of positive terms (relative error at most n x 1.1e-16, about 1e-11 for 90,000 voters; in
 * practice around 1e-14), far below the 1e-9 margin; tests compare with exact MES on real and
 * random elections.
 */
import { ExactTracker, comparePrices, type ExactPrice } from './mes-exact.js';
import type { Problem } from './problem.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';

export type Utility = 'cost' | 'points' | 'pointscost';

/** Relative distance under which two floating-point quantities are treated as possibly equal. */
const TOL = 1e-9;
const UNAFFORDABLE = -1;
const CUT = -2;

export interface MesSetup {
  problem: Problem;
  utility: Utility;
  /** Tie-breaking rank (0 wins). */
  rank: Int32Array;
  /** Utility of supporter entry j for its project = base[p] x mult[j]. */
  base: Float64Array;
  baseBig: bigint[];
  mult: Float64Array;
  /** weight x mult per supporter entry, and their sum per project. */
  weightMult: Float64Array;
  totalMult: Float64Array;
  unitMult: boolean;
  /** overlap[p * m + q] = 1 when some voter supports both p and q. */
  overlap: Uint8Array;
  /** Projects MES can buy: positive cost and at least one supporter. */
  candidates: number[];
  /** Supported projects of cost 0: bought before the first round. */
  freeProjects: number[];
}

export function mesSetup(problem: Problem, utility: Utility, rank: Int32Array): MesSetup {
  const { m, supStart, supGroup, supPoints, groupWeight, scaledCost, scaledCostBig } = problem;
  const usesPoints = utility !== 'cost';
  const mult = usesPoints ? Float64Array.from(supPoints) : new Float64Array(supPoints.length).fill(1);
  const unitMult = mult.every((v) => v === 1);
  const weightMult = new Float64Array(mult.length);
  const totalMult = new Float64Array(m);
  for (let p = 0; p < m; p += 1) {
    for (let j = supStart[p]!; j < supStart[p + 1]!; j += 1) {
      weightMult[j] = groupWeight[supGroup[j]!]! * mult[j]!;
      totalMult[p]! += weightMult[j]!;
    }
  }
  const base = utility === 'points' ? new Float64Array(m).fill(1) : Float64Array.from(scaledCost);
  const baseBig = utility === 'points' ? Array.from({ length: m }, () => 1n) : scaledCostBig.slice();
  const candidates: number[] = [];
  const freeProjects: number[] = [];
  for (let p = 0; p < m; p += 1) {
    if (totalMult[p]! <= 0) continue;
    if (scaledCost[p]! > 0) candidates.push(p);
    else freeProjects.push(p);
  }
  freeProjects.sort((a, b) => rank[a]! - rank[b]!);
  // Which projects share a supporter. Built from the ballots when that is cheap; otherwise every
  // pair is taken to share one (prices are then simply recomputed more often).
  const { groupStart, groupProjects, groupCount } = problem;
  let work = 0;
  for (let g = 0; g < groupCount; g += 1) work += (groupStart[g + 1]! - groupStart[g]!) ** 2;
  const overlap = new Uint8Array(m * m);
  if (m <= 2048 && work <= 2e7) {
    for (let g = 0; g < groupCount; g += 1) {
      const from = groupStart[g]!;
      const to = groupStart[g + 1]!;
      for (let x = from; x < to; x += 1) {
        const row = groupProjects[x]! * m;
        for (let y = from; y < to; y += 1) overlap[row + groupProjects[y]!] = 1;
      }
    }
  } else overlap.fill(1);
  return { problem, utility, rank, base, baseBig, mult, weightMult, totalMult, unitMult, overlap, candidates, freeProjects };
}

/** One purchase, in the election's currency, for explanations. */
export interface MesRoundRecord {
  project: number;
  /** Price per unit of utility. */
  rho: number;
  /** Exact rho when the round needed exact arithmetic. */
  exactRho?: Rational;
  supporters: number;
  paidAllTheyHad: number;
  maxPayment: number;
  minPayment: number;
  remainingVoterMoney: number;
  /** Scaled cost of everything bought so far. */
  scaledCostSoFar: number;
}

export interface MesOutcome {
  /** In the order bought (cost-0 projects first). */
  selected: number[];
  /** Scaled (integer) total cost. */
  scaledCost: number;
  rounds: MesRoundRecord[] | null;
  /** How many rounds needed exact arithmetic, and how many of those replayed the run exactly (the others compared cost / utility fractions). */
  exactRounds: number;
  replays: number;
}

/**
 * A reusable runner: buffers are allocated once per election and rule, so the add-one loop
 * (dozens to hundreds of runs) allocates almost nothing.
 */
export class MesRunner {
  private readonly budget: Float64Array;
  private readonly lower: Float64Array;
  private readonly order: Int32Array;
  private readonly log: Int32Array;
  private readonly evaluated: Int32Array;
  private readonly evaluatedRho: Float64Array;
  private readonly uncertain: Uint8Array;
  /** fresh[p]: lower[p] is p's current price, not just a bound (no supporter of p paid since it was computed). */
  private readonly fresh: Uint8Array;
  /** simple[p]: with fresh[p], every supporter of p can pay the full share, so the exact price is cost / total utility. */
  private readonly simple: Uint8Array;
  /** remaining[p]: p is still a candidate in this run. */
  private readonly remaining: Uint8Array;
  /** hint[r]: the project bought in round r by the previous run. */
  private readonly hint: Int32Array;

  constructor(readonly setup: MesSetup) {
    const { problem } = setup;
    this.budget = new Float64Array(problem.groupCount);
    this.lower = new Float64Array(problem.m);
    this.order = new Int32Array(setup.candidates.length);
    this.log = new Int32Array(problem.m);
    this.evaluated = new Int32Array(problem.m);
    this.evaluatedRho = new Float64Array(problem.m);
    this.uncertain = new Uint8Array(problem.m);
    this.fresh = new Uint8Array(problem.m);
    this.simple = new Uint8Array(problem.m);
    this.remaining = new Uint8Array(problem.m);
    this.hint = new Int32Array(problem.m).fill(-1);
  }

  /**
   * Price of p in t units (rho x base), or UNAFFORDABLE, or CUT when the price is known to exceed
   * `cutoff` (rho units; the lower bound is then stored). Sets uncertain[p] when the supporters hold
   * within TOL of the cost (then the returned price assumes they can afford it).
   */
  private evaluate(p: number, cutoff: number): number {
    const { problem, mult, weightMult, totalMult, base, unitMult } = this.setup;
    const { supGroup, supStart, groupWeight } = problem;
    const b = this.budget;
    const cost = problem.scaledCost[p]!;
    const baseP = base[p]!;
    const from = supStart[p]!;
    const to = supStart[p + 1]!;
    let t = Math.max(this.lower[p]! * baseP, cost / totalMult[p]!);
    this.uncertain[p] = 0;
    this.simple[p] = 0;
    if (t / baseP > cutoff) {
      this.lower[p] = t / baseP;
      return CUT;
    }
    for (let iteration = 0; iteration < 64; iteration += 1) {
      let paid = 0;
      let richMult = 0;
      let nextBreak = Infinity;
      let maxRatio = 0;
      if (unitMult) {
        for (let j = from; j < to; j += 1) {
          const g = supGroup[j]!;
          const money = b[g]!;
          const w = groupWeight[g]!;
          if (money > t) {
            paid += w * t;
            richMult += w;
            if (money < nextBreak) nextBreak = money;
          } else {
            paid += w * money;
            if (money > maxRatio) maxRatio = money;
          }
        }
      } else {
        for (let j = from; j < to; j += 1) {
          const g = supGroup[j]!;
          const money = b[g]!;
          const mj = mult[j]!;
          const cap = t * mj;
          if (money > cap) {
            paid += groupWeight[g]! * cap;
            richMult += weightMult[j]!;
            const ratio = money / mj;
            if (ratio < nextBreak) nextBreak = ratio;
          } else {
            paid += groupWeight[g]! * money;
            const ratio = money / mj;
            if (ratio > maxRatio) maxRatio = ratio;
          }
        }
      }
      const gap = cost - paid;
      if (richMult === 0) {
        // Everyone pays all they have: affordable only if that is the cost.
        if (gap > cost * TOL) return UNAFFORDABLE;
        if (gap !== 0) this.uncertain[p] = 1;
        // The smallest price at which everyone pays all: the largest money per utility.
        this.lower[p] = maxRatio / baseP;
        return maxRatio;
      }
      if (gap <= cost * 1e-13) {
        this.lower[p] = t / baseP;
        this.fresh[p] = 1;
        // Every supporter pays the full share, for certain: the price is exactly cost / utility.
        if (richMult === totalMult[p] && nextBreak > t * (1 + TOL)) this.simple[p] = 1;
        return t;
      }
      const next = t + gap / richMult;
      if (next <= nextBreak) {
        this.lower[p] = next / baseP;
        this.fresh[p] = 1;
        if (richMult === totalMult[p] && nextBreak > next * (1 + TOL)) this.simple[p] = 1;
        return next;
      }
      t = next;
      if (t / baseP > cutoff) {
        this.lower[p] = t / baseP;
        return CUT;
      }
    }
    return this.evaluateBySorting(p);
  }

  /** Fallback for a price Newton did not settle in 64 steps: sort the supporters and walk. */
  private evaluateBySorting(p: number): number {
    const { problem, mult, base } = this.setup;
    const { supGroup, supStart, groupWeight } = problem;
    const from = supStart[p]!;
    const to = supStart[p + 1]!;
    const idx = Array.from({ length: to - from }, (_, k) => from + k);
    const ratio = (j: number) => this.budget[supGroup[j]!]! / mult[j]!;
    idx.sort((x, y) => ratio(x) - ratio(y));
    const cost = problem.scaledCost[p]!;
    let denominator = 0;
    let available = 0;
    for (const j of idx) {
      denominator += groupWeight[supGroup[j]!]! * mult[j]!;
      available += groupWeight[supGroup[j]!]! * this.budget[supGroup[j]!]!;
    }
    if (available < cost * (1 - TOL)) return UNAFFORDABLE;
    if (Math.abs(available - cost) <= cost * TOL) this.uncertain[p] = 1;
    let paid = 0;
    for (const j of idx) {
      const t = (cost - paid) / denominator;
      if (t * mult[j]! <= this.budget[supGroup[j]!]!) {
        this.lower[p] = t / base[p]!;
        return t;
      }
      const w = groupWeight[supGroup[j]!]!;
      paid += w * this.budget[supGroup[j]!]!;
      denominator -= w * mult[j]!;
    }
    const last = ratio(idx[idx.length - 1]!);
    this.lower[p] = last / base[p]!;
    return last;
  }

  /** Runs MES with the given endowment per voter (scaled currency units). */
  run(endowment: Rational, record = false): MesOutcome {
    const { setup } = this;
    const { problem, base, rank } = setup;
    const { supGroup, supStart, groupWeight } = problem;
    const b = this.budget;
    const e = Q.toNumber(endowment);
    b.fill(e);
    const remaining = this.order;
    let remainingCount = 0;
    this.remaining.fill(0);
    const fresh = this.fresh;
    for (const p of setup.candidates) {
      // Everyone starts with e: with equal utilities, the price is cost / supporters when they can
      // all pay it, and the project is unaffordable when they cannot (known without a pass).
      const first = problem.scaledCost[p]! / setup.totalMult[p]!;
      this.lower[p] = first / base[p]!;
      fresh[p] = 0;
      this.uncertain[p] = 0;
      this.simple[p] = 0;
      if (setup.unitMult) {
        if (first > e * (1 + TOL)) continue;
        if (first < e * (1 - TOL)) {
          fresh[p] = 1;
          this.simple[p] = 1;
        }
      }
      remaining[remainingCount] = p;
      remainingCount += 1;
      this.remaining[p] = 1;
    }
    const selected: number[] = [...setup.freeProjects];
    const rounds: MesRoundRecord[] | null = record ? [] : null;
    let voterMoney = e * problem.n;
    let scaledCost = 0;
    if (rounds) {
      for (const p of setup.freeProjects) {
        rounds.push({ project: p, rho: 0, supporters: problem.approvals[p]!, paidAllTheyHad: 0, maxPayment: 0, minPayment: 0, remainingVoterMoney: voterMoney, scaledCostSoFar: 0 });
      }
    }
    let logCount = 0;
    let exact: ExactTracker | null = null;
    let exactRounds = 0;
    let replays = 0;

    for (;;) {
      let best = Infinity;
      // The previous run (add-one's previous endowment) bought `hint` in this round: price it first,
      // so the scan starts from a tight bound and cuts the others early. (Before sorting: pricing it
      // raises its lower bound, and the scan relies on the order of the bounds.)
      const hint = this.hint[logCount]!;
      if (hint >= 0 && this.remaining[hint] && !fresh[hint]) {
        const t = this.evaluate(hint, Infinity);
        if (t >= 0 && fresh[hint]) best = t / base[hint]!;
      } else if (hint >= 0 && this.remaining[hint]) best = this.lower[hint]!;
      // Scan in the order of the lower bounds (insertion sort: the order changes little per round).
      for (let i = 1; i < remainingCount; i += 1) {
        const p = remaining[i]!;
        const key = this.lower[p]!;
        let k = i - 1;
        while (k >= 0 && this.lower[remaining[k]!]! > key) {
          remaining[k + 1] = remaining[k]!;
          k -= 1;
        }
        remaining[k + 1] = p;
      }
      let evaluatedCount = 0;
      let write = 0;
      let i = 0;
      for (; i < remainingCount; i += 1) {
        const p = remaining[i]!;
        if (this.lower[p]! > best * (1 + TOL)) break;
        const t = fresh[p] ? this.lower[p]! * base[p]! : this.evaluate(p, best * (1 + TOL));
        if (t === UNAFFORDABLE) {
          this.remaining[p] = 0; // dropped
          continue;
        }
        remaining[write] = p;
        write += 1;
        if (t === CUT) continue;
        const rho = t / base[p]!;
        this.evaluated[evaluatedCount] = p;
        this.evaluatedRho[evaluatedCount] = rho;
        evaluatedCount += 1;
        if (rho < best) best = rho;
      }
      for (; i < remainingCount; i += 1) {
        remaining[write] = remaining[i]!;
        write += 1;
      }
      remainingCount = write;
      if (evaluatedCount === 0) break;

      // The projects whose price may be the best one.
      let chosen = -1;
      let chosenT = 0;
      let near = 0;
      let certain = true;
      for (let k = 0; k < evaluatedCount; k += 1) {
        const rho = this.evaluatedRho[k]!;
        if (rho > best * (1 + TOL)) continue;
        const p = this.evaluated[k]!;
        this.evaluated[near] = p;
        this.evaluatedRho[near] = rho;
        near += 1;
        if (this.uncertain[p]) certain = false;
      }
      let exactPrice: ExactPrice | null = null;
      let simple = certain;
      for (let k = 0; k < near && simple; k += 1) if (!this.simple[this.evaluated[k]!] || !fresh[this.evaluated[k]!]) simple = false;
      if (near === 1 && certain) {
        chosen = this.evaluated[0]!;
        chosenT = this.evaluatedRho[0]! * base[chosen]!;
      } else if (simple) {
        // A tie between prices that are all exactly cost / total utility: compare those fractions.
        exactRounds += 1;
        for (let k = 0; k < near; k += 1) {
          const p = this.evaluated[k]!;
          const price: ExactPrice = { t: Q.rat(problem.scaledCostBig[p]!, BigInt(setup.totalMult[p]!)) };
          const order = exactPrice ? comparePrices(setup, p, price, chosen, exactPrice) : -1;
          if (order < 0 || (order === 0 && rank[p]! < rank[chosen]!)) {
            exactPrice = price;
            chosen = p;
          }
        }
        chosenT = Q.toNumber(exactPrice!.t);
      } else {
        // Too close to call in floating point: replay exactly and compare exact prices.
        exact ??= new ExactTracker(setup, endowment);
        exact.catchUp(this.log, logCount);
        exactRounds += 1;
        replays += 1;
        let bestPrice: ExactPrice | null = null;
        for (let k = 0; k < near; k += 1) {
          const p = this.evaluated[k]!;
          const price = exact.price(p);
          if (!price) {
            // Exactly unaffordable: drop it.
            this.remaining[p] = 0;
            const at = remaining.indexOf(p);
            remaining.copyWithin(at, at + 1, remainingCount);
            remainingCount -= 1;
            continue;
          }
          this.lower[p] = Q.toNumber(price.t) / base[p]!;
          if (
            bestPrice === null ||
            comparePrices(setup, p, price, chosen, bestPrice) < 0 ||
            (comparePrices(setup, p, price, chosen, bestPrice) === 0 && rank[p]! < rank[chosen]!)
          ) {
            bestPrice = price;
            chosen = p;
          }
        }
        if (chosen < 0) continue; // every near-best project was in fact unaffordable: scan again
        exactPrice = bestPrice;
        chosenT = Q.toNumber(bestPrice!.t);
      }

      // Buy `chosen`: each supporter pays min(money, t x multiplier).
      const from = supStart[chosen]!;
      const to = supStart[chosen + 1]!;
      const mult = setup.mult;
      let paidAll = 0;
      let maxPay = 0;
      let minPay = Infinity;
      let total = 0;
      for (let j = from; j < to; j += 1) {
        const g = supGroup[j]!;
        const money = b[g]!;
        const cap = chosenT * mult[j]!;
        const w = groupWeight[g]!;
        let pay: number;
        if (money > cap) {
          pay = cap;
          b[g] = money - cap;
        } else {
          pay = money;
          b[g] = 0;
          if (money > 0) paidAll += w;
        }
        total += w * pay;
        if (record && pay > 0) {
          if (pay > maxPay) maxPay = pay;
          if (pay < minPay) minPay = pay;
        }
      }
      voterMoney -= total;
      scaledCost += problem.scaledCost[chosen]!;
      selected.push(chosen);
      this.log[logCount] = chosen;
      logCount += 1;
      if (exact && exactPrice && exact.applied === logCount - 1) exact.apply(chosen, exactPrice);
      const at = remaining.indexOf(chosen);
      remaining.copyWithin(at, at + 1, remainingCount);
      remainingCount -= 1;
      this.remaining[chosen] = 0;
      this.hint[logCount - 1] = chosen;
      // Prices change only for projects that share a supporter with the one just bought.
      const shares = setup.overlap.subarray(chosen * problem.m, (chosen + 1) * problem.m);
      for (let k = 0; k < remainingCount; k += 1) {
        const q = remaining[k]!;
        if (shares[q]) fresh[q] = 0;
      }
      if (rounds) {
        const round: MesRoundRecord = {
          project: chosen,
          rho: chosenT / base[chosen]!,
          supporters: problem.approvals[chosen]!,
          paidAllTheyHad: paidAll,
          maxPayment: maxPay,
          minPayment: minPay === Infinity ? 0 : minPay,
          remainingVoterMoney: voterMoney,
          scaledCostSoFar: scaledCost,
        };
        if (exactPrice) round.exactRho = Q.divInt(exactPrice.t, setup.baseBig[chosen]!);
        rounds.push(round);
      }
    }
    return { selected, scaledCost, rounds, exactRounds, replays };
  }
}
