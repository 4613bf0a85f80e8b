import type { Executor } from '../../../core/db/database.js';

/** The key of applicants who live outside the hearing's areas (or whose area is unknown). */
export const OTHER_STRATUM = 'other';

export interface StratumOption {
  key: string;
  name: string;
  nameZh: string | null;
}

export interface StrataResolver {
  /** The strata of the hearing, in name order, "other" last. */
  options: StratumOption[];
  /** The stratum of an applicant's area. */
  of(areaId: string | null): string;
}

/**
 * A hearing's strata are the areas one level below the hearing's area (its districts, say); an
 * applicant belongs to the one their own area lies in. A hearing without an area is stratified by
 * the areas under the top-level area when there is exactly one (the city's districts), else by the
 * top-level areas. An applicant who lives in the hearing's area itself, outside it, or nowhere
 * known, is in "other".
 */
export async function strataResolver(db: Executor, hearingAreaId: string | null): Promise<StrataResolver> {
  const areas = await db.selectFrom('areas').select(['id', 'parent_id', 'slug', 'name', 'name_zh']).execute();
  const byId = new Map(areas.map((a) => [a.id, a]));
  const roots = areas.filter((a) => a.parent_id === null);
  const base = hearingAreaId ?? (roots.length === 1 ? roots[0]!.id : null);
  const levels = areas.filter((a) => a.parent_id === base).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const keys = new Set(levels.map((a) => a.slug));
  return {
    options: [...levels.map((a) => ({ key: a.slug, name: a.name, nameZh: a.name_zh })), { key: OTHER_STRATUM, name: 'Other areas', nameZh: '其他区域' }],
    of(areaId) {
      // Walk up from the applicant's area to the level just under the base.
      for (let area = areaId ? byId.get(areaId) : undefined, guard = 0; area && guard < 50; area = area.parent_id ? byId.get(area.parent_id) : undefined, guard++) {
        if (area.parent_id === base && keys.has(area.slug)) return area.slug;
      }
      return OTHER_STRATUM;
    },
  };
}
