import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { editRefusal } from '../rules.js';
import { loadCommitment } from '../queries/load-commitment.js';
import { checkDetails, detailValues, officialPostIn, type CommitmentDetails } from './commitment-input.js';

/** The fields whose change the public audit row names (old and new value). */
const TRACKED = ['title', 'planned_budget', 'planned_start', 'planned_end', 'benefit_target', 'department_id', 'post_id', 'area_id', 'kind'] as const;

/**
 * The department corrects or updates what it stated about a commitment (not its status, progress or
 * origin) until it is completed or cancelled. The audit row lists what changed, from what to what,
 * so a moved deadline or a grown budget is visible on the timeline.
 */
export async function updateCommitment(
  { db, clock }: Deps,
  actor: UserActor,
  input: CommitmentDetails & { id: string },
): Promise<Result<null, 'not_found' | 'commitment_closed' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = editRefusal(record.row.status);
    if (refusal) return fail(refusal);
    const fields = await checkDetails(trx, actor, input, null);
    if (fields.length > 0) return fail('validation_failed', { fields });
    const values = detailValues(input);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of TRACKED) {
      const before = record.row[key];
      const after = values[key];
      if (String(before ?? '') !== String(after ?? '') && !(typeof after === 'number' && Number(before) === after)) changes[key] = { from: before, to: after };
    }
    await trx.updateTable('commitments').set({ ...values, updated_at: now }).where('id', '=', record.row.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'commitment.updated',
        resourceType: 'commitment',
        resourceId: record.row.id,
        postId: officialPostIn(actor, input.departmentId, input.postId),
        data: { changes },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
