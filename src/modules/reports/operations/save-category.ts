import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { isDepartment } from '../queries/route-report.js';

export interface CategoryInput {
  code: string;
  name: string;
  nameZh?: string | null;
  description?: string;
  descriptionZh?: string | null;
  group?: string;
  groupZh?: string | null;
  keywords?: string;
  departmentId: string;
  workingDays: number;
  active?: boolean;
  position?: number;
}

type SaveError = 'not_found' | 'validation_failed' | 'category_code_taken';

async function codeTaken(trx: Tx, code: string, exceptId: string | null): Promise<boolean> {
  let query = trx.selectFrom('problem_categories').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Boolean(await query.executeTakeFirst());
}

/**
 * Administrators add a kind of problem to the routing table: its Open311 service code, its names
 * in both languages, its group, the department that fixes it by default and the working days it
 * has. Public in the audit log: who is responsible for what is public information.
 */
export async function createCategory({ db, clock }: Deps, actor: Actor, input: CategoryInput): Promise<Result<{ id: string }, SaveError>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    if (!(await isDepartment(trx, input.departmentId))) return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'department_invalid' }] });
    if (await codeTaken(trx, input.code, null)) return fail('category_code_taken', { fields: [{ path: 'code', code: 'category_code_taken' }] });
    const row = await trx
      .insertInto('problem_categories')
      .values({
        code: input.code,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() || null,
        description: input.description?.trim() ?? '',
        description_zh: input.descriptionZh?.trim() || null,
        group_name: input.group?.trim() ?? '',
        group_name_zh: input.groupZh?.trim() || null,
        keywords: input.keywords?.trim() ?? '',
        department_id: input.departmentId,
        working_days: input.workingDays,
        active: input.active ?? true,
        position: input.position ?? 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      actor,
      { action: 'problem_category.created', resourceType: 'problem_category', resourceId: row.id, data: { code: input.code, name: input.name, nameZh: input.nameZh ?? null, departmentId: input.departmentId, workingDays: input.workingDays }, public: true },
      now,
    );
    return ok({ id: row.id });
  });
}

/** Changes a category; reports already filed keep their department and deadline. Deactivating hides it from new reports. */
export async function updateCategory({ db, clock }: Deps, actor: Actor, input: Partial<CategoryInput> & { id: string }): Promise<Result<{ id: string }, SaveError>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const existing = await trx.selectFrom('problem_categories').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!existing) return fail('not_found');
    if (input.departmentId !== undefined && !(await isDepartment(trx, input.departmentId))) {
      return fail('validation_failed', { fields: [{ path: 'departmentId', code: 'department_invalid' }] });
    }
    if (input.code !== undefined && (await codeTaken(trx, input.code, existing.id))) return fail('category_code_taken', { fields: [{ path: 'code', code: 'category_code_taken' }] });
    const changes = {
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.nameZh !== undefined ? { name_zh: input.nameZh?.trim() || null } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.descriptionZh !== undefined ? { description_zh: input.descriptionZh?.trim() || null } : {}),
      ...(input.group !== undefined ? { group_name: input.group.trim() } : {}),
      ...(input.groupZh !== undefined ? { group_name_zh: input.groupZh?.trim() || null } : {}),
      ...(input.keywords !== undefined ? { keywords: input.keywords.trim() } : {}),
      ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
      ...(input.workingDays !== undefined ? { working_days: input.workingDays } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
    };
    await trx.updateTable('problem_categories').set({ ...changes, updated_at: now }).where('id', '=', existing.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'problem_category.updated', resourceType: 'problem_category', resourceId: existing.id, data: { code: input.code ?? existing.code, name: input.name ?? existing.name, changed: Object.keys(changes) }, public: true },
      now,
    );
    return ok({ id: existing.id });
  });
}
