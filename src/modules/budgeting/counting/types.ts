/**
 * The contract between the budgeting module (database, routes, pages) and its counting rules.
 * Everything under `counting/` is pure: no database, no clock, no I/O except the CLI and the
 * Pabulib file reader, which take text and return values.
 */

/** How a ballot is cast. `choose-1` files are read as approval. */
export type VoteType = 'approval' | 'cumulative' | 'ordinal' | 'scoring';

export interface ElectionProject {
  /** Compared as a string for tie-breaking, as pabutools does. */
  id: string;
  /** In the budget's currency; may have decimals (Pabulib costs and budgets sometimes do). */
  cost: number;
}

export interface ElectionBallot {
  /** Approved (or ranked, most preferred first) project ids. May be empty. */
  projects: string[];
  /** Points aligned with `projects`, for cumulative and scoring ballots. */
  points?: number[];
}

export interface Election {
  budget: number;
  voteType: VoteType;
  projects: ElectionProject[];
  ballots: ElectionBallot[];
}

/** The rule keys of `../shared/data/pabulib/expected.json` plus Pabulib's city variants. */
export type RuleKey =
  | 'greedy_cost'
  | 'greedy_points'
  | 'greedy_threshold'
  | 'greedy_no_skip'
  | 'mes_cost'
  | 'mes_points'
  | 'mes_pointscost'
  | 'mes_cost_add1'
  | 'mes_cost_add1_greedy'
  | 'mes_cost_add100'
  | 'mes_points_add1'
  | 'mes_pointscost_add1'
  | 'mes_pointscost_add1_greedy'
  | 'phragmen'
  | (string & {});

/** A selection step a resident can follow. */
export interface TallyRound {
  /** 1-based. */
  round: number;
  project: string;
  cost: number;
  /** `mes`: bought by its supporters' shares; `completion`: added by the greedy completion; `greedy` / `phragmen`: the rule's own step. */
  phase: 'mes' | 'completion' | 'greedy' | 'phragmen';
  supporters: number;
  /** MES: the price per unit of utility (rho) as a decimal string; each supporter paid min(their money, rho x utility). */
  rho?: string;
  /** MES: how many supporters paid everything they had left (supporters with nothing left are not counted). */
  paidAllTheyHad?: number;
  /** MES: the largest and smallest single payment (among supporters who paid something). */
  maxPayment?: number;
  minPayment?: number;
  /** Phragmén: the new common load of this project's supporters, as a decimal string. */
  load?: string;
  /** Money (or Phragmen load) the voters still hold after this round, summed. */
  remainingVoterMoney?: number;
  /** Budget left after this round. */
  remainingBudget: number;
}

export interface TallyResult {
  rule: string;
  /** Every parameter that changes the outcome, recorded with the result (endowment start, step, stop rule, completion, tie-break). */
  params: Record<string, string | number | boolean>;
  /** Selected project ids in the order they were selected. */
  selected: string[];
  cost: number;
  /** MES with add-one: the per-voter endowment of the outcome that was kept. */
  endowment?: number;
  rounds: TallyRound[];
  /** Supported projects that were not selected, with why (`too_expensive_for_supporters`, `budget_exhausted`, `no_support`, `infeasible`). */
  notSelected: Array<{ project: string; reason: string }>;
  /** MES: how many MES runs were made (the add-one loop's, plus the one explained) and how many of their rounds needed exact arithmetic. */
  diagnostics?: { mesRuns: number; exactRounds: number };
}
