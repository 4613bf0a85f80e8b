import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../db/database.js';
import { fail, ok, type Result } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';
import type { AttachmentsTable } from './tables.js';
import type { AttachmentKind } from './file-types.js';

import './tables.js';

/** An attachment as pages and API clients see it. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  kind: AttachmentKind;
  size: number;
  url: string;
}

const DEFAULT_KINDS: readonly AttachmentKind[] = ['image', 'document'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentAttachment(row: Pick<Selectable<AttachmentsTable>, 'id' | 'file_name' | 'content_type' | 'kind' | 'size'>): AttachmentView {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, kind: row.kind, size: row.size, url: `/api/v1/attachments/${row.id}/content` };
}

/**
 * Makes `ids` the attachments of a resource, in that order, inside the resource's own transaction:
 * each id must be the actor's own unattached upload or already attached to this resource;
 * attachments of the resource left out of `ids` are deleted. `kinds` names what the resource takes
 * (photos and PDFs unless said otherwise). Returns the attachments' views.
 */
export async function setAttachments(
  trx: Tx,
  actor: UserActor,
  input: { ownerType: string; ownerId: string; ids: string[]; max: number; now: Date; kinds?: readonly AttachmentKind[] },
): Promise<Result<AttachmentView[], 'attachment_invalid' | 'too_many_attachments' | 'attachment_type_not_allowed'>> {
  const ids = [...new Set(input.ids)];
  if (ids.length > input.max) return fail('too_many_attachments', { params: { max: input.max } });
  if (ids.some((id) => !UUID.test(id))) return fail('attachment_invalid');
  const rows =
    ids.length === 0
      ? []
      : await trx
          .selectFrom('attachments')
          .select(['id', 'file_name', 'content_type', 'kind', 'size'])
          .where('id', 'in', ids)
          .where((eb) =>
            eb.or([
              eb.and([eb('owner_id', 'is', null), eb('uploaded_by', '=', actor.id)]),
              eb.and([eb('owner_type', '=', input.ownerType), eb('owner_id', '=', input.ownerId)]),
            ]),
          )
          .forUpdate()
          .execute();
  if (rows.length !== ids.length) return fail('attachment_invalid');
  const kinds = input.kinds ?? DEFAULT_KINDS;
  if (rows.some((r) => !kinds.includes(r.kind))) return fail('attachment_type_not_allowed');
  let removed = trx.deleteFrom('attachments').where('owner_type', '=', input.ownerType).where('owner_id', '=', input.ownerId);
  if (ids.length > 0) removed = removed.where('id', 'not in', ids);
  await removed.execute();
  for (const [position, id] of ids.entries()) {
    await trx
      .updateTable('attachments')
      .set((eb) => ({ owner_type: input.ownerType, owner_id: input.ownerId, position, attached_at: eb.fn.coalesce('attached_at', eb.val(input.now)) }))
      .where('id', '=', id)
      .execute();
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ok(ids.map((id) => presentAttachment(byId.get(id)!)));
}

/** The attachments of many resources of one type, in their order, by resource id. */
export async function attachmentsOf(db: Executor, ownerType: string, ownerIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'file_name', 'content_type', 'kind', 'size'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .orderBy('owner_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = out.get(row.owner_id!) ?? [];
    list.push(presentAttachment(row));
    out.set(row.owner_id!, list);
  }
  return out;
}

/** Deletes every attachment of a resource (when the resource itself is deleted). */
export async function deleteAttachmentsOf(trx: Tx, ownerType: string, ownerId: string): Promise<void> {
  await trx.deleteFrom('attachments').where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).execute();
}

/**
 * Copies the attachments of one resource onto another in the caller's transaction (a reply's
 * documents published in the register), keeping names, order and extracted text. Bytes kept in
 * the database are copied; files on disk are shared, being named by their content.
 */
export async function copyAttachments(
  trx: Tx,
  input: { from: { ownerType: string; ownerId: string }; to: { ownerType: string; ownerId: string }; now: Date },
): Promise<AttachmentView[]> {
  const sources = await trx
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', input.from.ownerType)
    .where('owner_id', '=', input.from.ownerId)
    .orderBy('position')
    .execute();
  const views: AttachmentView[] = [];
  for (const source of sources) {
    const copy = await trx
      .insertInto('attachments')
      .values({
        owner_type: input.to.ownerType,
        owner_id: input.to.ownerId,
        position: source.position,
        uploaded_by: source.uploaded_by,
        file_name: source.file_name,
        content_type: source.content_type,
        kind: source.kind,
        size: source.size,
        sha256: source.sha256,
        text: source.text,
        created_at: input.now,
        attached_at: input.now,
      })
      .returning(['id', 'file_name', 'content_type', 'kind', 'size'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('attachment_contents')
      .columns(['attachment_id', 'bytes'])
      .expression((eb) => eb.selectFrom('attachment_contents').select([eb.val(copy.id).as('attachment_id'), 'bytes']).where('attachment_id', '=', source.id))
      .execute();
    views.push(presentAttachment(copy));
  }
  return views;
}

/** The text extracted from the attachments of many resources of one type, joined per resource (for search). */
export async function attachmentTextsOf(db: Executor, ownerType: string, ownerIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .select(['owner_id', 'text'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .where('text', 'is not', null)
    .orderBy('owner_id')
    .orderBy('position')
    .execute();
  for (const row of rows) out.set(row.owner_id!, out.has(row.owner_id!) ? `${out.get(row.owner_id!)}\n${row.text}` : row.text!);
  return out;
}
