import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { submitRefusal } from '../rules.js';
import { loadHearing } from '../queries/load-hearing.js';
import type { SubmissionKind } from '../tables.js';

/** The actor's registration for a hearing, unless withdrawn: what written questions and co-signatures need. */
export async function activeRegistration(db: Executor, hearingId: string, userId: string) {
  return db
    .selectFrom('hearing_registrations')
    .select(['id', 'organization_id'])
    .where('hearing_id', '=', hearingId)
    .where('user_id', '=', userId)
    .where('status', '!=', 'withdrawn')
    .executeTakeFirst();
}

/**
 * A registered person sends a written question or opinion before the hearing starts (whether or
 * not they got a place). Others who registered co-sign; the most co-signed questions go on the
 * agenda. Published at once, in the author's name (and their organization's, if they registered for one).
 */
export async function submitQuestion(
  { db, clock }: Deps,
  actor: UserActor,
  input: { hearingId: string; kind: SubmissionKind; body: string },
): Promise<Result<{ id: string }, 'not_found' | 'hearing_cancelled' | 'submissions_closed' | 'registration_required'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId);
    if (!record) return fail('not_found');
    const refusal = submitRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const registration = await activeRegistration(trx, record.row.id, actor.id);
    if (!registration) return fail('registration_required');
    const row = await trx
      .insertInto('hearing_submissions')
      .values({
        hearing_id: record.row.id,
        registration_id: registration.id,
        author_id: actor.id,
        organization_id: registration.organization_id,
        kind: input.kind,
        body: input.body.trim(),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await follow(trx, actor.id, 'hearing', record.row.id, now);
    await writeAudit(
      trx,
      actor,
      { action: 'hearing.submission_created', resourceType: 'hearing_submission', resourceId: row.id, organizationId: registration.organization_id, data: { hearingId: record.row.id, kind: input.kind }, public: true },
      now,
    );
    return ok({ id: row.id });
  });
}
