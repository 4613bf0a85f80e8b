import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const proposalsTables: Migration = {
  name: '0001-proposals',
  async up(db) {
    await sql`
      create table proposals (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        title text not null,
        body text not null,
        area_id uuid references areas(id),
        category text,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        address text,
        state text not null default 'draft'
          check (state in ('draft', 'published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn')),
        supports_count integer not null default 0 check (supports_count >= 0),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        published_at timestamptz,
        qualified_at timestamptz,
        answer_due_at timestamptz,
        evaluating_at timestamptz,
        answered_at timestamptz,
        answer text,
        answer_post_id uuid references posts(id) on delete set null,
        answered_by uuid references users(id) on delete set null,
        withdrawn_at timestamptz,
        overdue_at timestamptz,
        hidden_at timestamptz,
        tsv tsvector not null,
        check ((latitude is null) = (longitude is null)),
        check (state not in ('accepted', 'rejected') or answered_at is not null)
      );
      create index proposals_process on proposals (process_id, state);
      create index proposals_author on proposals (author_id);
      create index proposals_organization on proposals (organization_id) where organization_id is not null;
      create index proposals_tsv on proposals using gin (tsv);
      create index proposals_pending_answer on proposals (answer_due_at) where state in ('qualified', 'evaluating');
      create table proposal_coauthors (
        proposal_id uuid not null references proposals(id) on delete cascade,
        user_id uuid references users(id) on delete cascade,
        organization_id uuid references organizations(id) on delete cascade,
        added_at timestamptz not null,
        check ((user_id is null) <> (organization_id is null))
      );
      create unique index proposal_coauthors_person on proposal_coauthors (proposal_id, user_id) where user_id is not null;
      create unique index proposal_coauthors_organization on proposal_coauthors (proposal_id, organization_id) where organization_id is not null;
      create index proposal_coauthors_user on proposal_coauthors (user_id) where user_id is not null;
      create table proposal_supports (
        proposal_id uuid not null references proposals(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        process_id uuid not null references processes(id) on delete cascade,
        assisted_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        primary key (proposal_id, user_id)
      );
      create index proposal_supports_person on proposal_supports (process_id, user_id);
      create table proposal_evaluators (
        proposal_id uuid not null references proposals(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        assigned_by uuid references users(id) on delete set null,
        assigned_at timestamptz not null,
        primary key (proposal_id, user_id)
      );
      create table proposal_notes (
        id uuid primary key default gen_random_uuid(),
        proposal_id uuid not null references proposals(id) on delete cascade,
        author_id uuid references users(id) on delete set null,
        post_id uuid references posts(id) on delete set null,
        body text not null,
        created_at timestamptz not null
      );
      create index proposal_notes_proposal on proposal_notes (proposal_id, created_at);
    `.execute(db);
  },
};
