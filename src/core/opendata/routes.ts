import { z } from 'zod';
import { unzipSync } from 'fflate';
import type { App, AppContext } from '../http/context.js';
import { authorize, requireUser } from '../http/context.js';
import { errorResponses } from '../http/schemas.js';
import { FailureError, fail } from '../errors.js';
import { runJobOnce } from '../jobs/scheduler.js';
import { canOpenData } from './policy.js';
import { generateOpenDataArchive, latestArchiveBytes, latestArchiveMeta, openDataJob, type ArchiveMeta } from './generate.js';
import { OPEN_DATA_LICENCE } from './licence.js';
import { popoloDocument } from './popolo.js';

const tags = ['open data'];

const fieldTypeSchema = z.enum(['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'json']);

const datasetSchema = z.object({
  name: z.string(),
  module: z.string(),
  description: z.object({ en: z.string(), zh: z.string() }),
  rows: z.number().int(),
  fields: z.array(z.object({ name: z.string(), type: fieldTypeSchema, description: z.string() })),
});

const archiveSchema = z.object({
  generatedAt: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  size: z.number().int().describe('Bytes of the ZIP file'),
  sha256: z.string(),
  auditHeadSeq: z.number().int().nullable(),
  auditHeadHash: z.string().nullable().describe('The audit log\'s head hash when the archive was made'),
  downloadUrl: z.string(),
});

const overviewSchema = z.object({
  archive: archiveSchema.nullable().describe('Null until the first archive has been made'),
  datasets: z.array(datasetSchema),
  files: z.array(z.object({ path: z.string(), module: z.string(), description: z.string(), bytes: z.number().int() })),
  licence: z.object({ name: z.string(), title: z.string(), path: z.string() }),
  popoloUrl: z.string(),
  abilities: z.object({ regenerate: z.boolean() }),
});

const popoloName = z.object({ name: z.string(), note: z.string() });
const popoloSchema = z
  .object({
    meta: z.object({ generated_at: z.string(), source: z.string(), spec: z.string() }),
    organizations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        other_names: z.array(popoloName),
        identifiers: z.array(z.object({ scheme: z.string(), identifier: z.string() })),
        classification: z.string().describe('sector/kind, e.g. government/department, society/ngo'),
        parent_id: z.string().nullable(),
        area_id: z.string().nullable(),
        contact_details: z.array(z.object({ type: z.string(), value: z.string() })),
        links: z.array(z.object({ url: z.string(), note: z.string() })),
      }),
    ),
    persons: z.array(z.object({ id: z.string(), name: z.string() })).describe('People holding public posts (officials) only'),
    posts: z.array(
      z.object({ id: z.string(), label: z.string(), other_label: z.array(z.string()), role: z.string(), organization_id: z.string(), area_id: z.string().nullable() }),
    ),
    memberships: z.array(
      z.object({ id: z.string(), person_id: z.string(), organization_id: z.string(), post_id: z.string(), role: z.string(), start_date: z.string().optional() }),
    ),
    areas: z.array(
      z.object({ id: z.string(), name: z.string(), other_names: z.array(popoloName), identifier: z.string(), classification: z.string(), parent_id: z.string().nullable() }),
    ),
  })
  .describe('Popolo JSON (http://www.popoloproject.com/specs/)');

const ARCHIVE_URL = '/api/v1/open-data/archive.zip';

function presentArchive(meta: ArchiveMeta): z.infer<typeof archiveSchema> {
  return {
    generatedAt: meta.generatedAt.toISOString(),
    trigger: meta.trigger,
    size: meta.size,
    sha256: meta.sha256,
    auditHeadSeq: meta.auditHeadSeq,
    auditHeadHash: meta.auditHeadHash,
    downloadUrl: ARCHIVE_URL,
  };
}

/** A file name for downloads: the date the archive was made. */
function archiveFileName(generatedAt: Date): string {
  return `civitas-open-data-${generatedAt.toISOString().slice(0, 10)}.zip`;
}

