import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const questionsTables: Migration = {
  name: '0001-questions',
  async up(db) {
    await sql`
      create table questions (
        id uuid primary key default gen_random_uuid(),
        parent_id uuid references questions(id) on delete cascade,
        department_id uuid not null references organizations(id),
        post_id uuid references posts(id) on delete set null,
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        title text not null,
        body text not null,
        area_id uuid references areas(id),
        category text,
        state text not null default 'published'
          check (state in ('published', 'transferred', 'overdue', 'answered', 'declined')),
        cosigns_count integer not null default 0 check (cosigns_count >= 0),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        working_days integer not null check (working_days between 1 and 365),
        clock_started_at timestamptz not null,
        answer_due_at timestamptz not null,
        overdue_at timestamptz,
        answered_at timestamptz,
        answer text,
        answer_post_id uuid references posts(id) on delete set null,
        answered_by uuid references users(id) on delete set null,
        decline_ground jsonb,
        rated_at timestamptz,
        rating_resolved boolean,
        rating_comment text,
        hidden_at timestamptz,
        tsv tsvector not null,
        check (state not in ('answered', 'declined') or answered_at is not null),
        check (state <> 'declined' or decline_ground is not null),
        check ((rated_at is null) = (rating_resolved is null))
      );
      create unique index questions_one_follow_up on questions (parent_id) where parent_id is not null;
      create index questions_department on questions (department_id, state);
      create index questions_author on questions (author_id);
      create index questions_organization on questions (organization_id) where organization_id is not null;
      create index questions_created on questions (created_at desc);
      create index questions_tsv on questions using gin (tsv);
      create index questions_pending on questions (answer_due_at) where state in ('published', 'transferred', 'overdue');
      create index questions_answers on questions (department_id, answered_at desc) where answered_at is not null;

      create table question_cosigns (
        question_id uuid not null references questions(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null,
        primary key (question_id, user_id)
      );
      create index question_cosigns_user on question_cosigns (user_id);

      create table question_transfers (
        id uuid primary key default gen_random_uuid(),
        question_id uuid not null references questions(id) on delete cascade,
        from_department_id uuid not null references organizations(id),
        to_department_id uuid not null references organizations(id),
        reason text not null,
        post_id uuid references posts(id) on delete set null,
        transferred_by uuid references users(id) on delete set null,
        transferred_at timestamptz not null,
        restarted boolean not null,
        answer_due_at timestamptz not null,
        check (from_department_id <> to_department_id)
      );
      create index question_transfers_question on question_transfers (question_id, transferred_at);
      create index question_transfers_from on question_transfers (from_department_id);

      create table question_department_settings (
        department_id uuid primary key references organizations(id) on delete cascade,
        answer_working_days integer not null check (answer_working_days between 1 and 365),
        legal_basis text not null,
        legal_basis_zh text,
        transfer_restarts_clock boolean not null,
        decline_grounds jsonb not null default '[]'::jsonb check (jsonb_typeof(decline_grounds) = 'array'),
        updated_at timestamptz not null,
        updated_by uuid references users(id) on delete set null
      );
    `.execute(db);
  },
};
