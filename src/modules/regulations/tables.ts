import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type RegulationStatus = 'draft' | 'published';
export type VersionStatus = 'draft' | 'published';
export type ReportDecision = 'accepted' | 'partly_accepted' | 'not_accepted';
export const reportDecisions: readonly ReportDecision[] = ['accepted', 'partly_accepted', 'not_accepted'];

/** A draft regulation a department puts to consultation inside a process. */
export interface RegulationsTable {
  id: Generated<string>;
  process_id: string;
  /** The department that drafts it: the process's department when it was created. */
  department_id: string;
  /** Published once its first version is published; drafts are seen by the department only. */
  status: Generated<RegulationStatus>;
  /** Title of the latest published version (or of the first draft), for lists. */
  title: string;
  title_zh: string | null;
  /** Number of the latest published version. */
  current_version: number | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
}

/** One version of the text: v1, v2, ...; at most one draft at a time. */
export interface RegulationVersionsTable {
  id: Generated<string>;
  regulation_id: string;
  number: number;
  status: Generated<VersionStatus>;
  title: string;
  title_zh: string | null;
  introduction: string;
  introduction_zh: string | null;
  /** What changed since the previous version, in the department's words. */
  change_note: string | null;
  change_note_zh: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  published_by: string | null;
  /** The post that signed the publication. */
  post_id: string | null;
}

/** A clause's identity, kept across versions so comments and opinions stay attached to it. */
export interface RegulationClausesTable {
  id: Generated<string>;
  regulation_id: string;
  created_at: Timestamp;
  supports: Generated<number>;
  opposes: Generated<number>;
}

/** A clause's place and wording in one version. */
export interface RegulationClauseTextsTable {
  version_id: string;
  clause_id: string;
  position: number;
  label: string;
  label_zh: string | null;
  body: string;
  body_zh: string | null;
}

/** One person's support (1) or opposition (-1) to a clause. */
export interface RegulationOpinionsTable {
  clause_id: string;
  user_id: string;
  value: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Alternative wording someone proposes for a clause, with their reason. */
export interface RegulationAlternativesTable {
  id: Generated<string>;
  regulation_id: string;
  clause_id: string;
  /** The version whose wording it was proposed against. */
  version_number: number;
  author_id: string;
  organization_id: string | null;
  body: string;
  reason: string;
  created_at: Timestamp;
  hidden_at: Timestamp | null;
}

/** The department's response to a consultation on one version, signed by a post. */
export interface RegulationReportsTable {
  id: Generated<string>;
  regulation_id: string;
  version_id: string;
  summary: string;
  summary_zh: string | null;
  post_id: string;
  published_by: string;
  published_at: Timestamp;
}

/** The response on one clause: accepted, partly accepted or not, why, and what changed. */
export interface RegulationReportItemsTable {
  report_id: string;
  clause_id: string;
  decision: ReportDecision;
  reasoning: string;
  reasoning_zh: string | null;
  change: string | null;
  change_zh: string | null;
}

declare module '../../core/db/database.js' {
  interface Tables {
    regulations: RegulationsTable;
    regulation_versions: RegulationVersionsTable;
    regulation_clauses: RegulationClausesTable;
    regulation_clause_texts: RegulationClauseTextsTable;
    regulation_opinions: RegulationOpinionsTable;
    regulation_alternatives: RegulationAlternativesTable;
    regulation_reports: RegulationReportsTable;
    regulation_report_items: RegulationReportItemsTable;
  }
}
