import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/**
 * Comments on any resource (threaded, with stance and votes), reports of content, and the
 * moderation state of each reported or moderated resource. Defaults of the two settings
 * (`moderation_threshold`, `comment_edit_minutes`) live in `settings`.
 */
export const commentsModeration: Migration = {
  name: '0004-comments-moderation',
  async up(db) {
    await sql`
      create table comments (
        id uuid primary key default gen_random_uuid(),
        -- Insertion order: breaks ties between comments written in the same instant.
        seq bigint generated always as identity,
        resource_type text not null,
        resource_id text not null,
        resource_title text not null,
        resource_path text not null,
        anchor text,
        parent_id uuid references comments(id),
        depth smallint not null check (depth between 0 and 3),
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        post_id uuid references posts(id),
        stance text check (stance in ('in_favour', 'against', 'neutral')),
        body text not null,
        created_at timestamptz not null,
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        upvotes integer not null default 0 check (upvotes >= 0),
        downvotes integer not null default 0 check (downvotes >= 0),
        check (organization_id is null or post_id is null),
        check ((parent_id is null) = (depth = 0))
      );
      create index comments_resource on comments (resource_type, resource_id, anchor);
      create index comments_parent on comments (parent_id);
      create index comments_author on comments (author_id);
      create table comment_votes (
        comment_id uuid not null references comments(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        value smallint not null check (value in (-1, 1)),
        created_at timestamptz not null,
        primary key (comment_id, user_id)
      );
      create table reports (
        id bigint generated always as identity primary key,
        resource_type text not null,
        resource_id text not null,
        reporter_id uuid not null references users(id) on delete cascade,
        reason text not null check (reason in ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
        details text,
        created_at timestamptz not null,
        resolved_at timestamptz,
        resolution text check (resolution in ('hide', 'restore')),
        unique (resource_type, resource_id, reporter_id)
      );
      create index reports_open on reports (resource_type, resource_id) where resolved_at is null;
      create table moderation_items (
        resource_type text not null,
        resource_id text not null,
        state text not null default 'visible' check (state in ('visible', 'hidden')),
        open_reports integer not null default 0 check (open_reports >= 0),
        total_reports integer not null default 0 check (total_reports >= 0),
        first_reported_at timestamptz,
        last_reported_at timestamptz,
        hidden_at timestamptz,
        hidden_automatically boolean not null default false,
        decision text check (decision in ('hide', 'restore')),
        decision_reason text,
        decided_at timestamptz,
        decided_by uuid references users(id),
        primary key (resource_type, resource_id)
      );
      create index moderation_items_pending on moderation_items (last_reported_at desc) where open_reports > 0;
    `.execute(db);
    await sql`insert into settings (key, value) values ('moderation_threshold', '3'::jsonb), ('comment_edit_minutes', '15'::jsonb)
      on conflict (key) do nothing`.execute(db);
  },
};
