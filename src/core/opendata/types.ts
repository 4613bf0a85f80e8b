import type { Executor } from '../db/database.js';

/**
 * What a module contributes to the open-data archive: public records only, never personal data
 * (no person's name, e-mail, user id, IP address or free text written about a person by staff
 * that was not published) and never a ballot. People are shown only through what is public by
 * role: an organization's name, a post's title and department. A person's own authorship is left
 * out (`authorKind: 'person'` may say *that* a person wrote it).
 */
export type OpenDataFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'json';

export interface OpenDataField {
  name: string;
  type: OpenDataFieldType;
  /** One sentence for the data dictionary, in English. */
  description: string;
}

/** One data set: written to the archive as `<name>.json` (an array of objects) and `<name>.csv` (one column per field). */
export interface OpenDataTable {
  /** snake_case, unique across modules, e.g. `proposals`, `proposal_answers`, `budget_results`. */
  name: string;
  /** What one row is, for the data dictionary, in English and Chinese. */
  description: { en: string; zh: string };
  fields: OpenDataField[];
  /** The rows, with exactly the fields above (camelCase or snake_case as named in `fields`); dates as ISO strings. */
  rows(db: Executor): Promise<Record<string, unknown>[]>;
}

/** A file in a format others defined (e.g. a Polis conversation's comments.csv and votes.csv), at `path` inside the archive. */
export interface OpenDataFile {
  /** Relative, forward slashes, e.g. `opinions/lakeview-shared-streets/comments.csv`. */
  path: string;
  content: string;
  /** For the data dictionary. */
  description: string;
}

export interface OpenDataSource {
  tables: OpenDataTable[];
  files?(db: Executor): Promise<OpenDataFile[]>;
}
