import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/** The working-day calendar (holidays and make-up days) and the outbox of side effects run after commit. */
export const calendarOutbox: Migration = {
  name: '0002-calendar-outbox',
  async up(db) {
    await sql`
      create table calendar_days (
        date date primary key,
        kind text not null check (kind in ('holiday', 'working_day')),
        name text not null,
        name_zh text
      );
      create table outbox (
        id bigint generated always as identity primary key,
        topic text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        available_at timestamptz not null default now(),
        attempts integer not null default 0,
        last_error text,
        done_at timestamptz
      );
      create index outbox_pending on outbox (topic, available_at) where done_at is null;
    `.execute(db);
    await sql`insert into settings (key, value) values ('calendar', '{"timeZone": "UTC"}'::jsonb) on conflict (key) do nothing`.execute(db);
  },
};
