import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * Where an information request stands (as in Alaveteli). The department owes an answer while it is
 * `awaiting_response`; `awaiting_clarification` pauses the clock until the requester clarifies; the
 * department's decision is one of `successful`, `partially_successful`, `not_held` or `refused`; the
 * requester may `withdraw` it, or appeal to the supervising department (`internal_review`), whose
 * decision sets the final state. `overdue` and `very_overdue` are derived from the deadline at read
 * time (and stamped by the sweep), never stored as the state.
 */
export type RequestState =
  | 'awaiting_response'
  | 'awaiting_clarification'
  | 'partially_successful'
  | 'successful'
  | 'not_held'
  | 'refused'
  | 'withdrawn'
  | 'internal_review';

/** A decision of the department (or of the supervising department after a review). */
export type RequestDecision = 'successful' | 'partially_successful' | 'not_held' | 'refused';

/** How the supervising department decided an internal review of the department's handling. */
export type ReviewOutcome = 'upheld' | 'partly_upheld' | 'overturned';

/** What one message in the public correspondence is. */
export type MessageKind =
  | 'request'
  | 'clarification_request'
  | 'clarification'
  | 'extension'
  | 'response'
  | 'withdrawal'
  | 'review_request'
  | 'review_decision';

/** A legal ground to refuse information, as configured per department (snapshotted on the decision). */
export interface RefusalGround {
  code: string;
  label: string;
  label_zh: string | null;
  legal_reference: string;
}

/** A redacted span of a message's text: UTF-16 offsets, `start` inclusive, `end` exclusive. */
export interface RedactionSpan {
  start: number;
  end: number;
}

export interface InformationRequestsTable {
  id: Generated<string>;
  department_id: string;
  author_id: string;
  /** The organization on whose behalf a representative asked. */
  organization_id: string | null;
  /** The name the public sees instead of the requester's (null: the requester's display name). */
  pseudonym: string | null;
  title: string;
  state: RequestState;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The response period in working days, as configured when the request arrived. */
  working_days: number;
  /** What the one extension adds (the setting when the request arrived). */
  extension_working_days: number;
  /** Working days past the deadline after which the request is very overdue. */
  very_overdue_working_days: number;
  clock_started_at: Timestamp;
  /** The end of the last working day to respond; null while the clock is paused. */
  due_at: Timestamp | null;
  /** When the request becomes very overdue; null while the clock is paused. */
  very_overdue_due_at: Timestamp | null;
  extended_at: Timestamp | null;
  /** Stamped once by the sweep. */
  overdue_at: Timestamp | null;
  very_overdue_at: Timestamp | null;
  /** When the department gave its decision. */
  responded_at: Timestamp | null;
  /** The department's decision (kept after a review changes the state). */
  decision: RequestDecision | null;
  /** The ground of the department's refusal (whole or in part). */
  refusal_ground: Json<RefusalGround> | null;
  /** The requester's own classification of the outcome. */
  classification: RequestDecision | null;
  classified_at: Timestamp | null;
  review_department_id: string | null;
  /** The state the request was in when the requester asked for a review. */
  review_from_state: RequestState | null;
  review_requested_at: Timestamp | null;
  review_working_days: number | null;
  review_due_at: Timestamp | null;
  review_overdue_at: Timestamp | null;
  review_outcome: ReviewOutcome | null;
  review_decided_at: Timestamp | null;
  /** The ground of the final refusal after the review (null: none, or the department's stands). */
  review_ground: Json<RefusalGround> | null;
  withdrawn_at: Timestamp | null;
  hidden_at: Timestamp | null;
  /** The entry of the publication register made from a reply. */
  publication_id: string | null;
  publication_path: string | null;
  tsv: ColumnType<string, string, string>;
}

export interface InformationRequestPausesTable {
  id: Generated<string>;
  request_id: string;
  started_at: Timestamp;
  /** Null while the clock is still paused. */
  ended_at: Timestamp | null;
}

export interface InformationRequestMessagesTable {
  id: Generated<string>;
  request_id: string;
  /** 1, 2, ... in the order of the correspondence. */
  seq: number;
  kind: MessageKind;
  /** The original text; the public sees it with the redacted spans replaced. */
  body: string;
  author_id: string | null;
  /** The post that signed a department's message. */
  post_id: string | null;
  /** The department that sent it (the request's or the supervising one); null for the requester's. */
  department_id: string | null;
  /** What the message decided: a decision and ground, an extension's new due date, a review outcome. */
  data: Json<Record<string, unknown>>;
  redactions: Json<RedactionSpan[]>;
  redacted_at: Timestamp | null;
  created_at: Timestamp;
}

/** A department's rules for information requests. */
export interface InformationRequestSettingsTable {
  department_id: string;
  response_working_days: number;
  extension_working_days: number;
  review_working_days: number;
  /** Null: as many working days again as the response period. */
  very_overdue_working_days: number | null;
  /** Null: the default supervising department. */
  supervisor_department_id: string | null;
  legal_basis: string;
  legal_basis_zh: string | null;
  refusal_grounds: Json<RefusalGround[]>;
  updated_at: Timestamp;
  updated_by: string | null;
}

declare module '../../core/db/database.js' {
  interface Tables {
    information_requests: InformationRequestsTable;
    information_request_pauses: InformationRequestPausesTable;
    information_request_messages: InformationRequestMessagesTable;
    information_request_settings: InformationRequestSettingsTable;
  }
}
