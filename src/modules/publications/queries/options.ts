import type { Executor } from '../../../core/db/database.js';

/** Every department that publishes (verified government organizations), by name. */
export async function governmentDepartments(db: Executor) {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'name_zh'])
    .where('sector', '=', 'government')
    .where('status', '=', 'verified')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh }));
}

/**
 * Records the form offers to link: published processes and hearings, latest first (read from those
 * modules' tables; what is stored is checked through their resource adapters when saved).
 */
export async function linkTargets(db: Executor) {
  const [processes, hearings] = await Promise.all([
    db.selectFrom('processes').select(['id', 'title', 'title_zh']).where('status', '=', 'published').orderBy('created_at', 'desc').limit(100).execute(),
    db.selectFrom('hearings').select(['id', 'title', 'title_zh']).orderBy('starts_at', 'desc').limit(100).execute(),
  ]);
  return [
    ...processes.map((p) => ({ type: 'process', id: p.id, title: p.title, titleZh: p.title_zh })),
    ...hearings.map((h) => ({ type: 'hearing', id: h.id, title: h.title, titleZh: h.title_zh })),
  ];
}
