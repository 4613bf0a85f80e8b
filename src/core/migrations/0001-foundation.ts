import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/** Identity, areas, organizations, posts, census and the audit log. */
export const foundation: Migration = {
  name: '0001-foundation',
  async up(db) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`
      create table settings (
        key text primary key,
        value jsonb not null
      );
      create table areas (
        id uuid primary key default gen_random_uuid(),
        parent_id uuid references areas(id),
        kind text not null check (kind in ('city', 'district', 'neighbourhood')),
        slug text not null unique,
        name text not null,
        name_zh text,
        created_at timestamptz not null default now()
      );
      create index areas_parent on areas(parent_id);
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        display_name text not null,
        password_hash text not null,
        locale text not null default 'en',
        created_at timestamptz not null default now(),
        verified_at timestamptz,
        area_id uuid references areas(id),
        failed_logins integer not null default 0,
        locked_until timestamptz,
        blocked_at timestamptz,
        blocked_reason text,
        password_changed_at timestamptz not null default now()
      );
      create unique index users_email on users (lower(email));
      create table user_roles (
        user_id uuid not null references users(id) on delete cascade,
        role text not null check (role in ('administrator', 'moderator', 'clerk')),
        granted_at timestamptz not null default now(),
        granted_by uuid references users(id),
        primary key (user_id, role)
      );
      create table sessions (
        id text primary key,
        user_id uuid not null references users(id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        acting_for_user_id uuid references users(id) on delete set null
      );
      create index sessions_user on sessions(user_id);
      create table census_batches (
        id bigint generated always as identity primary key,
        imported_by uuid references users(id),
        imported_at timestamptz not null default now(),
        file_name text not null,
        rows_total integer not null,
        rows_inserted integer not null,
        rows_updated integer not null
      );
      create table census_entries (
        id bigint generated always as identity primary key,
        document_hash text not null unique,
        birth_date date not null,
        area_id uuid not null references areas(id),
        batch_id bigint references census_batches(id),
        verified_user_id uuid unique references users(id) on delete set null,
        verified_at timestamptz
      );
      create table organizations (
        id uuid primary key default gen_random_uuid(),
        sector text not null check (sector in ('government', 'market', 'society')),
        kind text not null,
        parent_id uuid references organizations(id),
        slug text not null unique,
        name text not null,
        name_zh text,
        description text not null default '',
        area_id uuid references areas(id),
        website text,
        email text,
        status text not null check (status in ('pending', 'verified', 'rejected')),
        status_reason text,
        is_supervisory boolean not null default false,
        registered_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        decided_at timestamptz,
        decided_by uuid references users(id) on delete set null
      );
      create index organizations_sector on organizations(sector, status);
      create index organizations_name_trgm on organizations using gin ((name || ' ' || coalesce(name_zh, '')) gin_trgm_ops);
      create table organization_members (
        organization_id uuid not null references organizations(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        role text not null check (role in ('representative', 'member')),
        created_at timestamptz not null default now(),
        primary key (organization_id, user_id)
      );
      create index organization_members_user on organization_members(user_id);
      create table posts (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations(id),
        title text not null,
        title_zh text,
        holder_user_id uuid references users(id) on delete set null,
        created_at timestamptz not null default now()
      );
      create index posts_holder on posts(holder_user_id);
      create index posts_organization on posts(organization_id);
      create table audit_log (
        seq bigint primary key,
        at timestamptz not null,
        actor_id uuid,
        assisted_by uuid,
        post_id uuid,
        organization_id uuid,
        actor_role text not null,
        action text not null,
        resource_type text not null,
        resource_id text,
        data jsonb not null,
        public boolean not null,
        prev_hash text not null,
        hash text not null
      );
      create index audit_log_public on audit_log(public, seq);
      create index audit_log_resource on audit_log(resource_type, resource_id);
      create function audit_log_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_log is append-only';
        end
      $$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_append_only();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();
    `.execute(db);
    // The census salt keys the document-number hashes; 244 random bits from two v4 UUIDs.
    await sql`insert into settings (key, value)
      values ('census_salt', to_jsonb(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')))`.execute(db);
  },
};
