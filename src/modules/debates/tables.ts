import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type DebateStatus = 'open' | 'closed';

/** An open discussion thread inside a participatory process. */
export interface DebatesTable {
  id: Generated<string>;
  process_id: string;
  title: string;
  description: string;
  category: string | null;
  author_id: string;
  /** Set when a representative started the debate on behalf of their organization. */
  organization_id: string | null;
  /** Set when an official started the debate in their post's name. */
  post_id: string | null;
  status: Generated<DebateStatus>;
  conclusion: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** The post of the official who closed the debate. */
  closed_post_id: string | null;
  hidden_at: Timestamp | null;
  created_at: Timestamp;
  tsv: ColumnType<string, string, string>;
}

declare module '../../core/db/database.js' {
  interface Tables {
    debates: DebatesTable;
  }
}
