import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { QuestionRef } from '../policy.js';
import type { QuestionsTable } from '../tables.js';

export type QuestionRow = Omit<Selectable<QuestionsTable>, 'tsv'>;

/** A question row and the reference the policy decides on. */
export interface QuestionRecord {
  row: QuestionRow;
  ref: QuestionRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const questionColumns = [
  'id', 'parent_id', 'department_id', 'post_id', 'author_id', 'organization_id', 'title', 'body', 'area_id', 'category', 'state',
  'cosigns_count', 'created_at', 'updated_at', 'working_days', 'clock_started_at', 'answer_due_at', 'overdue_at', 'answered_at',
  'answer', 'answer_post_id', 'answered_by', 'decline_ground', 'rated_at', 'rating_resolved', 'rating_comment', 'hidden_at',
] as const;

export function refOf(row: Pick<QuestionRow, 'state' | 'author_id' | 'organization_id' | 'hidden_at' | 'department_id'>): QuestionRef {
  return { state: row.state, authorId: row.author_id, organizationId: row.organization_id, hidden: row.hidden_at !== null, departmentId: row.department_id };
}

/**
 * One question; visibility is the caller's check (`question.read`). With `forUpdate`, the row stays
 * locked until the caller's transaction ends.
 */
export async function loadQuestion(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<QuestionRecord | null> {
  if (!UUID.test(id)) return null;
  let query = db.selectFrom('questions').select(questionColumns).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { row, ref: refOf(row) } : null;
}

/** The web path of a question. */
export function questionPath(id: string): string {
  return `/questions/${id}`;
}

/** The holders of the posts of a department: who is told about its questions. */
export async function officialsOf(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', departmentId).where('holder_user_id', 'is not', null).execute();
  return rows.map((r) => r.holder_user_id!);
}
