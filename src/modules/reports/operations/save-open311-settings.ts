import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { Open311Settings } from '../schemas.js';
import { OPEN311_SETTINGS_KEY } from '../queries/open311-settings.js';

/** Administrators set the Open311 jurisdiction id, contact line and key instructions. */
export async function saveOpen311Settings(
  { db, clock }: Deps,
  actor: Actor,
  input: { jurisdictionId: string; contact?: string; keyService?: string },
): Promise<Result<Open311Settings, never>> {
  const now = clock.now();
  const settings: Open311Settings = { jurisdictionId: input.jurisdictionId, contact: input.contact?.trim() ?? '', keyService: input.keyService?.trim() ?? '' };
  return transact(db, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: OPEN311_SETTINGS_KEY, value: JSON.stringify(settings) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(settings) }))
      .execute();
    await writeAudit(trx, actor, { action: 'open311.settings_saved', resourceType: 'open311', data: { ...settings }, public: true }, now);
    return ok(settings);
  });
}
