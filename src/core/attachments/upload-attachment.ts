import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';
import { cleanFileName, detectFileType, extensionMatches, isSafeFileName, stripMetadata } from './file-types.js';
import { extractText } from './extract-text.js';
import { storeOf } from './store.js';
import { presentAttachment, type AttachmentView } from './attachments.js';

/** How many uploads one person may hold unattached at once (a half-filled form, several tabs). */
export const MAX_UNATTACHED_PER_USER = 30;

export type UploadFailure = 'attachment_name_invalid' | 'attachment_empty' | 'attachment_too_large' | 'attachment_type_not_allowed' | 'attachment_name_mismatch' | 'attachment_quota_reached';

/**
 * Stores an uploaded file for its uploader, to be attached to a resource by a later operation.
 * The type is read from the content (JPEG, PNG, WebP, GIF, PDF, XLSX, ODS; UTF-8 text as CSV or
 * plain text); a name whose extension says otherwise is refused, so a file cannot pretend to be
 * what it is not, and so is a name with a directory part. Photos lose their EXIF and text metadata
 * (places, camera serials) before they are stored; the text of documents is extracted for search.
 * Every check runs before anything is written.
 */
export async function uploadAttachment(
  deps: Deps,
  actor: UserActor,
  input: { fileName: string; bytes: Buffer; maxBytes: number },
): Promise<Result<AttachmentView, UploadFailure>> {
  if (!isSafeFileName(input.fileName)) return fail('attachment_name_invalid');
  if (input.bytes.length === 0) return fail('attachment_empty');
  if (input.bytes.length > input.maxBytes) return fail('attachment_too_large', { params: { maxMb: Math.floor(input.maxBytes / (1024 * 1024)) } });
  const type = detectFileType(input.bytes, input.fileName);
  if (!type) return fail('attachment_type_not_allowed');
  if (!extensionMatches(input.fileName, type)) return fail('attachment_name_mismatch', { params: { type: type.extension.toUpperCase() } });
  const bytes = stripMetadata(input.bytes, type);
  const text = await extractText(bytes, type);
  const now = deps.clock.now();
  const store = storeOf(deps);
  return transact(deps.db, async (trx) => {
    const held = await trx
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('uploaded_by', '=', actor.id)
      .where('owner_id', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(held.n) >= MAX_UNATTACHED_PER_USER) return fail('attachment_quota_reached', { params: { max: MAX_UNATTACHED_PER_USER } });
    const row = await trx
      .insertInto('attachments')
      .values({
        uploaded_by: actor.id,
        file_name: cleanFileName(input.fileName, type),
        content_type: type.contentType,
        kind: type.kind,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        text,
        created_at: now,
      })
      .returning(['id', 'file_name', 'content_type', 'kind', 'size', 'sha256'])
      .executeTakeFirstOrThrow();
    await store.put(trx, row, bytes);
    return ok(presentAttachment(row));
  });
}
