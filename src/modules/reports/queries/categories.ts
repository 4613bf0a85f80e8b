import type { Executor } from '../../../core/db/database.js';
import type { Category } from '../schemas.js';

export interface DepartmentOption {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

/** Government bodies that can be given reports (supervisory bodies cannot), by name. */
export async function reportDepartments(db: Executor): Promise<DepartmentOption[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('sector', '=', 'government')
    .where('is_supervisory', '=', false)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh }));
}

/** The routing table: every category (active ones only unless asked) with its default department and area routes, in order. */
export async function listCategories(db: Executor, options: { includeInactive?: boolean } = {}): Promise<Category[]> {
  let query = db
    .selectFrom('problem_categories as c')
    .innerJoin('organizations as o', 'o.id', 'c.department_id')
    .select([
      'c.id', 'c.code', 'c.name', 'c.name_zh', 'c.description', 'c.description_zh', 'c.group_name', 'c.group_name_zh', 'c.keywords',
      'c.working_days', 'c.active', 'c.position', 'o.id as department_id', 'o.slug', 'o.name as department_name', 'o.name_zh as department_name_zh',
    ]);
  if (!options.includeInactive) query = query.where('c.active', '=', true);
  const rows = await query.orderBy('c.group_name').orderBy('c.position').orderBy('c.name').execute();
  const routes = rows.length > 0
    ? await db
        .selectFrom('problem_category_routes as r')
        .innerJoin('organizations as o', 'o.id', 'r.department_id')
        .select(['r.category_id', 'r.area_id', 'o.id', 'o.slug', 'o.name', 'o.name_zh'])
        .where('r.category_id', 'in', rows.map((r) => r.id))
        .orderBy('o.name')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameZh: r.name_zh,
    description: r.description,
    descriptionZh: r.description_zh,
    group: r.group_name,
    groupZh: r.group_name_zh,
    keywords: r.keywords,
    workingDays: r.working_days,
    active: r.active,
    position: r.position,
    department: { id: r.department_id, slug: r.slug, name: r.department_name, nameZh: r.department_name_zh },
    routes: routes
      .filter((x) => x.category_id === r.id)
      .map((x) => ({ areaId: x.area_id, department: { id: x.id, slug: x.slug, name: x.name, nameZh: x.name_zh } })),
  }));
}
