import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { canReport } from './policy.js';
import { OPEN_STATES } from './rules.js';
import { departmentRecord } from './deadline.js';
import { presentSummary } from './present.js';
import {
  apiKeysResponseSchema,
  categoriesResponseSchema,
  categoryRoutesSchema,
  createApiKeySchema,
  createCategorySchema,
  createdApiKeySchema,
  createReportSchema,
  listQuerySchema,
  listResponseSchema,
  open311SettingsInputSchema,
  open311SettingsSchema,
  recordResponseSchema,
  recordsResponseSchema,
  reopenSchema,
  reportDetailSchema,
  reportSummarySchema,
  statusUpdateSchema,
  transferSchema,
  updateCategorySchema,
  type ReportSummary,
} from './schemas.js';
import type { ReportState } from './tables.js';
import { loadReport, type ReportRecord } from './queries/load-report.js';
import { listReports, type ListReportsOptions } from './queries/list-reports.js';
import { reportTimeline } from './queries/report-timeline.js';
import { departmentRecords } from './queries/department-records.js';
import { listCategories, reportDepartments } from './queries/categories.js';
import { readOpen311Settings } from './queries/open311-settings.js';
import { createReport } from './operations/create-report.js';
import { updateReportStatus } from './operations/update-report-status.js';
import { transferReport } from './operations/transfer-report.js';
import { confirmReport } from './operations/confirm-report.js';
import { reopenReport } from './operations/reopen-report.js';
import { createCategory, updateCategory } from './operations/save-category.js';
import { setCategoryRoutes } from './operations/set-category-routes.js';
import { createApiKey, revokeApiKey } from './operations/manage-api-keys.js';
import { saveOpen311Settings } from './operations/save-open311-settings.js';

type ReportAction = 'report.updateStatus' | 'report.transfer' | 'report.confirm' | 'report.reopen' | 'report.readContact';

/** Which states a list filter means. */
function statesOf(filter: z.infer<typeof listQuerySchema>['state']): ReportState[] | undefined {
  if (!filter) return undefined;
  if (filter === 'open') return OPEN_STATES;
  if (filter === 'closed') return ['fixed', 'confirmed'];
  return [filter];
}

/**
 * Reports of local problems: filing one (routed by category and area to a department), the public
 * list and page, the department's status updates and transfers, the reporter's confirmation or
 * reopening, the departments' records, the routing table and the Open311 keys (administrators).
 */
