import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { submitRefusal } from '../rules.js';
import { loadHearing } from '../queries/load-hearing.js';
import { activeRegistration } from './submit-question.js';

type CosignError = 'not_found' | 'hearing_cancelled' | 'submissions_closed' | 'registration_required' | 'cannot_cosign_own';

/**
 * Co-signs a written question or opinion (registered people, not its author), or takes the
 * co-signature back, until the hearing starts. Idempotent; the count is kept in the same
 * transaction under the submission's row lock, so rankings are exact.
 */
export async function cosignSubmission(
  { db, clock }: Deps,
  actor: UserActor,
  input: { hearingId: string; submissionId: string; cosign: boolean },
): Promise<Result<{ cosigned: boolean; cosignsCount: number }, CosignError>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId);
    if (!record) return fail('not_found');
    const submission = await trx
      .selectFrom('hearing_submissions')
      .select(['id', 'author_id', 'cosigns_count', 'hidden_at'])
      .where('id', '=', input.submissionId)
      .where('hearing_id', '=', record.row.id)
      .forUpdate()
      .executeTakeFirst();
    if (!submission || submission.hidden_at) return fail('not_found');
    const refusal = submitRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    if (submission.author_id === actor.id) return fail('cannot_cosign_own');
    if (!(await activeRegistration(trx, record.row.id, actor.id))) return fail('registration_required');
    let count = submission.cosigns_count;
    if (input.cosign) {
      const inserted = await trx
        .insertInto('hearing_cosigns')
        .values({ submission_id: submission.id, user_id: actor.id, created_at: now })
        .onConflict((oc) => oc.columns(['submission_id', 'user_id']).doNothing())
        .returning('user_id')
        .executeTakeFirst();
      if (!inserted) return ok({ cosigned: true, cosignsCount: count });
      count = (await trx.updateTable('hearing_submissions').set((eb) => ({ cosigns_count: eb('cosigns_count', '+', 1) })).where('id', '=', submission.id).returning('cosigns_count').executeTakeFirstOrThrow()).cosigns_count;
    } else {
      const removed = await trx.deleteFrom('hearing_cosigns').where('submission_id', '=', submission.id).where('user_id', '=', actor.id).returning('user_id').executeTakeFirst();
      if (!removed) return ok({ cosigned: false, cosignsCount: count });
      count = (await trx.updateTable('hearing_submissions').set((eb) => ({ cosigns_count: eb('cosigns_count', '-', 1) })).where('id', '=', submission.id).returning('cosigns_count').executeTakeFirstOrThrow()).cosigns_count;
    }
    await writeAudit(
      trx,
      actor,
      { action: input.cosign ? 'hearing.submission_cosigned' : 'hearing.submission_uncosigned', resourceType: 'hearing_submission', resourceId: submission.id, data: { hearingId: record.row.id }, public: false },
      now,
    );
    return ok({ cosigned: input.cosign, cosignsCount: count });
  });
}
