import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const publicationsTables: Migration = {
  name: '0001-publications',
  async up(db) {
    await sql`
      create table publications (
        id uuid primary key default gen_random_uuid(),
        department_id uuid not null references organizations(id),
        area_id uuid references areas(id),
        category text not null check (category in (
          'budgets_spending', 'plans', 'regulations', 'meeting_minutes', 'contracts', 'procurement', 'statistics', 'reports', 'other'
        )),
        title text not null,
        summary text not null,
        document_date date not null,
        valid_from date,
        valid_until date,
        status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        published_at timestamptz,
        corrected_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        tsv tsvector not null,
        check (valid_from is null or valid_until is null or valid_until >= valid_from),
        check (status = 'draft' or published_at is not null),
        check ((status = 'withdrawn') = (withdrawn_at is not null)),
        check (status <> 'withdrawn' or withdrawal_reason is not null)
      );
      create index publications_register on publications (published_at desc) where status <> 'draft';
      create index publications_department on publications (department_id, status);
      create index publications_category on publications (category);
      create index publications_document_date on publications (document_date);
      create index publications_tsv on publications using gin (tsv);

      create table publication_links (
        publication_id uuid not null references publications(id) on delete cascade,
        target_type text not null,
        target_id text not null,
        position integer not null,
        primary key (publication_id, target_type, target_id)
      );
      create index publication_links_target on publication_links (target_type, target_id);

      create table publication_events (
        id uuid primary key default gen_random_uuid(),
        publication_id uuid not null references publications(id) on delete cascade,
        kind text not null check (kind in ('published', 'corrected', 'withdrawn')),
        note text,
        at timestamptz not null
      );
      create index publication_events_publication on publication_events (publication_id, at);
    `.execute(db);
  },
};
