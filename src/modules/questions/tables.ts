import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * Where a question stands. It is public from the start (`published`); the department may pass it
 * to another one (`transferred`), answer it (`answered`) or decline it on a legal ground
 * (`declined`); the sweep marks an unanswered question past its due date `overdue`.
 */
export type QuestionState = 'published' | 'transferred' | 'overdue' | 'answered' | 'declined';

/** A legal ground on which a department may decline to answer, as configured per department. */
export interface DeclineGround {
  code: string;
  label: string;
  label_zh: string | null;
  legal_reference: string;
}

export interface QuestionsTable {
  id: Generated<string>;
  /** The question this one follows up (an asker's one follow-up after the answer). */
  parent_id: string | null;
  /** The department that must answer now (changes on transfer). */
  department_id: string;
  /** The official post the asker named in that department (cleared on transfer). */
  post_id: string | null;
  author_id: string;
  /** The organization on whose behalf a representative asked. */
  organization_id: string | null;
  title: string;
  body: string;
  area_id: string | null;
  category: string | null;
  state: QuestionState;
  /** Kept in the same transaction as every co-signature and its withdrawal. */
  cosigns_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Working days the department has, from `clock_started_at` (the setting in force then). */
  working_days: number;
  /** When the answer clock started: the asking, or a transfer to a department whose setting restarts it. */
  clock_started_at: Timestamp;
  /** The end of the last working day to answer. */
  answer_due_at: Timestamp;
  /** Stamped by the overdue sweep when it found the question past due. */
  overdue_at: Timestamp | null;
  /** When the department answered or declined. */
  answered_at: Timestamp | null;
  /** The answer, or the explanation of a decline. */
  answer: string | null;
  /** The post (title in the department) that signed the answer or decline. */
  answer_post_id: string | null;
  answered_by: string | null;
  /** The ground of a decline, as configured when it was declined. */
  decline_ground: Json<DeclineGround> | null;
  rated_at: Timestamp | null;
  rating_resolved: boolean | null;
  rating_comment: string | null;
  /** Hidden by moderation (null: visible). */
  hidden_at: Timestamp | null;
  tsv: ColumnType<string, string, string>;
}

export interface QuestionCosignsTable {
  question_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** Each transfer, with its reason and the post that made it. */
export interface QuestionTransfersTable {
  id: Generated<string>;
  question_id: string;
  from_department_id: string;
  to_department_id: string;
  reason: string;
  post_id: string | null;
  transferred_by: string | null;
  transferred_at: Timestamp;
  /** Whether the receiving department's setting restarted the answer clock. */
  restarted: boolean;
  answer_due_at: Timestamp;
}

/** A department's rules for questions: its deadline, the legal basis, and the grounds to decline. */
export interface QuestionDepartmentSettingsTable {
  department_id: string;
  answer_working_days: number;
  legal_basis: string;
  legal_basis_zh: string | null;
  transfer_restarts_clock: boolean;
  decline_grounds: Json<DeclineGround[]>;
  updated_at: Timestamp;
  updated_by: string | null;
}

declare module '../../core/db/database.js' {
  interface Tables {
    questions: QuestionsTable;
    question_cosigns: QuestionCosignsTable;
    question_transfers: QuestionTransfersTable;
    question_department_settings: QuestionDepartmentSettingsTable;
  }
}
