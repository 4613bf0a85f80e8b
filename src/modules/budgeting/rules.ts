/**
 * When things may happen in a participatory budget, as pure functions over the process's phases
 * and a budget's state: operations refuse with these codes, and the routes compute the caller's
 * abilities from the same functions, so the page and the server never disagree.
 */
import type { ProcessContext } from '../processes/index.js';
import type { BallotType, BudgetStatus, ProjectState } from './tables.js';

/**
 * Where voting stands: `before` no phase has opened voting yet (projects are submitted and reviewed,
 * settings may change), `open` a phase takes ballots now, `closed` every voting phase is behind us
 * (by its dates, or because officials advanced the process past it): the budget can be counted.
 * `between`: one voting phase is over and another is still to come (no ballots now, not countable).
 */
export type VotingStage = 'before' | 'open' | 'between' | 'closed';

export function votingStage(context: Pick<ProcessContext, 'phases' | 'current' | 'isOpen' | 'process'>, now: Date): VotingStage {
  if (context.isOpen('budgeting', 'vote').open) return 'open';
  const votePhases = context.phases.filter((p) => p.actions.budgeting?.includes('vote'));
  if (votePhases.length === 0 || context.process.status !== 'published') return 'before';
  const current = context.current;
  const past = (p: (typeof votePhases)[number]) => p.endsAt.getTime() <= now.getTime() || (current !== null && p.position < current.position);
  if (votePhases.every(past)) return 'closed';
  return votePhases.some(past) ? 'between' : 'before';
}

/** Until when ballots are taken (null when voting is not open now). */
export function votingUntil(context: Pick<ProcessContext, 'isOpen'>): Date | null {
  return context.isOpen('budgeting', 'vote').until;
}

export function submitRefusal(proposeOpen: boolean): 'project_submission_closed' | null {
  return proposeOpen ? null : 'project_submission_closed';
}

/** Officials review while the phase opens the review, and at any time before voting starts. */
export function reviewRefusal(state: ProjectState, reviewOpen: boolean, stage: VotingStage): 'review_closed' | 'project_not_reviewable' | null {
  if (!['submitted', 'feasible', 'infeasible'].includes(state)) return 'project_not_reviewable';
  return reviewOpen || stage === 'before' ? null : 'review_closed';
}

/** Officials add projects (promoted from proposals) until voting starts. */
export function promoteRefusal(stage: VotingStage): 'budget_settings_locked' | null {
  return stage === 'before' ? null : 'budget_settings_locked';
}

/** A proposer withdraws a project until voting starts. */
export function withdrawRefusal(state: ProjectState, stage: VotingStage): 'project_not_withdrawable' | null {
  if (!['submitted', 'feasible', 'infeasible'].includes(state)) return 'project_not_withdrawable';
  return stage === 'before' ? null : 'project_not_withdrawable';
}

export function voteRefusal(
  budget: { status: BudgetStatus; imported: boolean },
  stage: VotingStage,
): 'budget_imported' | 'voting_closed' | 'voting_not_open' | null {
  if (budget.imported) return 'budget_imported';
  if (budget.status === 'counted' || stage === 'closed') return 'voting_closed';
  return stage === 'open' ? null : 'voting_not_open';
}

/** The ballot settings and the counting rule change only before voting starts, never once a ballot exists. */
export function settingsRefusal(stage: VotingStage, ballots: number): 'budget_settings_locked' | null {
  return stage === 'before' && ballots === 0 ? null : 'budget_settings_locked';
}

export function countRefusal(status: BudgetStatus, stage: VotingStage): 'budget_already_counted' | 'voting_not_closed' | null {
  if (status === 'counted') return 'budget_already_counted';
  return stage === 'closed' ? null : 'voting_not_closed';
}

/** Officials record how a selected project is being carried out, once the budget is counted. */
export function implementationRefusal(state: ProjectState): 'project_not_selected' | null {
  return state === 'selected' ? null : 'project_not_selected';
}

/**
 * The counting rules a budget may use, by ballot type (keys of ./counting), the first being the
 * default. Approval and knapsack ballots are approvals (utility = cost for the Method of Equal Shares);
 * cumulative ballots carry points.
 */
export const RULES_BY_BALLOT: Record<BallotType, readonly string[]> = {
  approval: ['mes_cost_add1_greedy', 'mes_cost_add1', 'mes_cost', 'greedy_cost', 'phragmen'],
  knapsack: ['mes_cost_add1_greedy', 'mes_cost_add1', 'mes_cost', 'greedy_cost', 'phragmen'],
  cumulative: ['mes_points_add1', 'mes_pointscost_add1_greedy', 'mes_pointscost_add1', 'greedy_points'],
};

export function defaultRule(ballotType: BallotType): string {
  return RULES_BY_BALLOT[ballotType][0]!;
}

/** How many photos and documents a project may carry. */
export const MAX_PROJECT_ATTACHMENTS = 8;
