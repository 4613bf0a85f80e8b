import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor, UserActor } from '../../../core/permissions/actor.js';
import type { ResourceRegistry } from '../../../core/resources.js';
import type { AttachmentKind } from '../../../core/attachments/file-types.js';
import { attachmentTextsOf } from '../../../core/attachments/attachments.js';
import { searchVector } from '../../../core/search/text-search.js';
import { notify } from '../../../core/notifications/notify.js';
import { findDepartment } from '../../../core/organizations/departments.js';
import { MAX_PUBLICATION_LINKS } from '../rules.js';

/** Every kind of file a publication may carry: PDF documents, spreadsheets (CSV, XLSX, ODS), plain text and images. */
export const PUBLICATION_KINDS: readonly AttachmentKind[] = ['image', 'document', 'spreadsheet', 'text'];

/** The extracted text of attachments indexed per publication (enough for long reports, within PostgreSQL's tsvector limits). */
const MAX_INDEXED_TEXT = 400_000;

export interface LinkInput {
  type: string;
  id: string;
}

/** The links without repeats, in order. */
export function uniqueLinks(links: LinkInput[]): LinkInput[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.type}:${l.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks what a publication points at: the department (when given), the area, the validity period,
 * and each linked record, which must be of a registered resource type and visible to the actor.
 */
export async function checkPublicationInput(
  trx: Tx,
  resources: ResourceRegistry,
  actor: Actor,
  now: Date,
  input: { departmentId?: string; areaId?: string | null; validFrom?: string | null; validUntil?: string | null; links?: LinkInput[] },
): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  if (input.departmentId !== undefined && !(await findDepartment(trx, input.departmentId))) fields.push({ path: 'departmentId', code: 'publication_department_invalid' });
  if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) fields.push({ path: 'areaId', code: 'not_found' });
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) fields.push({ path: 'validUntil', code: 'publication_validity_invalid' });
  for (const [i, link] of (input.links ?? []).entries()) {
    const adapter = resources.get(link.type);
    const info = adapter ? await adapter.describe(trx, link.id, actor, now) : null;
    if (!info) fields.push({ path: `links.${i}`, code: 'publication_link_invalid' });
  }
  return fields;
}

/** Makes `links` the publication's links, in order. */
export async function replaceLinks(trx: Tx, publicationId: string, links: LinkInput[]): Promise<void> {
  await trx.deleteFrom('publication_links').where('publication_id', '=', publicationId).execute();
  const unique = uniqueLinks(links).slice(0, MAX_PUBLICATION_LINKS);
  if (unique.length === 0) return;
  await trx
    .insertInto('publication_links')
    .values(unique.map((l, position) => ({ publication_id: publicationId, target_type: l.type, target_id: l.id, position })))
    .execute();
}

/**
 * Recomputes the search vector from the title, the summary and the text extracted from the
 * attachments, in the caller's transaction (after the attachments are set).
 */
export async function reindexPublication(trx: Tx, id: string): Promise<void> {
  const row = await trx.selectFrom('publications').select(['title', 'summary']).where('id', '=', id).executeTakeFirstOrThrow();
  const texts = await attachmentTextsOf(trx, 'publication', [id]);
  const body = `${row.summary}\n${(texts.get(id) ?? '').slice(0, MAX_INDEXED_TEXT)}`;
  await trx.updateTable('publications').set({ tsv: searchVector(row.title, body) as never }).where('id', '=', id).execute();
}

/** The web path of a publication. */
export function publicationPath(id: string): string {
  return `/publications/${id}`;
}

/** Tells the people who follow the department that it published a document. */
export async function notifyDepartmentFollowers(trx: Tx, actor: UserActor, publication: { id: string; title: string; departmentId: string }, now: Date): Promise<void> {
  const followers = await trx
    .selectFrom('follows')
    .select('user_id')
    .where('resource_type', '=', 'organization')
    .where('resource_id', '=', publication.departmentId)
    .where('user_id', '!=', actor.id)
    .execute();
  await notify(
    trx,
    followers.map((f) => f.user_id),
    { kind: 'publication.published', resourceType: 'publication', resourceId: publication.id, title: publication.title, path: publicationPath(publication.id) },
    now,
  );
}
