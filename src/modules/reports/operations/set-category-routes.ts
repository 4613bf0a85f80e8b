import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { isDepartment } from '../queries/route-report.js';

/**
 * Replaces a category's area-specific routes: in each listed area (and the areas below it, unless
 * a nearer route says otherwise) its reports go to the given department instead of the default one.
 */
export async function setCategoryRoutes(
  { db, clock }: Deps,
  actor: Actor,
  input: { categoryId: string; routes: { areaId: string; departmentId: string }[] },
): Promise<Result<{ routes: number }, 'not_found' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const category = await trx.selectFrom('problem_categories').select(['id', 'code', 'name']).where('id', '=', input.categoryId).forUpdate().executeTakeFirst();
    if (!category) return fail('not_found');
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    const areaIds = [...new Set(input.routes.map((r) => r.areaId))];
    const known = new Set(areaIds.length > 0 ? (await trx.selectFrom('areas').select('id').where('id', 'in', areaIds).execute()).map((a) => a.id) : []);
    for (const [i, route] of input.routes.entries()) {
      if (!known.has(route.areaId)) fields.push({ path: `routes.${i}.areaId`, code: 'not_found' });
      else if (seen.has(route.areaId)) fields.push({ path: `routes.${i}.areaId`, code: 'validation.invalid' });
      seen.add(route.areaId);
      if (!(await isDepartment(trx, route.departmentId))) fields.push({ path: `routes.${i}.departmentId`, code: 'department_invalid' });
    }
    if (fields.length > 0) return fail('validation_failed', { fields });
    await trx.deleteFrom('problem_category_routes').where('category_id', '=', category.id).execute();
    if (input.routes.length > 0) {
      await trx
        .insertInto('problem_category_routes')
        .values(input.routes.map((r) => ({ category_id: category.id, area_id: r.areaId, department_id: r.departmentId })))
        .execute();
    }
    await trx.updateTable('problem_categories').set({ updated_at: now }).where('id', '=', category.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'problem_category.routes_set', resourceType: 'problem_category', resourceId: category.id, data: { code: category.code, name: category.name, routes: input.routes }, public: true },
      now,
    );
    return ok({ routes: input.routes.length });
  });
}
