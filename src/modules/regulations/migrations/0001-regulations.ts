import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const regulationsTables: Migration = {
  name: '0001-regulations',
  async up(db) {
    await sql`
      create table regulations (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        department_id uuid not null references organizations(id),
        status text not null default 'draft' check (status in ('draft', 'published')),
        title text not null,
        title_zh text,
        current_version integer,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        published_at timestamptz,
        check ((status = 'published') = (current_version is not null))
      );
      create index regulations_process on regulations (process_id, created_at desc);
      create table regulation_versions (
        id uuid primary key default gen_random_uuid(),
        regulation_id uuid not null references regulations(id) on delete cascade,
        number integer not null check (number > 0),
        status text not null default 'draft' check (status in ('draft', 'published')),
        title text not null,
        title_zh text,
        introduction text not null default '',
        introduction_zh text,
        change_note text,
        change_note_zh text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        published_at timestamptz,
        published_by uuid references users(id) on delete set null,
        post_id uuid references posts(id),
        unique (regulation_id, number),
        check ((status = 'published') = (published_at is not null))
      );
      create unique index regulation_versions_one_draft on regulation_versions (regulation_id) where status = 'draft';
      create table regulation_clauses (
        id uuid primary key default gen_random_uuid(),
        regulation_id uuid not null references regulations(id) on delete cascade,
        created_at timestamptz not null,
        supports integer not null default 0 check (supports >= 0),
        opposes integer not null default 0 check (opposes >= 0)
      );
      create index regulation_clauses_regulation on regulation_clauses (regulation_id);
      create table regulation_clause_texts (
        version_id uuid not null references regulation_versions(id) on delete cascade,
        clause_id uuid not null references regulation_clauses(id) on delete cascade,
        position integer not null check (position > 0),
        label text not null,
        label_zh text,
        body text not null,
        body_zh text,
        primary key (version_id, clause_id),
        unique (version_id, position)
      );
      create index regulation_clause_texts_clause on regulation_clause_texts (clause_id);
      create table regulation_opinions (
        clause_id uuid not null references regulation_clauses(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        value smallint not null check (value in (-1, 1)),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (clause_id, user_id)
      );
      create table regulation_alternatives (
        id uuid primary key default gen_random_uuid(),
        regulation_id uuid not null references regulations(id) on delete cascade,
        clause_id uuid not null references regulation_clauses(id) on delete cascade,
        version_number integer not null,
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        body text not null,
        reason text not null,
        created_at timestamptz not null,
        hidden_at timestamptz
      );
      create index regulation_alternatives_clause on regulation_alternatives (clause_id, created_at);
      create index regulation_alternatives_regulation on regulation_alternatives (regulation_id);
      create table regulation_reports (
        id uuid primary key default gen_random_uuid(),
        regulation_id uuid not null references regulations(id) on delete cascade,
        version_id uuid not null references regulation_versions(id),
        summary text not null,
        summary_zh text,
        post_id uuid not null references posts(id),
        published_by uuid not null references users(id),
        published_at timestamptz not null,
        unique (regulation_id, version_id)
      );
      create table regulation_report_items (
        report_id uuid not null references regulation_reports(id) on delete cascade,
        clause_id uuid not null references regulation_clauses(id),
        decision text not null check (decision in ('accepted', 'partly_accepted', 'not_accepted')),
        reasoning text not null,
        reasoning_zh text,
        change text,
        change_zh text,
        primary key (report_id, clause_id)
      );
    `.execute(db);
  },
};
