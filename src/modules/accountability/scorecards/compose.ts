/**
 * Department scorecards: every module's `departmentMetrics` for every department, side by side.
 * Each module computes its own figures from its own records (see `core/scorecards/types.ts`); this
 * only asks each of them and lays the answers out per department, in the platform's module order,
 * so a module that is not installed simply has no figures.
 */
import type { Executor } from '../../../core/db/database.js';
import type { ModuleManifest } from '../../../core/module.js';
import type { DepartmentMetric, DepartmentMetricsSource } from '../../../core/scorecards/types.js';
import { areaAncestorIds } from '../../../core/areas/routes.js';

export interface ScorecardSource {
  module: string;
  source: DepartmentMetricsSource;
}

export interface ScorecardDepartment {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
  areaId: string | null;
}

/** One column of the scorecard: a metric as it is named, measured and judged, whatever department. */
export interface MetricColumn {
  key: string;
  module: string;
  label: { en: string; zh: string };
  unit: DepartmentMetric['unit'];
  better: DepartmentMetric['better'];
}

export interface ScorecardRow {
  department: ScorecardDepartment;
  values: Record<string, { value: number | null; basis: number }>;
}

export function scorecardSources(modules: readonly ModuleManifest[]): ScorecardSource[] {
  return modules.filter((m) => m.departmentMetrics).map((m) => ({ module: m.name, source: m.departmentMetrics! }));
}

/**
 * The departments a scorecard covers: verified government organizations (not the supervisory
 * bodies, which are scored by nobody here). With an area, those serving it: installation-wide ones,
 * and those of the area or an area above it.
 */
export async function scorecardDepartments(db: Executor, areaId?: string | null): Promise<ScorecardDepartment[]> {
  let query = db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh', 'area_id'])
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .where('is_supervisory', '=', false)
    .orderBy('name');
  if (areaId) {
    const lineage = await areaAncestorIds(db, areaId);
    query = query.where((eb) => eb.or([eb('area_id', 'is', null), eb('area_id', 'in', lineage.length > 0 ? lineage : [areaId])]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh, areaId: r.area_id }));
}

/** Every source's figures for the departments in [from, to), with the columns in source order. */
export async function composeScorecards(
  db: Executor,
  sources: ScorecardSource[],
  departments: ScorecardDepartment[],
  range: { from: Date; to: Date },
): Promise<{ columns: MetricColumn[]; rows: ScorecardRow[] }> {
  const departmentIds = departments.map((d) => d.id);
  const results = await Promise.all(sources.map(async (s) => ({ module: s.module, byDepartment: await s.source.metrics(db, { departmentIds, from: range.from, to: range.to }) })));
  const columns = new Map<string, MetricColumn>();
  const rows: ScorecardRow[] = departments.map((department) => ({ department, values: {} }));
  const rowOf = new Map(rows.map((r) => [r.department.id, r]));
  for (const { module, byDepartment } of results) {
    for (const [departmentId, metrics] of byDepartment) {
      const row = rowOf.get(departmentId);
      if (!row) continue;
      for (const m of metrics) {
        if (!columns.has(m.key)) columns.set(m.key, { key: m.key, module, label: m.label, unit: m.unit, better: m.better });
        row.values[m.key] = { value: m.value, basis: m.basis };
      }
    }
  }
  // Columns in module order, then in the order each module listed them.
  const order = new Map(sources.map((s, i) => [s.module, i]));
  const sorted = [...columns.values()].sort((a, b) => order.get(a.module)! - order.get(b.module)!);
  return { columns: sorted, rows };
}
