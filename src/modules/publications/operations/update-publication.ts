import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import type { ResourceDeps } from '../../../core/comments/resource-deps.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { editRefusal, MAX_PUBLICATION_ATTACHMENTS } from '../rules.js';
import type { PublicationFields } from './create-publication.js';
import { checkPublicationInput, PUBLICATION_KINDS, publicationPath, reindexPublication, replaceLinks } from './publication-input.js';
import { lockPublication } from './publish-publication.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

export interface UpdatePublicationInput extends PublicationFields {
  id: string;
  /** Required once published: what was corrected, shown with the date of the update. */
  changeNote?: string | null;
}

/**
 * Edits a publication. A draft changes freely; a published document is corrected in public: the
 * change note is required and shown as "updated on", followers are told and the audit row is public.
 * A withdrawn document no longer changes. The department stays the one it was created for.
 */
export async function updatePublication(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: UpdatePublicationInput,
): Promise<Result<null, 'not_found' | 'publication_withdrawn' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockPublication(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = editRefusal(row.status);
    if (refusal) return fail(refusal);
    const note = input.changeNote?.trim() || null;
    const fields = await checkPublicationInput(trx, resources, actor, now, input);
    if (row.status === 'published' && !note) fields.push({ path: 'changeNote', code: 'publication_change_note_required' });
    if (fields.length > 0) return fail('validation_failed', { fields });
    const published = row.status === 'published';
    const title = input.title.trim();
    await trx
      .updateTable('publications')
      .set({
        title,
        summary: input.summary.trim(),
        category: input.category,
        area_id: input.areaId ?? null,
        document_date: input.documentDate,
        valid_from: input.validFrom ?? null,
        valid_until: input.validUntil ?? null,
        updated_at: now,
        ...(published ? { corrected_at: now } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    const attached = await setAttachments(trx, actor, {
      ownerType: 'publication', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_PUBLICATION_ATTACHMENTS, now, kinds: PUBLICATION_KINDS,
    });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await replaceLinks(trx, row.id, (input.links ?? []).filter((l) => !(l.type === 'publication' && l.id === row.id)));
    await reindexPublication(trx, row.id);
    const changed = (['title', 'summary', 'category', 'area_id', 'document_date', 'valid_from', 'valid_until'] as const).filter((key) => {
      const next = { title, summary: input.summary.trim(), category: input.category, area_id: input.areaId ?? null, document_date: input.documentDate, valid_from: input.validFrom ?? null, valid_until: input.validUntil ?? null }[key];
      return row[key] !== next;
    });
    if (published) {
      await trx.insertInto('publication_events').values({ publication_id: row.id, kind: 'corrected', note, at: now }).execute();
      await notifyFollowers(trx, { kind: 'publication.corrected', resourceType: 'publication', resourceId: row.id, title, path: publicationPath(row.id), data: { note } }, now, actor.id);
    }
    await writeAudit(
      trx,
      actor,
      {
        action: published ? 'publication.corrected' : 'publication.updated',
        resourceType: 'publication',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        organizationId: row.department_id,
        data: { title, changed, attachments: attached.value.length, ...(published ? { note } : {}) },
        public: published,
      },
      now,
    );
    return ok(null);
  });
}
