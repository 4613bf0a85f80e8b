import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { cosignRefusal } from '../rules.js';

export interface CosignOutcome {
  cosigned: boolean;
  cosignsCount: number;
}

/**
 * Co-signs a question that still waits for its answer ("I want this answered too"), or takes the
 * co-signature back. Idempotent both ways: one co-signature per person, counted under the
 * question's row lock in the same transaction. A co-signer follows the question.
 * That the askers themselves cannot co-sign is the route's check (`question.cosign`).
 */
export async function cosignQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; cosign: boolean },
): Promise<Result<CosignOutcome, 'not_found' | 'question_closed'>> {
  const now = clock.now();
  return transact<CosignOutcome, 'not_found' | 'question_closed'>(db, async (trx) => {
    const row = await trx.selectFrom('questions').select(['id', 'state', 'cosigns_count']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = cosignRefusal(row.state);
    if (refusal) return fail(refusal);
    if (input.cosign) {
      const inserted = await trx
        .insertInto('question_cosigns')
        .values({ question_id: row.id, user_id: actor.id, created_at: now })
        .onConflict((oc) => oc.columns(['question_id', 'user_id']).doNothing())
        .returning('user_id')
        .executeTakeFirst();
      if (!inserted) return ok({ cosigned: true, cosignsCount: row.cosigns_count });
      const counted = await trx
        .updateTable('questions')
        .set((eb) => ({ cosigns_count: eb('cosigns_count', '+', 1) }))
        .where('id', '=', row.id)
        .returning('cosigns_count')
        .executeTakeFirstOrThrow();
      await follow(trx, actor.id, 'question', row.id, now);
      await writeAudit(trx, actor, { action: 'question.cosigned', resourceType: 'question', resourceId: row.id, data: {}, public: false }, now);
      return ok({ cosigned: true, cosignsCount: counted.cosigns_count });
    }
    const removed = await trx.deleteFrom('question_cosigns').where('question_id', '=', row.id).where('user_id', '=', actor.id).returning('user_id').executeTakeFirst();
    if (!removed) return ok({ cosigned: false, cosignsCount: row.cosigns_count });
    const counted = await trx
      .updateTable('questions')
      .set((eb) => ({ cosigns_count: eb('cosigns_count', '-', 1) }))
      .where('id', '=', row.id)
      .returning('cosigns_count')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'question.cosign_withdrawn', resourceType: 'question', resourceId: row.id, data: {}, public: false }, now);
    return ok({ cosigned: false, cosignsCount: counted.cosigns_count });
  });
}
