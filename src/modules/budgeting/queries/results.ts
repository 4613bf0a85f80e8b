import { randomInt } from 'node:crypto';
import type { Executor } from '../../../core/db/database.js';
import { csvCell } from '../../../core/csv.js';
import { writePabulib, type PabulibFile } from '../counting/pabulib.js';
import type { StoredResult } from '../operations/count-budget.js';
import { buildElection } from '../operations/count-budget.js';
import type { ResultProject, ResultRound, Results } from '../schemas.js';
import type { BudgetRow } from './load-budget.js';

/**
 * The published outcome of a counted budget: every project on the ballot with its total votes
 * (selected first, in the order of selection, then by votes), and the rule's rounds. Totals over
 * all ballots only: nothing is broken down by area, age, channel or time.
 */
export async function presentResults(db: Executor, budget: BudgetRow): Promise<NonNullable<Results['results']>> {
  const stored = budget.result as StoredResult;
  const projects = await db
    .selectFrom('budget_projects')
    .select(['id', 'code', 'title', 'title_zh', 'cost'])
    .where('budget_id', '=', budget.id)
    .where('state', 'in', ['selected', 'not_selected'])
    .execute();
  const roundOf = new Map<string, number>();
  for (const r of stored.rounds) if (!roundOf.has(r.project)) roundOf.set(r.project, r.round);
  const order = new Map(stored.selected.map((id, i) => [id, i]));
  const reasons = new Map(stored.notSelected.map((n) => [n.project, n.reason]));
  const list: ResultProject[] = projects.map((p) => {
    const votes = stored.votes[p.id] ?? { ballots: 0, points: null };
    return {
      id: p.id,
      code: p.code,
      title: p.title,
      titleZh: p.title_zh,
      cost: Number(p.cost),
      selected: order.has(p.id),
      ballots: votes.ballots,
      points: votes.points,
      round: roundOf.get(p.id) ?? null,
      notSelectedReason: order.has(p.id) ? null : (reasons.get(p.id) ?? (votes.ballots === 0 ? 'no_support' : 'budget_exhausted')),
    };
  });
  const weight = (p: ResultProject) => p.points ?? p.ballots;
  list.sort((a, b) => {
    if (a.selected !== b.selected) return a.selected ? -1 : 1;
    if (a.selected) return order.get(a.id)! - order.get(b.id)!;
    return weight(b) - weight(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
  const rounds: ResultRound[] = stored.rounds.map((r) => ({
    round: r.round,
    projectId: r.project,
    phase: r.phase,
    cost: r.cost,
    supporters: r.supporters,
    rho: r.rho ?? null,
    paidAllTheyHad: r.paidAllTheyHad ?? null,
    maxPayment: r.maxPayment ?? null,
    minPayment: r.minPayment ?? null,
    load: r.load ?? null,
    remainingVoterMoney: r.remainingVoterMoney ?? null,
    remainingBudget: r.remainingBudget,
  }));
  return {
    rule: stored.rule,
    params: stored.params,
    ballots: stored.ballots,
    budget: stored.budget,
    spent: stored.cost,
    endowment: stored.endowment,
    countedAt: budget.counted_at!.toISOString(),
    resultHash: budget.result_hash!,
    electionHash: stored.electionHash,
    projects: list,
    rounds,
  };
}

/** The results as CSV: one line per project on the ballot, with its votes and whether it was selected. */
export function resultsCsv(results: NonNullable<Results['results']>, currency: string): string {
  const header = ['project_id', 'title', 'title_zh', `cost_${currency}`, 'ballots', 'points', 'selected', 'selection_round', 'not_selected_reason'];
  const lines = [header.join(',')];
  for (const p of results.projects) {
    lines.push([p.code, p.title, p.titleZh ?? '', p.cost, p.ballots, p.points ?? '', p.selected ? 1 : 0, p.round ?? '', p.notSelectedReason ?? ''].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The counted election as an anonymized Pabulib file: the projects on the ballot with their votes
 * and whether they were selected, and every ballot with no voter data, shuffled and numbered 1..n.
 */
export async function exportPabulib(
  db: Executor,
  budget: BudgetRow,
  context: { installation: string; processTitle: string; votingFrom: Date | null; votingUntil: Date | null },
): Promise<string> {
  const stored = budget.result as StoredResult;
  const { election, projects } = await buildElection(db, { id: budget.id, amount: Number(budget.amount), ballot_type: budget.ballot_type });
  const details = new Map(
    (await db.selectFrom('budget_projects').select(['id', 'title', 'category', 'latitude', 'longitude']).where('budget_id', '=', budget.id).execute()).map((p) => [p.id, p]),
  );
  const selected = new Set(stored.selected);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : 'None');
  const meta: Record<string, string> = {
    description: budget.title,
    country: 'None',
    unit: context.installation,
    instance: context.processTitle,
    num_projects: String(election.projects.length),
    num_votes: String(election.ballots.length),
    budget: String(election.budget),
    vote_type: election.voteType,
    rule: stored.rule,
    date_begin: day(context.votingFrom),
    date_end: day(context.votingUntil),
    currency: budget.currency,
  };
  if (budget.min_projects !== null) meta.min_length = String(budget.min_projects);
  if (budget.max_projects !== null) meta.max_length = String(budget.max_projects);
  if (budget.ballot_type === 'knapsack') meta.max_sum_cost = String(Math.floor(Number(budget.amount) * Number(budget.max_share ?? 1) * 100) / 100);
  if (budget.ballot_type === 'cumulative') {
    meta.max_sum_points = String(budget.points_total);
    if (budget.points_per_project_max !== null) meta.max_points = String(budget.points_per_project_max);
  }
  const file: PabulibFile = {
    meta,
    voteType: election.voteType,
    budget: election.budget,
    projects: projects.map((p) => {
      const d = details.get(p.id)!;
      const votes = stored.votes[p.id];
      return {
        id: p.code,
        cost: Number(p.cost),
        name: d.title,
        ...(d.category ? { category: [d.category] } : {}),
        votes: votes?.ballots ?? 0,
        ...(votes?.points !== null && votes?.points !== undefined ? { score: votes.points } : {}),
        selected: selected.has(p.id) ? 1 : 0,
        ...(d.latitude !== null && d.longitude !== null ? { latitude: d.latitude, longitude: d.longitude } : {}),
        extra: {},
      };
    }),
    ballots: election.ballots.map((b) => ({ voterId: '', projects: b.projects, ...(b.points ? { points: b.points } : {}), attributes: {} })),
    projectColumns: [],
    voterColumns: [],
    warnings: [],
  };
  return writePabulib(file, { seed: randomInt(0, 2 ** 32) });
}
