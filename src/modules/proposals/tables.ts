import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Where a proposal stands: authors draft and publish it, supports qualify it, the department answers it. */
export type ProposalState = 'draft' | 'published' | 'qualified' | 'evaluating' | 'accepted' | 'rejected' | 'withdrawn';

export interface ProposalsTable {
  id: Generated<string>;
  process_id: string;
  author_id: string;
  /** The organization on whose behalf a representative proposed it. */
  organization_id: string | null;
  title: string;
  body: string;
  area_id: string | null;
  category: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  state: ProposalState;
  /** Kept in the same transaction as every support and withdrawal of support. */
  supports_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  qualified_at: Timestamp | null;
  /** The end of the last working day the department has to answer (set on qualifying). */
  answer_due_at: Timestamp | null;
  evaluating_at: Timestamp | null;
  answered_at: Timestamp | null;
  answer: string | null;
  /** The post (title in the department) in whose name the answer was given. */
  answer_post_id: string | null;
  answered_by: string | null;
  withdrawn_at: Timestamp | null;
  /** Stamped once by the overdue sweep when the due date passed without an answer. */
  overdue_at: Timestamp | null;
  /** Hidden by moderation (null: visible). */
  hidden_at: Timestamp | null;
  tsv: ColumnType<string, string, string>;
}

/** A co-author: a person (`user_id`) or a coalition partner organization (`organization_id`). */
export interface ProposalCoauthorsTable {
  proposal_id: string;
  user_id: string | null;
  organization_id: string | null;
  added_at: Timestamp;
}

export interface ProposalSupportsTable {
  proposal_id: string;
  user_id: string;
  process_id: string;
  /** The clerk who entered the support for a resident who came in person. */
  assisted_by: string | null;
  created_at: Timestamp;
}

export interface ProposalEvaluatorsTable {
  proposal_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

/** Private notes of the department's officials while they evaluate a proposal. */
export interface ProposalNotesTable {
  id: Generated<string>;
  proposal_id: string;
  author_id: string | null;
  post_id: string | null;
  body: string;
  created_at: Timestamp;
}

declare module '../../core/db/database.js' {
  interface Tables {
    proposals: ProposalsTable;
    proposal_coauthors: ProposalCoauthorsTable;
    proposal_supports: ProposalSupportsTable;
    proposal_evaluators: ProposalEvaluatorsTable;
    proposal_notes: ProposalNotesTable;
  }
}
