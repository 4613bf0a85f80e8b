import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Components a process can hold; each has its own actions that phases open and close. */
export type ComponentName = 'proposals' | 'debates' | 'regulations' | 'budgeting' | 'opinions' | 'surveys' | 'hearings';
export type PhaseActions = Partial<Record<ComponentName, string[]>>;

export interface ProcessesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  title_zh: string | null;
  summary: string;
  summary_zh: string | null;
  body: string;
  body_zh: string | null;
  area_id: string | null;
  department_id: string;
  /** The post answerable for the process (title in the responsible department). */
  post_id: string | null;
  legal_basis: string;
  legal_basis_zh: string | null;
  legal_reference: string | null;
  components: ComponentName[];
  /** Supports after which a proposal qualifies for an official answer. */
  support_threshold: number;
  /** Working days the department has to answer a qualified proposal. */
  answer_working_days: number;
  /** How many proposals one person may support in this process (null: no limit). */
  supports_per_person: number | null;
  /** Minutes after publishing during which authors may still edit a proposal. */
  edit_window_minutes: number;
  status: 'draft' | 'published';
  /** A phase officials advanced to ahead of its dates. */
  phase_override_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
  tsv: ColumnType<string, string, string>;
}

export interface ProcessPhasesTable {
  id: Generated<string>;
  process_id: string;
  position: number;
  title: string;
  title_zh: string | null;
  description: string;
  description_zh: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  actions: Json<PhaseActions>;
}

declare module '../../core/db/database.js' {
  interface Tables {
    processes: ProcessesTable;
    process_phases: ProcessPhasesTable;
  }
}
