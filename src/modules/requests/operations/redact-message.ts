import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { mergeSpans, phraseSpans, spanFits } from '../redaction.js';
import type { RedactionSpan } from '../tables.js';
import { loadRequest } from '../queries/load-request.js';
import { reindex } from './common.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

export interface RedactInput {
  id: string;
  messageId: string;
  /** Character ranges (UTF-16 offsets, end exclusive) of the message's original text. */
  spans?: RedactionSpan[];
  /** Exact phrases: every occurrence is redacted. */
  phrases?: string[];
}

/**
 * Redacts personal data in one message of the correspondence: the marked spans join the message's
 * redactions, so the public reads "[redacted]" there; the original stays for the department and the
 * requester. The audit row says which message, how many spans and which post did it, never the text.
 */
export async function redactMessage(
  { db, clock }: Deps,
  actor: UserActor,
  input: RedactInput,
): Promise<Result<{ spans: number }, 'not_found' | 'message_not_found' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const message = await trx
      .selectFrom('information_request_messages')
      .select(['id', 'seq', 'body', 'redactions'])
      .where('id', '=', input.messageId)
      .where('request_id', '=', record.row.id)
      .forUpdate()
      .executeTakeFirst();
    if (!message) return fail('message_not_found');
    const fields: FieldError[] = [];
    const marked: RedactionSpan[] = [];
    for (const [i, span] of (input.spans ?? []).entries()) {
      if (!spanFits(message.body, span)) fields.push({ path: `spans.${i}`, code: 'redaction_span_invalid' });
      else marked.push({ start: span.start, end: span.end });
    }
    for (const [i, phrase] of (input.phrases ?? []).entries()) {
      const found = phraseSpans(message.body, phrase);
      if (found.length === 0) fields.push({ path: `phrases.${i}`, code: 'redaction_phrase_not_found' });
      marked.push(...found);
    }
    if (fields.length === 0 && marked.length === 0) fields.push({ path: 'spans', code: 'redaction_empty' });
    if (fields.length > 0) return fail('validation_failed', { fields });
    const merged = mergeSpans([...message.redactions, ...marked]);
    await trx.updateTable('information_request_messages').set({ redactions: JSON.stringify(merged), redacted_at: now }).where('id', '=', message.id).execute();
    if (message.seq === 1) await reindex(trx, record.row.id);
    const postId = officialPostIn(actor, record.row.department_id);
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.redacted',
        resourceType: 'information_request',
        resourceId: record.row.id,
        postId,
        data: { messageId: message.id, messageNumber: message.seq, spans: marked.length, totalSpans: merged.length },
        public: true,
      },
      now,
    );
    return ok({ spans: marked.length });
  });
}
