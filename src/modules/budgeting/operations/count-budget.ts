import { createHash } from 'node:crypto';
import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { canonicalJson, writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor, type Actor } from '../../../core/permissions/actor.js';
import { notify, notifyFollowers } from '../../../core/notifications/notify.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { loadProcess } from '../../processes/index.js';
import { CountingError } from '../counting/errors.js';
import { tally } from '../counting/tally.js';
import type { Election, TallyRound } from '../counting/types.js';
import { countRefusal, votingStage } from '../rules.js';
import { budgetPath, projectPath } from '../queries/load-budget.js';
import type { BallotType, StoredSelection } from '../tables.js';
import { officialPostIn } from './budget-input.js';

/** What a counted budget keeps: the rule's outcome in project ids, with the votes per project. */
export interface StoredResult {
  rule: string;
  params: Record<string, string | number | boolean>;
  /** How many ballots were counted. */
  ballots: number;
  budget: number;
  /** Selected project ids, in the order the rule selected them. */
  selected: string[];
  cost: number;
  endowment: number | null;
  rounds: (Omit<TallyRound, 'project'> & { project: string })[];
  notSelected: { project: string; reason: string }[];
  /** Per project on the ballot: the ballots that chose it, and (cumulative) the points it got. Totals only. */
  votes: Record<string, { ballots: number; points: number | null }>;
  /** SHA-256 of the counted election in its canonical form (see `electionHash`). */
  electionHash: string;
}

/**
 * The hash of an election anyone can recompute from the anonymized .pb export: canonical JSON
 * (keys sorted) of `{ budget, voteType, projects: [{ id, cost }] sorted by id, ballots }`, where
 * each ballot is `{ projects, points? }` with its projects in ascending id order and the ballots
 * sorted by their own canonical JSON. The order of voting is not part of it.
 */
export function electionHash(election: Election): string {
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const projects = [...election.projects].map((p) => ({ id: p.id, cost: p.cost })).sort((a, b) => byId(a.id, b.id));
  const ballots = election.ballots
    .map((b) => {
      const order = b.projects.map((id, i) => ({ id, points: b.points?.[i] })).sort((x, y) => byId(x.id, y.id));
      return canonicalJson(b.points ? { projects: order.map((o) => o.id), points: order.map((o) => o.points) } : { projects: order.map((o) => o.id) });
    })
    .sort(byId);
  const text = `{"ballots":[${ballots.join(',')}],"budget":${canonicalJson(election.budget)},"projects":${canonicalJson(projects)},"voteType":${canonicalJson(election.voteType)}}`;
  return createHash('sha256').update(text).digest('hex');
}

/** The election of a budget: its feasible projects by code, and every ballot restricted to them. */
export async function buildElection(db: Executor, budget: { id: string; amount: number; ballot_type: BallotType }) {
  const projects = await db
    .selectFrom('budget_projects')
    .select(['id', 'code', 'cost'])
    .where('budget_id', '=', budget.id)
    .where('state', 'in', ['feasible', 'selected', 'not_selected'])
    .orderBy('code')
    .execute();
  const codeOf = new Map(projects.map((p) => [p.id, p.code]));
  const ballots = await db.selectFrom('budget_ballots').select('selections').where('budget_id', '=', budget.id).orderBy('id').execute();
  const cumulative = budget.ballot_type === 'cumulative';
  const election: Election = {
    budget: Number(budget.amount),
    voteType: cumulative ? 'cumulative' : 'approval',
    projects: projects.map((p) => ({ id: p.code, cost: Number(p.cost) })),
    ballots: ballots.map((b) => {
      const chosen = (b.selections as StoredSelection[]).filter((s) => codeOf.has(s.p));
      return cumulative ? { projects: chosen.map((s) => codeOf.get(s.p)!), points: chosen.map((s) => s.n ?? 0) } : { projects: chosen.map((s) => codeOf.get(s.p)!) };
    }),
  };
  return { election, projects };
}

/** Votes per project: how many ballots chose it and, on cumulative ballots, the points it got. */
function votesPerProject(election: Election, idOf: Map<string, string>): StoredResult['votes'] {
  const votes: StoredResult['votes'] = {};
  const cumulative = election.voteType === 'cumulative';
  for (const p of election.projects) votes[idOf.get(p.id)!] = { ballots: 0, points: cumulative ? 0 : null };
  for (const ballot of election.ballots) {
    ballot.projects.forEach((code, i) => {
      const entry = votes[idOf.get(code)!]!;
      entry.ballots++;
      if (cumulative) entry.points! += ballot.points?.[i] ?? 0;
    });
  }
  return votes;
}

/**
 * Counts a budget once voting has closed (an imported one at any time): builds the election from
 * the feasible projects and every ballot, runs the budget's rule, stores the outcome with its hash,
 * marks each project on the ballot selected or not, publishes the receipts, writes a public audit
 * row with the hashes, and tells the followers of the budget and of each project.
 */
