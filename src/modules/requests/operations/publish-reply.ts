import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { publishInRegister, type PublicationCategory } from '../../publications/index.js';
import { loadRequest } from '../queries/load-request.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

export interface PublishReplyInput {
  id: string;
  messageId: string;
  category: PublicationCategory;
  /** Defaults to the request's title. */
  title?: string | null;
  summary: string;
}

/**
 * One click for the department: a reply with documents becomes an entry of the publication register
 * (its files copied there, linked back to the request), in the same transaction, so the next person
 * finds the information without asking. Once per request.
 */
export async function publishReply(
  { db, clock }: Deps,
  actor: UserActor,
  input: PublishReplyInput,
): Promise<Result<{ id: string; path: string }, 'not_found' | 'message_not_found' | 'request_already_published' | 'publication_needs_documents' | 'not_an_official' | 'attachment_invalid'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    if (row.publication_id) return fail('request_already_published');
    const message = await trx
      .selectFrom('information_request_messages')
      .select(['id', 'kind', 'department_id'])
      .where('id', '=', input.messageId)
      .where('request_id', '=', row.id)
      .executeTakeFirst();
    if (!message) return fail('message_not_found');
    const files = await trx.selectFrom('attachments').select('id').where('owner_type', '=', 'information_request_message').where('owner_id', '=', message.id).execute();
    if ((message.kind !== 'response' && message.kind !== 'review_decision') || files.length === 0) return fail('publication_needs_documents');
    const published = await publishInRegister(trx, actor, {
      departmentId: row.department_id,
      title: input.title?.trim() || row.title,
      summary: input.summary,
      category: input.category,
      attachmentsFrom: { ownerType: 'information_request_message', ownerId: message.id },
      links: [{ type: 'information_request', id: row.id }],
      now,
    });
    if (!published.ok) return fail(published.code === 'forbidden_department' ? 'not_an_official' : 'attachment_invalid');
    await trx.updateTable('information_requests').set({ publication_id: published.value.id, publication_path: published.value.path, updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.published_in_register',
        resourceType: 'information_request',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        data: { title: row.title, messageId: message.id, publicationId: published.value.id, category: input.category, files: files.length },
        public: true,
      },
      now,
    );
    return ok(published.value);
  });
}
