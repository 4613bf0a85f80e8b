import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.js';

export const debatesTables: Migration = {
  name: '0001-debates',
  async up(db) {
    await sql`
      create table debates (
        id uuid primary key default gen_random_uuid(),
        process_id uuid not null references processes(id) on delete cascade,
        title text not null,
        description text not null,
        category text,
        author_id uuid not null references users(id),
        organization_id uuid references organizations(id),
        post_id uuid references posts(id),
        status text not null default 'open' check (status in ('open', 'closed')),
        conclusion text,
        closed_at timestamptz,
        closed_by uuid references users(id),
        closed_post_id uuid references posts(id),
        hidden_at timestamptz,
        created_at timestamptz not null,
        tsv tsvector not null,
        check (organization_id is null or post_id is null),
        check ((status = 'closed') = (conclusion is not null and closed_at is not null))
      );
      create index debates_process on debates (process_id, created_at desc);
      create index debates_author on debates (author_id);
      create index debates_tsv on debates using gin (tsv);
    `.execute(db);
  },
};
