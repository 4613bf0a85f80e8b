import type { Tx } from '../../../core/db/database.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { copyAttachments } from '../../../core/attachments/attachments.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { localDate } from '../../../core/calendar/working-days.js';
import { actsForDepartment } from '../policy.js';
import { MAX_PUBLICATION_ATTACHMENTS } from '../rules.js';
import type { PublicationCategory } from '../tables.js';
import { publicationPath, reindexPublication, replaceLinks } from './publication-input.js';
import { markPublished } from './publish-publication.js';
import { findDepartment, officialPostIn } from '../../../core/organizations/departments.js';

const TYPE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Puts a document in the register inside the caller's transaction (the caller's change and this
 * publication commit together), published at once and dated today; writes its own audit rows.
 * For other modules (an information request's answer becomes a register entry with one action).
 */
export async function publishInRegister(
  trx: Tx,
  actor: UserActor,
  input: {
    departmentId: string;
    title: string;
    summary: string;
    category: PublicationCategory;
    /** Copy these attachments (e.g. a reply's documents) onto the publication. */
    attachmentsFrom?: { ownerType: string; ownerId: string };
    links?: { type: string; id: string }[];
    now: Date;
  },
): Promise<Result<{ id: string; path: string }, 'forbidden_department' | 'attachment_invalid'>> {
  const { now } = input;
  if (!(await findDepartment(trx, input.departmentId)) || !actsForDepartment(actor, input.departmentId)) return fail('forbidden_department');
  const title = input.title.trim();
  const row = await trx
    .insertInto('publications')
    .values({
      department_id: input.departmentId,
      area_id: null,
      category: input.category,
      title,
      summary: input.summary.trim(),
      document_date: localDate(now, await loadCalendar(trx)),
      valid_from: null,
      valid_until: null,
      status: 'draft',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      tsv: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let attachments = 0;
  if (input.attachmentsFrom) {
    const copied = await copyAttachments(trx, { from: input.attachmentsFrom, to: { ownerType: 'publication', ownerId: row.id }, now });
    if (copied.length > MAX_PUBLICATION_ATTACHMENTS) return fail('attachment_invalid');
    attachments = copied.length;
  }
  await replaceLinks(trx, row.id, (input.links ?? []).filter((l) => TYPE.test(l.type) && l.id.length > 0 && l.id.length <= 100));
  await reindexPublication(trx, row.id);
  await writeAudit(
    trx,
    actor,
    {
      action: 'publication.created',
      resourceType: 'publication',
      resourceId: row.id,
      postId: officialPostIn(actor, input.departmentId),
      organizationId: input.departmentId,
      data: { title, category: input.category, attachments, from: input.attachmentsFrom?.ownerType ?? null },
      public: false,
    },
    now,
  );
  await markPublished(trx, actor, { id: row.id, title, departmentId: input.departmentId, category: input.category, attachments }, now);
  return ok({ id: row.id, path: publicationPath(row.id) });
}
