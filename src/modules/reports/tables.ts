import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * Where a report of a local problem stands. Open: `submitted` (routed to a department, the deadline
 * runs), `acknowledged`, `in_progress`, `reopened` (the reporter says it is not fixed). Closed:
 * `fixed` (the department says so) and `confirmed` (the reporter agrees).
 */
export type ReportState = 'submitted' | 'acknowledged' | 'in_progress' | 'fixed' | 'confirmed' | 'reopened';

/** The routing table: a kind of problem (an Open311 service) and the department that fixes it by default. */
export interface ProblemCategoriesTable {
  id: Generated<string>;
  /** The Open311 `service_code`: stable, letters, digits, `_` and `-`. */
  code: string;
  name: string;
  name_zh: string | null;
  description: string;
  description_zh: string | null;
  /** The Open311 `group`, shown as option groups in the form. */
  group_name: string;
  group_name_zh: string | null;
  keywords: string;
  /** The department that handles it where no area-specific route says otherwise. */
  department_id: string;
  /** Working days the department has to fix a report of this kind. */
  working_days: number;
  active: boolean;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An area-specific override: reports of this category in this area (or below it) go to this department. */
export interface ProblemCategoryRoutesTable {
  category_id: string;
  area_id: string;
  department_id: string;
}

export interface ProblemReportsTable {
  id: Generated<string>;
  category_id: string;
  /** The department responsible now (after any transfers). */
  department_id: string;
  area_id: string | null;
  description: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  /** The resident who reported it on the web (null for reports that came through Open311). */
  author_id: string | null;
  /** Whether the reporter's display name is shown to the public. */
  show_name: boolean;
  source: 'web' | 'open311';
  /** The Open311 key it was posted with. */
  api_key_id: string | null;
  /** A photo link an Open311 client sent. */
  media_url: string | null;
  state: ReportState;
  /** The department's latest public note (Open311 `status_notes`). */
  status_notes: string | null;
  /** When the current department received it: the deadline counts from here (or from a reopening). */
  assigned_at: Timestamp;
  /** The end of the last working day to fix it, for the current round. */
  due_at: Timestamp;
  /** Stamped once per round by the overdue sweep. */
  overdue_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  /** The latest fix. */
  fixed_at: Timestamp | null;
  /** Whether a fix came after its due date (once late, a fix after a reopening stays late). */
  fixed_late: boolean | null;
  confirmed_at: Timestamp | null;
  reopened_at: Timestamp | null;
  reopen_count: Generated<number>;
  transfer_count: Generated<number>;
  hidden_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  tsv: ColumnType<string, string, string>;
}

/** Contact details an Open311 client sent with a report: private, for the responsible department only. */
export interface ProblemReportContactsTable {
  report_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
}

/** Keys for posting reports through Open311; only the SHA-256 of a key is stored. */
export interface Open311ApiKeysTable {
  id: Generated<string>;
  label: string;
  organization_id: string | null;
  key_hash: string;
  /** The first characters of the key, so administrators can tell keys apart. */
  key_prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

declare module '../../core/db/database.js' {
  interface Tables {
    problem_categories: ProblemCategoriesTable;
    problem_category_routes: ProblemCategoryRoutesTable;
    problem_reports: ProblemReportsTable;
    problem_report_contacts: ProblemReportContactsTable;
    open311_api_keys: Open311ApiKeysTable;
  }
}
