import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { RequestRef } from '../policy.js';
import type { InformationRequestsTable } from '../tables.js';

export type RequestRow = Omit<Selectable<InformationRequestsTable>, 'tsv'>;

export interface RequestRecord {
  row: RequestRow;
  ref: RequestRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const requestColumns = [
  'id', 'department_id', 'author_id', 'organization_id', 'pseudonym', 'title', 'state', 'created_at', 'updated_at', 'working_days',
  'extension_working_days', 'very_overdue_working_days', 'clock_started_at', 'due_at', 'very_overdue_due_at', 'extended_at', 'overdue_at',
  'very_overdue_at', 'responded_at', 'decision', 'refusal_ground', 'classification', 'classified_at', 'review_department_id',
  'review_from_state', 'review_requested_at', 'review_working_days', 'review_due_at', 'review_overdue_at', 'review_outcome',
  'review_decided_at', 'review_ground', 'withdrawn_at', 'hidden_at', 'publication_id', 'publication_path',
] as const;

export function refOf(row: Pick<RequestRow, 'state' | 'author_id' | 'organization_id' | 'hidden_at' | 'department_id' | 'review_department_id'>): RequestRef {
  return {
    state: row.state,
    authorId: row.author_id,
    organizationId: row.organization_id,
    hidden: row.hidden_at !== null,
    departmentId: row.department_id,
    reviewDepartmentId: row.review_department_id,
  };
}

/** One request; visibility is the caller's check (`request.read`). With `forUpdate` the row stays locked until the transaction ends. */
export async function loadRequest(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<RequestRecord | null> {
  if (!UUID.test(id)) return null;
  let query = db.selectFrom('information_requests').select(requestColumns).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { row, ref: refOf(row) } : null;
}

/** The web path of a request. */
export function requestPath(id: string): string {
  return `/requests/${id}`;
}

/** The holders of the posts of a department: who is told about its requests. */
export async function officialsOf(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', departmentId).where('holder_user_id', 'is not', null).execute();
  return rows.map((r) => r.holder_user_id!);
}

/** The requester (the author, and the organization's representatives) who must hear about the department's acts. */
export async function requestersOf(db: Executor, row: Pick<RequestRow, 'author_id' | 'organization_id'>): Promise<string[]> {
  const ids = [row.author_id];
  if (row.organization_id) {
    const reps = await db.selectFrom('organization_members').select('user_id').where('organization_id', '=', row.organization_id).where('role', '=', 'representative').execute();
    ids.push(...reps.map((r) => r.user_id));
  }
  return ids;
}
