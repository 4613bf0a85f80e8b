import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import { publishRefusal } from '../rules.js';

/** Publishes a draft while the process takes proposals: from now on everyone sees and may support it. */
export async function publishProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<null, 'not_found' | 'proposal_not_draft' | 'proposing_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('proposals').select(['id', 'state', 'process_id', 'organization_id', 'title']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const context = await loadProcess(trx, { id: row.process_id }, now);
    if (!context) return fail('not_found');
    const refusal = publishRefusal(row.state, context.isOpen('proposals', 'propose').open);
    if (refusal) return fail(refusal);
    await trx.updateTable('proposals').set({ state: 'published', published_at: now, updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'proposal.published', resourceType: 'proposal', resourceId: row.id, organizationId: row.organization_id, data: { processId: row.process_id, title: row.title }, public: true },
      now,
    );
    return ok(null);
  });
}
