import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/**
 * The open-data archive: the latest ZIP of every public record (regenerated daily and on demand),
 * kept in the database like attachments, so every server process serves the same bytes. Only the
 * newest row is kept; its metadata (data sets, row counts, hash) is what the open-data page lists.
 */
export const openData: Migration = {
  name: '0007-open-data',
  async up(db) {
    await sql`
      create table open_data_archives (
        id bigint generated always as identity primary key,
        generated_at timestamptz not null,
        trigger text not null check (trigger in ('schedule', 'manual')),
        size integer not null check (size > 0),
        sha256 text not null,
        audit_head_seq bigint,
        audit_head_hash text,
        datasets jsonb not null,
        files jsonb not null,
        bytes bytea not null
      );
      create index open_data_archives_latest on open_data_archives (generated_at desc, id desc);
    `.execute(db);
  },
};
