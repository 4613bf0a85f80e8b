/**
 * The baseline for bench/pb.ts: the Method of Equal Shares (cost utilities) with pabutools'
 * add-one completion written the straightforward way, as on equalshares.net's reference page:
 * one budget per voter, floating point, and every round every remaining project is priced by
 * sorting its supporters' budgets. No merging of ballots, no early exit, no exactness checks.
 */
import type { Election } from '../src/modules/budgeting/counting/types.js';

function mes(n: number, cost: number[], supporters: number[][], endowment: number, ids: string[]): number[] {
  const budget = new Array<number>(n).fill(endowment);
  const remaining: number[] = [];
  for (let p = 0; p < cost.length; p += 1) if (cost[p]! > 0 && supporters[p]!.length > 0) remaining.push(p);
  const winners: number[] = [];
  for (;;) {
    let best = -1;
    let bestRho = Infinity;
    for (let k = remaining.length - 1; k >= 0; k -= 1) {
      const p = remaining[k]!;
      const money = supporters[p]!.map((i) => budget[i]!);
      const total = money.reduce((a, b) => a + b, 0);
      if (total < cost[p]!) {
        remaining.splice(k, 1);
        continue;
      }
      money.sort((a, b) => a - b);
      let paid = 0;
      let left = money.length;
      for (const m of money) {
        const share = (cost[p]! - paid) / left;
        if (share <= m) {
          const rho = share / cost[p]!;
          if (rho < bestRho || (rho === bestRho && ids[p]! < ids[best]!)) {
            bestRho = rho;
            best = p;
          }
          break;
        }
        paid += m;
        left -= 1;
      }
    }
    if (best < 0) return winners;
    winners.push(best);
    remaining.splice(remaining.indexOf(best), 1);
    const share = bestRho * cost[best]!;
    for (const i of supporters[best]!) budget[i] = budget[i]! - Math.min(budget[i]!, share);
  }
}

/** Selected project ids of MES (cost) with pabutools' add-one completion. */
export function naiveMesAddOne(election: Election): string[] {
  const ids = election.projects.map((p) => p.id);
  const index = new Map(ids.map((id, p) => [id, p]));
  const cost = election.projects.map((p) => p.cost);
  const supporters: number[][] = ids.map(() => []);
  election.ballots.forEach((ballot, i) => {
    for (const id of new Set(ballot.projects)) supporters[index.get(id)!]!.push(i);
  });
  const n = election.ballots.length;
  const budget = election.budget;
  let endowment = budget / n;
  let previous: number[] = [];
  for (;;) {
    const winners = mes(n, cost, supporters, endowment, ids);
    const spent = winners.reduce((a, p) => a + cost[p]!, 0);
    if (spent > budget) return previous.map((p) => ids[p]!);
    const chosen = new Set(winners);
    const exhaustive = !ids.some((_, p) => !chosen.has(p) && supporters[p]!.length > 0 && cost[p]! > 0 && spent + cost[p]! <= budget);
    if (exhaustive) return winners.map((p) => ids[p]!);
    previous = winners;
    endowment += 1;
  }
}
