import { sql } from 'kysely';
import type { Migration } from '../db/migrate.js';

/**
 * Attachments of more kinds (spreadsheets: CSV, XLSX, ODS; plain text) and the text extracted from
 * documents at upload, so registers can search inside the files they publish.
 */
export const attachmentText: Migration = {
  name: '0008-attachment-text',
  async up(db) {
    await sql`
      alter table attachments drop constraint attachments_kind_check;
      alter table attachments add constraint attachments_kind_check check (kind in ('image', 'document', 'spreadsheet', 'text'));
      alter table attachments add column text text;
    `.execute(db);
  },
};
