import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

/**
 * Named complaints (plain text, readable by the handlers of the supervisory body and the
 * complainant only), anonymous reports (only ciphertext, coarse dates, no account), the handlers'
 * key pairs (private keys wrapped by a passphrase), and the administrator's routing: which
 * supervisory body handles which department, the higher body for escalation, and conflicts.
 */
export const supervisionTables: Migration = {
  name: '0001-supervision',
  async up(db) {
    await sql`
      create table supervision_routes (
        department_id uuid primary key references organizations(id) on delete cascade,
        body_id uuid not null references organizations(id) on delete cascade,
        higher_body_id uuid references organizations(id) on delete set null,
        updated_at timestamptz not null,
        check (higher_body_id is null or higher_body_id <> body_id)
      );

      create table supervision_conflicts (
        department_a uuid not null references organizations(id) on delete cascade,
        department_b uuid not null references organizations(id) on delete cascade,
        reason text not null,
        created_at timestamptz not null,
        created_by uuid references users(id) on delete set null,
        primary key (department_a, department_b),
        check (department_a < department_b)
      );
      create index supervision_conflicts_b on supervision_conflicts (department_b);

      create table supervision_complaints (
        id uuid primary key default gen_random_uuid(),
        number bigserial unique,
        complainant_id uuid not null references users(id),
        department_id uuid not null references organizations(id),
        post_id uuid references posts(id) on delete set null,
        category text not null check (category in ('bribery', 'abuse_of_power', 'negligence', 'vanity_project', 'conflict_of_interest', 'other')),
        description text not null,
        confidentiality text not null check (confidentiality in ('public_summary', 'confidential')),
        public_summary text,
        body_id uuid not null references organizations(id),
        escalated_from_body_id uuid references organizations(id),
        escalated_at timestamptz,
        state text not null default 'received'
          check (state in ('received', 'preliminary_review', 'accepted', 'dismissed', 'investigating', 'concluded')),
        stage_started_at timestamptz not null,
        stage_working_days integer not null check (stage_working_days between 1 and 365),
        stage_due_at timestamptz,
        overdue_at timestamptz,
        outcome text check (outcome in ('substantiated', 'partially_substantiated', 'not_substantiated')),
        decision text,
        measures text,
        decided_post_id uuid references posts(id) on delete set null,
        decided_by uuid references users(id) on delete set null,
        awaiting_complainant boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        closed_at timestamptz,
        check (confidentiality = 'confidential' or public_summary is not null),
        check (state <> 'concluded' or (outcome is not null and closed_at is not null)),
        check (state <> 'dismissed' or (decision is not null and closed_at is not null))
      );
      create index supervision_complaints_body on supervision_complaints (body_id, state);
      create index supervision_complaints_department on supervision_complaints (department_id, state);
      create index supervision_complaints_complainant on supervision_complaints (complainant_id);
      create index supervision_complaints_due on supervision_complaints (stage_due_at) where state not in ('dismissed', 'concluded');

      create table supervision_complaint_events (
        id uuid primary key default gen_random_uuid(),
        seq bigserial unique,
        complaint_id uuid not null references supervision_complaints(id) on delete cascade,
        kind text not null check (kind in ('filed', 'stage', 'information', 'question', 'answer', 'note', 'overdue', 'escalated')),
        author_id uuid references users(id) on delete set null,
        post_id uuid references posts(id) on delete set null,
        body_id uuid references organizations(id) on delete set null,
        from_state text,
        to_state text,
        text text,
        due_at timestamptz,
        created_at timestamptz not null
      );
      create index supervision_complaint_events_complaint on supervision_complaint_events (complaint_id, seq);

      create table supervision_handler_keys (
        user_id uuid primary key references users(id) on delete cascade,
        public_key bytea not null,
        sealed_private_key bytea not null,
        kdf_salt bytea not null,
        created_at timestamptz not null
      );

      create table supervision_key_unlocks (
        session_id text primary key references sessions(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        sealed bytea not null,
        expires_at timestamptz not null
      );

      create table supervision_reports (
        id uuid primary key default gen_random_uuid(),
        seq bigserial unique,
        body_id uuid not null references organizations(id),
        department_id uuid references organizations(id) on delete set null,
        state text not null default 'received' check (state in ('received', 'reviewing', 'concluded')),
        outcome text check (outcome in ('substantiated', 'partially_substantiated', 'not_substantiated', 'dismissed')),
        received_on date not null,
        updated_on date not null,
        concluded_on date,
        due_at timestamptz not null,
        overdue boolean not null default false,
        awaiting_reporter boolean not null default false,
        unseen_by_handlers boolean not null default true,
        lookup_id bytea not null unique,
        verifier bytea not null,
        reporter_key bytea not null,
        content bytea not null,
        conclusion bytea,
        check (state <> 'concluded' or (outcome is not null and concluded_on is not null))
      );
      create index supervision_reports_body on supervision_reports (body_id, state);
      create index supervision_reports_concluded on supervision_reports (concluded_on) where state = 'concluded';

      create table supervision_report_keys (
        report_id uuid not null references supervision_reports(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        wrapped bytea not null,
        primary key (report_id, user_id)
      );
      create index supervision_report_keys_user on supervision_report_keys (user_id);

      create table supervision_report_messages (
        id uuid primary key default gen_random_uuid(),
        seq bigserial unique,
        report_id uuid not null references supervision_reports(id) on delete cascade,
        author text not null check (author in ('reporter', 'handler')),
        kind text not null check (kind in ('message', 'question')),
        handler_id uuid references users(id) on delete set null,
        created_on date not null,
        content bytea not null
      );
      create index supervision_report_messages_report on supervision_report_messages (report_id, seq);

      create table supervision_report_files (
        id uuid primary key default gen_random_uuid(),
        seq bigserial unique,
        report_id uuid not null references supervision_reports(id) on delete cascade,
        message_id uuid references supervision_report_messages(id) on delete cascade,
        size integer not null check (size > 0),
        meta bytea not null,
        content bytea not null,
        created_on date not null
      );
      create index supervision_report_files_report on supervision_report_files (report_id, seq);
    `.execute(db);
  },
};