export function reportRoutes(app: App, { deps, catalog, config }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['reports'];
  const idParams = z.object({ id: idSchema });

  function refusal(locale: Locale, code: string) {
    return { code, message: catalog.t(locale, `error.${code}`) };
  }

  /** A report the actor may read; others get the same 404 as a missing one. */
  async function visibleReport(id: string, actor: Actor): Promise<ReportRecord> {
    const record = await loadReport(db, id);
    if (!record || !canReport(actor, 'report.read', record.ref).allow) notFound();
    return record;
  }

  /** Listed reports as summaries, each with its first photo. */
  async function summaries(options: ListReportsOptions, calendar: WorkingCalendar, now: Date) {
    const list = await listReports(db, options);
    const photos = await attachmentsOf(db, 'problem_report', list.rows.map((r) => r.id));
    return { total: list.total, reports: list.rows.map((r) => presentSummary(r, photos.get(r.id)?.find((a) => a.kind === 'image') ?? null, now, calendar)) };
  }

  const baseUrl = (req: { protocol: string; headers: { host?: string } }) => (config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : `${req.protocol}://${req.headers.host ?? 'localhost'}`);

  app.get('/api/v1/problem-reports', {
    schema: {
      tags,
      summary: 'Reports of local problems: filtered by category, state (or open/closed), area (with the areas below it), department, overdue; searched in English and Chinese; newest first',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { q, categoryId, state, areaId, departmentId, overdue, limit, offset } = req.query;
    const now = clock.now();
    const calendar = await loadCalendar(db);
    const list = await summaries(
      {
        q,
        categoryId,
        states: statesOf(state),
        areaIds: areaId ? await areaSubtreeIds(db, areaId) : undefined,
        departmentId,
        overdueAt: overdue === 'true' ? now : undefined,
        order: overdue === 'true' ? 'due' : 'newest',
        limit,
        offset,
      },
      calendar,
      now,
    );
    const decision = canReport(actor, 'report.create', null);
    return {
      ...list,
      abilities: { create: decision.allow, manage: canReport(actor, 'report.manageCategories', null).allow },
      createBlocked: decision.allow ? null : refusal(req.locale, decision.reason),
    };
  });

  app.post('/api/v1/problem-reports', {
    schema: {
      tags,
      summary: 'Report a problem at a place (anyone signed in): category, description, where (address and/or coordinates), photos; routed at once to the responsible department with a deadline in working days',
      body: createReportSchema,
      response: { 201: z.object({ id: z.string(), departmentId: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canReport(actor, 'report.create', null));
    const filed = orFail(await createReport(deps, actor, req.body));
    reply.status(201);
    return { id: filed.id, departmentId: filed.departmentId, dueAt: filed.dueAt.toISOString() };
  });

  app.get('/api/v1/problem-reports/mine', {
    schema: {
      tags,
      summary: "The caller's own reports, newest first (hidden ones included)",
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
      response: { 200: z.object({ reports: z.array(reportSummarySchema), total: z.number() }), ...errorResponses(400, 401) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const now = clock.now();
    return summaries({ authorId: actor.id, includeHidden: true, limit: req.query.limit, offset: req.query.offset }, await loadCalendar(db), now);
  });

  // ---------------------------------------------------------------------------------------------
  // The routing table

  app.get('/api/v1/problem-reports/categories', {
    schema: {
      tags,
      summary: 'The routing table: kinds of problem (Open311 services) with their group, default department, area-specific departments and working days to fix; inactive ones for administrators with `all=true`',
      querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
      response: { 200: categoriesResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const manage = canReport(req.actor, 'report.manageCategories', null).allow;
    const [categories, departments] = await Promise.all([listCategories(db, { includeInactive: manage && req.query.all === 'true' }), reportDepartments(db)]);
    return { categories, departments, abilities: { manage } };
  });

  app.post('/api/v1/problem-reports/categories', {
    schema: {
      tags,
      summary: 'Add a kind of problem to the routing table (administrators)',
      body: createCategorySchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    authorize(canReport(req.actor, 'report.manageCategories', null));
    const created = orFail(await createCategory(deps, req.actor, req.body));
    reply.status(201);
    return created;
  });

  app.patch('/api/v1/problem-reports/categories/:id', {
    schema: {
      tags,
      summary: 'Change a kind of problem: names, group, default department, working days, active (administrators); filed reports keep their department and deadline',
      params: idParams,
      body: updateCategorySchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    authorize(canReport(req.actor, 'report.manageCategories', null));
    return orFail(await updateCategory(deps, req.actor, { ...req.body, id: req.params.id }));
  });

  app.put('/api/v1/problem-reports/categories/:id/routes', {
    schema: {
      tags,
      summary: "Replace a category's area-specific departments (administrators): reports in that area, or below it, go there instead of the default",
      params: idParams,
      body: categoryRoutesSchema,
      response: { 200: z.object({ routes: z.number() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    authorize(canReport(req.actor, 'report.manageCategories', null));
    return orFail(await setCategoryRoutes(deps, req.actor, { categoryId: req.params.id, routes: req.body.routes }));
  });

  // ---------------------------------------------------------------------------------------------
  // Departments' records

  app.get('/api/v1/problem-reports/records', {
    schema: {
      tags,
      summary: "Every department's record on reports: received, fixed on time, median working days to fix, share reopened, overdue now, transferred away",
      response: { 200: recordsResponseSchema },
    },
  }, async () => {
    const calendar = await loadCalendar(db);
    return { departments: await departmentRecords(db, clock.now(), calendar) };
  });

  app.get('/api/v1/problem-reports/records/:slug', {
    schema: {
      tags,
      summary: "One department's record on reports, with its overdue reports (most overdue first), its latest reports and the kinds of problem it handles",
      params: z.object({ slug: slugSchema }),
      response: { 200: recordResponseSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const org = await db
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'name_zh', 'sector', 'is_supervisory'])
      .where('slug', '=', req.params.slug)
      .executeTakeFirst();
    if (!org || org.sector !== 'government' || org.is_supervisory) notFound();
    const now = clock.now();
    const calendar = await loadCalendar(db);
    const [records, overdue, recent, categories] = await Promise.all([
      departmentRecords(db, now, calendar, { departmentId: org.id }),
      summaries({ departmentId: org.id, overdueAt: now, order: 'due', limit: 50, offset: 0 }, calendar, now),
      summaries({ departmentId: org.id, limit: 10, offset: 0 }, calendar, now),
      db
        .selectFrom('problem_categories as c')
        .select(['c.id', 'c.code', 'c.name', 'c.name_zh', 'c.working_days'])
        .where('c.active', '=', true)
        .where((eb) => eb.or([eb('c.department_id', '=', org.id), eb.exists(eb.selectFrom('problem_category_routes as r').select('r.area_id').whereRef('r.category_id', '=', 'c.id').where('r.department_id', '=', org.id))]))
        .orderBy('c.name')
        .execute(),
    ]);
    return {
      department: { id: org.id, slug: org.slug, name: org.name, nameZh: org.name_zh },
      record: records[0]?.record ?? departmentRecord([], now, calendar),
      categories: categories.map((c) => ({ id: c.id, code: c.code, name: c.name, nameZh: c.name_zh, workingDays: c.working_days })),
      overdue: overdue.reports,
      recent: recent.reports,
    };
  });

  // ---------------------------------------------------------------------------------------------
  // Open311 keys and settings (administrators)

  app.get('/api/v1/problem-reports/api-keys', {
    schema: {
      tags,
      summary: 'Open311 API keys (administrators): label, organization, first characters, use; never the key itself; with the Open311 settings',
      response: { 200: apiKeysResponseSchema, ...errorResponses(401, 403) },
    },
  }, async (req) => {
    authorize(canReport(req.actor, 'report.manageApiKeys', null));
    const [keys, settings] = await Promise.all([
      db
        .selectFrom('open311_api_keys as k')
        .leftJoin('organizations as o', 'o.id', 'k.organization_id')
        .select(['k.id', 'k.label', 'k.key_prefix', 'k.created_at', 'k.revoked_at', 'k.last_used_at', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
        .select((eb) => eb.selectFrom('problem_reports as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.api_key_id', '=', 'k.id').as('report_count'))
        .orderBy('k.revoked_at', (ob) => ob.desc().nullsFirst())
        .orderBy('k.created_at', 'desc')
        .execute(),
      readOpen311Settings(db),
    ]);
    return {
      keys: keys.map((k) => ({
        id: k.id,
        label: k.label,
        organization: k.org_id ? { id: k.org_id, slug: k.slug!, name: k.name!, nameZh: k.name_zh } : null,
        keyPrefix: k.key_prefix,
        createdAt: k.created_at.toISOString(),
        revokedAt: k.revoked_at?.toISOString() ?? null,
        lastUsedAt: k.last_used_at?.toISOString() ?? null,
        reportCount: Number(k.report_count ?? 0),
      })),
      settings,
      discoveryUrl: `${baseUrl(req)}/open311/v2/discovery.json`,
    };
  });

  app.post('/api/v1/problem-reports/api-keys', {
    schema: {
      tags,
      summary: 'Issue an Open311 API key for an organization or a labelled client (administrators); the key is in this answer only',
      body: createApiKeySchema,
      response: { 201: createdApiKeySchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    authorize(canReport(req.actor, 'report.manageApiKeys', null));
    const created = orFail(await createApiKey(deps, req.actor, req.body));
    const row = await db
      .selectFrom('open311_api_keys as k')
      .leftJoin('organizations as o', 'o.id', 'k.organization_id')
      .select(['k.id', 'k.label', 'k.key_prefix', 'k.created_at', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
      .where('k.id', '=', created.id)
      .executeTakeFirstOrThrow();
    reply.status(201);
    return {
      key: {
        id: row.id,
        label: row.label,
        organization: row.org_id ? { id: row.org_id, slug: row.slug!, name: row.name!, nameZh: row.name_zh } : null,
        keyPrefix: row.key_prefix,
        createdAt: row.created_at.toISOString(),
        revokedAt: null,
        lastUsedAt: null,
        reportCount: 0,
      },
      secret: created.secret,
    };
  });

  app.delete('/api/v1/problem-reports/api-keys/:id', {
    schema: {
      tags,
      summary: 'Revoke an Open311 API key (administrators): posts with it are refused from now on',
      params: idParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    authorize(canReport(req.actor, 'report.manageApiKeys', null));
    orFail(await revokeApiKey(deps, req.actor, { id: req.params.id }));
    return reply.status(204).send(null);
  });

  app.put('/api/v1/problem-reports/open311-settings', {
    schema: {
      tags,
      summary: "Set the installation's Open311 jurisdiction id, contact line and how to get a key (administrators)",
      body: open311SettingsInputSchema,
      response: { 200: open311SettingsSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    authorize(canReport(req.actor, 'report.manageApiKeys', null));
    return orFail(await saveOpen311Settings(deps, req.actor, req.body));
  });

  // ---------------------------------------------------------------------------------------------
  // One report

  app.get('/api/v1/problem-reports/:id', {
    schema: {
      tags,
      summary: 'A report: description, place, photos, category, responsible department, state, the fix deadline, its public timeline, and what the caller may do',
      params: idParams,
      response: { 200: reportDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const record = await visibleReport(req.params.id, actor);
    const { row, ref } = record;
    const now = clock.now();
    const [calendar, listed, attachments, timeline] = await Promise.all([
      loadCalendar(db),
      listReports(db, { ids: [row.id], includeHidden: true, limit: 1, offset: 0 }),
      attachmentsOf(db, 'problem_report', [row.id]),
      reportTimeline(db, row.id),
    ]);
    const photos = attachments.get(row.id) ?? [];
    const summary: ReportSummary = presentSummary(listed.rows[0]!, photos.find((a) => a.kind === 'image') ?? null, now, calendar);
    const can = (action: ReportAction) => canReport(actor, action, ref).allow;
    const open = OPEN_STATES.includes(row.state);
    const readContact = can('report.readContact');
    const contact = !readContact
      ? null
      : row.source === 'open311'
        ? await db.selectFrom('problem_report_contacts').selectAll().where('report_id', '=', row.id).executeTakeFirst()
        : row.author_id
          ? await db.selectFrom('users').select(['display_name', 'email']).where('id', '=', row.author_id).executeTakeFirst()
          : undefined;
    const transfer = can('report.transfer') && open;
    return {
      report: {
        ...summary,
        description: row.description,
        attachments: photos,
        mediaUrl: row.media_url,
        statusNotes: row.status_notes,
        workingDays: record.category.workingDays,
        assignedAt: row.assigned_at.toISOString(),
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
        fixedAt: row.fixed_at?.toISOString() ?? null,
        confirmedAt: row.confirmed_at?.toISOString() ?? null,
        reopenedAt: row.reopened_at?.toISOString() ?? null,
        overdueAt: row.overdue_at?.toISOString() ?? null,
        reopenCount: row.reopen_count,
        transferCount: row.transfer_count,
        reportedByMe: actor.kind === 'user' && row.author_id === actor.id,
      },
      timeline,
      abilities: {
        updateStatus: can('report.updateStatus') && open,
        transfer,
        confirm: can('report.confirm') && row.state === 'fixed',
        reopen: can('report.reopen') && row.state === 'fixed',
        readContact,
      },
      contact: !contact
        ? null
        : 'display_name' in contact
          ? { displayName: contact.display_name, email: contact.email, firstName: null, lastName: null, phone: null, deviceId: null, accountId: null }
          : { displayName: null, email: contact.email, firstName: contact.first_name, lastName: contact.last_name, phone: contact.phone, deviceId: contact.device_id, accountId: contact.account_id },
      transferTargets: transfer ? (await reportDepartments(db)).filter((d) => d.id !== row.department_id) : null,
    };
  });

  const stateResponse = z.object({ id: z.string(), state: z.string() });

  app.post('/api/v1/problem-reports/:id/status', {
    schema: {
      tags,
      summary: 'Say where an open report stands: acknowledged, in progress or fixed, with a public note (officials of the responsible department)',
      params: idParams,
      body: statusUpdateSchema,
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleReport(req.params.id, actor);
    authorize(canReport(actor, 'report.updateStatus', record.ref));
    const updated = orFail(await updateReportStatus(deps, actor, { id: record.row.id, state: req.body.state, note: req.body.note }));
    return { id: record.row.id, state: updated.state };
  });

  app.post('/api/v1/problem-reports/:id/transfer', {
    schema: {
      tags,
      summary: 'Not our responsibility: pass an open report to another department with a public reason (officials of the responsible department); the new department gets a new deadline',
      params: idParams,
      body: transferSchema,
      response: { 200: z.object({ id: z.string(), departmentId: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleReport(req.params.id, actor);
    authorize(canReport(actor, 'report.transfer', record.ref));
    const moved = orFail(await transferReport(deps, actor, { id: record.row.id, departmentId: req.body.departmentId, reason: req.body.reason }));
    return { id: record.row.id, departmentId: moved.departmentId, dueAt: moved.dueAt.toISOString() };
  });

  app.post('/api/v1/problem-reports/:id/confirm', {
    schema: {
      tags,
      summary: 'Confirm that a report marked fixed is fixed (its reporter)',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleReport(req.params.id, actor);
    authorize(canReport(actor, 'report.confirm', record.ref));
    orFail(await confirmReport(deps, actor, { id: record.row.id }));
    return { id: record.row.id, state: 'confirmed' };
  });

  app.post('/api/v1/problem-reports/:id/reopen', {
    schema: {
      tags,
      summary: 'Reopen a report marked fixed when the problem is still there, with a public reason (its reporter); a new deadline starts',
      params: idParams,
      body: reopenSchema,
      response: { 200: z.object({ id: z.string(), state: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleReport(req.params.id, actor);
    authorize(canReport(actor, 'report.reopen', record.ref));
    const reopened = orFail(await reopenReport(deps, actor, { id: record.row.id, reason: req.body.reason }));
    return { id: record.row.id, state: 'reopened', dueAt: reopened.dueAt.toISOString() };
  });
}
