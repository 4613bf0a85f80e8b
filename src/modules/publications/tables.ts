import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A calendar day, `YYYY-MM-DD` (the driver returns dates as text). */
type Day = ColumnType<string, string, string>;

/** The fixed categories of the register (labelled in both languages on the pages). */
export const PUBLICATION_CATEGORIES = [
  'budgets_spending',
  'plans',
  'regulations',
  'meeting_minutes',
  'contracts',
  'procurement',
  'statistics',
  'reports',
  'other',
] as const;

export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];

/**
 * Where a publication stands: a `draft` only its department sees, `published` in the register, or
 * `withdrawn` (still listed and readable, marked withdrawn with its public reason; never deleted).
 */
export type PublicationStatus = 'draft' | 'published' | 'withdrawn';

export interface PublicationsTable {
  id: Generated<string>;
  department_id: string;
  area_id: string | null;
  category: PublicationCategory;
  title: string;
  summary: string;
  /** The date the document itself bears. */
  document_date: Day;
  /** When the document takes effect and stops having effect (plans, regulations, contracts). */
  valid_from: Day | null;
  valid_until: Day | null;
  status: PublicationStatus;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  /** The last correction after publication (shown as "updated on"). */
  corrected_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  withdrawal_reason: string | null;
  /** Title (A), summary and the extracted text of the attachments (D), English and Chinese. */
  tsv: ColumnType<string, string, string>;
}

/** A record the publication concerns (a process, hearing, proposal, information request, ...), described at read time. */
export interface PublicationLinksTable {
  publication_id: string;
  target_type: string;
  target_id: string;
  position: number;
}

/** The public history of a publication: published, each correction with its note, the withdrawal with its reason. */
export interface PublicationEventsTable {
  id: Generated<string>;
  publication_id: string;
  kind: 'published' | 'corrected' | 'withdrawn';
  note: string | null;
  at: Timestamp;
}

declare module '../../core/db/database.js' {
  interface Tables {
    publications: PublicationsTable;
    publication_links: PublicationLinksTable;
    publication_events: PublicationEventsTable;
  }
}
