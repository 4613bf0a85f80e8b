import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { deleteAttachmentsOf } from '../../../core/attachments/attachments.js';
import { deleteRefusal, withdrawRefusal } from '../rules.js';
import { publicationPath } from './publication-input.js';
import { lockPublication } from './publish-publication.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * Withdraws a published document with a public reason: it stays in the register, marked withdrawn,
 * with its files, so what was published remains on the record.
 */
export async function withdrawPublication(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason: string },
): Promise<Result<null, 'not_found' | 'publication_not_published'>> {
  const now = clock.now();
  const reason = input.reason.trim();
  return transact(db, async (trx) => {
    const row = await lockPublication(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = withdrawRefusal(row.status);
    if (refusal) return fail(refusal);
    await trx.updateTable('publications').set({ status: 'withdrawn', withdrawn_at: now, withdrawal_reason: reason, updated_at: now }).where('id', '=', row.id).execute();
    await trx.insertInto('publication_events').values({ publication_id: row.id, kind: 'withdrawn', note: reason, at: now }).execute();
    await notifyFollowers(trx, { kind: 'publication.withdrawn', resourceType: 'publication', resourceId: row.id, title: row.title, path: publicationPath(row.id), data: { reason } }, now, actor.id);
    await writeAudit(
      trx,
      actor,
      {
        action: 'publication.withdrawn',
        resourceType: 'publication',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        organizationId: row.department_id,
        data: { title: row.title, reason },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}

/** Deletes a draft that was never published (with its files); a published document is only ever withdrawn. */
export async function deleteDraft({ db, clock }: Deps, actor: UserActor, input: { id: string }): Promise<Result<null, 'not_found' | 'publication_not_draft'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockPublication(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = deleteRefusal(row.status);
    if (refusal) return fail(refusal);
    await deleteAttachmentsOf(trx, 'publication', row.id);
    await trx.deleteFrom('publications').where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'publication.draft_deleted', resourceType: 'publication', resourceId: row.id, postId: officialPostIn(actor, row.department_id), organizationId: row.department_id, data: { title: row.title }, public: false },
      now,
    );
    return ok(null);
  });
}