/**
 * The open-data archive (metadata, the ZIP, single data sets), its regeneration by an
 * administrator, and the Popolo view of organizations, officials and posts.
 */
export function openDataRoutes(app: App, { deps }: AppContext): void {
  const { db } = deps;

  // At start-up, make the first archive in the background when there is none (the daily job does the rest).
  app.addHook('onListen', async () => {
    if (await latestArchiveMeta(db)) return;
    void runJobOnce(deps, openDataJob).catch((error) => app.log.error({ err: error }, 'open-data archive failed'));
  });

  app.get('/api/v1/open-data', {
    schema: {
      tags,
      summary: 'The open-data archive: when it was made, its size and SHA-256, and every data set in it with its description, fields and row count',
      response: { 200: overviewSchema },
    },
  }, async (req) => {
    const meta = await latestArchiveMeta(db);
    return {
      archive: meta ? presentArchive(meta) : null,
      datasets: meta?.datasets ?? [],
      files: meta?.files ?? [],
      licence: { ...OPEN_DATA_LICENCE },
      popoloUrl: '/api/v1/popolo',
      abilities: { regenerate: canOpenData(req.actor, 'openData.regenerate', null).allow },
    };
  });

  app.post('/api/v1/open-data/archive', {
    schema: {
      tags,
      summary: 'Make the open-data archive again now (administrators); the regeneration is written to the audit log',
      response: { 201: archiveSchema, ...errorResponses(401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canOpenData(actor, 'openData.regenerate', null));
    const meta = await generateOpenDataArchive(deps, { trigger: 'manual', actor });
    return reply.code(201).send(presentArchive(meta));
  });

  app.get(ARCHIVE_URL, {
    schema: {
      tags,
      summary: 'Download the open-data archive (ZIP: every data set as CSV and JSON, datapackage.json, README.md); cacheable, with an ETag',
      response: { 200: z.any().describe('application/zip'), 304: z.null().describe('Not modified'), ...errorResponses(404) },
    },
  }, async (req, reply) => {
    const latest = await latestArchiveBytes(db);
    if (!latest) throw new FailureError(fail('open_data_not_ready'));
    const etag = `"${latest.sha256}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300, must-revalidate')
      .header('last-modified', latest.generatedAt.toUTCString())
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${archiveFileName(latest.generatedAt)}"`);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send(null);
    return reply.type('application/zip').send(latest.bytes);
  });

  app.get('/api/v1/open-data/:file', {
    schema: {
      tags,
      summary: 'One data set of the latest archive, as CSV (UTF-8 with a byte-order mark) or JSON, e.g. /api/v1/open-data/proposals.csv',
      params: z.object({ file: z.string().max(80).regex(/^[a-z][a-z0-9_]*\.(csv|json)$/) }),
      response: { 200: z.any().describe('text/csv or application/json'), 304: z.null().describe('Not modified'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const meta = await latestArchiveMeta(db);
    if (!meta) throw new FailureError(fail('open_data_not_ready'));
    const { file } = req.params;
    const name = file.replace(/\.(csv|json)$/, '');
    if (!meta.datasets.some((d) => d.name === name)) throw new FailureError(fail('open_data_no_dataset'));
    const etag = `"${meta.sha256}/${file}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300, must-revalidate')
      .header('last-modified', meta.generatedAt.toUTCString())
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${file}"`);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send(null);
    const latest = await latestArchiveBytes(db);
    const entry = latest ? unzipSync(latest.bytes, { filter: (f) => f.name === file })[file] : undefined;
    if (!entry) throw new FailureError(fail('open_data_no_dataset'));
    return reply.type(file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(Buffer.from(entry));
  });

  app.get('/api/v1/popolo', {
    schema: {
      tags,
      summary:
        'Popolo JSON (popoloproject.com): government bodies and verified organizations, the people holding public posts (officials, by public name; never residents), posts, memberships (who holds which post, since when if known) and areas',
      response: { 200: popoloSchema },
    },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return popoloDocument(db, deps.clock.now());
  });
}
