import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { checkDetails, detailValues, officialPostIn, type CommitmentDetails, type Origin } from './commitment-input.js';

export interface CreateCommitmentInput extends CommitmentDetails {
  /** Where it comes from: a qualified proposal, a budget project, a hearing's response report, a draft regulation. */
  origin?: Origin | null;
  /** `proposed` (to consult or decide later) or `adopted` at once (already decided, e.g. by a budget vote or a council). */
  status?: 'proposed' | 'adopted';
}

/**
 * A department registers a commitment or an innovation program in public: what it will do, on what
 * legal basis, who is responsible, for whom, at what cost and by when, and the benefit residents
 * should see, stated as an indicator with a baseline and a target. The author follows it.
 * That the actor may act for the department is checked here as a field (and by the route's policy).
 */
export async function createCommitment(
  { db, clock }: Deps,
  actor: Actor,
  input: CreateCommitmentInput,
): Promise<Result<{ id: string }, 'validation_failed'>> {
  const now = clock.now();
  const origin = input.origin ?? null;
  return transact(db, async (trx) => {
    const fields = await checkDetails(trx, actor, input, origin);
    if (fields.length > 0) return fail('validation_failed', { fields });
    const status = input.status ?? 'proposed';
    const created = await trx
      .insertInto('commitments')
      .values({
        ...detailValues(input),
        status,
        origin_type: origin?.type ?? null,
        origin_id: origin?.id ?? null,
        decided_at: status === 'adopted' ? now : null,
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (actor.kind === 'user') await follow(trx, actor.id, 'commitment', created.id, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'commitment.created',
        resourceType: 'commitment',
        resourceId: created.id,
        postId: officialPostIn(actor, input.departmentId, input.postId),
        data: {
          kind: input.kind,
          title: input.title.trim(),
          departmentId: input.departmentId,
          status,
          plannedBudget: input.plannedBudget,
          plannedStart: input.plannedStart,
          plannedEnd: input.plannedEnd,
          origin: origin ? { type: origin.type, id: origin.id } : null,
        },
        public: true,
      },
      now,
    );
    return ok({ id: created.id });
  });
}
