import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { canSupervision, isHandlerOf } from './policy.js';
import { loadComplaint, type ComplaintRecord } from './queries/load-complaint.js';
import { orgRefs, postRefs, presentComplaint, presentComplaints } from './queries/present.js';
import { complaintDetailSchema, complaintListSchema, caseWriteSchema, fileComplaintSchema, informationSchema, stageSchema } from './schemas.js';
import { fileComplaint } from './operations/file-complaint.js';
import { advanceComplaint } from './operations/advance-complaint.js';
import { addInformation, writeToCase } from './operations/complaint-messages.js';
import { actionsAt, isOpen } from './rules.js';

/**
 * Named complaints: filing, the complainant's list, one case file (for the complainant and the
 * handlers only; everyone else, the accused department above all, gets the same 404 as for a case
 * that does not exist), the complainant's information and answers, the handlers' questions, notes
 * and stage decisions.
 */
export function complaintRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['supervision'];
  const idParams = z.object({ id: idSchema });

  /** A complaint the actor may read; for anyone else it does not exist. */
  async function visibleComplaint(id: string, actor: Actor): Promise<ComplaintRecord> {
    const record = await loadComplaint(db, id);
    if (!record || !canSupervision(actor, 'complaint.read', record.ref).allow) notFound();
    return record;
  }

  app.post('/api/v1/supervision/complaints', {
    schema: {
      tags,
      summary: 'File a named complaint about a department or an official post (any registered person); it goes to the supervisory body for that department, never to the department',
      body: fileComplaintSchema,
      response: { 201: z.object({ id: z.string(), number: z.number(), dueAt: z.string() }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    authorize(canSupervision(req.actor, 'complaint.file', null));
    const actor = requireUser(req);
    const created = orFail(await fileComplaint(deps, actor, req.body));
    reply.status(201);
    return { id: created.id, number: created.number, dueAt: created.dueAt.toISOString() };
  });

  app.get('/api/v1/supervision/complaints/mine', {
    schema: { tags, summary: 'The complaints the caller filed, newest first, with their stage and deadline', response: { 200: complaintListSchema, ...errorResponses(401, 403) } },
  }, async (req) => {
    authorize(canSupervision(req.actor, 'complaint.file', null));
    const actor = requireUser(req);
    const rows = await db.selectFrom('supervision_complaints').selectAll().where('complainant_id', '=', actor.id).orderBy('created_at', 'desc').limit(200).execute();
    return { complaints: await presentComplaints(db, rows, clock.now(), await loadCalendar(db)) };
  });

  app.get('/api/v1/supervision/complaints/:id', {
    schema: {
      tags,
      summary: 'One case file: for its complainant and the handlers of the supervisory body (never the accused department or one in conflict with it)',
      params: idParams,
      response: { 200: complaintDetailSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, ref } = await visibleComplaint(req.params.id, actor);
    const handler = isHandlerOf(actor, ref);
    const now = clock.now();
    let eventsQuery = db.selectFrom('supervision_complaint_events').selectAll().where('complaint_id', '=', row.id);
    if (!handler) eventsQuery = eventsQuery.where('kind', '!=', 'note');
    const events = await eventsQuery.orderBy('seq').execute();
    const [calendar, orgs, posts, files, eventFiles, complainant] = await Promise.all([
      loadCalendar(db),
      orgRefs(db, [row.department_id, row.body_id, ...events.map((e) => e.body_id)]),
      postRefs(db, [row.post_id, ...events.map((e) => e.post_id)]),
      attachmentsOf(db, 'supervision_complaint', [row.id]),
      attachmentsOf(db, 'supervision_event', events.map((e) => e.id)),
      handler ? db.selectFrom('users').select('display_name').where('id', '=', row.complainant_id).executeTakeFirst() : undefined,
    ]);
    const open = isOpen(row.state);
    return {
      complaint: {
        ...presentComplaint(row, orgs, posts, now, calendar),
        description: row.description,
        publicSummary: row.public_summary,
        decision: row.decision,
        measures: row.measures,
        closedAt: row.closed_at?.toISOString() ?? null,
        attachments: files.get(row.id) ?? [],
        complainant: complainant ? { displayName: complainant.display_name } : null,
      },
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.created_at.toISOString(),
        byComplainant: e.author_id === row.complainant_id && ['filed', 'information', 'answer'].includes(e.kind),
        post: e.post_id ? (posts.get(e.post_id) ?? null) : null,
        body: e.body_id ? (orgs.get(e.body_id) ?? null) : null,
        fromState: e.from_state,
        toState: e.to_state,
        text: e.text,
        dueAt: e.due_at?.toISOString() ?? null,
        attachments: eventFiles.get(e.id) ?? [],
      })),
      role: handler ? ('handler' as const) : ('complainant' as const),
      abilities: {
        respond: open && canSupervision(actor, 'complaint.respond', ref).allow,
        handle: open && handler,
        actions: handler ? actionsAt(row.state) : [],
      },
    };
  });

  app.post('/api/v1/supervision/complaints/:id/information', {
    schema: {
      tags,
      summary: "Add information and evidence to an open case, or answer the handlers' question (the complainant)",
      params: idParams,
      body: informationSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { row, ref } = await visibleComplaint(req.params.id, actor);
    authorize(canSupervision(actor, 'complaint.respond', ref));
    const created = orFail(await addInformation(deps, actor, { id: row.id, text: req.body.text, attachmentIds: req.body.attachmentIds }));
    reply.status(201);
    return { id: created.eventId };
  });

  app.post('/api/v1/supervision/complaints/:id/entries', {
    schema: {
      tags,
      summary: 'Ask the complainant a question, or write an internal note the complainant never sees (handlers of the case)',
      params: idParams,
      body: caseWriteSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { row, ref } = await visibleComplaint(req.params.id, actor);
    authorize(canSupervision(actor, 'complaint.handle', ref));
    const created = orFail(await writeToCase(deps, actor, { id: row.id, kind: req.body.kind, text: req.body.text }));
    reply.status(201);
    return { id: created.eventId };
  });

  app.post('/api/v1/supervision/complaints/:id/stage', {
    schema: {
      tags,
      summary: 'Move the case on (handlers): open the preliminary review, accept for investigation or dismiss with reasons, start the investigation, conclude with outcome and measures',
      params: idParams,
      body: stageSchema,
      response: { 200: z.object({ state: z.string(), dueAt: z.string().nullable() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { row, ref } = await visibleComplaint(req.params.id, actor);
    authorize(canSupervision(actor, 'complaint.handle', ref));
    const result = orFail(await advanceComplaint(deps, actor, { id: row.id, ...req.body }));
    return { state: result.state, dueAt: result.dueAt?.toISOString() ?? null };
  });

  // For the public list of case summaries (the complainant's own short summary, no names).
  app.get('/api/v1/supervision/public-cases', {
    schema: {
      tags,
      summary: 'Complaints whose complainant chose a public summary: category, department, stage, month and the summary (never a name); confidential ones appear only in the statistics',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
      response: { 200: z.object({ cases: z.array(z.object({ number: z.number(), category: z.string(), state: z.string(), department: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }), month: z.string(), summary: z.string(), outcome: z.string().nullable(), escalated: z.boolean() })), total: z.number() }), ...errorResponses(400) },
    },
  }, async (req) => {
    const base = db.selectFrom('supervision_complaints').where('confidentiality', '=', 'public_summary').where('public_summary', 'is not', null);
    const [rows, total] = await Promise.all([
      base.select(['number', 'category', 'state', 'department_id', 'created_at', 'public_summary', 'outcome', 'escalated_at']).orderBy('number', 'desc').limit(req.query.limit).offset(req.query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const orgs = await orgRefs(db, rows.map((r) => r.department_id));
    return {
      cases: rows.map((r) => ({
        number: r.number,
        category: r.category,
        state: r.state,
        department: orgs.get(r.department_id)!,
        month: r.created_at.toISOString().slice(0, 7),
        summary: r.public_summary!,
        outcome: r.outcome,
        escalated: r.escalated_at !== null,
      })),
      total: Number(total.n),
    };
  });

}
