import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import type { Tx } from '../../../core/db/database.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { askClarificationRefusal, extendRefusal, MAX_MESSAGE_ATTACHMENTS, MESSAGE_ATTACHMENT_KINDS, needsGround, respondRefusal } from '../rules.js';
import { settingsOf } from '../settings.js';
import { mergeSpans, phraseSpans } from '../redaction.js';
import { loadRequest, type RequestRow } from '../queries/load-request.js';
import type { RefusalGround, RequestDecision } from '../tables.js';
import { appendMessage, notifyRequesterAndFollowers, storeDeadlines } from './common.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/** Closes the running pause of a request's clock (if any) at `now`. */
export async function endPause(trx: Tx, requestId: string, now: Date): Promise<boolean> {
  const ended = await trx.updateTable('information_request_pauses').set({ ended_at: now }).where('request_id', '=', requestId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(ended.numUpdatedRows) > 0;
}

/** Attaches the actor's uploads to a message: PDFs, spreadsheets, text files and images. */
export async function attachToMessage(trx: Tx, actor: UserActor, messageId: string, ids: string[], now: Date) {
  return setAttachments(trx, actor, { ownerType: 'information_request_message', ownerId: messageId, ids, max: MAX_MESSAGE_ATTACHMENTS, now, kinds: [...MESSAGE_ATTACHMENT_KINDS] });
}

/** Spans of the given phrases in a text, or the field errors of phrases that do not occur. */
function spansOf(text: string, phrases: string[] | undefined, path: string): { spans: ReturnType<typeof mergeSpans>; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const spans = [];
  for (const [i, phrase] of (phrases ?? []).entries()) {
    const found = phraseSpans(text, phrase);
    if (found.length === 0) fields.push({ path: `${path}.${i}`, code: 'redaction_phrase_not_found' });
    spans.push(...found);
  }
  return { spans: mergeSpans(spans), fields };
}

function signed(row: RequestRow, actor: UserActor) {
  return officialPostIn(actor, row.department_id);
}

/**
 * The department asks the requester to clarify what they want: the question is public, the clock
 * pauses from now until the requester answers. Only while awaiting the response.
 */
export async function askClarification(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; body: string },
): Promise<Result<null, 'not_found' | 'request_not_awaiting_response'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = askClarificationRefusal(row.state);
    if (refusal) return fail(refusal);
    const postId = signed(row, actor);
    await trx.insertInto('information_request_pauses').values({ request_id: row.id, started_at: now, ended_at: null }).execute();
    await trx.updateTable('information_requests').set({ state: 'awaiting_clarification', due_at: null, very_overdue_due_at: null, updated_at: now }).where('id', '=', row.id).execute();
    const messageId = await appendMessage(trx, { requestId: row.id, kind: 'clarification_request', body: input.body.trim(), authorId: actor.id, postId, departmentId: row.department_id }, now);
    await notifyRequesterAndFollowers(trx, row, 'request.clarification_requested', now, actor.id);
    await writeAudit(
      trx,
      actor,
      { action: 'request.clarification_requested', resourceType: 'information_request', resourceId: row.id, postId, data: { title: row.title, messageId, departmentId: row.department_id }, public: true },
      now,
    );
    return ok(null);
  });
}

/**
 * The department extends the response period once, before the deadline, by the working days its
 * settings gave when the request arrived, with a public reason.
 */
