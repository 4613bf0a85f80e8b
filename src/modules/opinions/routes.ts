import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { fail, FailureError, orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Decision } from '../../core/permissions/policy.js';
import type { Locale } from '../../core/i18n/locale.js';
import { streamTopic } from '../../core/live/sse.js';
import { canProcess, loadProcess, type ProcessContext } from '../processes/index.js';
import { opinionsTopic } from './math-runner.js';
import { canOpinions, type ConversationRef } from './policy.js';
import { voteRefusal, writeRefusal } from './rules.js';
import {
  conversationDetailSchema,
  conversationListSchema,
  createConversationSchema,
  exportFileSchema,
  importResultSchema,
  importSchema,
  moderateResultSchema,
  moderateSchema,
  moderationListSchema,
  moderationQuerySchema,
  nextStatementSchema,
  resultsSchema,
  seedResultSchema,
  seedStatementsSchema,
  updateConversationSchema,
  voteResultSchema,
  voteSchema,
  writeResultSchema,
  writeStatementSchema,
  type ConversationSummary,
  type ProcessRef,
} from './schemas.js';
import { conversationColumns, conversationCounts, findPid, loadConversation, type ConversationRecord, type ConversationRow } from './queries/load-conversation.js';
import { nextStatement } from './queries/next-statement.js';
import { loadMath, myPlace, publicMath } from './queries/results.js';
import { moderationQueue } from './queries/moderation.js';
import { exportOpenData } from './queries/export.js';
import { createConversation } from './operations/create-conversation.js';
import { updateConversation } from './operations/update-conversation.js';
import { seedStatements } from './operations/seed-statements.js';
import { writeStatement } from './operations/write-statement.js';
import { castVote } from './operations/cast-vote.js';
import { moderateStatement } from './operations/moderate-statement.js';
import { importConversation } from './operations/import-conversation.js';

