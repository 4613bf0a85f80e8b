import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { follow } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { clauseOpenFor } from './consultation.js';

export type OpinionValue = 'support' | 'oppose';

export interface ClauseOpinionCounts {
  supports: number;
  opposes: number;
  mine: OpinionValue | null;
}

const numeric = (value: OpinionValue) => (value === 'support' ? 1 : -1);

/**
 * Records a resident's support or opposition to a clause while supporting is open: one opinion per
 * person per clause, which they may change. The clause's counters move in the same transaction,
 * so they stay exact under concurrent requests (the primary key makes a repeated request count once).
 */
export async function setOpinion(
  { db, clock }: Deps,
  actor: Actor,
  input: { regulationId: string; clauseId: string; value: OpinionValue },
): Promise<Result<ClauseOpinionCounts, 'not_found' | 'consultation_closed' | 'clause_not_current' | 'not_authenticated'>> {
  if (actor.kind !== 'user') return fail('not_authenticated');
  const now = clock.now();
  const value = numeric(input.value);
  return transact(db, async (trx) => {
    const clause = await clauseOpenFor(trx, input, 'support', now);
    if (!clause.ok) return clause;
    const inserted = await trx
      .insertInto('regulation_opinions')
      .values({ clause_id: input.clauseId, user_id: actor.id, value, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['clause_id', 'user_id']).doNothing())
      .returning('value')
      .executeTakeFirst();
    let previous: number | null = null;
    if (!inserted) {
      const existing = await trx
        .selectFrom('regulation_opinions')
        .select('value')
        .where('clause_id', '=', input.clauseId)
        .where('user_id', '=', actor.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      previous = existing.value;
      if (previous !== value) {
        await trx.updateTable('regulation_opinions').set({ value, updated_at: now }).where('clause_id', '=', input.clauseId).where('user_id', '=', actor.id).execute();
      }
    }
    if (previous !== value) {
      await trx
        .updateTable('regulation_clauses')
        .set((eb) => ({
          supports: eb('supports', '+', (value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0)),
          opposes: eb('opposes', '+', (value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0)),
        }))
        .where('id', '=', input.clauseId)
        .execute();
      await follow(trx, actor.id, 'regulation', input.regulationId, now);
      await writeAudit(
        trx,
        actor,
        { action: 'regulation.opinion_set', resourceType: 'regulation', resourceId: input.regulationId, data: { clauseId: input.clauseId, value: input.value }, public: false },
        now,
      );
    }
    const counts = await trx.selectFrom('regulation_clauses').select(['supports', 'opposes']).where('id', '=', input.clauseId).executeTakeFirstOrThrow();
    return ok({ supports: counts.supports, opposes: counts.opposes, mine: input.value });
  });
}
