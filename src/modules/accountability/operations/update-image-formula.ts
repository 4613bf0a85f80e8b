import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadImageFormula, saveImageFormula, type ImageFormula } from '../image-project.js';

/** An administrator changes the image-project formula's parameters; the change (old and new) is public. */
export async function updateImageFormula({ db, clock }: Deps, actor: UserActor, formula: ImageFormula): Promise<Result<ImageFormula>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const before = await loadImageFormula(trx);
    await saveImageFormula(trx, formula);
    await writeAudit(trx, actor, { action: 'accountability.image_formula_updated', resourceType: 'accountability_settings', resourceId: null, data: { from: before, to: formula }, public: true }, now);
    return ok(formula);
  });
}
