import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ReportReason = 'spam' | 'offensive' | 'off_topic' | 'personal_data' | 'other';
export const reportReasons: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'];
export type ModerationDecision = 'hide' | 'restore';

export interface ReportsTable {
  id: Generated<number>;
  resource_type: string;
  resource_id: string;
  reporter_id: string;
  reason: ReportReason;
  details: string | null;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolution: ModerationDecision | null;
}

/** The moderation state of one resource that was reported or decided on. */
export interface ModerationItemsTable {
  resource_type: string;
  resource_id: string;
  state: Generated<'visible' | 'hidden'>;
  /** Reports not yet resolved by a decision: the item waits for review while this is above 0. */
  open_reports: Generated<number>;
  total_reports: Generated<number>;
  first_reported_at: Timestamp | null;
  last_reported_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_automatically: Generated<boolean>;
  decision: ModerationDecision | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

declare module '../db/database.js' {
  interface Tables {
    reports: ReportsTable;
    moderation_items: ModerationItemsTable;
  }
}