/** Opinion maps inside processes: conversations, statements, votes, moderation, the live map, Polis openData. */
export function opinionsRoutes(app: App, { deps, catalog }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['opinions'];
  const conversationParams = z.object({ id: idSchema });

  function refusal(locale: Locale, code: string) {
    return { code, message: catalog.t(locale, `error.${code}`) };
  }

  function processVisible(context: ProcessContext, actor: Actor): boolean {
    return canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow;
  }

  /** The process by slug, if the actor may see it and it holds opinion maps; else a 404. */
  async function visibleProcess(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context || !context.process.components.includes('opinions') || !processVisible(context, actor)) notFound();
    return context;
  }

  /** A conversation the actor may see (its process is visible to them), with its process. */
  async function visibleConversation(id: string, actor: Actor): Promise<{ record: ConversationRecord; context: ProcessContext }> {
    const record = await loadConversation(db, id);
    if (!record) notFound();
    const context = await loadProcess(db, { id: record.row.process_id }, clock.now());
    if (!context || !processVisible(context, actor)) notFound();
    return { record, context };
  }

  async function processRef(context: ProcessContext): Promise<ProcessRef> {
    const p = context.process;
    const d = await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', p.department_id).executeTakeFirstOrThrow();
    const now = clock.now().getTime();
    const nextVote = context.phases.find((ph) => ph.actions.opinions?.includes('vote') && ph.startsAt.getTime() > now && ph.id !== context.current?.id);
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      titleZh: p.title_zh,
      department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh },
      voteOpenUntil: context.isOpen('opinions', 'vote').until?.toISOString() ?? null,
      writeOpenUntil: context.isOpen('opinions', 'write').until?.toISOString() ?? null,
      voteOpensAt: nextVote?.startsAt.toISOString() ?? null,
    };
  }

  function present(row: ConversationRow, counts: ConversationSummary['counts']): ConversationSummary {
    return {
      id: row.id,
      processId: row.process_id,
      topic: row.topic,
      topicZh: row.topic_zh,
      description: row.description,
      descriptionZh: row.description_zh,
      residentsWrite: row.residents_write,
      moderation: row.moderation,
      participation: row.participation,
      importedFrom: row.imported_from,
      createdAt: row.created_at.toISOString(),
      counts,
      mathComputedAt: row.math_computed_at?.toISOString() ?? null,
    };
  }

  async function presentOne(row: ConversationRow): Promise<ConversationSummary> {
    const counts = await conversationCounts(db, [row.id]);
    return present(row, counts.get(row.id)!);
  }

  /** Why the actor cannot vote (or write) now: what is closed for everyone first, then who they are. */
  function blocked(locale: Locale, timing: string | null, decision: Decision, ref: ConversationRef) {
    if (timing) return refusal(locale, timing);
    if (decision.allow) return null;
    return refusal(locale, decision.reason === 'forbidden' && !ref.residentsWrite ? 'statement_writing_off' : decision.reason);
  }

  // -------------------------------------------------------------------------------------------
  // Conversations

  app.get('/api/v1/processes/:slug/conversations', {
    schema: {
      tags,
      summary: 'The conversations (opinion maps) of a process, with what the caller may do',
      params: z.object({ slug: slugSchema }),
      response: { 200: conversationListSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const context = await visibleProcess(req.params.slug, req.actor);
    const rows = await db
      .selectFrom('opinion_conversations')
      .select([...conversationColumns])
      .where('process_id', '=', context.process.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const counts = await conversationCounts(db, rows.map((r) => r.id));
    const ref = { departmentId: context.process.department_id };
    return {
      conversations: rows.map((r) => present(r, counts.get(r.id)!)),
      process: await processRef(context),
      abilities: { create: canOpinions(req.actor, 'conversation.create', ref).allow, import: canOpinions(req.actor, 'conversation.import', ref).allow },
    };
  });

  app.post('/api/v1/processes/:slug/conversations', {
    schema: {
      tags,
      summary: "Open a conversation in a process, with its seed statements and settings (officials of the process's department, administrators)",
      params: z.object({ slug: slugSchema }),
      body: createConversationSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const context = await visibleProcess(req.params.slug, actor);
    authorize(canOpinions(actor, 'conversation.create', { departmentId: context.process.department_id }));
    const created = orFail(await createConversation(deps, actor, { ...req.body, processId: context.process.id }));
    reply.status(201);
    return created;
  });

  app.post('/api/v1/processes/:slug/conversations/import', {
    schema: {
      tags,
      summary:
        'Create a conversation from a Polis openData export: the texts of comments.csv and votes.csv (or participants-votes.csv) in one JSON body (officials of the department, administrators)',
      params: z.object({ slug: slugSchema }),
      body: importSchema,
      response: { 201: importResultSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    bodyLimit: 20 * 1024 * 1024,
  }, async (req, reply) => {
    const actor = requireUser(req);
    const context = await visibleProcess(req.params.slug, actor);
    authorize(canOpinions(actor, 'conversation.import', { departmentId: context.process.department_id }));
    const imported = orFail(await importConversation(deps, actor, { ...req.body, processId: context.process.id }));
    reply.status(201);
    return { ...imported, warnings: imported.warnings.map((w) => catalog.t(req.locale, `warning.${w.code}`, w.params)) };
  });

  app.get('/api/v1/conversations/:id', {
    schema: {
      tags,
      summary: 'A conversation: its topic and settings, where participation stands, and what the caller may do',
      params: conversationParams,
      response: { 200: conversationDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { record, context } = await visibleConversation(req.params.id, actor);
    const { row, ref } = record;
    const voteTiming = voteRefusal(context.isOpen('opinions', 'vote').open);
    const writeTiming = writeRefusal(context.isOpen('opinions', 'write').open);
    const voteDecision = canOpinions(actor, 'conversation.vote', ref);
    const writeDecision = canOpinions(actor, 'conversation.write', ref);
    const moderate = canOpinions(actor, 'conversation.moderate', ref).allow;
    const [pending, mine] = await Promise.all([
      moderate
        ? db.selectFrom('opinion_statements').select(db.fn.countAll<number>().as('n')).where('conversation_id', '=', row.id).where('status', '=', 'pending').executeTakeFirstOrThrow()
        : Promise.resolve(null),
      actor.kind === 'user'
        ? db
            .selectFrom('opinion_statements')
            .select(['id', 'tid', 'body', 'status'])
            .where('conversation_id', '=', row.id)
            .where('author_user_id', '=', actor.id)
            .where('is_seed', '=', false)
            .where((eb) => (row.moderation === 'pre' ? eb('status', '!=', 'accepted') : eb('status', '=', 'rejected')))
            .orderBy('tid')
            .execute()
        : Promise.resolve([]),
    ]);
    return {
      conversation: await presentOne(row),
      process: await processRef(context),
      abilities: {
        vote: voteTiming === null && voteDecision.allow,
        write: writeTiming === null && writeDecision.allow,
        seed: canOpinions(actor, 'conversation.seed', ref).allow,
        moderate,
        update: canOpinions(actor, 'conversation.update', ref).allow,
      },
      voteBlocked: blocked(req.locale, voteTiming, voteDecision, ref),
      writeBlocked: blocked(req.locale, writeTiming, writeDecision, ref),
      pending: pending === null ? null : Number(pending.n),
      myStatements: mine.map((s) => ({ id: s.id, number: s.tid, body: s.body, status: s.status })),
    };
  });

  app.patch('/api/v1/conversations/:id', {
    schema: {
      tags,
      summary: 'Change a conversation’s topic, description or settings (officials of the department, administrators)',
      params: conversationParams,
      body: updateConversationSchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleConversation(req.params.id, actor);
    authorize(canOpinions(actor, 'conversation.update', record.ref));
    orFail(await updateConversation(deps, actor, { ...req.body, id: record.row.id }));
    return { id: record.row.id };
  });

  // -------------------------------------------------------------------------------------------
  // Taking part

  async function nextFor(record: ConversationRecord, actor: Actor, knownPid?: number) {
    const pid = knownPid ?? (actor.kind === 'user' ? await findPid(db, record.row.id, actor.id) : null);
    return nextStatement(db, {
      conversationId: record.row.id,
      moderation: record.row.moderation,
      pid,
      priorities: (record.row.math_priorities as Record<string, number> | null) ?? null,
    });
  }

  app.get('/api/v1/conversations/:id/next', {
    schema: {
      tags,
      summary: 'One statement the caller has not voted on yet, chosen as Polis does (weighted by the map’s comment priorities), and their progress',
      params: conversationParams,
      response: { 200: nextStatementSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { record } = await visibleConversation(req.params.id, req.actor);
    return nextFor(record, req.actor);
  });

  app.post('/api/v1/conversations/:id/votes', {
    schema: {
      tags,
      summary: 'Agree, disagree or pass on a statement while voting is open (verified residents, or any registered person, as the conversation says); a later vote replaces an earlier one. Returns the next statement.',
      params: conversationParams,
      body: voteSchema,
      response: { 200: voteResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const loaded = await visibleConversation(req.params.id, actor);
    const { record } = loaded;
    authorize(canOpinions(actor, 'conversation.vote', record.ref));
    const recorded = orFail(await castVote(deps, actor, { conversationId: record.row.id, statementId: req.body.statementId, vote: req.body.vote }, loaded));
    return { statementId: req.body.statementId, vote: req.body.vote, next: await nextFor(record, actor, recorded.pid) };
  });

  app.post('/api/v1/conversations/:id/statements', {
    schema: {
      tags,
      summary: 'Add a statement (at most 140 characters) while writing is open, if the conversation lets participants write; the same statement twice is refused with statement_duplicate',
      params: conversationParams,
      body: writeStatementSchema,
      response: { 201: writeResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleConversation(req.params.id, actor);
    const decision = canOpinions(actor, 'conversation.write', record.ref);
    if (!decision.allow && decision.reason === 'forbidden' && !record.ref.residentsWrite) throw new FailureError(fail('statement_writing_off'));
    authorize(decision);
    const written = orFail(await writeStatement(deps, actor, { conversationId: record.row.id, body: req.body.body }));
    reply.status(201);
    return written;
  });

  app.post('/api/v1/conversations/:id/seeds', {
    schema: {
      tags,
      summary: 'Add seed statements in English and Chinese, accepted at once (officials of the department, moderators, administrators)',
      params: conversationParams,
      body: seedStatementsSchema,
      response: { 201: seedResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleConversation(req.params.id, actor);
    authorize(canOpinions(actor, 'conversation.seed', record.ref));
    const seeded = orFail(await seedStatements(deps, actor, { conversationId: record.row.id, statements: req.body.statements }));
    reply.status(201);
    return seeded;
  });

  // -------------------------------------------------------------------------------------------
  // Moderation

  app.get('/api/v1/conversations/:id/moderation', {
    schema: {
      tags,
      summary: 'The moderation queue: statements waiting (or accepted, or rejected), with their votes (officials of the department, moderators, administrators)',
      params: conversationParams,
      querystring: moderationQuerySchema,
      response: { 200: moderationListSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleConversation(req.params.id, actor);
    authorize(canOpinions(actor, 'conversation.moderate', record.ref));
    return moderationQueue(db, record.row.id, record.row.moderation, req.query);
  });

  app.post('/api/v1/conversations/:id/statements/:statementId/moderation', {
    schema: {
      tags,
      summary: 'Accept or reject a statement; rejected statements are hidden and moderated out of the map (officials of the department, moderators, administrators)',
      params: z.object({ id: idSchema, statementId: idSchema }),
      body: moderateSchema,
      response: { 200: moderateResultSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleConversation(req.params.id, actor);
    authorize(canOpinions(actor, 'conversation.moderate', record.ref));
    return orFail(await moderateStatement(deps, actor, { conversationId: record.row.id, statementId: req.params.statementId, decision: req.body.decision, meta: req.body.meta }));
  });

  // -------------------------------------------------------------------------------------------
  // Results, live updates, exports

  app.get('/api/v1/conversations/:id/results', {
    schema: {
      tags,
      summary: 'The opinion map: groups, representative statements, consensus, the placed participants by number only, and the caller’s own place (to them only)',
      params: conversationParams,
      response: { 200: resultsSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { record, context } = await visibleConversation(req.params.id, req.actor);
    const loaded = await loadMath(db, record.row.id);
    return {
      conversation: await presentOne(record.row),
      process: await processRef(context),
      math: loaded?.view ?? null,
      me: req.actor.kind === 'user' ? await myPlace(db, record.row.id, req.actor.id, loaded?.result ?? null) : null,
    };
  });

  app.get('/api/v1/conversations/:id/events', {
    schema: {
      tags,
      summary:
        'Server-sent events: `math` with the public map now and each time it is recomputed. `once=true` sends the map now and closes (for clients without EventSource).',
      params: conversationParams,
      querystring: z.object({ once: z.enum(['true', 'false']).optional() }),
      response: { 200: z.string().describe('text/event-stream'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const { record } = await visibleConversation(req.params.id, req.actor);
    const initial = [{ event: 'math', data: await publicMath(db, record.row.id) }];
    if (!deps.live || req.query.once === 'true') {
      return reply
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(initial.map(({ event, data }) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join(''));
    }
    streamTopic(req, reply, deps.live, opinionsTopic(record.row.id), initial);
    return reply;
  });

  app.get('/api/v1/conversations/:id/export/:file', {
    schema: {
      tags,
      summary: 'The conversation in Polis openData format (comments.csv, votes.csv, participants-votes.csv); participants by number only',
      params: z.object({ id: idSchema, file: exportFileSchema }),
      response: { 200: z.string().describe('text/csv'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const { record } = await visibleConversation(req.params.id, req.actor);
    const files = await exportOpenData(db, record.row.id, record.row.moderation);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="conversation-${record.row.id}-${req.params.file}"`)
      .send(files[req.params.file]);
  });

}
