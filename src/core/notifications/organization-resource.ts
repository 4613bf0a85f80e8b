import type { ResourceAdapter } from '../resources.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Organizations as a resource for follows and notifications: only verified ones can be followed
 * (pending or rejected ones are not public). Their representatives count as their authors.
 */
export const organizationResource: ResourceAdapter = {
  async describe(db, id) {
    if (!UUID.test(id)) return null;
    const org = await db
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'area_id'])
      .where('id', '=', id)
      .where('status', '=', 'verified')
      .executeTakeFirst();
    if (!org) return null;
    const representatives = await db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', org.id)
      .where('role', '=', 'representative')
      .execute();
    return {
      title: org.name,
      path: `/organizations/${org.slug}`,
      authorIds: representatives.map((r) => r.user_id),
      public: true,
      areaId: org.area_id,
      commenting: { open: false, stance: false, until: null },
    };
  },
};
