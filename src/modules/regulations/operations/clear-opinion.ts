import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { clauseOpenFor } from './consultation.js';
import type { ClauseOpinionCounts } from './set-opinion.js';

/** Withdraws a resident's opinion on a clause while supporting is open; nothing happens when there is none. */
export async function clearOpinion(
  { db, clock }: Deps,
  actor: Actor,
  input: { regulationId: string; clauseId: string },
): Promise<Result<ClauseOpinionCounts, 'not_found' | 'consultation_closed' | 'clause_not_current' | 'not_authenticated'>> {
  if (actor.kind !== 'user') return fail('not_authenticated');
  const now = clock.now();
  return transact(db, async (trx) => {
    const clause = await clauseOpenFor(trx, input, 'support', now);
    if (!clause.ok) return clause;
    const removed = await trx
      .deleteFrom('regulation_opinions')
      .where('clause_id', '=', input.clauseId)
      .where('user_id', '=', actor.id)
      .returning('value')
      .executeTakeFirst();
    if (removed) {
      await trx
        .updateTable('regulation_clauses')
        .set((eb) => ({
          supports: eb('supports', '-', removed.value === 1 ? 1 : 0),
          opposes: eb('opposes', '-', removed.value === -1 ? 1 : 0),
        }))
        .where('id', '=', input.clauseId)
        .execute();
      await writeAudit(
        trx,
        actor,
        { action: 'regulation.opinion_withdrawn', resourceType: 'regulation', resourceId: input.regulationId, data: { clauseId: input.clauseId }, public: false },
        now,
      );
    }
    const counts = await trx.selectFrom('regulation_clauses').select(['supports', 'opposes']).where('id', '=', input.clauseId).executeTakeFirstOrThrow();
    return ok({ supports: counts.supports, opposes: counts.opposes, mine: null });
  });
}
