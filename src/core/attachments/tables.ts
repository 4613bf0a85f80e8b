import type { ColumnType, Generated } from 'kysely';
import type { AttachmentKind } from './file-types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AttachmentsTable {
  id: Generated<string>;
  /** The resource type (`proposal`, `budget_project`, ...) and id it is attached to; null while only uploaded. */
  owner_type: string | null;
  owner_id: string | null;
  position: Generated<number>;
  uploaded_by: string;
  file_name: string;
  /** Detected from the content, never taken from the browser. */
  content_type: string;
  kind: AttachmentKind;
  size: number;
  sha256: string;
  /** The text extracted for search (documents, spreadsheets, plain text); null for images and unreadable files. */
  text: string | null;
  created_at: Timestamp;
  attached_at: Timestamp | null;
}

export interface AttachmentContentsTable {
  attachment_id: string;
  bytes: Buffer;
}

declare module '../db/database.js' {
  interface Tables {
    attachments: AttachmentsTable;
    attachment_contents: AttachmentContentsTable;
  }
}
