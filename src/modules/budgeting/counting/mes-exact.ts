/**
 * The exact side of the Method of Equal Shares: voters' money as BigInt rationals, grouped into
 * classes of voters whose money is provably equal. The fast floating-point engine (mes.ts) calls it
 * only when a decision is too close to call in floating point (a near-tie between projects, a
 * project whose supporters hold almost exactly its cost); it then replays the rounds so far exactly
 * and settles the decision as pabutools' rational arithmetic would.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import type { MesSetup } from './mes.js';

/** A project's exact price: `t` is the payment per unit of utility multiplier (rho x base). */
export interface ExactPrice {
  t: Rational;
}

interface Entry {
  budget: Rational;
  mult: bigint;
  weight: bigint;
}

export class ExactTracker {
  /** Class of each ballot group; class 0 holds the endowment, class 1 is "no money left". */
  private classOf: Int32Array;
  private classBudget: Rational[];
  /** Rounds (selected projects with a positive cost) already applied. */
  applied = 0;

  constructor(
    private readonly setup: MesSetup,
    readonly endowment: Rational,
  ) {
    this.classOf = new Int32Array(setup.problem.groupCount);
    this.classBudget = [endowment, Q.ZERO];
  }

  private entries(p: number): Entry[] {
    const { problem, mult } = this.setup;
    const byClass = new Map<number, Map<number, number>>();
    for (let j = problem.supStart[p]!; j < problem.supStart[p + 1]!; j += 1) {
      const g = problem.supGroup[j]!;
      const cls = this.classOf[g]!;
      if (cls === 1) continue;
      let inner = byClass.get(cls);
      if (!inner) {
        inner = new Map();
        byClass.set(cls, inner);
      }
      const m = mult[j]!;
      inner.set(m, (inner.get(m) ?? 0) + problem.groupWeight[g]!);
    }
    const out: Entry[] = [];
    for (const [cls, inner] of byClass) {
      for (const [m, w] of inner) out.push({ budget: this.classBudget[cls]!, mult: BigInt(m), weight: BigInt(w) });
    }
    return out;
  }

  /**
   * The exact price of p now, or null when its supporters together hold less than its cost.
   * Same walk as pabutools: supporters by money per utility ascending; the first one who can pay
   * the equal share of what is left fixes the price.
   */
  price(p: number): ExactPrice | null {
    const cost = this.setup.problem.scaledCostBig[p]!;
    const entries = this.entries(p);
    entries.sort((a, b) => {
      const left = a.budget.n * b.mult * b.budget.d;
      const right = b.budget.n * a.mult * a.budget.d;
      return left < right ? -1 : left > right ? 1 : 0;
    });
    let available = Q.ZERO;
    for (const entry of entries) available = Q.add(available, Q.mulInt(entry.budget, entry.weight));
    if (Q.cmp(available, Q.rat(cost)) < 0) return null;
    // Supporters with no money left (class 1) were skipped: in pabutools' walk they come first, pay
    // nothing and only leave the denominator, so skipping them is the same.
    let denominator = 0n;
    for (const entry of entries) denominator += entry.weight * entry.mult;
    let paid = Q.ZERO;
    for (const entry of entries) {
      const t = Q.divInt(Q.sub(Q.rat(cost), paid), denominator);
      if (Q.cmp(Q.mulInt(t, entry.mult), entry.budget) <= 0) return { t };
      paid = Q.add(paid, Q.mulInt(entry.budget, entry.weight));
      denominator -= entry.weight * entry.mult;
    }
    return null;
  }

  /** Applies the purchase of p at price t: every supporter pays min(money, t x multiplier). */
  apply(p: number, price: ExactPrice): void {
    const { problem, mult } = this.setup;
    const memo = new Map<number, Map<number, number>>();
    for (let j = problem.supStart[p]!; j < problem.supStart[p + 1]!; j += 1) {
      const g = problem.supGroup[j]!;
      const cls = this.classOf[g]!;
      if (cls === 1) continue;
      const m = mult[j]!;
      let inner = memo.get(cls);
      if (!inner) {
        inner = new Map();
        memo.set(cls, inner);
      }
      let next = inner.get(m);
      if (next === undefined) {
        const budget = this.classBudget[cls]!;
        const share = Q.mulInt(price.t, BigInt(m));
        if (Q.cmp(share, budget) >= 0) next = 1;
        else {
          next = this.classBudget.length;
          this.classBudget.push(Q.sub(budget, share));
        }
        inner.set(m, next);
      }
      this.classOf[g] = next;
    }
    this.applied += 1;
  }

  /** Replays the purchases of `log` (selected projects with positive cost, in order) not applied yet. */
  catchUp(log: ArrayLike<number>, count: number): void {
    while (this.applied < count) {
      const p = log[this.applied]!;
      const price = this.price(p);
      if (!price) throw new Error(`exact replay: project ${this.setup.problem.ids[p]} was bought but its supporters cannot afford it`);
      this.apply(p, price);
    }
  }

  /** Exact money of every ballot group (for tests and the reference implementation). */
  budgets(): Rational[] {
    return Array.from(this.classOf, (cls) => this.classBudget[cls]!);
  }
}

/** Compares the prices of two projects in rho units (t / base): -1, 0 or 1. */
export function comparePrices(setup: MesSetup, p: number, a: ExactPrice, q: number, b: ExactPrice): number {
  const left = a.t.n * b.t.d * setup.baseBig[q]!;
  const right = b.t.n * a.t.d * setup.baseBig[p]!;
  return left < right ? -1 : left > right ? 1 : 0;
}
