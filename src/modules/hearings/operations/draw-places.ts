import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { drawRefusal } from '../rules.js';
import { hearingPath, loadHearing, type HearingRow } from '../queries/load-hearing.js';
import { strataResolver } from '../queries/strata.js';
import {
  drawHearing,
  hearingDrawSeed,
  isOversubscribed,
  SORTITION_ALGORITHM,
  type DrawResult,
  type HearingApplicant,
  type HearingDrawResult,
  type HearingStratification,
} from '../sortition.js';
import { postIn } from './hearing-input.js';

/** The published record of a draw: what anyone needs to re-run it, and what came out. */
export interface StoredDrawRecord {
  algorithm: string;
  hearingId: string;
  lot: boolean;
  publicSource: string | null;
  publicValue: string | null;
  seed: string | null;
  seats: number;
  speakingSlots: number;
  stratification: { mode: HearingStratification['mode']; quotas: Record<string, number> | null };
  applicants: HearingApplicant[];
  result: { speakers: Omit<DrawResult, 'algorithm'>; seats: Omit<DrawResult, 'algorithm'> };
}

export function stratificationOf(row: Pick<HearingRow, 'stratification' | 'quotas'>): HearingStratification {
  if (row.stratification === 'quotas') return { mode: 'quotas', quotas: row.quotas ?? {} };
  return { mode: row.stratification };
}

/** Everyone gets a place: speakers in the order they applied. */
function admitAll(applicants: HearingApplicant[]): HearingDrawResult {
  const all = (ids: string[]): DrawResult => ({ algorithm: SORTITION_ALGORITHM, order: ids, selected: ids, waiting: [], quotas: null, selectedPerStratum: null });
  return {
    algorithm: SORTITION_ALGORITHM,
    speakers: all(applicants.filter((a) => a.speak).map((a) => a.id)),
    seats: all(applicants.filter((a) => !a.speak).map((a) => a.id)),
  };
}

const strip = ({ algorithm: _a, ...rest }: DrawResult) => rest;

/**
 * Allocates the places once registration has closed. When more people applied than there are
 * places, speaking slots and seats are drawn by lot (./sortition.ts) from a seed nobody can steer:
 * the hash of the hearing's id, the public value announced in advance and the applicant list fixed
 * at closing. Otherwise everyone gets the place they asked for, unless a public value is given, in
 * which case the lot still sets the speaking order. The whole record is published for anyone to
 * re-run; every applicant is told where they stand.
 */
export async function drawPlaces(
  { db, clock }: Deps,
  actor: UserActor,
  input: { hearingId: string; publicValue?: string | null },
): Promise<
  Result<
    { lot: boolean; speakers: number; attendees: number; waiting: number },
    'not_found' | 'validation_failed' | 'hearing_cancelled' | 'registration_still_open' | 'already_drawn' | 'hearing_already_held'
  >
> {
  const now = clock.now();
  const publicValue = input.publicValue?.trim() || null;
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.hearingId, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = drawRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const { row } = record;
    const registrations = await trx
      .selectFrom('hearing_registrations')
      .select(['id', 'user_id', 'kind', 'area_id', 'created_at'])
      .where('hearing_id', '=', row.id)
      .where('status', '=', 'applied')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const strata = await strataResolver(trx, row.area_id);
    const applicants: HearingApplicant[] = registrations.map((r) => ({ id: r.id, stratum: strata.of(r.area_id), speak: r.kind === 'speak' }));
    const stratification = stratificationOf(row);
    const needsLot = isOversubscribed(applicants, row.seats, row.speaking_slots);
    if (needsLot && !publicValue) return fail('validation_failed', { fields: [{ path: 'publicValue', code: 'public_value_required' }] });
    const lot = publicValue !== null && applicants.length > 0;
    const seed = lot ? hearingDrawSeed({ hearingId: row.id, publicValue: publicValue!, applicantIds: applicants.map((a) => a.id) }) : null;
    const result = lot
      ? drawHearing({ seed: seed!, applicants, seats: row.seats, speakingSlots: row.speaking_slots, stratification })
      : admitAll(applicants);

    const speakerRank = new Map(result.speakers.order.map((id, i) => [id, i]));
    const seatRank = new Map(result.seats.order.map((id, i) => [id, i]));
    const speakers = new Set(result.speakers.selected);
    const seated = new Set(result.seats.selected);
    const waitingPlace = new Map(result.seats.waiting.map((id, i) => [id, i + 1]));
    const stratumOf = new Map(applicants.map((a) => [a.id, a.stratum]));
    const path = hearingPath(row.id);
    for (const r of registrations) {
      const status = speakers.has(r.id) ? 'speaker' : seated.has(r.id) ? 'attendee' : 'waiting';
      await trx
        .updateTable('hearing_registrations')
        .set({ status, stratum: stratumOf.get(r.id)!, speaker_rank: speakerRank.get(r.id) ?? null, seat_rank: seatRank.get(r.id) ?? null, updated_at: now })
        .where('id', '=', r.id)
        .execute();
      await notify(
        trx,
        [r.user_id],
        { kind: `hearing.place_${status}`, resourceType: 'hearing', resourceId: row.id, title: row.title, path, data: { titleZh: row.title_zh, ...(status === 'waiting' ? { rank: waitingPlace.get(r.id)! } : {}) } },
        now,
      );
    }
    const stored: StoredDrawRecord = {
      algorithm: SORTITION_ALGORITHM,
      hearingId: row.id,
      lot,
      publicSource: row.draw_public_source,
      publicValue: lot ? publicValue : null,
      seed,
      seats: row.seats,
      speakingSlots: row.speaking_slots,
      stratification: { mode: stratification.mode, quotas: stratification.mode === 'quotas' ? stratification.quotas : null },
      applicants,
      result: { speakers: strip(result.speakers), seats: strip(result.seats) },
    };
    const postId = postIn(actor, row.department_id);
    await trx
      .insertInto('hearing_draws')
      .values({ hearing_id: row.id, lot, public_value: stored.publicValue, seed, record: JSON.stringify(stored), drawn_by: actor.id, post_id: postId, drawn_at: now })
      .execute();
    await trx.updateTable('hearings').set({ drawn_at: now, updated_at: now }).where('id', '=', row.id).execute();
    const outcome = { lot, speakers: speakers.size, attendees: seated.size, waiting: result.seats.waiting.length };
    await writeAudit(
      trx,
      actor,
      { action: 'hearing.drawn', resourceType: 'hearing', resourceId: row.id, postId, data: { ...outcome, applicants: applicants.length, seed, publicValue: stored.publicValue }, public: true },
      now,
    );
    return ok(outcome);
  });
}
