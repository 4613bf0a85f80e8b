import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { withdrawRefusal } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';

/**
 * Authors withdraw a proposal that has not been answered: it stays readable as withdrawn, takes no
 * more supports, and the department no longer owes an answer. Followers are told.
 */
export async function withdrawProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<null, 'not_found' | 'proposal_not_withdrawable'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'proposals.state', 'proposals.title', 'proposals.organization_id', 'proposals.supports_count', 'processes.slug'])
      .where('proposals.id', '=', input.id)
      .forUpdate('proposals')
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = withdrawRefusal(row.state);
    if (refusal) return fail(refusal);
    await trx.updateTable('proposals').set({ state: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', row.id).execute();
    await notifyFollowers(
      trx,
      { kind: 'proposal.withdrawn', resourceType: 'proposal', resourceId: row.id, title: row.title, path: proposalPath(row.slug, row.id) },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      { action: 'proposal.withdrawn', resourceType: 'proposal', resourceId: row.id, organizationId: row.organization_id, data: { from: row.state, supports: row.supports_count }, public: true },
      now,
    );
    return ok(null);
  });
}
