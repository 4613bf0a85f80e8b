import { sql } from 'kysely';
import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { openRound } from '../rules.js';
import { loadCommitment } from '../queries/load-commitment.js';
import { outsideResidentArea } from '../policy.js';
import type { RatingRound } from '../tables.js';

export interface RatingInput {
  id: string;
  benefit: number;
  valueForMoney: number;
  openness: number;
  delivered: number;
  comment?: string | null;
}

/**
 * A verified resident of the commitment's area rates it in the round open now ("after start" while
 * it is under way, "after completion" once completed) on the four criteria, 1-5 each, with an
 * optional comment. One rating per resident per round: rating again in the same round replaces the
 * earlier one (an upsert on the primary key), so concurrent ratings can neither double-count nor be
 * lost. The commitment row is share-locked, so a round cannot close under a rating being written.
 * Who rated is never published (the audit row is private and holds no scores).
 */
export async function rateCommitment(
  { db, clock }: Deps,
  actor: UserActor,
  input: RatingInput,
): Promise<Result<{ round: RatingRound; changed: boolean }, 'not_found' | 'rating_not_open' | 'resident_outside_area'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('commitments').select(['id', 'status']).where('id', '=', input.id).forShare().executeTakeFirst();
    if (!row) return fail('not_found');
    const round = openRound(row.status);
    if (!round) return fail('rating_not_open');
    const record = await loadCommitment(trx, row.id);
    if (outsideResidentArea(actor, record!.ref)) return fail('resident_outside_area');
    const values = {
      benefit: input.benefit,
      value_for_money: input.valueForMoney,
      openness: input.openness,
      delivered: input.delivered,
      comment: input.comment?.trim() || null,
      updated_at: now,
    };
    const written = await trx
      .insertInto('commitment_ratings')
      .values({ commitment_id: row.id, round, user_id: actor.id, ...values, created_at: now })
      .onConflict((oc) => oc.columns(['commitment_id', 'round', 'user_id']).doUpdateSet(values))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirstOrThrow();
    const changed = !written.inserted;
    await writeAudit(trx, actor, { action: 'commitment.rated', resourceType: 'commitment', resourceId: row.id, data: { round, changed }, public: false }, now);
    return ok({ round, changed });
  });
}
