import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/**
 * Files attached to content (photos of a proposal's site, plans, PDFs). The bytes live in the
 * database, in their own table, so one backup holds everything, a write is durable when it is
 * acknowledged, and several server processes see the same files. An upload belongs to its uploader
 * until an operation attaches it to a resource in the resource's own transaction; unattached
 * uploads are purged after a day.
 */
export const attachments: Migration = {
  name: '0006-attachments',
  async up(db) {
    await sql`
      create table attachments (
        id uuid primary key default gen_random_uuid(),
        owner_type text,
        owner_id text,
        position integer not null default 0,
        uploaded_by uuid not null references users(id) on delete cascade,
        file_name text not null,
        content_type text not null,
        kind text not null check (kind in ('image', 'document')),
        size integer not null check (size > 0),
        sha256 text not null,
        created_at timestamptz not null,
        attached_at timestamptz,
        check ((owner_type is null) = (owner_id is null))
      );
      create table attachment_contents (
        attachment_id uuid primary key references attachments(id) on delete cascade,
        bytes bytea not null
      );
      create index attachments_owner on attachments (owner_type, owner_id, position);
      create index attachments_unattached on attachments (uploaded_by, created_at) where owner_id is null;
    `.execute(db);
  },
};
