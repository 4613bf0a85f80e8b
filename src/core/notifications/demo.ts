import type { Deps } from '../deps.js';
import { follow, notify } from './notify.js';

/**
 * The demo municipality's notifications: each representative of a verified organization follows it
 * and was told it had been verified. Marked as already e-mailed: this is history, not news, so
 * the demo never mails its invented addresses.
 */
export async function seedNotificationsDemo({ db, clock }: Deps): Promise<void> {
  const now = clock.now();
  const reps = await db
    .selectFrom('organizations as o')
    .innerJoin('organization_members as m', 'm.organization_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.name_zh', 'm.user_id'])
    .where('o.status', '=', 'verified')
    .where('o.sector', '!=', 'government')
    .where('m.role', '=', 'representative')
    .orderBy('o.name')
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const r of reps) {
      await follow(trx, r.user_id, 'organization', r.id, now);
      await notify(
        trx,
        [r.user_id],
        { kind: 'organization.verified', resourceType: 'organization', resourceId: r.id, title: r.name, path: `/organizations/${r.slug}`, data: r.name_zh ? { titleZh: r.name_zh } : {} },
        now,
      );
    }
    await trx.updateTable('notifications').set({ emailed_at: now }).where('emailed_at', 'is', null).execute();
  });
}
