import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { isOpen } from '../rules.js';
import { EVIDENCE_KINDS, MAX_COMPLAINT_FILES, notifyComplainant, notifyHandlers } from './common.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * The complainant adds information and evidence to an open case; when a handler's question is
 * waiting, this is the answer (and the question is no longer waiting). Handlers are told. Who may is
 * the route's check (`complaint.respond`).
 */
export async function addInformation(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; text: string; attachmentIds?: string[] },
): Promise<Result<{ eventId: string }, 'not_found' | 'complaint_closed' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('supervision_complaints').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    if (!isOpen(row.state)) return fail('complaint_closed');
    const kind = row.awaiting_complainant ? 'answer' : 'information';
    const event = await trx
      .insertInto('supervision_complaint_events')
      .values({ complaint_id: row.id, kind, author_id: actor.id, body_id: row.body_id, text: input.text.trim(), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attached = await setAttachments(trx, actor, { ownerType: 'supervision_event', ownerId: event.id, ids: input.attachmentIds ?? [], max: MAX_COMPLAINT_FILES, now, kinds: EVIDENCE_KINDS });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await trx.updateTable('supervision_complaints').set({ awaiting_complainant: false, updated_at: now }).where('id', '=', row.id).execute();
    await notifyHandlers(trx, row, 'supervision.information', now);
    await writeAudit(
      trx,
      actor,
      { action: `supervision.complaint_${kind}`, resourceType: 'supervision_complaint', resourceId: row.id, data: { number: row.number, attachments: attached.value.length }, public: false },
      now,
    );
    return ok({ eventId: event.id });
  });
}

/**
 * A handler writes on the case file: a question to the complainant (who is told, and whose answer
 * the case then waits for) or an internal note the complainant never sees.
 */
export async function writeToCase(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; kind: 'question' | 'note'; text: string },
): Promise<Result<{ eventId: string }, 'not_found' | 'complaint_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('supervision_complaints').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    if (!isOpen(row.state)) return fail('complaint_closed');
    const postId = officialPostIn(actor, row.body_id);
    const event = await trx
      .insertInto('supervision_complaint_events')
      .values({ complaint_id: row.id, kind: input.kind, author_id: actor.id, post_id: postId, body_id: row.body_id, text: input.text.trim(), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.kind === 'question') {
      await trx.updateTable('supervision_complaints').set({ awaiting_complainant: true, updated_at: now }).where('id', '=', row.id).execute();
      await notifyComplainant(trx, row, 'supervision.question', now);
    }
    await writeAudit(
      trx,
      actor,
      { action: `supervision.complaint_${input.kind}`, resourceType: 'supervision_complaint', resourceId: row.id, postId, data: { number: row.number }, public: false },
      now,
    );
    return ok({ eventId: event.id });
  });
}
