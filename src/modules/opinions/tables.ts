import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Pre-moderation: new statements are hidden until accepted. Post-moderation: shown until rejected. */
export type ModerationMode = 'pre' | 'post';
/** Who may vote and write: verified residents only, or any registered person. */
export type Participation = 'verified' | 'registered';
export type StatementStatus = 'pending' | 'accepted' | 'rejected';

/**
 * A conversation (an opinion map) inside a process. Besides its settings it holds the bookkeeping of
 * its math: the counters that hand out per-conversation participant and statement numbers, the
 * dirty marks the vote transactions set, and the last computed math (state, result, priorities).
 */
export interface OpinionConversationsTable {
  id: Generated<string>;
  process_id: string;
  topic: string;
  topic_zh: string | null;
  description: Generated<string>;
  description_zh: string | null;
  residents_write: Generated<boolean>;
  moderation: Generated<ModerationMode>;
  participation: Generated<Participation>;
  /** For a conversation imported from Polis openData files: what was imported. */
  imported_from: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The next participant number (`pid`) and statement number (`tid`) to hand out. */
  next_pid: Generated<number>;
  next_tid: Generated<number>;
  /** Set (when empty) by every change the math has not seen: votes, statements, moderation. */
  math_dirty_since: Timestamp | null;
  /** Moved here from `math_dirty_since` when a computation claims the change; cleared when its result is saved. */
  math_pending_since: Timestamp | null;
  math_tick: Generated<number>;
  /** The serialized math state (`serializeMathState`), so a restart continues warm. */
  math_state: string | null;
  /** The last `MathResult`, keyed by pid and tid as strings. */
  math_result: Json<unknown> | null;
  /** tid → comment priority from the last result: what the next-statement choice reads. */
  math_priorities: Json<Record<string, number>> | null;
  math_computed_at: Timestamp | null;
  /** How long the last computation took (ms). */
  math_millis: number | null;
}

/**
 * Who takes part, under a per-conversation number: the `pid` appears in the math, the results and
 * the exports; the account behind it never leaves this table. Imported participants have no account.
 */
export interface OpinionParticipantsTable {
  conversation_id: string;
  pid: number;
  user_id: string | null;
  created_at: Timestamp;
}

export interface OpinionStatementsTable {
  id: Generated<string>;
  conversation_id: string;
  /** The statement's number in its conversation (Polis `tid`, `comment-id` in openData). */
  tid: number;
  body: string;
  body_zh: string | null;
  /** The normalized text that duplicates are found by; null for imported duplicates. */
  body_key: string | null;
  /** The author's participant number; null for seed statements (written by staff in public). */
  author_pid: number | null;
  author_user_id: string | null;
  is_seed: Generated<boolean>;
  is_meta: Generated<boolean>;
  status: StatementStatus;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  created_at: Timestamp;
}

/** The latest vote of each participant on each statement (agree = 1, disagree = -1, pass = 0). */
export interface OpinionVotesTable {
  conversation_id: string;
  pid: number;
  tid: number;
  vote: number;
  voted_at: Timestamp;
}

declare module '../../core/db/database.js' {
  interface Tables {
    opinion_conversations: OpinionConversationsTable;
    opinion_participants: OpinionParticipantsTable;
    opinion_statements: OpinionStatementsTable;
    opinion_votes: OpinionVotesTable;
  }
}
