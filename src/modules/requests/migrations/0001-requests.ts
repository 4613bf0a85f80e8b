import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const requestsTables: Migration = {
  name: '0001-requests',
  async up(db) {
    await sql`
      create table information_requests (
        id uuid primary key default gen_random_uuid(),
        department_id uuid not null references organizations(id),
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        pseudonym text,
        title text not null,
        state text not null default 'awaiting_response' check (state in (
          'awaiting_response', 'awaiting_clarification', 'partially_successful', 'successful', 'not_held', 'refused', 'withdrawn', 'internal_review')),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        working_days integer not null check (working_days between 1 and 365),
        extension_working_days integer not null check (extension_working_days between 0 and 365),
        very_overdue_working_days integer not null check (very_overdue_working_days between 1 and 365),
        clock_started_at timestamptz not null,
        due_at timestamptz,
        very_overdue_due_at timestamptz,
        extended_at timestamptz,
        overdue_at timestamptz,
        very_overdue_at timestamptz,
        responded_at timestamptz,
        decision text check (decision in ('successful', 'partially_successful', 'not_held', 'refused')),
        refusal_ground jsonb,
        classification text check (classification in ('successful', 'partially_successful', 'not_held', 'refused')),
        classified_at timestamptz,
        review_department_id uuid references organizations(id),
        review_from_state text,
        review_requested_at timestamptz,
        review_working_days integer,
        review_due_at timestamptz,
        review_overdue_at timestamptz,
        review_outcome text check (review_outcome in ('upheld', 'partly_upheld', 'overturned')),
        review_decided_at timestamptz,
        review_ground jsonb,
        withdrawn_at timestamptz,
        hidden_at timestamptz,
        publication_id uuid,
        publication_path text,
        tsv tsvector not null,
        check ((state = 'awaiting_clarification') = (due_at is null)),
        check (decision is null or responded_at is not null),
        check (decision not in ('refused') or refusal_ground is not null),
        check (state <> 'internal_review' or (review_department_id is not null and review_due_at is not null)),
        check (pseudonym is null or organization_id is null)
      );
      create index information_requests_department on information_requests (department_id, state);
      create index information_requests_author on information_requests (author_id);
      create index information_requests_organization on information_requests (organization_id) where organization_id is not null;
      create index information_requests_created on information_requests (created_at desc);
      create index information_requests_tsv on information_requests using gin (tsv);
      create index information_requests_pending on information_requests (due_at) where state = 'awaiting_response';
      create index information_requests_review on information_requests (review_department_id, review_due_at) where state = 'internal_review';
      create index information_requests_pseudonym on information_requests (lower(pseudonym)) where pseudonym is not null;

      create table information_request_pauses (
        id uuid primary key default gen_random_uuid(),
        request_id uuid not null references information_requests(id) on delete cascade,
        started_at timestamptz not null,
        ended_at timestamptz,
        check (ended_at is null or ended_at >= started_at)
      );
      create unique index information_request_pauses_running on information_request_pauses (request_id) where ended_at is null;
      create index information_request_pauses_request on information_request_pauses (request_id, started_at);

      create table information_request_messages (
        id uuid primary key default gen_random_uuid(),
        request_id uuid not null references information_requests(id) on delete cascade,
        seq integer not null check (seq >= 1),
        kind text not null check (kind in (
          'request', 'clarification_request', 'clarification', 'extension', 'response', 'withdrawal', 'review_request', 'review_decision')),
        body text not null,
        author_id uuid references users(id) on delete set null,
        post_id uuid references posts(id) on delete set null,
        department_id uuid references organizations(id),
        data jsonb not null default '{}'::jsonb,
        redactions jsonb not null default '[]'::jsonb check (jsonb_typeof(redactions) = 'array'),
        redacted_at timestamptz,
        created_at timestamptz not null,
        unique (request_id, seq)
      );
      create index information_request_messages_department on information_request_messages (department_id, created_at desc) where department_id is not null;

      create table information_request_settings (
        department_id uuid primary key references organizations(id) on delete cascade,
        response_working_days integer not null check (response_working_days between 1 and 365),
        extension_working_days integer not null check (extension_working_days between 0 and 365),
        review_working_days integer not null check (review_working_days between 1 and 365),
        very_overdue_working_days integer check (very_overdue_working_days between 1 and 365),
        supervisor_department_id uuid references organizations(id) on delete set null,
        legal_basis text not null,
        legal_basis_zh text,
        refusal_grounds jsonb not null default '[]'::jsonb check (jsonb_typeof(refusal_grounds) = 'array'),
        updated_at timestamptz not null,
        updated_by uuid references users(id) on delete set null
      );
    `.execute(db);
  },
};
