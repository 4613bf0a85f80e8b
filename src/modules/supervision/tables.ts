import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A calendar day (`YYYY-MM-DD`): anonymous reports keep no finer time than this. */
type Day = ColumnType<string, string, string>;
type Bytes = ColumnType<Buffer, Buffer, Buffer>;
type Serial = ColumnType<number, never, never>;

/** What a complaint is about, as the complainant classifies it. */
export type ComplaintCategory = 'bribery' | 'abuse_of_power' | 'negligence' | 'vanity_project' | 'conflict_of_interest' | 'other';
export const complaintCategories: readonly ComplaintCategory[] = ['bribery', 'abuse_of_power', 'negligence', 'vanity_project', 'conflict_of_interest', 'other'];

/**
 * Where a named complaint stands: `received` until a handler opens the preliminary review, then
 * `accepted` for investigation or `dismissed` (with reasons, final), `investigating`, and
 * `concluded` with an outcome and the measures taken. Each open stage has a working-day deadline.
 */
export type ComplaintState = 'received' | 'preliminary_review' | 'accepted' | 'dismissed' | 'investigating' | 'concluded';
export type ComplaintOutcome = 'substantiated' | 'partially_substantiated' | 'not_substantiated';
/** `public_summary`: the complainant's short summary may be listed in public (never the name); `confidential`: nothing but counts. */
export type Confidentiality = 'public_summary' | 'confidential';

export type ReportState = 'received' | 'reviewing' | 'concluded';
export type ReportOutcome = ComplaintOutcome | 'dismissed';

/** Which supervisory body handles complaints about a department, and the higher one it escalates to. */
export interface SupervisionRoutesTable {
  department_id: string;
  body_id: string;
  higher_body_id: string | null;
  updated_at: Timestamp;
}

/** Two departments in a conflict (unordered; stored with `department_a < department_b`). */
export interface SupervisionConflictsTable {
  department_a: string;
  department_b: string;
  reason: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SupervisionComplaintsTable {
  id: Generated<string>;
  /** A short reference people can quote ("case 17"), never reused. */
  number: Serial;
  complainant_id: string;
  /** The accused department. */
  department_id: string;
  /** The accused official post in it, when the complainant named one. */
  post_id: string | null;
  category: ComplaintCategory;
  description: string;
  confidentiality: Confidentiality;
  public_summary: string | null;
  /** The supervisory body handling it now (changes on escalation). */
  body_id: string;
  escalated_from_body_id: string | null;
  escalated_at: Timestamp | null;
  state: ComplaintState;
  stage_started_at: Timestamp;
  stage_working_days: number;
  /** End of the stage's last working day; null once closed. */
  stage_due_at: Timestamp | null;
  /** Stamped by the sweep when the current stage passed its deadline (cleared by the next stage). */
  overdue_at: Timestamp | null;
  outcome: ComplaintOutcome | null;
  /** The reasons for a dismissal, or the findings of the conclusion. */
  decision: string | null;
  measures: string | null;
  decided_post_id: string | null;
  decided_by: string | null;
  /** A handler's question waits for the complainant's answer. */
  awaiting_complainant: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

/** The case file's timeline: stages, information from the complainant, questions, internal notes, overdue and escalation. */
export interface SupervisionComplaintEventsTable {
  id: Generated<string>;
  /** Insertion order: the timeline's order even when two entries share a time. */
  seq: Serial;
  complaint_id: string;
  kind: 'filed' | 'stage' | 'information' | 'question' | 'answer' | 'note' | 'overdue' | 'escalated';
  author_id: string | null;
  post_id: string | null;
  body_id: string | null;
  from_state: string | null;
  to_state: string | null;
  text: string | null;
  due_at: Timestamp | null;
  created_at: Timestamp;
}

/** A handler's X25519 key pair: the private key only sealed by a key derived (argon2id) from their passphrase. */
export interface SupervisionHandlerKeysTable {
  user_id: string;
  public_key: Bytes;
  sealed_private_key: Bytes;
  kdf_salt: Bytes;
  created_at: Timestamp;
}

/**
 * A handler's private key unlocked for one session, sealed with a random secret that only the
 * handler's browser holds (an http-only cookie): a dump of the database alone cannot open it.
 */
export interface SupervisionKeyUnlocksTable {
  session_id: string;
  user_id: string;
  sealed: Bytes;
  expires_at: Timestamp;
}

/**
 * An anonymous report: no account, no address, no time finer than the day. Everything the reporter
 * wrote is in `content` (sealed with the report's own key); the key is wrapped for the handlers
 * (`supervision_report_keys`) and for the reporter (`reporter_key`, under a key derived from the receipt).
 */
export interface SupervisionReportsTable {
  id: Generated<string>;
  seq: Serial;
  body_id: string;
  /** The department concerned, when the reporter named one: needed to keep its people out. */
  department_id: string | null;
  state: Generated<ReportState>;
  outcome: ReportOutcome | null;
  received_on: Day;
  updated_on: Day;
  concluded_on: Day | null;
  due_at: Timestamp;
  overdue: Generated<boolean>;
  awaiting_reporter: Generated<boolean>;
  /** Something new from the reporter that the handlers have not been told about yet (the notice job batches it). */
  unseen_by_handlers: Generated<boolean>;
  /** Derived from the receipt (argon2id then HMAC): finds the report without storing the receipt. */
  lookup_id: Bytes;
  /** Compared in constant time with the value derived from the presented receipt. */
  verifier: Bytes;
  reporter_key: Bytes;
  content: Bytes;
  conclusion: Bytes | null;
}

export interface SupervisionReportKeysTable {
  report_id: string;
  user_id: string;
  wrapped: Bytes;
}

export interface SupervisionReportMessagesTable {
  id: Generated<string>;
  seq: Serial;
  report_id: string;
  author: 'reporter' | 'handler';
  kind: 'message' | 'question';
  handler_id: string | null;
  created_on: Day;
  content: Bytes;
}

export interface SupervisionReportFilesTable {
  id: Generated<string>;
  seq: Serial;
  report_id: string;
  message_id: string | null;
  size: number;
  /** Sealed JSON: file name, content type, kind. */
  meta: Bytes;
  content: Bytes;
  created_on: Day;
}

declare module '../../core/db/database.js' {
  interface Tables {
    supervision_routes: SupervisionRoutesTable;
    supervision_conflicts: SupervisionConflictsTable;
    supervision_complaints: SupervisionComplaintsTable;
    supervision_complaint_events: SupervisionComplaintEventsTable;
    supervision_handler_keys: SupervisionHandlerKeysTable;
    supervision_key_unlocks: SupervisionKeyUnlocksTable;
    supervision_reports: SupervisionReportsTable;
    supervision_report_keys: SupervisionReportKeysTable;
    supervision_report_messages: SupervisionReportMessagesTable;
    supervision_report_files: SupervisionReportFilesTable;
  }
}
