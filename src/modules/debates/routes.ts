import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Executor } from '../../core/db/database.js';
import { canProcess, loadProcess, type ProcessContext } from '../processes/index.js';
import { canDebate } from './policy.js';
import { closeDebateSchema, debateDetailSchema, debateInputSchema, debateListQuerySchema, debateListSchema, debateSchema } from './schemas.js';
import { listDebates } from './queries/list-debates.js';
import { loadDebate } from './queries/load-debate.js';
import { createDebate } from './operations/create-debate.js';
import { closeDebate } from './operations/close-debate.js';

const window = (state: { open: boolean; until: Date | null }) => ({ open: state.open, until: state.until?.toISOString() ?? null });

/** The process as a debate page names it: title and the responsible department. */
export async function processRef(db: Executor, context: ProcessContext) {
  const p = context.process;
  const d = await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', p.department_id).executeTakeFirstOrThrow();
  return { id: p.id, slug: p.slug, title: p.title, titleZh: p.title_zh, department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh } };
}

/** In whose name the actor may start a debate: themself (verified), organizations they represent, posts they hold. */
function authorshipsOf(actor: Actor) {
  if (actor.kind !== 'user') return [];
  const out: { kind: 'self' | 'organization' | 'post'; id: string | null; name: string; nameZh: string | null }[] = [];
  if (canDebate(actor, 'debate.create', { organizationId: null, postId: null }).allow) out.push({ kind: 'self', id: null, name: actor.displayName, nameZh: null });
  const represented = actor.memberships.filter((m) => m.status === 'verified' && canDebate(actor, 'debate.create', { organizationId: m.organizationId, postId: null }).allow);
  for (const m of represented) out.push({ kind: 'organization', id: m.organizationId, name: m.name, nameZh: m.nameZh });
  for (const p of actor.posts) {
    if (canDebate(actor, 'debate.create', { organizationId: null, postId: p.id }).allow) {
      out.push({ kind: 'post', id: p.id, name: `${p.title} · ${p.organizationName}`, nameZh: p.titleZh || p.organizationNameZh ? `${p.titleZh ?? p.title} · ${p.organizationNameZh ?? p.organizationName}` : null });
    }
  }
  return out;
}

/** Debates: open discussion threads inside a process, closed by its department with a conclusion. */
export function debateRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;

  /** The process by slug, if the actor may see it and it holds debates; else a 404. */
  async function visibleProcess(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context || !context.process.components.includes('debates')) notFound();
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) notFound();
    return context;
  }

  app.get('/api/v1/processes/:slug/debates', {
    schema: {
      tags: ['debates'],
      summary: 'The debates of a process, newest or most commented first, with filters and search (English and Chinese)',
      params: z.object({ slug: slugSchema }),
      querystring: debateListQuerySchema,
      response: { 200: debateListSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const context = await visibleProcess(req.params.slug, req.actor);
    const { debates, total, categories } = await listDebates(db, req.actor, context.process.id, req.query);
    const creating = context.isOpen('debates', 'create');
    const authorships = creating.open ? authorshipsOf(req.actor) : [];
    return {
      process: await processRef(db, context),
      debates,
      total,
      categories,
      creating: window(creating),
      commenting: window(context.isOpen('debates', 'comment')),
      authorships,
      abilities: { create: authorships.length > 0 },
    };
  });

  app.post('/api/v1/processes/:slug/debates', {
    schema: {
      tags: ['debates'],
      summary: 'Start a debate while the process lets people start debates (verified residents; representatives for their organization; officials in their post\'s name)',
      params: z.object({ slug: slugSchema }),
      body: debateInputSchema,
      response: { 201: z.object({ id: z.string(), debate: debateSchema }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const context = await visibleProcess(req.params.slug, req.actor);
    const { organizationId = null, postId = null } = req.body;
    authorize(canDebate(req.actor, 'debate.create', { organizationId, postId }));
    const { id } = orFail(await createDebate(deps, req.actor, { processId: context.process.id, ...req.body }));
    const loaded = await loadDebate(db, id);
    reply.status(201);
    return { id, debate: loaded!.view };
  });

  /** A debate the actor may see, with its process; else a 404. */
  async function visibleDebate(id: string, actor: Actor) {
    const loaded = await loadDebate(db, id);
    if (!loaded) notFound();
    const context = await loadProcess(db, { id: loaded.view.processId }, clock.now());
    if (!context) notFound();
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) notFound();
    if (!canDebate(actor, 'debate.read', { authorId: loaded.authorId, hidden: loaded.view.hidden }).allow) notFound();
    return { ...loaded, context };
  }

  app.get('/api/v1/debates/:id', {
    schema: {
      tags: ['debates'],
      summary: 'A debate: who started it, its comments summary, its conclusion once closed, and whether comments are open',
      params: z.object({ id: idSchema }),
      response: { 200: debateDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { view, context } = await visibleDebate(req.params.id, req.actor);
    const phase = context.isOpen('debates', 'comment');
    const open = phase.open && view.status === 'open' && !view.hidden;
    return {
      process: await processRef(db, context),
      debate: view,
      commenting: { open, until: open ? (phase.until?.toISOString() ?? null) : null, stance: true },
      abilities: { close: view.status === 'open' && canDebate(req.actor, 'debate.close', { departmentId: context.process.department_id }).allow },
    };
  });

  app.post('/api/v1/debates/:id/close', {
    schema: {
      tags: ['debates'],
      summary: 'Close a debate with a conclusion, in the name of your post (officials of the process\'s department)',
      params: z.object({ id: idSchema }),
      body: closeDebateSchema,
      response: { 200: z.object({ debate: debateSchema }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    const { context } = await visibleDebate(req.params.id, req.actor);
    authorize(canDebate(req.actor, 'debate.close', { departmentId: context.process.department_id }));
    orFail(await closeDebate(deps, req.actor, { id: req.params.id, conclusion: req.body.conclusion }));
    return { debate: (await loadDebate(db, req.params.id))!.view };
  });
}
