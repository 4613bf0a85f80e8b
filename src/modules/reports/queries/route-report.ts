import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';

/**
 * The department a report goes to: the area-specific route of its category for the report's area
 * or the nearest area above it (neighbourhood, then district, then city), else the category's
 * default department.
 */
export async function routeReport(db: Executor, category: { id: string; department_id: string }, areaId: string | null): Promise<string> {
  if (!areaId) return category.department_id;
  const found = await sql<{ department_id: string }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from areas where id = ${areaId}
      union all
      select a.id, a.parent_id, c.depth + 1 from areas a join chain c on a.id = c.parent_id where c.depth < 20
    )
    select r.department_id from chain c
    join problem_category_routes r on r.area_id = c.id and r.category_id = ${category.id}
    order by c.depth
    limit 1`.execute(db);
  return found.rows[0]?.department_id ?? category.department_id;
}

/** Whether an organization can handle reports: a government body that is not a supervisory one. */
export async function isDepartment(db: Executor, organizationId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(organizationId)) return false;
  const org = await db.selectFrom('organizations').select(['sector', 'is_supervisory']).where('id', '=', organizationId).executeTakeFirst();
  return Boolean(org && org.sector === 'government' && !org.is_supervisory);
}
