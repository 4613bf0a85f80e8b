import type { Executor } from '../db/database.js';
import type { UserActor } from '../permissions/actor.js';
import type { StaffRole } from '../tables.js';

/** Builds the acting user from the database: roles, verification, memberships and posts. */
export async function loadUserActor(db: Executor, userId: string): Promise<UserActor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'verified_at', 'area_id', 'blocked_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const [roles, memberships, posts] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute(),
    db
      .selectFrom('organization_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id', 'o.slug', 'o.name', 'o.name_zh', 'o.sector', 'o.status', 'm.role'])
      .where('m.user_id', '=', userId)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('posts as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh', 'o.is_supervisory'])
      .where('p.holder_user_id', '=', userId)
      .orderBy('p.title')
      .execute(),
  ]);
  return {
    kind: 'user',
    id: user.id,
    displayName: user.display_name,
    roles: roles.map((r) => r.role as StaffRole).sort(),
    verified: user.verified_at !== null,
    areaId: user.area_id,
    blocked: user.blocked_at !== null,
    memberships: memberships.map((m) => ({
      organizationId: m.id,
      slug: m.slug,
      name: m.name,
      nameZh: m.name_zh,
      sector: m.sector,
      status: m.status,
      role: m.role,
    })),
    posts: posts.map((p) => ({
      id: p.id,
      title: p.title,
      titleZh: p.title_zh,
      organizationId: p.org_id,
      organizationSlug: p.slug,
      organizationName: p.name,
      organizationNameZh: p.name_zh,
      supervisory: p.is_supervisory,
    })),
  };
}
