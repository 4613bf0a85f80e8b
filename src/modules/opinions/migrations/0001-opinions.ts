import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const opinionsTables: Migration = {
  name: '0001-opinions',
  async up(db) {
    await sql`
      create table opinion_conversations (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        topic text not null,
        topic_zh text,
        description text not null default '',
        description_zh text,
        residents_write boolean not null default true,
        moderation text not null default 'post' check (moderation in ('pre', 'post')),
        participation text not null default 'verified' check (participation in ('verified', 'registered')),
        imported_from text,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        next_pid integer not null default 0 check (next_pid >= 0),
        next_tid integer not null default 0 check (next_tid >= 0),
        math_dirty_since timestamptz,
        math_pending_since timestamptz,
        math_tick integer not null default 0,
        math_state text,
        math_result jsonb,
        math_priorities jsonb,
        math_computed_at timestamptz,
        math_millis integer
      );
      create index opinion_conversations_process on opinion_conversations (process_id, created_at);
      create index opinion_conversations_math_due on opinion_conversations (id)
        where math_dirty_since is not null or math_pending_since is not null;
      create table opinion_participants (
        conversation_id uuid not null references opinion_conversations(id) on delete cascade,
        pid integer not null check (pid >= 0),
        user_id uuid references users(id) on delete set null,
        created_at timestamptz not null,
        primary key (conversation_id, pid),
        unique (conversation_id, user_id)
      );
      create table opinion_statements (
        id uuid primary key default gen_random_uuid(),
        conversation_id uuid not null references opinion_conversations(id) on delete cascade,
        tid integer not null check (tid >= 0),
        body text not null,
        body_zh text,
        body_key text,
        author_pid integer,
        author_user_id uuid references users(id) on delete set null,
        is_seed boolean not null default false,
        is_meta boolean not null default false,
        status text not null check (status in ('pending', 'accepted', 'rejected')),
        moderated_by uuid references users(id) on delete set null,
        moderated_at timestamptz,
        created_at timestamptz not null,
        unique (conversation_id, tid),
        foreign key (conversation_id, author_pid) references opinion_participants (conversation_id, pid)
      );
      create unique index opinion_statements_key on opinion_statements (conversation_id, body_key) where body_key is not null;
      create index opinion_statements_status on opinion_statements (conversation_id, status, tid);
      create table opinion_votes (
        conversation_id uuid not null references opinion_conversations(id) on delete cascade,
        pid integer not null,
        tid integer not null,
        vote smallint not null check (vote in (-1, 0, 1)),
        voted_at timestamptz not null,
        primary key (conversation_id, pid, tid),
        foreign key (conversation_id, pid) references opinion_participants (conversation_id, pid) on delete cascade,
        foreign key (conversation_id, tid) references opinion_statements (conversation_id, tid) on delete cascade
      );
    `.execute(db);
  },
};
