import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppContext } from '../../../core/http/context.js';
import { coreErrorStatus, FailureError, fail, orFail, type Failure } from '../../../core/errors.js';
import { RequestValidationError, fieldErrorsOf } from '../../../core/http/validation.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { attachmentsOf } from '../../../core/attachments/attachments.js';
import { reportsErrorStatus } from '../messages.js';
import { OPEN311_MAX_DAYS, OPEN311_MAX_RESULTS, open311Status, OPEN_STATES } from '../rules.js';
import type { ReportState } from '../tables.js';
import { listReports, type ListedReport } from '../queries/list-reports.js';
import { listCategories } from '../queries/categories.js';
import { readOpen311Settings } from '../queries/open311-settings.js';
import { findApiKey } from '../queries/api-keys.js';
import { submitOpen311Request } from '../operations/submit-open311-request.js';
import { OPEN311_SPECIFICATION, open311Time, pick, toXml, type Node } from './format.js';

type Format = 'json' | 'xml';
const DAY = 86_400_000;

const formatParam = z.enum(['json', 'xml']).describe('json or xml');
const jurisdiction = z.string().max(200).optional().describe('The installation serves one jurisdiction; any other id is a 404');
const text = (max: number) => z.string().max(max).optional();

const errorList = z.array(z.object({ code: z.number(), description: z.string() })).describe('Open311 errors: `[{code, description}]` (XML: `errors/error`)');
const errorsFor = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorList]));

const serviceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});

const attributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.string(),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});

const requestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});

const coordinate = z.union([z.string().max(40), z.number()]).optional();

/** The fields of a POSTed service request (form-encoded as the specification says, or JSON); `attribute[area]` routes it by area. */
const postBody = z.looseObject({
  api_key: text(200),
  jurisdiction_id: jurisdiction,
  service_code: text(80),
  lat: coordinate,
  long: coordinate,
  address_string: text(300),
  address_id: text(100),
  email: text(254),
  device_id: text(200),
  account_id: text(200),
  first_name: text(100),
  last_name: text(100),
  phone: text(40),
  description: text(4000),
  media_url: text(1000),
  'attribute[area]': text(80),
});

/** The status an error code stands for (Open311 errors carry it as their code). */
function statusOf(code: string): number {
  return (reportsErrorStatus as Record<string, number>)[code] ?? (coreErrorStatus as Record<string, number>)[code] ?? 400;
}

function formatOf(req: FastifyRequest): Format {
  const param = (req.params as { format?: string } | undefined)?.format;
  if (param === 'xml' || param === 'json') return param;
  return /\.xml(?:\?|$)/.test(req.url) ? 'xml' : 'json';
}

/** Sends an Open311 document (a value, as JSON or XML). */
function send(reply: FastifyReply, format: Format, root: string, value: Node | Node[]) {
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(value);
}

function sendErrors(reply: FastifyReply, format: Format, status: number, descriptions: string[]) {
  const errors = descriptions.map((description) => ({ code: status, description }));
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(toXml('errors', errors));
  return reply.status(status).type('application/json; charset=utf-8').send(errors);
}

/**
 * Open311 GeoReport v2 at /open311/v2: service discovery, the services (the routing table's
 * categories) and their definitions, service requests to read (filtered) and to post with an API key,
 * in JSON and XML. Everything lives in its own Fastify scope: its form-encoded body parser, its
 * errors in the specification's format and its 404 for unknown paths under /open311 touch no other route.
 */
