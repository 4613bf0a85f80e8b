import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { FailureError, fail, orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import { hasRole } from '../../core/permissions/policy.js';
import type { Executor } from '../../core/db/database.js';
import { canProcess, loadProcess, type ProcessContext } from '../processes/index.js';
import { canRegulation } from './policy.js';
import {
  alternativeInputSchema,
  alternativeSchema,
  comparisonSchema,
  draftInputSchema,
  draftSchema,
  opinionCountsSchema,
  opinionInputSchema,
  regulationDetailSchema,
  regulationListSchema,
  reportInputSchema,
} from './schemas.js';
import { clauseViews, postsById, presentVersion, reportsOf, versionsOf } from './queries/present.js';
import { clauseTexts } from './queries/clause-texts.js';
import { clausesAwaitingResponse } from './queries/clauses-awaiting-response.js';
import { compareClauses, summarizeComparison } from './text-diff.js';
import { createRegulation } from './operations/create-regulation.js';
import { saveDraft } from './operations/save-draft.js';
import { publishVersion } from './operations/publish-version.js';
import { setOpinion } from './operations/set-opinion.js';
import { clearOpinion } from './operations/clear-opinion.js';
import { proposeAlternative } from './operations/propose-alternative.js';
import { publishReport } from './operations/publish-report.js';

const window = (state: { open: boolean; until: Date | null }) => ({ open: state.open, until: state.until?.toISOString() ?? null });

async function processRef(db: Executor, context: ProcessContext) {
  const p = context.process;
  const d = await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', p.department_id).executeTakeFirstOrThrow();
  return { id: p.id, slug: p.slug, title: p.title, titleZh: p.title_zh, department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh } };
}

function consultation(context: ProcessContext) {
  return {
    comment: window(context.isOpen('regulations', 'comment')),
    support: window(context.isOpen('regulations', 'support')),
    amend: window(context.isOpen('regulations', 'amend')),
  };
}

/** Organizations the actor represents and may propose alternative wording for. */
function amendingOrganizations(actor: Actor) {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter((m) => m.status === 'verified' && canRegulation(actor, 'regulation.amend', { organizationId: m.organizationId }).allow)
    .map((m) => ({ id: m.organizationId, name: m.name, nameZh: m.nameZh }));
}

