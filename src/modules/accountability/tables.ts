import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A civil date (`YYYY-MM-DD`), read back as a string. */
type CivilDate = ColumnType<string, string, string>;
/** numeric columns (read as numbers: see the type parsers in core/db/database.ts). */
type Money = ColumnType<number, number, number>;

export type CommitmentKind = 'commitment' | 'innovation_program';
/**
 * Where a commitment stands: registered (`proposed`), put to residents first (`in_consultation`),
 * decided (`adopted`), under way (`in_progress`), delivered (`completed`), or dropped (`cancelled`,
 * with a public reason).
 */
export type CommitmentStatus = 'proposed' | 'in_consultation' | 'adopted' | 'in_progress' | 'completed' | 'cancelled';
/** Where a commitment came from. */
export type OriginType = 'proposal' | 'budget_project' | 'hearing' | 'regulation';
export type MilestoneStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';
/** The rating rounds: after the work started, and again after it was completed. */
export type RatingRound = 'after_start' | 'after_completion';

/** The results of a consultation as the department saw them when it decided (kept with the decision). */
export interface ConsultationSummary {
  opensAt: string;
  endsAt: string;
  comments: { total: number; inFavour: number; against: number; neutral: number };
  approvals: { count: number; average: number | null; distribution: number[] };
}

export interface CommitmentsTable {
  id: Generated<string>;
  kind: CommitmentKind;
  title: string;
  title_zh: string | null;
  description: string;
  description_zh: string | null;
  legal_basis: string;
  legal_basis_zh: string | null;
  department_id: string;
  /** The responsible post in that department. */
  post_id: string | null;
  /** Whose residents it serves (and who may rate it: this area and below); null: the whole installation. */
  area_id: string | null;
  planned_budget: Money;
  /** Money spent to date (a running total). */
  spent: ColumnType<number, number | undefined, number>;
  currency: Generated<string>;
  planned_start: CivilDate;
  planned_end: CivilDate;
  /** The expected benefit for residents, stated measurably. */
  benefit_indicator: string;
  benefit_indicator_zh: string | null;
  benefit_unit: string;
  benefit_baseline: Money;
  benefit_target: Money;
  /** The indicator's latest reported value. */
  benefit_current: Money | null;
  status: CommitmentStatus;
  progress: Generated<number>;
  origin_type: OriginType | null;
  origin_id: string | null;
  consultation_opens_at: Timestamp | null;
  consultation_ends_at: Timestamp | null;
  decided_at: Timestamp | null;
  decision: string | null;
  decision_zh: string | null;
  /** What the department took from the consultation (required when there was one). */
  consultation_response: string | null;
  decision_post_id: string | null;
  consultation_summary: Json<ConsultationSummary> | null;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  tsv: ColumnType<string, string, string>;
}

export interface CommitmentMilestonesTable {
  id: Generated<string>;
  commitment_id: string;
  title: string;
  title_zh: string | null;
  due_on: CivilDate;
  status: MilestoneStatus;
  completed_at: Timestamp | null;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Progress reports: what the department said at each update (the audit log keeps the same, signed). */
export interface CommitmentUpdatesTable {
  id: Generated<string>;
  commitment_id: string;
  progress: number;
  spent: Money;
  benefit_current: Money | null;
  note: string;
  note_zh: string | null;
  post_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** One verified resident's rating in one round; changeable while the round is open. */
export interface CommitmentRatingsTable {
  commitment_id: string;
  round: RatingRound;
  user_id: string;
  benefit: number;
  value_for_money: number;
  openness: number;
  delivered: number;
  comment: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A verified resident's approval (1-5) of a program put to consultation. */
export interface CommitmentApprovalsTable {
  commitment_id: string;
  user_id: string;
  approval: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../core/db/database.js' {
  interface Tables {
    commitments: CommitmentsTable;
    commitment_milestones: CommitmentMilestonesTable;
    commitment_updates: CommitmentUpdatesTable;
    commitment_ratings: CommitmentRatingsTable;
    commitment_approvals: CommitmentApprovalsTable;
  }
}
