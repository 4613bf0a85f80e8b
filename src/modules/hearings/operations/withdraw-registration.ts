import { sql } from 'kysely';
import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor, type UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { withdrawRefusal } from '../rules.js';
import { hearingPath, loadHearing, type HearingRow } from '../queries/load-hearing.js';

/**
 * Gives a freed place to the next person the draw put in line: a speaking slot to the next would-be
 * speaker by the speakers' draw order (whose seat, if they had one, is then freed in turn), a seat
 * to the first on the waiting list by the seats' draw order. When places were stratified, the next
 * person of the same stratum goes first. Returns the registrations promoted.
 */
async function fillPlace(trx: Tx, hearing: HearingRow, place: 'speaker' | 'attendee', stratum: string | null, now: Date): Promise<{ id: string; place: 'speaker' | 'attendee' }[]> {
  const sameStratumFirst = hearing.stratification !== 'none' && stratum !== null;
  let query = trx
    .selectFrom('hearing_registrations')
    .select(['id', 'user_id', 'status', 'stratum'])
    .where('hearing_id', '=', hearing.id);
  query =
    place === 'speaker'
      ? query.where('kind', '=', 'speak').where('status', 'in', ['attendee', 'waiting']).where('speaker_rank', 'is not', null)
      : query.where('status', '=', 'waiting').where('seat_rank', 'is not', null);
  if (sameStratumFirst) query = query.orderBy(sql`(stratum = ${stratum})`, 'desc');
  const next = await query.orderBy(place === 'speaker' ? 'speaker_rank' : 'seat_rank').limit(1).executeTakeFirst();
  if (!next) return [];
  await trx.updateTable('hearing_registrations').set({ status: place, updated_at: now }).where('id', '=', next.id).execute();
  await notify(
    trx,
    [next.user_id],
    { kind: `hearing.promoted_${place}`, resourceType: 'hearing', resourceId: hearing.id, title: hearing.title, path: hearingPath(hearing.id), data: { titleZh: hearing.title_zh } },
    now,
  );
  const promoted = [{ id: next.id, place }];
  // A would-be speaker who had a seat leaves it for the next on the waiting list.
  if (place === 'speaker' && next.status === 'attendee') promoted.push(...(await fillPlace(trx, hearing, 'attendee', next.stratum, now)));
  return promoted;
}

/**
 * Withdraws one's application until the hearing starts. After the draw, a speaking slot or seat
 * given up goes to the next in line (publicly recorded, by pseudonymous registration id), so the
 * room fills as the draw decided.
 */
export async function withdrawRegistration(
  { db, clock }: Deps,
  actor: UserActor,
  input: { hearingId: string },
): Promise<Result<{ promoted: number }, 'not_found' | 'not_registered' | 'hearing_cancelled' | 'hearing_already_held'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId, { forUpdate: true });
    if (!record) return fail('not_found');
    const registration = await trx
      .selectFrom('hearing_registrations')
      .select(['id', 'status', 'stratum', 'organization_id'])
      .where('hearing_id', '=', record.row.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    const refusal = withdrawRefusal(record.timing, now, registration?.status ?? null);
    if (refusal || !registration) return fail(refusal ?? 'not_registered');
    await trx.updateTable('hearing_registrations').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', registration.id).execute();
    const promoted =
      registration.status === 'speaker' || registration.status === 'attendee'
        ? await fillPlace(trx, record.row, registration.status, registration.stratum, now)
        : [];
    await writeAudit(
      trx,
      actor,
      { action: 'hearing.registration_withdrawn', resourceType: 'hearing', resourceId: record.row.id, organizationId: registration.organization_id, data: { registrationId: registration.id, from: registration.status }, public: false },
      now,
    );
    if (promoted.length > 0) {
      // Who moves up follows from the published draw, so it is public, by pseudonymous id.
      await writeAudit(
        trx,
        systemActor('hearings'),
        { action: 'hearing.places_reassigned', resourceType: 'hearing', resourceId: record.row.id, data: { freed: registration.id, promoted }, public: true },
        now,
      );
    }
    return ok({ promoted: promoted.length });
  });
}
