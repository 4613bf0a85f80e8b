import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { authorize, notFound, requireUser } from '../http/context.js';
import { fail, FailureError, orFail } from '../errors.js';
import { errorResponses, idSchema } from '../http/schemas.js';
import { canCore } from '../policy.js';
import type { Actor } from '../permissions/actor.js';
import { acceptedFileTypes } from './file-types.js';
import { uploadAttachment } from './upload-attachment.js';
import { deleteUpload } from './delete-upload.js';
import { storeOf } from './store.js';

export const attachmentViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  kind: z.enum(['image', 'document', 'spreadsheet', 'text']),
  size: z.number().int(),
  url: z.string(),
});

const acceptedContentTypes = [...new Set([...acceptedFileTypes.map((t) => t.contentType.split(';')[0]!), 'text/plain', 'text/csv', 'application/octet-stream'])];

/**
 * Uploading a file (the raw bytes as the request body), reading one as whoever may read the
 * resource it is attached to, and deleting one's own upload before it is attached.
 */
export function attachmentRoutes(app: App, ctx: AppContext): void {
  const { deps, resources, config } = ctx;
  const maxBytes = config.ATTACHMENT_MAX_MB * 1024 * 1024;

  /** Whether the actor may read an attachment: its uploader before it is attached, afterwards whoever may read its resource. */
  async function visible(row: { owner_type: string | null; owner_id: string | null; uploaded_by: string }, actor: Actor): Promise<boolean> {
    if (row.owner_type === null || row.owner_id === null) return actor.kind === 'user' && actor.id === row.uploaded_by;
    const adapter = resources.get(row.owner_type);
    if (!adapter) return false;
    return (await adapter.describe(deps.db, row.owner_id, actor, deps.clock.now())) !== null;
  }

  // The upload takes raw bytes whatever type the client names: in its own scope, text types (which the
  // rest of the API reads as strings, e.g. a census CSV) are read as bytes too, so nothing is re-encoded.
  void app.register(async (instance) => {
    const scope = instance as unknown as App;
    scope.removeContentTypeParser(['text/csv', 'text/plain']);
    scope.addContentTypeParser(acceptedContentTypes, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/attachments', {
      schema: {
        tags: ['attachments'],
        summary: `Upload a file (the raw bytes as the body; JPEG, PNG, WebP, GIF, PDF, CSV, XLSX, ODS or UTF-8 text, detected from the content; at most ATTACHMENT_MAX_MB) to attach it to a proposal, publication, reply, ... within a day`,
        querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
        response: { 201: attachmentViewSchema, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
      bodyLimit: maxBytes,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      authorize(canCore(req.actor, 'attachment.upload', null));
      const actor = requireUser(req);
      if (!Buffer.isBuffer(req.body)) throw new FailureError(fail('unsupported_media_type'));
      const view = orFail(await uploadAttachment(deps, actor, { fileName: req.query.fileName, bytes: req.body, maxBytes }));
      return reply.code(201).send(view);
    });
  });

  app.get('/api/v1/attachments/:id/content', {
    schema: {
      tags: ['attachments'],
      summary: 'The file itself: images are shown, documents are downloaded; visible to whoever may read the resource it is attached to',
      params: z.object({ id: idSchema }),
    },
  }, async (req, reply) => {
    const row = await deps.db
      .selectFrom('attachments')
      .select(['id', 'owner_type', 'owner_id', 'uploaded_by', 'file_name', 'content_type', 'kind', 'sha256'])
      .where('id', '=', req.params.id)
      .executeTakeFirst();
    if (!row || !(await visible(row, req.actor))) notFound();
    const etag = `"${row.sha256}"`;
    reply
      .header('content-type', row.content_type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, max-age=300')
      .header('etag', etag)
      .header('content-disposition', `${row.kind === 'image' ? 'inline' : 'attachment'}; filename="${asciiName(row.file_name)}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    const bytes = await storeOf(deps).get(deps.db, row);
    if (!bytes) notFound();
    return reply.send(bytes);
  });

  app.delete('/api/v1/attachments/:id', {
    schema: {
      tags: ['attachments'],
      summary: 'Delete one of your uploads that is not attached yet (attached files are removed by editing what they are attached to)',
      params: z.object({ id: idSchema }),
      response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    authorize(canCore(req.actor, 'attachment.upload', null));
    const actor = requireUser(req);
    orFail(await deleteUpload(deps, actor, { id: req.params.id }));
    return reply.code(204).send(null);
  });
}

/** The file name for old clients: ASCII only, no quotes. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
