import type { ColumnType, Generated } from 'kysely';
import type { OpenDataFieldType } from './types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** One data set of an archive, as listed on the open-data page and in `datapackage.json`. */
export interface ArchiveDataset {
  name: string;
  /** The module that contributed it (`core` for areas, organizations, the audit log...). */
  module: string;
  description: { en: string; zh: string };
  rows: number;
  fields: { name: string; type: OpenDataFieldType; description: string }[];
}

/** A file in another standard's format (e.g. a Polis conversation export). */
export interface ArchiveFile {
  path: string;
  module: string;
  description: string;
  bytes: number;
}

export interface OpenDataArchivesTable {
  id: Generated<number>;
  generated_at: Timestamp;
  trigger: 'schedule' | 'manual';
  size: number;
  sha256: string;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  datasets: Json<ArchiveDataset[]>;
  files: Json<ArchiveFile[]>;
  bytes: Buffer;
}

declare module '../db/database.js' {
  interface Tables {
    open_data_archives: OpenDataArchivesTable;
  }
}
