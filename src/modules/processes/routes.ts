import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import { hasRole } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import { searchQuery } from '../../core/search/text-search.js';
import { areaAncestorIds, areaSubtreeIds } from '../../core/areas/routes.js';
import { canProcess } from './policy.js';
import { processDetailSchema, processInputSchema, processSummarySchema } from './schemas.js';
import { loadProcess, type PhaseView, type ProcessContext } from './queries/load-process.js';
import { nextPhase } from './phases.js';
import { createProcess } from './operations/create-process.js';
import { updateProcess } from './operations/update-process.js';
import { publishProcess } from './operations/publish-process.js';
import { advancePhase } from './operations/advance-phase.js';
import type { ComponentName } from './tables.js';

function presentPhase(p: PhaseView) {
  return {
    id: p.id, position: p.position, title: p.title, titleZh: p.titleZh, description: p.description, descriptionZh: p.descriptionZh,
    startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(), actions: p.actions as Record<string, string[]>,
  };
}

/** Participatory processes: phases on a timeline, what is open now, officials running them. */
export function processRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;

  async function departmentOf(id: string) {
    return db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function summary(context: ProcessContext) {
    const p = context.process;
    const d = await departmentOf(p.department_id);
    return {
      id: p.id, slug: p.slug, title: p.title, titleZh: p.title_zh, summary: p.summary, summaryZh: p.summary_zh, areaId: p.area_id,
      department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh },
      status: p.status, stage: context.stage, currentPhase: context.current ? presentPhase(context.current) : null,
      components: p.components as ComponentName[],
      startsAt: context.phases[0]?.startsAt.toISOString() ?? null,
      endsAt: context.phases[context.phases.length - 1]?.endsAt.toISOString() ?? null,
    };
  }

  async function loadVisible(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context) notFound();
    const ref = { departmentId: context.process.department_id, status: context.process.status };
    if (!canProcess(actor, 'process.read', ref).allow) notFound();
    return { context, ref };
  }

  app.get('/api/v1/processes', {
    schema: {
      tags: ['processes'],
      summary: 'Participatory processes, newest first; drafts only for their department and administrators',
      querystring: z.object({
        areaId: idSchema.optional(),
        departmentId: idSchema.optional(),
        stage: z.enum(['upcoming', 'active', 'between_phases', 'finished']).optional(),
        q: z.string().trim().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(50),
      }),
      response: { 200: z.object({ processes: z.array(processSummarySchema) }), ...errorResponses(400) },
    },
  }, async (req) => {
    const { areaId, departmentId, stage, q, limit } = req.query;
    const actor = req.actor;
    let query = db.selectFrom('processes').select('id');
    if (!hasRole(actor, 'administrator')) {
      const ownDepartments = actor.kind === 'user' && !actor.assistedBy ? actor.posts.map((p) => p.organizationId) : [];
      query = query.where((eb) => (ownDepartments.length > 0 ? eb.or([eb('status', '=', 'published'), eb('department_id', 'in', ownDepartments)]) : eb('status', '=', 'published')));
    }
    if (areaId) {
      // What concerns an area: processes in it or below it, and those of the district or city that cover it.
      const related = [...(await areaSubtreeIds(db, areaId)), ...(await areaAncestorIds(db, areaId))];
      query = query.where((eb) => eb.or([eb('area_id', 'in', related), eb('area_id', 'is', null)]));
    }
    if (departmentId) query = query.where('department_id', '=', departmentId);
    const tsQuery = q ? searchQuery(q) : null;
    if (tsQuery) query = query.where((eb) => eb(eb.ref('tsv'), '@@', tsQuery as never));
    const ids = await query.orderBy('created_at', 'desc').limit(stage ? 500 : limit).execute();
    const now = clock.now();
    const out = [];
    for (const { id } of ids) {
      const context = await loadProcess(db, { id }, now);
      if (!context || (stage && context.stage !== stage)) continue;
      out.push(await summary(context));
      if (out.length >= limit) break;
    }
    return { processes: out };
  });

  app.post('/api/v1/processes', {
    schema: {
      tags: ['processes'],
      summary: 'Create a participatory process as a draft (officials of the responsible department, administrators)',
      body: processInputSchema,
      response: { 201: z.object({ id: z.string(), slug: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    requireUser(req);
    authorize(canProcess(req.actor, 'process.create', { departmentId: req.body.departmentId }));
    const created = orFail(await createProcess(deps, req.actor, req.body));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/processes/:slug', {
    schema: {
      tags: ['processes'],
      summary: 'A process: phases, where it stands, what can be done now and until when, and who answers for it',
      params: z.object({ slug: slugSchema }),
      response: { 200: processDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { context, ref } = await loadVisible(req.params.slug, req.actor);
    const p = context.process;
    const post = p.post_id ? await db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', p.post_id).executeTakeFirst() : undefined;
    const openActions = [];
    for (const component of p.components as ComponentName[]) {
      for (const action of context.current?.actions[component] ?? []) {
        const state = context.isOpen(component, action);
        if (state.open && state.until) openActions.push({ component, action, until: state.until.toISOString() });
      }
    }
    const next = nextPhase(context.phases, context.current, clock.now());
    return {
      process: {
        ...(await summary(context)),
        body: p.body, bodyZh: p.body_zh, legalBasis: p.legal_basis, legalBasisZh: p.legal_basis_zh, legalReference: p.legal_reference,
        supportThreshold: p.support_threshold, answerWorkingDays: p.answer_working_days, supportsPerPerson: p.supports_per_person,
        editWindowMinutes: p.edit_window_minutes,
        post: post ? { id: post.id, title: post.title, titleZh: post.title_zh } : null,
        publishedAt: p.published_at?.toISOString() ?? null,
      },
      phases: context.phases.map(presentPhase),
      openActions,
      nextPhase: next ? presentPhase(next) : null,
      abilities: {
        update: canProcess(req.actor, 'process.update', ref).allow,
        publish: canProcess(req.actor, 'process.publish', ref).allow,
        advance: canProcess(req.actor, 'process.advance', ref).allow && next !== null,
      },
    };
  });

  app.put('/api/v1/processes/:slug', {
    schema: {
      tags: ['processes'],
      summary: 'Replace the details and phases of a process (its department, administrators)',
      params: z.object({ slug: slugSchema }),
      body: processInputSchema.omit({ departmentId: true, slug: true }),
      response: { 200: z.object({ id: z.string(), slug: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const { context, ref } = await loadVisible(req.params.slug, req.actor);
    authorize(canProcess(req.actor, 'process.update', ref));
    orFail(await updateProcess(deps, req.actor, { id: context.process.id, ...req.body }));
    return { id: context.process.id, slug: context.process.slug };
  });

  app.post('/api/v1/processes/:slug/publish', {
    schema: {
      tags: ['processes'],
      summary: 'Publish a draft process (its department, administrators)',
      params: z.object({ slug: slugSchema }),
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ id: z.string(), slug: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    const { context, ref } = await loadVisible(req.params.slug, req.actor);
    authorize(canProcess(req.actor, 'process.publish', ref));
    orFail(await publishProcess(deps, req.actor, { id: context.process.id }));
    return { id: context.process.id, slug: context.process.slug };
  });

  app.post('/api/v1/processes/:slug/advance', {
    schema: {
      tags: ['processes'],
      summary: 'Move the process on to a later phase ahead of its dates (its department, administrators)',
      params: z.object({ slug: slugSchema }),
      body: z.strictObject({ phaseId: idSchema }),
      response: { 200: z.object({ phaseId: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    const { context, ref } = await loadVisible(req.params.slug, req.actor);
    authorize(canProcess(req.actor, 'process.advance', ref));
    return orFail(await advancePhase(deps, req.actor, { id: context.process.id, phaseId: req.body.phaseId }));
  });
}
