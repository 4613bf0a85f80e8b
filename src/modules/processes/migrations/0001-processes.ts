import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const processesTables: Migration = {
  name: '0001-processes',
  async up(db) {
    await sql`
      create table processes (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique,
        title text not null,
        title_zh text,
        summary text not null default '',
        summary_zh text,
        body text not null default '',
        body_zh text,
        area_id uuid references areas(id),
        department_id uuid not null references organizations(id),
        post_id uuid references posts(id) on delete set null,
        legal_basis text not null,
        legal_basis_zh text,
        legal_reference text,
        components text[] not null default '{}',
        support_threshold integer not null check (support_threshold > 0),
        answer_working_days integer not null check (answer_working_days > 0),
        supports_per_person integer check (supports_per_person > 0),
        edit_window_minutes integer not null default 60 check (edit_window_minutes >= 0),
        status text not null default 'draft' check (status in ('draft', 'published')),
        phase_override_id uuid,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        published_at timestamptz,
        tsv tsvector not null
      );
      create index processes_department on processes (department_id);
      create index processes_area on processes (area_id);
      create index processes_tsv on processes using gin (tsv);
      create table process_phases (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        position integer not null,
        title text not null,
        title_zh text,
        description text not null default '',
        description_zh text,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        actions jsonb not null default '{}'::jsonb,
        check (ends_at > starts_at),
        unique (process_id, position)
      );
      alter table processes add constraint processes_phase_override
        foreign key (phase_override_id) references process_phases(id) on delete set null;
    `.execute(db);
  },
};