/** Draft regulations: versions of clauses, clause-by-clause consultation, the department's response report, comparison. */
export function regulationRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;

  async function visibleProcess(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context || !context.process.components.includes('regulations')) notFound();
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) notFound();
    return context;
  }

  /** A regulation the actor may see (drafts: its department and administrators), with its process. */
  async function visibleRegulation(id: string, actor: Actor) {
    const regulation = await db.selectFrom('regulations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!regulation) notFound();
    const context = await loadProcess(db, { id: regulation.process_id }, clock.now());
    if (!context) notFound();
    if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) notFound();
    if (!canRegulation(actor, 'regulation.read', { departmentId: regulation.department_id, published: regulation.status === 'published' }).allow) notFound();
    const seesDrafts = canRegulation(actor, 'regulation.read', { departmentId: regulation.department_id, published: false }).allow;
    return { regulation, context, seesDrafts };
  }

  app.get('/api/v1/processes/:slug/regulations', {
    schema: {
      tags: ['regulations'],
      summary: 'The draft regulations of a process (unpublished drafts only for the department and administrators)',
      params: z.object({ slug: slugSchema }),
      response: { 200: regulationListSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const context = await visibleProcess(req.params.slug, req.actor);
    const departmentId = context.process.department_id;
    const seesDrafts = canRegulation(req.actor, 'regulation.read', { departmentId, published: false }).allow;
    let query = db.selectFrom('regulations as r').selectAll('r').where('r.process_id', '=', context.process.id);
    if (!seesDrafts) query = query.where('r.status', '=', 'published');
    const rows = await query.orderBy('r.created_at', 'desc').execute();
    const regulations = [];
    for (const r of rows) {
      const versions = await versionsOf(db, r.id, true);
      const shown = versions.find((v) => v.number === r.current_version) ?? versions.find((v) => v.status === 'draft');
      const clauses = shown ? (await clauseTexts(db, shown.id)).length : 0;
      const { n: comments } = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('resource_type', '=', 'regulation')
        .where('resource_id', '=', r.id)
        .where('deleted_at', 'is', null)
        .where('hidden_at', 'is', null)
        .executeTakeFirstOrThrow();
      const { n: reports } = await db.selectFrom('regulation_reports').select((eb) => eb.fn.countAll<string>().as('n')).where('regulation_id', '=', r.id).executeTakeFirstOrThrow();
      regulations.push({
        id: r.id,
        status: r.status,
        title: r.title,
        titleZh: r.title_zh,
        currentVersion: r.current_version,
        publishedAt: r.published_at?.toISOString() ?? null,
        clauses,
        comments: Number(comments),
        reports: Number(reports),
        hasDraft: seesDrafts && versions.some((v) => v.status === 'draft'),
      });
    }
    return {
      process: await processRef(db, context),
      regulations,
      consultation: consultation(context),
      abilities: { create: canRegulation(req.actor, 'regulation.manage', { departmentId }).allow },
    };
  });

  app.post('/api/v1/processes/:slug/regulations', {
    schema: {
      tags: ['regulations'],
      summary: 'Start a draft regulation with its first version as a draft (officials of the process\'s department)',
      params: z.object({ slug: slugSchema }),
      body: draftInputSchema.omit({ changeNote: true, changeNoteZh: true }),
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const context = await visibleProcess(req.params.slug, req.actor);
    authorize(canRegulation(req.actor, 'regulation.manage', { departmentId: context.process.department_id }));
    const created = orFail(await createRegulation(deps, req.actor, { processId: context.process.id, ...req.body }));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/regulations/:id', {
    schema: {
      tags: ['regulations'],
      summary: 'A draft regulation in one version: clauses with their comments, support, opposition and alternative wordings, the response reports, what can be done now',
      params: z.object({ id: idSchema }),
      querystring: z.object({ version: z.coerce.number().int().min(1).max(10000).optional() }),
      response: { 200: regulationDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { regulation, context, seesDrafts } = await visibleRegulation(req.params.id, req.actor);
    const versions = await versionsOf(db, regulation.id, seesDrafts);
    const current = versions.find((v) => v.number === regulation.current_version) ?? null;
    const wanted = req.query.version;
    const version = wanted !== undefined ? versions.find((v) => v.number === wanted) : (current ?? versions.find((v) => v.status === 'draft'));
    if (!version) throw new FailureError(fail('not_found', { fields: [{ path: 'version', code: 'version_not_found' }] }));
    const posts = await postsById(db, versions.map((v) => v.post_id));
    const userId = req.actor.kind === 'user' ? req.actor.id : null;
    const { clauses, generalComments } = await clauseViews(db, regulation.id, version.id, current?.id ?? null, userId);
    const published = regulation.status === 'published';
    const windows = consultation(context);
    const manage = canRegulation(req.actor, 'regulation.manage', { departmentId: regulation.department_id }).allow;
    const amendFor = published && windows.amend.open ? amendingOrganizations(req.actor) : [];
    const anyOpen = windows.comment.open || windows.support.open || windows.amend.open;
    const department = (await processRef(db, context)).department;
    return {
      process: await processRef(db, context),
      regulation: {
        id: regulation.id,
        status: regulation.status,
        title: regulation.title,
        titleZh: regulation.title_zh,
        currentVersion: regulation.current_version,
        publishedAt: regulation.published_at?.toISOString() ?? null,
        hasDraft: seesDrafts && versions.some((v) => v.status === 'draft'),
        department,
      },
      versions: versions.map((v) => presentVersion(v, posts)),
      version: { ...presentVersion(version, posts), introduction: version.introduction, introductionZh: version.introduction_zh },
      clauses,
      generalComments,
      reports: published ? await reportsOf(db, regulation.id) : [],
      consultation: windows,
      awaitingResponse: manage && published ? await clausesAwaitingResponse(db, regulation.id) : [],
      abilities: {
        support: published && windows.support.open && canRegulation(req.actor, 'regulation.opinion', null).allow,
        amend: published && windows.amend.open && (canRegulation(req.actor, 'regulation.amend', { organizationId: null }).allow || amendFor.length > 0),
        amendFor,
        edit: manage,
        publish: manage && versions.some((v) => v.status === 'draft'),
        report: manage && published && !anyOpen,
      },
    };
  });

  app.get('/api/v1/regulations/:id/draft', {
    schema: {
      tags: ['regulations'],
      summary: 'The draft of the next version, or the current version to start one from (officials of the department)',
      params: z.object({ id: idSchema }),
      response: { 200: draftSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const { regulation } = await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.manage', { departmentId: regulation.department_id }));
    const versions = await versionsOf(db, regulation.id, true);
    const draft = versions.find((v) => v.status === 'draft');
    const base = draft ?? versions.find((v) => v.number === regulation.current_version)!;
    const clauses = await clauseTexts(db, base.id);
    return {
      regulationId: regulation.id,
      number: draft ? draft.number : Math.max(...versions.map((v) => v.number)) + 1,
      saved: Boolean(draft),
      title: base.title,
      titleZh: base.title_zh,
      introduction: base.introduction,
      introductionZh: base.introduction_zh,
      changeNote: draft ? draft.change_note : null,
      changeNoteZh: draft ? draft.change_note_zh : null,
      clauses: clauses.map((c) => ({ clauseId: c.id, label: c.label, labelZh: c.labelZh, text: c.text, textZh: c.textZh })),
      updatedAt: draft ? draft.updated_at.toISOString() : null,
    };
  });

  app.put('/api/v1/regulations/:id/draft', {
    schema: {
      tags: ['regulations'],
      summary: 'Save the draft of the next version: clauses given with their clauseId keep their identity (officials of the department)',
      params: z.object({ id: idSchema }),
      body: draftInputSchema,
      response: { 200: z.object({ number: z.number() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const { regulation } = await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.manage', { departmentId: regulation.department_id }));
    return orFail(await saveDraft(deps, req.actor, { regulationId: regulation.id, ...req.body }));
  });

  app.post('/api/v1/regulations/:id/publish', {
    schema: {
      tags: ['regulations'],
      summary: 'Publish the draft as the new current version, signed by your post (officials of the department)',
      params: z.object({ id: idSchema }),
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ number: z.number() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    const { regulation } = await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.manage', { departmentId: regulation.department_id }));
    return orFail(await publishVersion(deps, req.actor, { regulationId: regulation.id }));
  });

  app.get('/api/v1/regulations/:id/compare', {
    schema: {
      tags: ['regulations'],
      summary: 'Compare two versions clause by clause: added, removed, changed (with a word or character diff) and unchanged',
      params: z.object({ id: idSchema }),
      querystring: z.object({ from: z.coerce.number().int().min(1).max(10000), to: z.coerce.number().int().min(1).max(10000) }),
      response: { 200: comparisonSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { regulation, seesDrafts } = await visibleRegulation(req.params.id, req.actor);
    const versions = await versionsOf(db, regulation.id, seesDrafts);
    const from = versions.find((v) => v.number === req.query.from);
    const to = versions.find((v) => v.number === req.query.to);
    const missing = [...(from ? [] : [{ path: 'from', code: 'version_not_found' }]), ...(to ? [] : [{ path: 'to', code: 'version_not_found' }])];
    if (!from || !to) throw new FailureError(fail('not_found', { fields: missing }));
    const posts = await postsById(db, [from.post_id, to.post_id]);
    const clauses = compareClauses(await clauseTexts(db, from.id), await clauseTexts(db, to.id));
    return {
      regulation: { id: regulation.id, title: regulation.title, titleZh: regulation.title_zh },
      from: presentVersion(from, posts),
      to: presentVersion(to, posts),
      summary: summarizeComparison(clauses),
      clauses,
    };
  });

  const clauseParams = z.object({ id: idSchema, clauseId: idSchema });

  app.put('/api/v1/regulations/:id/clauses/:clauseId/opinion', {
    schema: {
      tags: ['regulations'],
      summary: 'Support or oppose a clause of the current version while supporting is open (verified residents; one opinion each, changeable)',
      params: clauseParams,
      body: opinionInputSchema,
      response: { 200: opinionCountsSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.opinion', null));
    return orFail(await setOpinion(deps, req.actor, { regulationId: req.params.id, clauseId: req.params.clauseId, value: req.body.value }));
  });

  app.delete('/api/v1/regulations/:id/clauses/:clauseId/opinion', {
    schema: {
      tags: ['regulations'],
      summary: 'Withdraw your support or opposition to a clause while supporting is open (verified residents)',
      params: clauseParams,
      response: { 200: opinionCountsSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    requireUser(req);
    await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.opinion', null));
    return orFail(await clearOpinion(deps, req.actor, { regulationId: req.params.id, clauseId: req.params.clauseId }));
  });

  app.get('/api/v1/regulations/:id/clauses/:clauseId/alternatives', {
    schema: {
      tags: ['regulations'],
      summary: 'Alternative wordings proposed for a clause, oldest first (hidden ones only for moderators and their authors)',
      params: clauseParams,
      response: { 200: z.object({ alternatives: z.array(alternativeSchema) }), ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { regulation } = await visibleRegulation(req.params.id, req.actor);
    const clause = await db.selectFrom('regulation_clauses').select('id').where('id', '=', req.params.clauseId).where('regulation_id', '=', regulation.id).executeTakeFirst();
    if (!clause) notFound();
    let query = db
      .selectFrom('regulation_alternatives as a')
      .innerJoin('users as u', 'u.id', 'a.author_id')
      .leftJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['a.id', 'a.clause_id', 'a.version_number', 'a.body', 'a.reason', 'a.created_at', 'a.hidden_at', 'u.display_name', 'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh'])
      .where('a.clause_id', '=', clause.id);
    const actor = req.actor;
    if (!hasRole(actor, 'moderator') && !hasRole(actor, 'administrator')) {
      query = query.where((eb) => (actor.kind === 'user' ? eb.or([eb('a.hidden_at', 'is', null), eb('a.author_id', '=', actor.id)]) : eb('a.hidden_at', 'is', null)));
    }
    const rows = await query.orderBy('a.created_at').orderBy('a.id').execute();
    return {
      alternatives: rows.map((r) => ({
        id: r.id,
        clauseId: r.clause_id,
        versionNumber: r.version_number,
        text: r.body,
        reason: r.reason,
        author: {
          displayName: r.display_name,
          organization: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name!, nameZh: r.org_name_zh } : null,
        },
        createdAt: r.created_at.toISOString(),
        hidden: r.hidden_at !== null,
      })),
    };
  });

  app.post('/api/v1/regulations/:id/clauses/:clauseId/alternatives', {
    schema: {
      tags: ['regulations'],
      summary: 'Propose alternative wording for a clause of the current version, with your reason, while amending is open (verified residents; representatives for their organization)',
      params: clauseParams,
      body: alternativeInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    requireUser(req);
    await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.amend', { organizationId: req.body.organizationId ?? null }));
    const created = orFail(await proposeAlternative(deps, req.actor, { regulationId: req.params.id, clauseId: req.params.clauseId, ...req.body }));
    reply.status(201);
    return created;
  });

  app.post('/api/v1/regulations/:id/reports', {
    schema: {
      tags: ['regulations'],
      summary: 'Publish the response report on a consulted version after the consultation: per clause, accepted or not and why (officials of the department)',
      params: z.object({ id: idSchema }),
      body: reportInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const { regulation } = await visibleRegulation(req.params.id, req.actor);
    authorize(canRegulation(req.actor, 'regulation.manage', { departmentId: regulation.department_id }));
    const created = orFail(await publishReport(deps, req.actor, { regulationId: regulation.id, ...req.body }));
    reply.status(201);
    return created;
  });
}
