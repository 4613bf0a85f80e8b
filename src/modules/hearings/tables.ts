import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Whether the hearing goes ahead; everything else (registration open, held, reported) follows from dates. */
export type HearingStatus = 'announced' | 'cancelled';
/** How places are stratified when the draw is run. */
export type StratificationMode = 'none' | 'proportional' | 'quotas';
export type RegistrationKind = 'attend' | 'speak';
export type Position = 'for' | 'against' | 'neutral';
/** applied: waiting for the draw; then speaker, attendee or waiting list; or withdrawn. */
export type RegistrationStatus = 'applied' | 'speaker' | 'attendee' | 'waiting' | 'withdrawn';
export type SubmissionKind = 'question' | 'opinion';
export type ReportDecision = 'adopted' | 'partly_adopted' | 'not_adopted' | 'under_study';

export interface AgendaItem {
  title: string;
  titleZh: string | null;
}

export interface HearingsTable {
  id: Generated<string>;
  department_id: string;
  /** The process this hearing is part of (null: a standalone hearing). */
  process_id: string | null;
  area_id: string | null;
  title: string;
  title_zh: string | null;
  description: string;
  description_zh: string | null;
  legal_basis: string;
  legal_basis_zh: string | null;
  legal_reference: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location: string | null;
  location_zh: string | null;
  online_url: string | null;
  agenda: Json<AgendaItem[]>;
  /** Seats for the public who attend (speakers have their places besides). */
  seats: number;
  speaking_slots: number;
  registration_opens_at: Timestamp;
  registration_closes_at: Timestamp;
  stratification: StratificationMode;
  /** Seats per stratum (area slug, or "other") when `stratification` is `quotas`. */
  quotas: Json<Record<string, number> | null>;
  /** What public value the draw's seed will use, announced in advance (e.g. "the lottery numbers of 12 May"). */
  draw_public_source: string | null;
  /** How many written questions go on the agenda, most co-signed first. */
  agenda_questions: number;
  /** Working days after the hearing date for the government's response report. */
  response_working_days: number;
  /** The end of the last working day for the response report (from the hearing date). */
  report_due_at: Timestamp;
  status: Generated<HearingStatus>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  /** Bumped on every change, for calendar programs (iCal SEQUENCE). */
  sequence: Generated<number>;
  drawn_at: Timestamp | null;
  minutes: string | null;
  minutes_zh: string | null;
  minutes_recorded_at: Timestamp | null;
  minutes_post_id: string | null;
  report_summary: string | null;
  report_summary_zh: string | null;
  report_published_at: Timestamp | null;
  report_post_id: string | null;
  /** Stamped once by the overdue sweep when the report's due date passed without it. */
  report_overdue_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The panel that hears the public: posts (titles in government organizations), in order. */
export interface HearingPanelTable {
  hearing_id: string;
  post_id: string;
  position: number;
  /** The chair leads the hearing; the others sit on the panel. */
  role: 'chair' | 'member';
}

export interface HearingRegistrationsTable {
  /** Also the applicant's pseudonymous id in the published draw. */
  id: Generated<string>;
  hearing_id: string;
  user_id: string;
  /** The organization a representative registered for. */
  organization_id: string | null;
  /** Where the applicant lives (or the organization is), the basis of the stratum. */
  area_id: string | null;
  kind: RegistrationKind;
  position: Position;
  statement: string;
  status: RegistrationStatus;
  /** Frozen at the draw: the stratum the applicant was drawn in and their places in the two draw orders. */
  stratum: string | null;
  speaker_rank: number | null;
  seat_rank: number | null;
  assisted_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  withdrawn_at: Timestamp | null;
}

/** The published draw: the inputs anyone needs to re-run it, and its result. */
export interface HearingDrawsTable {
  hearing_id: string;
  /** Whether a lot was needed (more applicants than places). */
  lot: boolean;
  public_value: string | null;
  seed: string | null;
  record: Json<Record<string, unknown>>;
  drawn_by: string | null;
  post_id: string | null;
  drawn_at: Timestamp;
}

/** Written questions and opinions of registered people before the hearing. */
export interface HearingSubmissionsTable {
  id: Generated<string>;
  hearing_id: string;
  registration_id: string;
  author_id: string;
  organization_id: string | null;
  kind: SubmissionKind;
  body: string;
  cosigns_count: Generated<number>;
  created_at: Timestamp;
  hidden_at: Timestamp | null;
}

export interface HearingCosignsTable {
  submission_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** The questions asked at the hearing (written ones from the agenda or from the floor) and the panel's answers. */
export interface HearingAnswersTable {
  id: Generated<string>;
  hearing_id: string;
  position: number;
  submission_id: string | null;
  question: string;
  question_zh: string | null;
  asked_by: string | null;
  answer: string;
  answer_zh: string | null;
}

/** The government's response report, one item per main opinion. */
export interface HearingReportItemsTable {
  id: Generated<string>;
  hearing_id: string;
  position: number;
  submission_id: string | null;
  opinion: string;
  opinion_zh: string | null;
  decision: ReportDecision;
  response: string;
  response_zh: string | null;
  /** A process or proposal URL, or a free reference (a document number). */
  reference: string | null;
}

declare module '../../core/db/database.js' {
  interface Tables {
    hearings: HearingsTable;
    hearing_panel: HearingPanelTable;
    hearing_registrations: HearingRegistrationsTable;
    hearing_draws: HearingDrawsTable;
    hearing_submissions: HearingSubmissionsTable;
    hearing_cosigns: HearingCosignsTable;
    hearing_answers: HearingAnswersTable;
    hearing_report_items: HearingReportItemsTable;
  }
}
