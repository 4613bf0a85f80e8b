import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { supportRefusal } from '../rules.js';
import { lockForSupport, processOfProposal, type SupportOutcome } from './support-proposal.js';

/**
 * A resident takes their support back while supporting is open (idempotent). A qualified proposal
 * stays qualified: the department's duty to answer does not disappear with one support.
 */
export async function unsupportProposal(
  deps: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<SupportOutcome, 'not_found' | 'supporting_closed' | 'proposal_not_supportable'>> {
  const now = deps.clock.now();
  const context = await processOfProposal(deps, input.id, now);
  if (!context) return fail('not_found');
  return transact(deps.db, async (trx) => {
    const row = await lockForSupport(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = supportRefusal(row.state, context.isOpen('proposals', 'support').open);
    if (refusal) return fail(refusal);
    const deleted = await trx.deleteFrom('proposal_supports').where('proposal_id', '=', row.id).where('user_id', '=', actor.id).returning('user_id').executeTakeFirst();
    if (!deleted) return ok({ supported: false, supportsCount: row.supports_count, state: row.state });
    const counted = await trx
      .updateTable('proposals')
      .set((eb) => ({ supports_count: eb('supports_count', '-', 1) }))
      .where('id', '=', row.id)
      .returning('supports_count')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'proposal.unsupported', resourceType: 'proposal', resourceId: row.id, data: { processId: row.process_id }, public: false }, now);
    return ok({ supported: false, supportsCount: counted.supports_count, state: row.state });
  });
}
