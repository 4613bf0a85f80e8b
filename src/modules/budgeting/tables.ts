import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** How residents fill in a ballot. */
export type BallotType = 'approval' | 'knapsack' | 'cumulative';
export type BudgetStatus = 'open' | 'counted';
/** Where a project stands: submitted, found (in)feasible by the technical review, withdrawn by its proposer, and after counting selected or not. */
export type ProjectState = 'submitted' | 'feasible' | 'infeasible' | 'withdrawn' | 'selected' | 'not_selected';
export type ImplementationStatus = 'not_started' | 'in_progress' | 'done';
export type ParticipationChannel = 'online' | 'paper';

/** One choice on a ballot: a project, with points on a cumulative ballot. */
export interface StoredSelection {
  p: string;
  n?: number;
}

export interface BudgetsTable {
  id: Generated<string>;
  process_id: string;
  /** Whose residents vote (the area and everything below it); null: every verified resident. */
  area_id: string | null;
  title: string;
  title_zh: string | null;
  description: string;
  description_zh: string | null;
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  ballot_type: BallotType;
  min_projects: number | null;
  max_projects: number | null;
  /** Knapsack: the share of the amount a ballot may spend (1 = the whole budget). */
  max_share: number | null;
  /** Cumulative: points each voter spreads, and the most one project may get. */
  points_total: number | null;
  points_per_project_max: number | null;
  /** The counting rule (a `RuleKey` of ./counting) and its parameters. */
  rule: string;
  rule_params: Json<Record<string, string | number | boolean>>;
  status: BudgetStatus;
  counted_at: Timestamp | null;
  /** The stored outcome (see `StoredResult`); null until counted. */
  result: Json<unknown> | null;
  result_hash: string | null;
  receipts_published_at: Timestamp | null;
  /** For a budget imported from a Pabulib file (an exercise or a replay): the file's description. No one votes in it. */
  imported_from: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BudgetProjectsTable {
  id: Generated<string>;
  budget_id: string;
  /** The project's id in Pabulib files; unique in its budget, and the tie-break key of the counting rules. */
  code: string;
  title: string;
  title_zh: string | null;
  description: string;
  cost: number;
  /** The cost the proposer asked for, kept when the review corrected it. */
  original_cost: number | null;
  area_id: string | null;
  category: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  proposer_user_id: string | null;
  proposer_organization_id: string | null;
  /** The proposal it was promoted from. */
  proposal_id: string | null;
  state: ProjectState;
  review_reason: string | null;
  reviewed_by: string | null;
  /** The post in whose name the review was given. */
  reviewed_post_id: string | null;
  reviewed_at: Timestamp | null;
  implementation_status: ImplementationStatus;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  tsv: ColumnType<string, string, string>;
}

/**
 * Who took part, never how: one row per voter and budget, with the channel and (for paper ballots)
 * the official who entered it. Only the date, so it cannot be matched with anything by time.
 */
export interface BudgetParticipationTable {
  budget_id: string;
  user_id: string;
  channel: ParticipationChannel;
  entered_by: string | null;
  voted_on: ColumnType<string, string, string>;
}

/**
 * The ballots, without their voters: `voter_key` is an HMAC of the voter with an installation secret,
 * so a voter's own session finds (and replaces) their ballot while no reader of the table, an API or
 * an export can tell whose it is. No timestamps, a random id.
 */
export interface BudgetBallotsTable {
  id: Generated<string>;
  budget_id: string;
  voter_key: string;
  /** SHA-256 of the receipt code the voter was given; published after counting. */
  receipt_hash: string;
  selections: Json<StoredSelection[]>;
}

declare module '../../core/db/database.js' {
  interface Tables {
    budgets: BudgetsTable;
    budget_projects: BudgetProjectsTable;
    budget_participation: BudgetParticipationTable;
    budget_ballots: BudgetBallotsTable;
  }
}
