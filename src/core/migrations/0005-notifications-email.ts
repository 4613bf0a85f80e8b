import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/**
 * E-mail delivery of notifications: one row per person and day a daily digest went out (so the
 * digest job can run every few minutes and still send one a day), and indexes for the digest's
 * "not yet e-mailed" lookup and for listing one's notifications by time.
 */
export const notificationsEmail: Migration = {
  name: '0005-notifications-email',
  async up(db) {
    await sql`
      create table notification_digests (
        user_id uuid not null references users(id) on delete cascade,
        day date not null,
        sent_at timestamptz not null,
        notifications integer not null,
        primary key (user_id, day)
      );
      create index notifications_not_emailed on notifications (user_id, created_at) where emailed_at is null;
      create index follows_user on follows (user_id, created_at desc);
      create index notifications_user_time on notifications (user_id, created_at desc, id desc);
    `.execute(db);
  },
};
