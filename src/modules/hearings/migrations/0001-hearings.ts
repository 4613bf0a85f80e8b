import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const hearingsTables: Migration = {
  name: '0001-hearings',
  async up(db) {
    await sql`
      create table hearings (
        id uuid primary key default gen_random_uuid(),
        department_id uuid not null references organizations(id),
        process_id uuid references processes(id) on delete set null,
        area_id uuid references areas(id),
        title text not null,
        title_zh text,
        description text not null default '',
        description_zh text,
        legal_basis text not null,
        legal_basis_zh text,
        legal_reference text,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        location text,
        location_zh text,
        online_url text,
        agenda jsonb not null default '[]'::jsonb,
        seats integer not null check (seats >= 0),
        speaking_slots integer not null check (speaking_slots >= 0),
        registration_opens_at timestamptz not null,
        registration_closes_at timestamptz not null,
        stratification text not null default 'none' check (stratification in ('none', 'proportional', 'quotas')),
        quotas jsonb,
        draw_public_source text,
        agenda_questions integer not null default 5 check (agenda_questions >= 0),
        response_working_days integer not null default 20 check (response_working_days between 1 and 120),
        report_due_at timestamptz not null,
        status text not null default 'announced' check (status in ('announced', 'cancelled')),
        cancelled_at timestamptz,
        cancel_reason text,
        sequence integer not null default 0,
        drawn_at timestamptz,
        minutes text,
        minutes_zh text,
        minutes_recorded_at timestamptz,
        minutes_post_id uuid references posts(id) on delete set null,
        report_summary text,
        report_summary_zh text,
        report_published_at timestamptz,
        report_post_id uuid references posts(id) on delete set null,
        report_overdue_at timestamptz,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (ends_at > starts_at),
        check (registration_closes_at > registration_opens_at and registration_closes_at <= starts_at),
        check (location is not null or online_url is not null)
      );
      create index hearings_starts on hearings (starts_at);
      create index hearings_department on hearings (department_id, starts_at);
      create index hearings_process on hearings (process_id) where process_id is not null;
      create index hearings_report_pending on hearings (report_due_at) where status = 'announced' and report_published_at is null;

      create table hearing_panel (
        hearing_id uuid not null references hearings(id) on delete cascade,
        post_id uuid not null references posts(id) on delete cascade,
        position integer not null,
        role text not null check (role in ('chair', 'member')),
        primary key (hearing_id, post_id)
      );

      create table hearing_registrations (
        id uuid primary key default gen_random_uuid(),
        hearing_id uuid not null references hearings(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        organization_id uuid references organizations(id) on delete cascade,
        area_id uuid references areas(id) on delete set null,
        kind text not null check (kind in ('attend', 'speak')),
        position text not null check (position in ('for', 'against', 'neutral')),
        statement text not null,
        status text not null default 'applied' check (status in ('applied', 'speaker', 'attendee', 'waiting', 'withdrawn')),
        stratum text,
        speaker_rank integer,
        seat_rank integer,
        assisted_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        withdrawn_at timestamptz,
        unique (hearing_id, user_id)
      );
      create unique index hearing_registrations_organization on hearing_registrations (hearing_id, organization_id)
        where organization_id is not null and status <> 'withdrawn';
      create index hearing_registrations_user on hearing_registrations (user_id);

      create table hearing_draws (
        hearing_id uuid primary key references hearings(id) on delete cascade,
        lot boolean not null,
        public_value text,
        seed text,
        record jsonb not null,
        drawn_by uuid references users(id) on delete set null,
        post_id uuid references posts(id) on delete set null,
        drawn_at timestamptz not null
      );

      create table hearing_submissions (
        id uuid primary key default gen_random_uuid(),
        hearing_id uuid not null references hearings(id) on delete cascade,
        registration_id uuid not null references hearing_registrations(id) on delete cascade,
        author_id uuid not null references users(id) on delete cascade,
        organization_id uuid references organizations(id) on delete set null,
        kind text not null check (kind in ('question', 'opinion')),
        body text not null,
        cosigns_count integer not null default 0 check (cosigns_count >= 0),
        created_at timestamptz not null,
        hidden_at timestamptz
      );
      create index hearing_submissions_ranking on hearing_submissions (hearing_id, kind, cosigns_count desc, created_at);

      create table hearing_cosigns (
        submission_id uuid not null references hearing_submissions(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null,
        primary key (submission_id, user_id)
      );

      create table hearing_answers (
        id uuid primary key default gen_random_uuid(),
        hearing_id uuid not null references hearings(id) on delete cascade,
        position integer not null,
        submission_id uuid references hearing_submissions(id) on delete set null,
        question text not null,
        question_zh text,
        asked_by text,
        answer text not null,
        answer_zh text
      );
      create index hearing_answers_hearing on hearing_answers (hearing_id, position);

      create table hearing_report_items (
        id uuid primary key default gen_random_uuid(),
        hearing_id uuid not null references hearings(id) on delete cascade,
        position integer not null,
        submission_id uuid references hearing_submissions(id) on delete set null,
        opinion text not null,
        opinion_zh text,
        decision text not null check (decision in ('adopted', 'partly_adopted', 'not_adopted', 'under_study')),
        response text not null,
        response_zh text,
        reference text
      );
      create index hearing_report_items_hearing on hearing_report_items (hearing_id, position);
    `.execute(db);
  },
};
