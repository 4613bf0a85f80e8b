/**
 * The Method of Equal Shares written the plain way, all in exact rationals: every round every
 * remaining project is priced exactly and the cheapest is bought (pabutools' `naive_mes`). Far
 * too slow for the add-one loop on large elections; the tests use it to check the fast engine.
 */
import { ExactTracker, comparePrices, type ExactPrice } from './mes-exact.js';
import type { MesSetup } from './mes.js';
import type { Rational } from './rational.js';

export function referenceMes(setup: MesSetup, endowment: Rational): number[] {
  const tracker = new ExactTracker(setup, endowment);
  const remaining = new Set(setup.candidates);
  const selected = [...setup.freeProjects];
  for (;;) {
    let best = -1;
    let bestPrice: ExactPrice | null = null;
    for (const p of [...remaining]) {
      const price = tracker.price(p);
      if (!price) {
        remaining.delete(p);
        continue;
      }
      const order = bestPrice ? comparePrices(setup, p, price, best, bestPrice) : -1;
      if (order < 0 || (order === 0 && setup.rank[p]! < setup.rank[best]!)) {
        best = p;
        bestPrice = price;
      }
    }
    if (best < 0) return selected;
    tracker.apply(best, bestPrice!);
    remaining.delete(best);
    selected.push(best);
  }
}
