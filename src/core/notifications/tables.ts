import type { ColumnType } from 'kysely';

/** A daily digest that went out: at most one per person and civil day (installation time zone). */
export interface NotificationDigestsTable {
  user_id: string;
  /** The civil date (YYYY-MM-DD) the digest belongs to. */
  day: string;
  sent_at: ColumnType<Date, Date | string, Date | string>;
  notifications: number;
}

declare module '../db/database.js' {
  interface Tables {
    notification_digests: NotificationDigestsTable;
  }
}
