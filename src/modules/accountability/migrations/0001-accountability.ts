import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const accountabilityTables: Migration = {
  name: '0001-accountability',
  async up(db) {
    await sql`
      create table commitments (
        id uuid primary key default gen_random_uuid(),
        kind text not null check (kind in ('commitment', 'innovation_program')),
        title text not null,
        title_zh text,
        description text not null,
        description_zh text,
        legal_basis text not null,
        legal_basis_zh text,
        department_id uuid not null references organizations(id),
        post_id uuid references posts(id) on delete set null,
        area_id uuid references areas(id),
        planned_budget numeric(16, 2) not null check (planned_budget >= 0),
        spent numeric(16, 2) not null default 0 check (spent >= 0),
        currency text not null default 'CNY',
        planned_start date not null,
        planned_end date not null,
        benefit_indicator text not null,
        benefit_indicator_zh text,
        benefit_unit text not null,
        benefit_baseline numeric(16, 2) not null,
        benefit_target numeric(16, 2) not null,
        benefit_current numeric(16, 2),
        status text not null check (status in ('proposed', 'in_consultation', 'adopted', 'in_progress', 'completed', 'cancelled')),
        progress integer not null default 0 check (progress between 0 and 100),
        origin_type text check (origin_type in ('proposal', 'budget_project', 'hearing', 'regulation')),
        origin_id uuid,
        consultation_opens_at timestamptz,
        consultation_ends_at timestamptz,
        decided_at timestamptz,
        decision text,
        decision_zh text,
        consultation_response text,
        decision_post_id uuid references posts(id) on delete set null,
        consultation_summary jsonb,
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        tsv tsvector not null,
        check (planned_end >= planned_start),
        check ((origin_type is null) = (origin_id is null)),
        check (status <> 'cancelled' or cancel_reason is not null),
        check (status <> 'completed' or completed_at is not null),
        check ((consultation_opens_at is null) = (consultation_ends_at is null))
      );
      -- A winning budget project becomes one commitment, once (the automatic import relies on it).
      create unique index commitments_one_per_budget_project on commitments (origin_id) where origin_type = 'budget_project';
      create index commitments_department on commitments (department_id, status);
      create index commitments_area on commitments (area_id);
      create index commitments_origin on commitments (origin_type, origin_id);
      create index commitments_tsv on commitments using gin (tsv);

      create table commitment_milestones (
        id uuid primary key default gen_random_uuid(),
        commitment_id uuid not null references commitments(id) on delete cascade,
        title text not null,
        title_zh text,
        due_on date not null,
        status text not null check (status in ('planned', 'in_progress', 'completed', 'cancelled')),
        completed_at timestamptz,
        position integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check ((status = 'completed') = (completed_at is not null))
      );
      create index commitment_milestones_commitment on commitment_milestones (commitment_id, due_on);

      create table commitment_updates (
        id uuid primary key default gen_random_uuid(),
        commitment_id uuid not null references commitments(id) on delete cascade,
        progress integer not null check (progress between 0 and 100),
        spent numeric(16, 2) not null check (spent >= 0),
        benefit_current numeric(16, 2),
        note text not null,
        note_zh text,
        post_id uuid references posts(id) on delete set null,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null
      );
      create index commitment_updates_commitment on commitment_updates (commitment_id, created_at);

      create table commitment_ratings (
        commitment_id uuid not null references commitments(id) on delete cascade,
        round text not null check (round in ('after_start', 'after_completion')),
        user_id uuid not null references users(id) on delete cascade,
        benefit smallint not null check (benefit between 1 and 5),
        value_for_money smallint not null check (value_for_money between 1 and 5),
        openness smallint not null check (openness between 1 and 5),
        delivered smallint not null check (delivered between 1 and 5),
        comment text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (commitment_id, round, user_id)
      );
      create index commitment_ratings_user on commitment_ratings (user_id);
      create index commitment_ratings_updated on commitment_ratings (updated_at);

      create table commitment_approvals (
        commitment_id uuid not null references commitments(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        approval smallint not null check (approval between 1 and 5),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (commitment_id, user_id)
      );
      create index commitment_approvals_user on commitment_approvals (user_id);
    `.execute(db);
  },
};