export async function extendRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason: string },
): Promise<Result<{ dueAt: Date }, 'not_found' | 'request_not_awaiting_response' | 'extension_used' | 'extension_not_available' | 'extension_too_late'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = extendRefusal(row.state, row.extended_at, row.due_at, row.extension_working_days, now);
    if (refusal) return fail(refusal);
    const postId = signed(row, actor);
    await trx.updateTable('information_requests').set({ extended_at: now, updated_at: now }).where('id', '=', row.id).execute();
    const { dueAt } = await storeDeadlines(trx, { ...row, extended: true }, await loadCalendar(trx));
    const data = { workingDays: row.extension_working_days, previousDueAt: row.due_at!.toISOString(), dueAt: dueAt!.toISOString() };
    const messageId = await appendMessage(trx, { requestId: row.id, kind: 'extension', body: input.reason.trim(), authorId: actor.id, postId, departmentId: row.department_id, data }, now);
    await notifyRequesterAndFollowers(trx, row, 'request.extended', now, actor.id, { dueAt: dueAt!.toISOString() });
    await writeAudit(
      trx,
      actor,
      { action: 'request.extended', resourceType: 'information_request', resourceId: row.id, postId, data: { title: row.title, messageId, departmentId: row.department_id, ...data }, public: true },
      now,
    );
    return ok({ dueAt: dueAt! });
  });
}

export interface RespondInput {
  id: string;
  decision: RequestDecision;
  /** Required for a refusal in whole or in part: a code from the department's published list. */
  ground?: string | null;
  body: string;
  attachmentIds?: string[];
  /** Personal data to redact before the reply is published: every occurrence of each phrase. */
  redactPhrases?: string[];
}

/**
 * The department replies with its decision (information released, released in part, not held, or
 * refused on a published legal ground, snapshotted), signed by the official's post, with documents.
 * Replying while waiting for a clarification ends the pause. Personal data can be redacted before
 * publication. The requester and followers are told; the public audit row says whether it was late.
 */
export async function respondToRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: RespondInput,
): Promise<Result<{ messageId: string }, 'not_found' | 'request_already_answered' | 'validation_failed'>> {
  const now = clock.now();
  const body = input.body.trim();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = respondRefusal(row.state);
    if (refusal) return fail(refusal);
    const fields: FieldError[] = [];
    let ground: RefusalGround | null = null;
    if (input.ground) {
      ground = (await settingsOf(trx, row.department_id)).refusalGrounds.find((g) => g.code === input.ground) ?? null;
      if (!ground) fields.push({ path: 'ground', code: 'refusal_ground_unknown' });
    } else if (needsGround(input.decision)) fields.push({ path: 'ground', code: 'refusal_ground_required' });
    const redaction = spansOf(body, input.redactPhrases, 'redactPhrases');
    fields.push(...redaction.fields);
    if (fields.length > 0) return fail('validation_failed', { fields });
    if (!needsGround(input.decision)) ground = null;

    const postId = signed(row, actor);
    const calendar = await loadCalendar(trx);
    if (await endPause(trx, row.id, now)) {
      // Replying while waiting for a clarification ends the pause: the deadline the reply is judged by counts without it.
      await trx.updateTable('information_requests').set({ state: 'awaiting_response', due_at: now }).where('id', '=', row.id).execute();
      await storeDeadlines(trx, { ...row, extended: row.extended_at !== null }, calendar);
    }
    const current = (await trx.selectFrom('information_requests').select(['due_at']).where('id', '=', row.id).executeTakeFirstOrThrow()).due_at!;
    await trx
      .updateTable('information_requests')
      .set({ state: input.decision, decision: input.decision, refusal_ground: ground ? JSON.stringify(ground) : null, responded_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const messageId = await appendMessage(
      trx,
      { requestId: row.id, kind: 'response', body, authorId: actor.id, postId, departmentId: row.department_id, data: { decision: input.decision, ground }, redactions: redaction.spans },
      now,
    );
    const attached = await attachToMessage(trx, actor, messageId, input.attachmentIds ?? [], now);
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await notifyRequesterAndFollowers(trx, row, 'request.responded', now, actor.id, { decision: input.decision });
    const late = now.getTime() >= current.getTime();
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.responded',
        resourceType: 'information_request',
        resourceId: row.id,
        postId,
        data: {
          title: row.title, messageId, departmentId: row.department_id, decision: input.decision, ground: ground?.code ?? null,
          legalReference: ground?.legal_reference ?? null, dueAt: current.toISOString(), late, attachments: attached.value.length,
          redactedSpans: redaction.spans.length,
        },
        public: true,
      },
      now,
    );
    return ok({ messageId });
  });
}