export async function countBudget(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string },
): Promise<Result<{ resultHash: string; selected: string[] }, 'not_found' | 'budget_already_counted' | 'voting_not_closed' | 'counting_failed'>> {
  const now = clock.now();
  const found = await db.selectFrom('budgets').select(['process_id']).where('id', '=', input.id).executeTakeFirst();
  if (!found) return fail('not_found');
  const context = await loadProcess(db, { id: found.process_id }, now);
  if (!context) return fail('not_found');
  const stage = votingStage(context, now);
  return transact(db, async (trx) => {
    // Locked: ballots still being written finish first (they share-lock the row), later ones are refused.
    const budget = await trx.selectFrom('budgets').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!budget) return fail('not_found');
    const refusal = budget.imported_from !== null ? (budget.status === 'counted' ? 'budget_already_counted' : null) : countRefusal(budget.status, stage);
    if (refusal) return fail(refusal);
    const { election, projects } = await buildElection(trx, { id: budget.id, amount: Number(budget.amount), ballot_type: budget.ballot_type });
    const idOf = new Map(projects.map((p) => [p.code, p.id]));
    let outcome;
    try {
      outcome = tally(election, budget.rule, budget.rule_params as Record<string, string | number | boolean>);
    } catch (error) {
      if (error instanceof CountingError) return fail('counting_failed', { params: { reason: error.message } });
      throw error;
    }
    const result: StoredResult = {
      rule: outcome.rule,
      params: outcome.params,
      ballots: election.ballots.length,
      budget: election.budget,
      selected: outcome.selected.map((code) => idOf.get(code)!),
      cost: outcome.cost,
      endowment: outcome.endowment ?? null,
      rounds: outcome.rounds.map((r) => ({ ...r, project: idOf.get(r.project)! })),
      notSelected: outcome.notSelected.map((n) => ({ project: idOf.get(n.project)!, reason: n.reason })),
      votes: votesPerProject(election, idOf),
      electionHash: electionHash(election),
    };
    const stored = JSON.parse(JSON.stringify(result)) as StoredResult;
    const resultHash = createHash('sha256').update(canonicalJson(stored)).digest('hex');
    await trx
      .updateTable('budgets')
      .set({ status: 'counted', counted_at: now, result: JSON.stringify(stored), result_hash: resultHash, receipts_published_at: now, updated_at: now })
      .where('id', '=', budget.id)
      .execute();
    const selected = new Set(result.selected);
    const chosen = projects.filter((p) => selected.has(p.id)).map((p) => p.id);
    const others = projects.filter((p) => !selected.has(p.id)).map((p) => p.id);
    if (chosen.length > 0) await trx.updateTable('budget_projects').set({ state: 'selected', updated_at: now }).where('id', 'in', chosen).execute();
    if (others.length > 0) await trx.updateTable('budget_projects').set({ state: 'not_selected', updated_at: now }).where('id', 'in', others).execute();

    const titled = await trx.selectFrom('budget_projects').select(['id', 'title', 'title_zh']).where('budget_id', '=', budget.id).where('state', 'in', ['selected', 'not_selected']).execute();
    const slug = context.process.slug;
    await notifyFollowers(
      trx,
      { kind: 'budget.counted', resourceType: 'budget', resourceId: budget.id, title: budget.title, path: `${budgetPath(slug, budget.id)}/results`, data: { titleZh: budget.title_zh } },
      now,
    );
    for (const p of titled) {
      await notifyFollowers(
        trx,
        {
          kind: selected.has(p.id) ? 'budget_project.selected' : 'budget_project.not_selected',
          resourceType: 'budget_project',
          resourceId: p.id,
          title: p.title,
          path: projectPath(slug, budget.id, p.id),
          data: { titleZh: p.title_zh },
        },
        now,
      );
    }
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget.counted',
        resourceType: 'budget',
        resourceId: budget.id,
        postId: officialPostIn(actor, context.process.department_id),
        data: {
          rule: result.rule,
          params: result.params,
          ballots: result.ballots,
          selected: result.selected.map((id) => projects.find((p) => p.id === id)!.code),
          cost: result.cost,
          resultHash,
          electionHash: result.electionHash,
        },
        public: true,
      },
      now,
    );
    return ok({ resultHash, selected: result.selected });
  });
}

const counter = systemActor('budgeting.count');

/**
 * Counts every budget whose voting has closed and that is not counted yet, without anyone acting.
 * Idempotent: a counted budget is never counted again. Returns how many were counted.
 */
export async function countClosedBudgets(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const open = await deps.db
    .selectFrom('budgets')
    .innerJoin('processes', 'processes.id', 'budgets.process_id')
    .select(['budgets.id', 'budgets.process_id'])
    .where('budgets.status', '=', 'open')
    .where('processes.status', '=', 'published')
    .orderBy('budgets.created_at')
    .limit(200)
    .execute();
  let counted = 0;
  for (const budget of open) {
    const context = await loadProcess(deps.db, { id: budget.process_id }, now);
    if (!context || votingStage(context, now) !== 'closed') continue;
    const result = await countBudget(deps, counter, { id: budget.id });
    if (result.ok) counted++;
    else if (result.code === 'counting_failed') {
      // The department is told once; the budget stays open for them to fix the rule's parameters.
      const told = await deps.db.selectFrom('notifications').select('id').where('kind', '=', 'budget.counting_failed').where('resource_id', '=', budget.id).limit(1).executeTakeFirst();
      if (told) continue;
      const officials = await deps.db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', context.process.department_id).where('holder_user_id', 'is not', null).execute();
      await transact(deps.db, async (trx) => {
        await notify(
          trx,
          officials.map((o) => o.holder_user_id!),
          { kind: 'budget.counting_failed', resourceType: 'budget', resourceId: budget.id, title: context.process.title, path: budgetPath(context.process.slug, budget.id), data: { reason: String(result.params?.reason ?? '') } },
          now,
        );
        return ok(null);
      });
    }
  }
  return counted;
}

export const countClosedBudgetsJob: JobDefinition = {
  name: 'budgeting.count-closed',
  everyMs: 5 * 60_000,
  async run(deps) {
    await countClosedBudgets(deps);
  },
};
