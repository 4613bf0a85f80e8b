import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { MAX_HEARING_DOCUMENTS } from '../rules.js';
import { hearingColumns, postIn, replacePanel, resolveHearingInput, type HearingInput } from './hearing-input.js';

export interface AnnounceHearingInput extends HearingInput {
  departmentId: string;
}

/**
 * A department announces a hearing: topic, legal basis, date and place (or link), panel, agenda
 * and documents, places and the registration window, and how a draw would be seeded. It is public
 * at once; the response report falls due the configured number of working days after the hearing.
 * Who may announce (officials of the department, administrators) is the route's check.
 */
export async function announceHearing(
  { db, clock }: Deps,
  actor: UserActor,
  input: AnnounceHearingInput,
): Promise<Result<{ id: string }, 'not_found' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const department = await trx.selectFrom('organizations').select(['id', 'sector']).where('id', '=', input.departmentId).executeTakeFirst();
    if (!department || department.sector !== 'government') return fail('not_found', { fields: [{ path: 'departmentId', code: 'not_found' }] });
    const resolved = await resolveHearingInput(trx, input, { departmentId: department.id, now, startsAtChanged: true });
    if (!resolved.ok) return fail('validation_failed', { fields: resolved.fields });
    const v = resolved.value;
    const calendar = await loadCalendar(trx);
    const row = await trx
      .insertInto('hearings')
      .values({
        department_id: department.id,
        ...hearingColumns(v),
        report_due_at: deadlineFor(v.startsAt, v.responseWorkingDays, calendar)!,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replacePanel(trx, row.id, v.panel);
    const attached = await setAttachments(trx, actor, { ownerType: 'hearing', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_HEARING_DOCUMENTS, now });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await follow(trx, actor.id, 'hearing', row.id, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'hearing.announced',
        resourceType: 'hearing',
        resourceId: row.id,
        postId: postIn(actor, department.id),
        data: { title: v.title, startsAt: v.startsAt.toISOString(), seats: v.seats, speakingSlots: v.speakingSlots, processId: v.processId, documents: attached.value.length },
        public: true,
      },
      now,
    );
    return ok({ id: row.id });
  });
}
