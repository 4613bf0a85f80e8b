import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import type { ResourceDeps } from '../../../core/comments/resource-deps.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_PUBLICATION_ATTACHMENTS } from '../rules.js';
import type { PublicationCategory } from '../tables.js';
import { checkPublicationInput, PUBLICATION_KINDS, reindexPublication, replaceLinks, type LinkInput } from './publication-input.js';
import { markPublished } from './publish-publication.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

export interface PublicationFields {
  title: string;
  summary: string;
  category: PublicationCategory;
  /** `YYYY-MM-DD`. */
  documentDate: string;
  validFrom?: string | null;
  validUntil?: string | null;
  areaId?: string | null;
  /** Uploaded files to attach, in order. */
  attachmentIds?: string[];
  /** Records the document concerns. */
  links?: LinkInput[];
}

export interface CreatePublicationInput extends PublicationFields {
  departmentId: string;
  /** Put it in the register at once instead of keeping a draft. */
  publish?: boolean;
}

/**
 * An official (or administrator) prepares a document of their department for the register: a draft
 * only the department sees, or published at once. That the actor acts for the department is the
 * route's check (`publication.create`).
 */
export async function createPublication(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: CreatePublicationInput,
): Promise<Result<{ id: string; status: 'draft' | 'published' }, 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const fields = await checkPublicationInput(trx, resources, actor, now, input);
    if (fields.length > 0) return fail('validation_failed', { fields });
    const title = input.title.trim();
    const row = await trx
      .insertInto('publications')
      .values({
        department_id: input.departmentId,
        area_id: input.areaId ?? null,
        category: input.category,
        title,
        summary: input.summary.trim(),
        document_date: input.documentDate,
        valid_from: input.validFrom ?? null,
        valid_until: input.validUntil ?? null,
        status: 'draft',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        tsv: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attached = await setAttachments(trx, actor, {
      ownerType: 'publication', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_PUBLICATION_ATTACHMENTS, now, kinds: PUBLICATION_KINDS,
    });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await replaceLinks(trx, row.id, input.links ?? []);
    await reindexPublication(trx, row.id);
    const postId = officialPostIn(actor, input.departmentId);
    await writeAudit(
      trx,
      actor,
      {
        action: 'publication.created',
        resourceType: 'publication',
        resourceId: row.id,
        postId,
        organizationId: input.departmentId,
        data: { title, category: input.category, attachments: attached.value.length },
        public: false,
      },
      now,
    );
    if (input.publish) {
      await markPublished(trx, actor, { id: row.id, title, departmentId: input.departmentId, category: input.category, attachments: attached.value.length }, now);
    }
    return ok({ id: row.id, status: input.publish ? 'published' : 'draft' });
  });
}
