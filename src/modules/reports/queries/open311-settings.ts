import type { Executor } from '../../../core/db/database.js';
import type { Open311Settings } from '../schemas.js';

export const OPEN311_SETTINGS_KEY = 'reports.open311';

/**
 * The installation's Open311 settings: its one jurisdiction id (by default the slug of its top
 * area, e.g. the city), the contact line and how to get a key, as the discovery document shows them.
 */
export async function readOpen311Settings(db: Executor): Promise<Open311Settings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', OPEN311_SETTINGS_KEY).executeTakeFirst();
  const stored = (row?.value ?? {}) as Partial<Open311Settings>;
  let jurisdictionId = typeof stored.jurisdictionId === 'string' && stored.jurisdictionId ? stored.jurisdictionId : null;
  if (!jurisdictionId) {
    const top = await db.selectFrom('areas').select('slug').where('parent_id', 'is', null).orderBy('created_at').orderBy('slug').executeTakeFirst();
    jurisdictionId = top?.slug ?? 'civitas';
  }
  return {
    jurisdictionId,
    contact: typeof stored.contact === 'string' ? stored.contact : '',
    keyService: typeof stored.keyService === 'string' ? stored.keyService : '',
  };
}
