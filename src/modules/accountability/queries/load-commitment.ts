import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';
import type { CommitmentRef } from '../policy.js';
import type { CommitmentsTable } from '../tables.js';

export type CommitmentRow = Omit<Selectable<CommitmentsTable>, 'tsv'>;

export interface CommitmentRecord {
  row: CommitmentRow;
  ref: CommitmentRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const commitmentColumns = [
  'id', 'kind', 'title', 'title_zh', 'description', 'description_zh', 'legal_basis', 'legal_basis_zh', 'department_id', 'post_id', 'area_id',
  'planned_budget', 'spent', 'currency', 'planned_start', 'planned_end', 'benefit_indicator', 'benefit_indicator_zh', 'benefit_unit',
  'benefit_baseline', 'benefit_target', 'benefit_current', 'status', 'progress', 'origin_type', 'origin_id', 'consultation_opens_at',
  'consultation_ends_at', 'decided_at', 'decision', 'decision_zh', 'consultation_response', 'decision_post_id', 'consultation_summary',
  'started_at', 'completed_at', 'cancelled_at', 'cancel_reason', 'created_by', 'created_at', 'updated_at',
] as const;

/** The web path of a commitment. */
export function commitmentPath(id: string): string {
  return `/commitments/${id}`;
}

/** Whose residents take part: the commitment's area and everything below it (null: everyone). */
export async function residentAreaIds(db: Executor, areaId: string | null): Promise<string[] | null> {
  return areaId ? areaSubtreeIds(db, areaId) : null;
}

/**
 * One commitment and the reference its policy decides on. Commitments are public; with
 * `forUpdate` the row stays locked until the caller's transaction ends.
 */
export async function loadCommitment(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<CommitmentRecord | null> {
  if (!UUID.test(id)) return null;
  let query = db.selectFrom('commitments').select(commitmentColumns).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return { row, ref: { departmentId: row.department_id, residentAreaIds: await residentAreaIds(db, row.area_id) } };
}

/** The officials holding a post in a department (told about what residents do). */
export async function officialsOf(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('holder_user_id').where('organization_id', '=', departmentId).where('holder_user_id', 'is not', null).execute();
  return rows.map((r) => r.holder_user_id!);
}
