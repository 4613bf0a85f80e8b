import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { editRefusal, MAX_HEARING_DOCUMENTS } from '../rules.js';
import { hearingPath, loadHearing, type HearingRow } from '../queries/load-hearing.js';
import { hearingColumns, postIn, replacePanel, resolveHearingInput, type HearingInput } from './hearing-input.js';

export type UpdateHearingInput = Partial<HearingInput> & { id: string };

/** The announced values of a row, as input, so an edit can send only what changes. */
async function currentInput(db: Executor, row: HearingRow): Promise<HearingInput> {
  const panel = await db.selectFrom('hearing_panel').select(['post_id', 'role']).where('hearing_id', '=', row.id).orderBy('position').execute();
  return {
    processId: row.process_id,
    areaId: row.area_id,
    title: row.title,
    titleZh: row.title_zh,
    description: row.description,
    descriptionZh: row.description_zh,
    legalBasis: row.legal_basis,
    legalBasisZh: row.legal_basis_zh,
    legalReference: row.legal_reference,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    locationZh: row.location_zh,
    onlineUrl: row.online_url,
    agenda: row.agenda,
    panel: panel.map((m) => ({ postId: m.post_id, role: m.role })),
    seats: row.seats,
    speakingSlots: row.speaking_slots,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    stratification: row.stratification,
    quotas: row.quotas,
    drawPublicSource: row.draw_public_source,
    agendaQuestions: row.agenda_questions,
    responseWorkingDays: row.response_working_days,
  };
}

const sameQuotas = (a: Record<string, number> | null, b: Record<string, number> | null) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes an announced hearing until it starts. Once places are drawn, seats, speaking slots, the
 * registration window and the stratification stay as they were drawn with. A new date, time or
 * place is told to everyone registered; calendar feeds pick up the change (the sequence goes up).
 */
export async function updateHearing(
  { db, clock }: Deps,
  actor: UserActor,
  input: UpdateHearingInput,
): Promise<Result<null, 'not_found' | 'validation_failed' | 'hearing_cancelled' | 'hearing_already_held' | 'hearing_already_drawn'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadHearing(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const refusal = editRefusal(record.timing, now);
    if (refusal) return fail(refusal);
    const { row } = record;
    const before = await currentInput(trx, row);
    const { id: _id, attachmentIds, ...changes } = input;
    const merged: HearingInput = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (row.drawn_at) {
      const placesChanged =
        merged.seats !== before.seats ||
        merged.speakingSlots !== before.speakingSlots ||
        merged.registrationOpensAt.getTime() !== before.registrationOpensAt.getTime() ||
        merged.registrationClosesAt.getTime() !== before.registrationClosesAt.getTime() ||
        (merged.stratification ?? 'none') !== before.stratification ||
        ((merged.stratification ?? 'none') === 'quotas' && !sameQuotas(merged.quotas ?? null, before.quotas ?? null));
      if (placesChanged) return fail('hearing_already_drawn');
    }
    const startsAtChanged = merged.startsAt.getTime() !== before.startsAt.getTime();
    const resolved = await resolveHearingInput(trx, merged, { departmentId: row.department_id, now, startsAtChanged });
    if (!resolved.ok) return fail('validation_failed', { fields: resolved.fields });
    const v = resolved.value;
    const calendar = await loadCalendar(trx);
    await trx
      .updateTable('hearings')
      .set({
        ...hearingColumns(v),
        report_due_at: deadlineFor(v.startsAt, v.responseWorkingDays, calendar)!,
        sequence: row.sequence + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    if (changes.panel !== undefined) await replacePanel(trx, row.id, v.panel);
    if (attachmentIds !== undefined) {
      const attached = await setAttachments(trx, actor, { ownerType: 'hearing', ownerId: row.id, ids: attachmentIds, max: MAX_HEARING_DOCUMENTS, now });
      if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    }
    const moved =
      startsAtChanged ||
      v.endsAt.getTime() !== row.ends_at.getTime() ||
      v.location !== row.location ||
      v.onlineUrl !== row.online_url;
    if (moved) {
      const registered = await trx.selectFrom('hearing_registrations').select('user_id').where('hearing_id', '=', row.id).where('status', '!=', 'withdrawn').execute();
      await notify(
        trx,
        registered.map((r) => r.user_id),
        { kind: 'hearing.changed', resourceType: 'hearing', resourceId: row.id, title: v.title, path: hearingPath(row.id), data: { titleZh: v.titleZh, startsAt: v.startsAt.toISOString() } },
        now,
      );
    }
    const changed = Object.keys(changes).filter((key) => JSON.stringify((changes as Record<string, unknown>)[key]) !== JSON.stringify((before as unknown as Record<string, unknown>)[key]));
    await writeAudit(
      trx,
      actor,
      {
        action: 'hearing.updated',
        resourceType: 'hearing',
        resourceId: row.id,
        postId: postIn(actor, row.department_id),
        data: { changed: attachmentIds !== undefined ? [...changed, 'attachmentIds'] : changed, startsAt: v.startsAt.toISOString(), location: v.location, onlineUrl: v.onlineUrl },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
