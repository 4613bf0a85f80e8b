import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';

/** What a proposer writes about a project. */
export interface ProjectFieldsInput {
  title: string;
  titleZh?: string | null;
  description: string;
  cost: number;
  areaId?: string | null;
  category?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  /** Uploaded photos and documents, in order. */
  attachmentIds?: string[];
}

/** A project's area must lie in the budget's area; a location needs both coordinates. */
export async function projectFieldProblems(db: Executor, input: Pick<ProjectFieldsInput, 'areaId' | 'latitude' | 'longitude'>, budgetAreaId: string | null): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (input.areaId) {
    const area = await db.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst();
    if (!area) problems.push({ path: 'areaId', code: 'not_found' });
    else if (budgetAreaId && !(await areaSubtreeIds(db, budgetAreaId)).includes(input.areaId)) problems.push({ path: 'areaId', code: 'project_area_outside_budget' });
  }
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  if (latitude !== null && longitude === null) problems.push({ path: 'longitude', code: 'validation.required' });
  if (longitude !== null && latitude === null) problems.push({ path: 'latitude', code: 'validation.required' });
  return problems;
}

/**
 * The next project code of a budget ("1", "2", ...), the id the project keeps in Pabulib exports.
 * Call it with the budget row locked, so two submissions never take the same code.
 */
export async function nextProjectCode(trx: Tx, budgetId: string): Promise<string> {
  const row = await trx
    .selectFrom('budget_projects')
    .select(sql<number | null>`max(case when code ~ '^[0-9]{1,15}$' then code::bigint end)`.as('n'))
    .where('budget_id', '=', budgetId)
    .executeTakeFirstOrThrow();
  return String(Number(row.n ?? 0) + 1);
}
