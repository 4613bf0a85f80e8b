import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/** Follows, in-app notifications and each person's e-mail preference. */
export const notifications: Migration = {
  name: '0003-notifications',
  async up(db) {
    await sql`
      alter table users add column email_notifications text not null default 'immediate'
        check (email_notifications in ('immediate', 'daily', 'off'));
      create table follows (
        user_id uuid not null references users(id) on delete cascade,
        resource_type text not null,
        resource_id text not null,
        created_at timestamptz not null default now(),
        primary key (user_id, resource_type, resource_id)
      );
      create index follows_resource on follows (resource_type, resource_id);
      create table notifications (
        id bigint generated always as identity primary key,
        user_id uuid not null references users(id) on delete cascade,
        kind text not null,
        resource_type text not null,
        resource_id text not null,
        title text not null,
        path text not null,
        data jsonb not null default '{}'::jsonb,
        created_at timestamptz not null,
        read_at timestamptz,
        emailed_at timestamptz
      );
      create index notifications_user on notifications (user_id, id desc);
      create index notifications_unread on notifications (user_id) where read_at is null;
    `.execute(db);
  },
};