export function open311Routes(app: App, ctx: AppContext): void {
  const { deps, catalog, config } = ctx;
  const { db, clock } = deps;

  void app.register(
    async (instance) => {
      const scope = instance as unknown as App;
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        const values: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(body as string)) values[key] = value;
        done(null, values);
      });

      // No cookies are read here (the session hook only looks at /api), so any site's scripts may read the public data.
      scope.addHook('onRequest', async (_req, reply) => {
        reply.header('access-control-allow-origin', '*');
      });

      scope.setErrorHandler((error: FastifyError | Error, req, reply) => {
        const locale: Locale = req.locale ?? 'en';
        const format = formatOf(req);
        if (error instanceof FailureError) {
          const failure: Failure = error.failure;
          return sendErrors(reply, format, statusOf(failure.code), [catalog.t(locale, `error.${failure.code}`, failure.params)]);
        }
        if (error instanceof RequestValidationError) {
          const fields = fieldErrorsOf(error.issues).map((f) => `${f.path || error.part}: ${catalog.t(locale, catalog.has(f.code) ? f.code : `error.${f.code}`, f.params)}`);
          return sendErrors(reply, format, 400, fields.length > 0 ? fields : [catalog.t(locale, 'error.validation_failed')]);
        }
        const status = (error as FastifyError).statusCode;
        if (status === 413) return sendErrors(reply, format, 413, [catalog.t(locale, 'error.payload_too_large')]);
        if (status === 415) return sendErrors(reply, format, 415, [catalog.t(locale, 'error.unsupported_media_type')]);
        if (status === 429) return sendErrors(reply, format, 429, [catalog.t(locale, 'error.rate_limited', { seconds: 60 })]);
        if (status && status >= 400 && status < 500) return sendErrors(reply, format, 400, [catalog.t(locale, 'error.malformed_request')]);
        req.log.error({ err: error }, 'unexpected error');
        return sendErrors(reply, format, 500, [catalog.t(locale, 'error.internal_error')]);
      });

      scope.setNotFoundHandler((req, reply) => sendErrors(reply, formatOf(req), 404, [catalog.t(req.locale ?? 'en', 'error.route_not_found')]));

      const tags = ['open311'];
      const base = (req: FastifyRequest) => (config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : `${req.protocol}://${req.headers.host ?? 'localhost'}`);

      async function checkJurisdiction(id: string | undefined): Promise<void> {
        if (id === undefined || id === '') return;
        const settings = await readOpen311Settings(db);
        if (id !== settings.jurisdictionId) throw new FailureError(fail('open311_jurisdiction_not_found'));
      }

      function badRequest(locale: Locale, key: 'open311.required' | 'open311.invalid' | 'open311.location', field = ''): never {
        throw new FailureError(fail('open311_bad_request', { params: { detail: catalog.t(locale, key, { field }) } }));
      }

      /** Service requests as the specification lists them; photos of web reports become absolute links. */
      async function presentRequests(rows: ListedReport[], req: FastifyRequest) {
        const photos = await attachmentsOf(db, 'problem_report', rows.map((r) => r.id));
        const zh = req.locale === 'zh-CN';
        return rows.map((r) => {
          const photo = photos.get(r.id)?.find((a) => a.kind === 'image');
          const open = OPEN_STATES.includes(r.state);
          return {
            service_request_id: r.id,
            status: open311Status(r.state),
            status_notes: r.status_notes,
            service_name: pick(zh, r.category_name, r.category_name_zh),
            service_code: r.code,
            description: r.description,
            agency_responsible: pick(zh, r.department_name, r.department_name_zh),
            service_notice: null,
            requested_datetime: open311Time(r.created_at)!,
            updated_datetime: open311Time(r.updated_at)!,
            expected_datetime: open ? open311Time(r.due_at) : null,
            address: r.address,
            address_id: null,
            zipcode: null,
            lat: r.latitude,
            long: r.longitude,
            media_url: photo ? `${base(req)}${photo.url}` : r.media_url,
          };
        });
      }

      scope.get('/v2/discovery.:format', {
        schema: {
          tags,
          summary: 'Open311 service discovery: the GeoReport v2 endpoint of this installation, its formats, contact and how to get an API key',
          params: z.object({ format: formatParam }),
          response: {
            200: z.object({
              changeset: z.string(),
              contact: z.string(),
              key_service: z.string(),
              endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
            }),
          },
        },
      }, async (req, reply) => {
        const settings = await readOpen311Settings(db);
        const latest = await db.selectFrom('problem_categories').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst();
        const changeset = open311Time(latest?.at ? new Date(latest.at) : new Date(0))!;
        return send(reply, req.params.format, 'discovery', {
          changeset,
          contact: settings.contact,
          key_service: settings.keyService || catalog.t(req.locale, 'open311.keyService'),
          endpoints: [{ specification: OPEN311_SPECIFICATION, url: `${base(req)}/open311/v2`, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
        });
      });

      scope.get('/v2/services.:format', {
        schema: {
          tags,
          summary: 'Open311 services: the kinds of problem that can be reported (the routing table), with their group; names in the language of Accept-Language',
          params: z.object({ format: formatParam }),
          querystring: z.object({ jurisdiction_id: jurisdiction }),
          response: { 200: z.array(serviceSchema), ...errorsFor(400, 404) },
        },
      }, async (req, reply) => {
        await checkJurisdiction(req.query.jurisdiction_id);
        const zh = req.locale === 'zh-CN';
        const [categories, areas] = await Promise.all([listCategories(db), db.selectFrom('areas').select('id').limit(1).execute()]);
        const services = categories.map((c) => ({
          service_code: c.code,
          service_name: pick(zh, c.name, c.nameZh),
          description: pick(zh, c.description, c.descriptionZh),
          metadata: areas.length > 0,
          type: 'realtime' as const,
          keywords: c.keywords,
          group: pick(zh, c.group, c.groupZh),
        }));
        return send(reply, req.params.format, 'services', services);
      });

      scope.get('/v2/services/:service_code.:format', {
        schema: {
          tags,
          summary: 'Open311 service definition: the attributes a request of this service may carry (the area, to route it)',
          params: z.object({ service_code: z.string().max(80), format: formatParam }),
          querystring: z.object({ jurisdiction_id: jurisdiction }),
          response: { 200: z.object({ service_code: z.string(), attributes: z.array(attributeSchema) }), ...errorsFor(400, 404) },
        },
      }, async (req, reply) => {
        await checkJurisdiction(req.query.jurisdiction_id);
        const category = (await listCategories(db)).find((c) => c.code === req.params.service_code);
        if (!category) throw new FailureError(fail('open311_service_not_found'));
        const zh = req.locale === 'zh-CN';
        const areas = await db.selectFrom('areas').select(['slug', 'name', 'name_zh', 'kind']).orderBy('kind').orderBy('name').execute();
        const attributes = areas.length === 0
          ? []
          : [{
              variable: true,
              code: 'area',
              datatype: 'singlevaluelist',
              required: false,
              datatype_description: catalog.t(req.locale, 'open311.areaAttribute'),
              order: 1,
              description: catalog.t(req.locale, 'open311.areaLabel'),
              values: areas.map((a) => ({ key: a.slug, name: pick(zh, a.name, a.name_zh) })),
            }];
        return send(reply, req.params.format, 'service_definition', { service_code: category.code, attributes });
      });

      scope.get('/v2/requests.:format', {
        schema: {
          tags,
          summary: 'Open311 service requests: by service_request_id (comma-separated; then other filters are ignored), or by service_code, start_date/end_date (at most 90 days; default the last 90) and status open|closed; at most 1000, newest first',
          params: z.object({ format: formatParam }),
          querystring: z.object({
            jurisdiction_id: jurisdiction,
            service_request_id: text(40_000),
            service_code: text(2000),
            start_date: text(40),
            end_date: text(40),
            status: text(40),
          }),
          response: { 200: z.array(requestSchema), ...errorsFor(400, 404) },
        },
      }, async (req, reply) => {
        const q = req.query;
        await checkJurisdiction(q.jurisdiction_id);
        const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
        let rows: ListedReport[];
        if (q.service_request_id) {
          const ids = list(q.service_request_id).filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)).slice(0, OPEN311_MAX_RESULTS);
          rows = (await listReports(db, { ids, limit: OPEN311_MAX_RESULTS, offset: 0 })).rows;
        } else {
          const date = (value: string | undefined, field: string) => {
            if (!value) return null;
            const parsed = Date.parse(value);
            if (Number.isNaN(parsed)) badRequest(req.locale, 'open311.invalid', field);
            return new Date(parsed);
          };
          const start = date(q.start_date, 'start_date');
          const end = date(q.end_date, 'end_date');
          const to = end ?? (start ? new Date(start.getTime() + OPEN311_MAX_DAYS * DAY) : clock.now());
          const from = start ?? new Date(to.getTime() - OPEN311_MAX_DAYS * DAY);
          if (to.getTime() - from.getTime() > OPEN311_MAX_DAYS * DAY) throw new FailureError(fail('open311_date_range_too_long', { params: { days: OPEN311_MAX_DAYS } }));
          const statuses = list(q.status);
          if (statuses.some((s) => s !== 'open' && s !== 'closed')) badRequest(req.locale, 'open311.invalid', 'status');
          const states: ReportState[] | undefined =
            statuses.length === 0 || statuses.length === 2 ? undefined : statuses[0] === 'open' ? OPEN_STATES : ['fixed', 'confirmed'];
          const codes = list(q.service_code);
          rows = (
            await listReports(db, {
              categoryCodes: codes.length > 0 ? codes : undefined,
              states,
              createdFrom: from,
              createdTo: to,
              limit: OPEN311_MAX_RESULTS,
              offset: 0,
            })
          ).rows;
        }
        return send(reply, req.params.format, 'service_requests', await presentRequests(rows, req));
      });

      scope.get('/v2/requests/:service_request_id.:format', {
        schema: {
          tags,
          summary: 'One Open311 service request (as a list of one, as the specification has it)',
          params: z.object({ service_request_id: z.string().max(80), format: formatParam }),
          querystring: z.object({ jurisdiction_id: jurisdiction }),
          response: { 200: z.array(requestSchema), ...errorsFor(400, 404) },
        },
      }, async (req, reply) => {
        await checkJurisdiction(req.query.jurisdiction_id);
        const id = req.params.service_request_id;
        const rows = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? (await listReports(db, { ids: [id], limit: 1, offset: 0 })).rows : [];
        if (rows.length === 0) throw new FailureError(fail('open311_request_not_found'));
        return send(reply, req.params.format, 'service_requests', await presentRequests(rows, req));
      });

      scope.post('/v2/requests.:format', {
        schema: {
          tags,
          summary: 'Post an Open311 service request with an API key (form-encoded as the specification says; JSON also accepted): service_code, lat/long or address_string, description, optional contact details (kept private) and media_url; attribute[area] routes it by area',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          params: z.object({ format: formatParam }),
          querystring: z.object({ api_key: text(200), jurisdiction_id: jurisdiction }),
          body: postBody,
          response: {
            200: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() })),
            ...errorsFor(400, 403, 404),
          },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      }, async (req, reply) => {
        const body = req.body;
        const locale = req.locale;
        await checkJurisdiction(body.jurisdiction_id || req.query.jurisdiction_id);
        const key = await findApiKey(db, body.api_key || req.query.api_key);
        if (!key) throw new FailureError(fail('open311_api_key_invalid'));
        const serviceCode = body.service_code?.trim();
        if (!serviceCode) badRequest(locale, 'open311.required', 'service_code');
        const number = (value: string | number | undefined, field: string, limit: number) => {
          if (value === undefined || value === '') return null;
          const n = typeof value === 'number' ? value : Number(value.trim());
          if (!Number.isFinite(n) || Math.abs(n) > limit) badRequest(locale, 'open311.invalid', field);
          return n;
        };
        const latitude = number(body.lat, 'lat', 90);
        const longitude = number(body.long, 'long', 180);
        const address = body.address_string?.trim() || null;
        if ((latitude === null) !== (longitude === null) || (latitude === null && !address)) badRequest(locale, 'open311.location');
        const mediaUrl = body.media_url?.trim() || null;
        if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) badRequest(locale, 'open311.invalid', 'media_url');
        const clean = (value: string | undefined) => value?.trim() || null;
        const filed = orFail(
          await submitOpen311Request(deps, key, {
            serviceCode: serviceCode!,
            latitude,
            longitude,
            addressString: address,
            description: body.description?.trim() ?? '',
            areaSlug: clean(body['attribute[area]']),
            mediaUrl,
            contact: {
              email: clean(body.email),
              firstName: clean(body.first_name),
              lastName: clean(body.last_name),
              phone: clean(body.phone),
              deviceId: clean(body.device_id),
              accountId: clean(body.account_id),
            },
          }),
        );
        const department = pick(locale === 'zh-CN', filed.departmentName, filed.departmentNameZh);
        return send(reply, req.params.format, 'service_requests', [
          { service_request_id: filed.id, service_notice: catalog.t(locale, 'open311.notice', { department, days: filed.workingDays }), account_id: null },
        ]);
      });
    },
    { prefix: '/open311' },
  );
}
