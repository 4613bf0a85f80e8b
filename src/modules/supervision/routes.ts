import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import { canSupervision } from './policy.js';
import { allBodyIds } from './queries/load-complaint.js';
import { orgRefs } from './queries/present.js';
import { supervisionStatistics } from './queries/statistics.js';
import { conflictInputSchema, optionsSchema, overviewSchema, settingsInputSchema, settingsSchema, statisticsSchema } from './schemas.js';
import { governmentUnits, loadSupervisionSettings, routingFor, supervisoryBodies } from './settings.js';
import { complaintCategories } from './tables.js';
import { MAX_COMPLAINT_FILES } from './operations/common.js';
import { REPORT_LIMITS } from './operations/report-store.js';
import { addConflict, configureSupervision, removeConflict } from './operations/configure.js';
import { complaintRoutes } from './complaint-routes.js';
import { reportRoutes } from './report-routes.js';

/**
 * Supervision: what the landing page and the forms need, the public statistics, the administrator's
 * settings and conflicts; named complaints (`complaint-routes.ts`) and anonymous reports with the
 * handlers' tools (`report-routes.ts`).
 */
export function supervisionRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.deps;
  const tags = ['supervision'];

  app.get('/api/v1/supervision/overview', {
    schema: { tags, summary: 'What the landing page says: the supervisory bodies, the deadlines of each stage, how long concluded reports are kept, and what the caller may do', response: { 200: overviewSchema } },
  }, async (req) => {
    const [bodies, settings, bodyIds, routing] = await Promise.all([supervisoryBodies(db), loadSupervisionSettings(db), allBodyIds(db), routingFor(db, null)]);
    return {
      bodies: bodies.map((b) => ({ id: b.id, slug: b.slug, name: b.name, nameZh: b.name_zh })),
      ready: routing !== null,
      retentionDays: settings.retentionDays,
      deadlines: settings.deadlines,
      limits: { complaintFiles: MAX_COMPLAINT_FILES, reportFiles: REPORT_LIMITS.maxFiles, reportFileMb: REPORT_LIMITS.maxFileBytes / 1024 / 1024 },
      abilities: {
        file: canSupervision(req.actor, 'complaint.file', null).allow,
        work: canSupervision(req.actor, 'supervision.work', { supervisoryBodyIds: bodyIds }).allow,
        configure: canSupervision(req.actor, 'supervision.configure', null).allow,
      },
    };
  });

  app.get('/api/v1/supervision/options', {
    schema: { tags, summary: 'What the complaint and report forms offer: the departments with their posts, and the categories', response: { 200: optionsSchema } },
  }, async () => {
    const units = (await governmentUnits(db)).filter((u) => !u.is_supervisory);
    const ids = units.map((u) => u.id);
    const posts = ids.length > 0 ? await db.selectFrom('posts').select(['id', 'organization_id', 'title', 'title_zh']).where('organization_id', 'in', ids).orderBy('title').execute() : [];
    return {
      departments: units.map((u) => ({
        id: u.id,
        slug: u.slug,
        name: u.name,
        nameZh: u.name_zh,
        posts: posts.filter((p) => p.organization_id === u.id).map((p) => ({ id: p.id, title: p.title, titleZh: p.title_zh })),
      })),
      categories: [...complaintCategories],
    };
  });

  app.get('/api/v1/supervision/statistics', {
    schema: {
      tags,
      summary: 'Public statistics of complaints and reports, in aggregate only: by category, department, outcome and working days to close; counts below the configured minimum are not published (null)',
      response: { 200: statisticsSchema },
    },
  }, async () => supervisionStatistics(db));

  async function presentSettings() {
    const [settings, bodies, units, routes, conflicts] = await Promise.all([
      loadSupervisionSettings(db),
      supervisoryBodies(db),
      governmentUnits(db),
      db.selectFrom('supervision_routes').selectAll().execute(),
      db.selectFrom('supervision_conflicts').selectAll().orderBy('created_at').execute(),
    ]);
    const ref = (o: { id: string; slug: string; name: string; name_zh: string | null }) => ({ id: o.id, slug: o.slug, name: o.name, nameZh: o.name_zh });
    const orgs = await orgRefs(db, conflicts.flatMap((c) => [c.department_a, c.department_b]));
    return {
      defaultBodyId: settings.defaultBodyId,
      defaultHigherBodyId: settings.defaultHigherBodyId,
      deadlines: settings.deadlines,
      retentionDays: settings.retentionDays,
      minCellCount: settings.minCellCount,
      routes: routes.map((r) => ({ departmentId: r.department_id, bodyId: r.body_id, higherBodyId: r.higher_body_id })),
      bodies: bodies.map(ref),
      departments: units.filter((u) => !u.is_supervisory).map(ref),
      conflicts: conflicts.map((c) => ({ departmentA: orgs.get(c.department_a)!, departmentB: orgs.get(c.department_b)!, reason: c.reason })),
    };
  }

  app.get('/api/v1/supervision/settings', {
    schema: { tags, summary: 'How supervision is set up (administrators): bodies per department, higher bodies, conflicts, stage deadlines, retention, smallest published count', response: { 200: settingsSchema, ...errorResponses(401, 403) } },
  }, async (req) => {
    authorize(canSupervision(req.actor, 'supervision.configure', null));
    return presentSettings();
  });

  app.put('/api/v1/supervision/settings', {
    schema: { tags, summary: 'Set up supervision (administrators); applies to cases filed and stages started from now on', body: settingsInputSchema, response: { 200: settingsSchema, ...errorResponses(400, 401, 403) } },
  }, async (req) => {
    authorize(canSupervision(req.actor, 'supervision.configure', null));
    orFail(await configureSupervision(ctx.deps, requireUser(req), req.body));
    return presentSettings();
  });

  app.post('/api/v1/supervision/conflicts', {
    schema: { tags, summary: "Record a conflict between two departments (administrators): neither's people may see or handle cases about the other", body: conflictInputSchema, response: { 201: settingsSchema, ...errorResponses(400, 401, 403) } },
  }, async (req, reply) => {
    authorize(canSupervision(req.actor, 'supervision.configure', null));
    orFail(await addConflict(ctx.deps, requireUser(req), req.body));
    reply.status(201);
    return presentSettings();
  });

  app.delete('/api/v1/supervision/conflicts/:departmentA/:departmentB', {
    schema: { tags, summary: 'Remove a conflict between two departments (administrators)', params: z.object({ departmentA: idSchema, departmentB: idSchema }), response: { 200: settingsSchema, ...errorResponses(400, 401, 403, 404) } },
  }, async (req) => {
    authorize(canSupervision(req.actor, 'supervision.configure', null));
    orFail(await removeConflict(ctx.deps, requireUser(req), req.params));
    return presentSettings();
  });

  complaintRoutes(app, ctx);
  reportRoutes(app, ctx);
}
