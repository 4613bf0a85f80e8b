import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const reportsTables: Migration = {
  name: '0001-reports',
  async up(db) {
    await sql`
      create table problem_categories (
        id uuid primary key default gen_random_uuid(),
        code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
        name text not null,
        name_zh text,
        description text not null default '',
        description_zh text,
        group_name text not null default '',
        group_name_zh text,
        keywords text not null default '',
        department_id uuid not null references organizations(id),
        working_days integer not null check (working_days between 1 and 365),
        active boolean not null default true,
        position integer not null default 0,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create table problem_category_routes (
        category_id uuid not null references problem_categories(id) on delete cascade,
        area_id uuid not null references areas(id) on delete cascade,
        department_id uuid not null references organizations(id),
        primary key (category_id, area_id)
      );
      create table open311_api_keys (
        id uuid primary key default gen_random_uuid(),
        label text not null,
        organization_id uuid references organizations(id) on delete set null,
        key_hash text not null unique,
        key_prefix text not null,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        revoked_at timestamptz,
        last_used_at timestamptz
      );
      create table problem_reports (
        id uuid primary key default gen_random_uuid(),
        category_id uuid not null references problem_categories(id),
        department_id uuid not null references organizations(id),
        area_id uuid references areas(id) on delete set null,
        description text not null,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        address text,
        author_id uuid references users(id) on delete set null,
        show_name boolean not null default false,
        source text not null check (source in ('web', 'open311')),
        api_key_id uuid references open311_api_keys(id) on delete set null,
        media_url text,
        state text not null check (state in ('submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed', 'reopened')),
        status_notes text,
        assigned_at timestamptz not null,
        due_at timestamptz not null,
        overdue_at timestamptz,
        acknowledged_at timestamptz,
        fixed_at timestamptz,
        fixed_late boolean,
        confirmed_at timestamptz,
        reopened_at timestamptz,
        reopen_count integer not null default 0,
        transfer_count integer not null default 0,
        hidden_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        tsv tsvector not null,
        check ((latitude is null) = (longitude is null)),
        check (latitude is not null or address is not null),
        check (state not in ('fixed', 'confirmed') or fixed_at is not null)
      );
      create index problem_reports_department on problem_reports (department_id, state);
      create index problem_reports_created on problem_reports (created_at desc);
      create index problem_reports_author on problem_reports (author_id) where author_id is not null;
      create index problem_reports_category on problem_reports (category_id);
      create index problem_reports_area on problem_reports (area_id) where area_id is not null;
      create index problem_reports_tsv on problem_reports using gin (tsv);
      create index problem_reports_open_due on problem_reports (due_at) where state in ('submitted', 'acknowledged', 'in_progress', 'reopened');
      create table problem_report_contacts (
        report_id uuid primary key references problem_reports(id) on delete cascade,
        email text,
        first_name text,
        last_name text,
        phone text,
        device_id text,
        account_id text
      );
    `.execute(db);
  },
};
