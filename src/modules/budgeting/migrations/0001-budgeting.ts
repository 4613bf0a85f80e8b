import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const budgetingTables: Migration = {
  name: '0001-budgeting',
  async up(db) {
    await sql`
      create table budgets (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        area_id uuid references areas(id),
        title text not null,
        title_zh text,
        description text not null default '',
        description_zh text,
        amount numeric(16, 2) not null check (amount > 0),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        ballot_type text not null check (ballot_type in ('approval', 'knapsack', 'cumulative')),
        min_projects integer check (min_projects >= 0),
        max_projects integer check (max_projects >= 1),
        max_share numeric(6, 4) check (max_share > 0 and max_share <= 1),
        points_total integer check (points_total >= 1),
        points_per_project_max integer check (points_per_project_max >= 1),
        rule text not null,
        rule_params jsonb not null default '{}',
        status text not null default 'open' check (status in ('open', 'counted')),
        counted_at timestamptz,
        result jsonb,
        result_hash text,
        receipts_published_at timestamptz,
        imported_from text,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (min_projects is null or max_projects is null or min_projects <= max_projects),
        check (ballot_type <> 'cumulative' or points_total is not null),
        check ((status = 'counted') = (counted_at is not null))
      );
      create index budgets_process on budgets (process_id);
      create index budgets_open on budgets (status) where status = 'open';
      create table budget_projects (
        id uuid primary key default gen_random_uuid(),
        budget_id uuid not null references budgets(id) on delete cascade,
        code text not null,
        title text not null,
        title_zh text,
        description text not null,
        cost numeric(16, 2) not null check (cost >= 0),
        original_cost numeric(16, 2),
        area_id uuid references areas(id),
        category text,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        address text,
        proposer_user_id uuid references users(id) on delete set null,
        proposer_organization_id uuid references organizations(id) on delete set null,
        proposal_id uuid references proposals(id) on delete set null,
        state text not null default 'submitted'
          check (state in ('submitted', 'feasible', 'infeasible', 'withdrawn', 'selected', 'not_selected')),
        review_reason text,
        reviewed_by uuid references users(id) on delete set null,
        reviewed_post_id uuid references posts(id) on delete set null,
        reviewed_at timestamptz,
        implementation_status text not null default 'not_started' check (implementation_status in ('not_started', 'in_progress', 'done')),
        withdrawn_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        tsv tsvector not null,
        unique (budget_id, code),
        check ((latitude is null) = (longitude is null)),
        check (state not in ('feasible', 'infeasible') or review_reason is not null)
      );
      create index budget_projects_budget on budget_projects (budget_id, state);
      create index budget_projects_tsv on budget_projects using gin (tsv);
      create index budget_projects_proposer on budget_projects (proposer_user_id) where proposer_user_id is not null;
      create table budget_participation (
        budget_id uuid not null references budgets(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        channel text not null check (channel in ('online', 'paper')),
        entered_by uuid references users(id) on delete set null,
        voted_on date not null,
        primary key (budget_id, user_id)
      );
      create table budget_ballots (
        id uuid primary key default gen_random_uuid(),
        budget_id uuid not null references budgets(id) on delete cascade,
        voter_key text not null,
        receipt_hash text not null,
        selections jsonb not null,
        unique (budget_id, voter_key),
        unique (budget_id, receipt_hash)
      );
    `.execute(db);
  },
};
