import { attachmentsOf } from '../../core/attachments/attachments.js';
import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { sql } from 'kysely';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { deadlineStatus, type WorkingCalendar } from '../../core/calendar/working-days.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { canProcess, loadProcess, type ProcessContext } from '../processes/index.js';
import { canProposal } from './policy.js';
import {
  answerSchema,
  createProposalSchema,
  listQuerySchema,
  listResponseSchema,
  myProposalsSchema,
  noteSchema,
  overdueItemSchema,
  proposalDetailSchema,
  supportResponseSchema,
  updateProposalSchema,
  type Deadline,
  type ProposalSummary,
} from './schemas.js';
import { loadProposal, type ProposalRecord, type ProposalRow } from './queries/load-proposal.js';
import { categoriesOf, listProposals, type ListedProposal } from './queries/list-proposals.js';
import { proposalTimeline } from './queries/proposal-timeline.js';
import { overdueProposals } from './queries/overdue-proposals.js';
import { editRefusal, PENDING_ANSWER, publishRefusal, supportRefusal, withdrawRefusal } from './rules.js';
import { createProposal } from './operations/create-proposal.js';
import { updateProposal } from './operations/update-proposal.js';
import { publishProposal } from './operations/publish-proposal.js';
import { withdrawProposal } from './operations/withdraw-proposal.js';
import { supportProposal } from './operations/support-proposal.js';
import { unsupportProposal } from './operations/unsupport-proposal.js';
import { answerProposal } from './operations/answer-proposal.js';
import { assignEvaluator, unassignEvaluator } from './operations/assign-evaluator.js';
import { addEvaluationNote } from './operations/add-evaluation-note.js';

/** The policy's actions on an existing proposal. */
type ProposalAction = 'proposal.edit' | 'proposal.publish' | 'proposal.withdraw' | 'proposal.support' | 'proposal.answer' | 'proposal.assignEvaluator' | 'proposal.readNotes' | 'proposal.writeNote';

type Department = { id: string; slug: string; name: string; name_zh: string | null };

/** The answer deadline as pages show it, computed now from the working-day calendar. */
export function deadlineOf(
  row: Pick<ProposalRow, 'state' | 'answer_due_at' | 'answered_at'>,
  now: Date,
  calendar: WorkingCalendar,
): Deadline | null {
  if (!row.answer_due_at) return null;
  const dueAt = row.answer_due_at.toISOString();
  if (row.answered_at) return { state: 'answered', workingDays: 0, dueAt, answeredLate: row.answered_at.getTime() > row.answer_due_at.getTime() };
  if (!PENDING_ANSWER.includes(row.state)) return null;
  const status = deadlineStatus(row.answer_due_at, now, calendar);
  return { state: status.state === 'overdue' ? 'overdue' : 'due', workingDays: status.workingDays, dueAt, answeredLate: null };
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

function presentSummary(r: ListedProposal, now: Date, calendar: WorkingCalendar): ProposalSummary {
  return {
    id: r.id,
    processId: r.process_id,
    title: r.title,
    excerpt: excerpt(r.body),
    state: r.state,
    supportsCount: r.supports_count,
    supportThreshold: r.support_threshold,
    category: r.category,
    areaId: r.area_id,
    author: {
      displayName: r.display_name,
      organization: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name!, nameZh: r.org_name_zh } : null,
    },
    createdAt: r.created_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null,
    qualifiedAt: r.qualified_at?.toISOString() ?? null,
    deadline: deadlineOf(r, now, calendar),
    hidden: r.hidden_at !== null,
    supportedByMe: Boolean(r.supported_by_me),
  };
}

/** Proposals inside processes: lists, drafting, supports, the department's answers, evaluators and notes. */
export function proposalRoutes(app: App, { deps, catalog }: AppContext): void {
  const { db, clock } = deps;

  function refusal(locale: Locale, code: string, params?: Record<string, string | number>) {
    return { code, message: catalog.t(locale, `error.${code}`, params) };
  }

  async function departmentOf(id: string): Promise<Department> {
    return db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  function processVisible(context: ProcessContext, actor: Actor): boolean {
    return canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow;
  }

  async function visibleProcess(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context || !processVisible(context, actor)) notFound();
    return context;
  }

  /** A proposal the actor may read, with its process; others get the same 404 as a missing one. */
  async function visibleProposal(id: string, actor: Actor) {
    const record = await loadProposal(db, id);
    if (!record || !canProposal(actor, 'proposal.read', record.ref).allow) notFound();
    const context = await loadProcess(db, { id: record.row.process_id }, clock.now());
    if (!context || !processVisible(context, actor)) notFound();
    return { record, context };
  }

  function processBrief(context: ProcessContext, department: Department) {
    const p = context.process;
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      titleZh: p.title_zh,
      areaId: p.area_id,
      supportThreshold: p.support_threshold,
      answerWorkingDays: p.answer_working_days,
      supportsPerPerson: p.supports_per_person,
      editWindowMinutes: p.edit_window_minutes,
      department: { id: department.id, slug: department.slug, name: department.name, nameZh: department.name_zh },
      proposeOpenUntil: context.isOpen('proposals', 'propose').until?.toISOString() ?? null,
      supportOpenUntil: context.isOpen('proposals', 'support').until?.toISOString() ?? null,
    };
  }

  /** Supports the actor has given in a process, counted against the per-person limit. */
  async function supportsUsed(processId: string, actor: Actor): Promise<number> {
    if (actor.kind !== 'user') return 0;
    const row = await db
      .selectFrom('proposal_supports as s')
      .innerJoin('proposals as p', 'p.id', 's.proposal_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('s.process_id', '=', processId)
      .where('s.user_id', '=', actor.id)
      .where('p.state', '!=', 'withdrawn')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  const tags = ['proposals'];
  const idParams = z.object({ id: idSchema });

  app.get('/api/v1/processes/:slug/proposals', {
    schema: {
      tags,
      summary: 'Proposals of a process: filtered, searched (English and Chinese), sorted by supports, date or a stable random order',
      params: z.object({ slug: slugSchema }),
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const context = await visibleProcess(req.params.slug, actor);
    const { q, areaId, category, state, mine, sort, seed, limit, offset } = req.query;
    const now = clock.now();
    const [calendar, department, categories, list] = await Promise.all([
      loadCalendar(db),
      departmentOf(context.process.department_id),
      categoriesOf(db, context.process.id),
      (async () =>
        listProposals(db, actor, {
          processId: context.process.id,
          q,
          areaIds: areaId ? await areaSubtreeIds(db, areaId) : undefined,
          category,
          state,
          mine: mine === 'true' && actor.kind === 'user',
          sort,
          seed,
          limit,
          offset,
        }))(),
    ]);
    const mineOnlyForVisitor = mine === 'true' && actor.kind !== 'user';
    const organizations =
      actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'representative' && m.status === 'verified' && !actor.blocked) : [];
    const selfDecision = canProposal(actor, 'proposal.create', { organizationId: null });
    const mayCreate = selfDecision.allow || organizations.length > 0;
    const proposeOpen = context.isOpen('proposals', 'propose').open;
    const createBlocked = !mayCreate ? refusal(req.locale, selfDecision.allow ? 'forbidden' : selfDecision.reason) : !proposeOpen ? refusal(req.locale, 'proposing_closed') : null;
    const p = context.process;
    return {
      proposals: mineOnlyForVisitor ? [] : list.rows.map((r) => presentSummary(r, now, calendar)),
      total: mineOnlyForVisitor ? 0 : list.total,
      categories,
      process: processBrief(context, department),
      supportsUsed: p.supports_per_person !== null && actor.kind === 'user' ? await supportsUsed(p.id, actor) : null,
      abilities: { create: createBlocked === null },
      createBlocked,
      organizations: organizations.map((m) => ({ id: m.organizationId, slug: m.slug, name: m.name, nameZh: m.nameZh })),
    };
  });

  app.post('/api/v1/processes/:slug/proposals', {
    schema: {
      tags,
      summary: 'Create a proposal while the process takes proposals (verified residents; representatives for their organization); a draft unless `publish`',
      params: z.object({ slug: slugSchema }),
      body: createProposalSchema,
      response: { 201: z.object({ id: z.string(), state: z.enum(['draft', 'published']) }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const context = await visibleProcess(req.params.slug, actor);
    authorize(canProposal(actor, 'proposal.create', { organizationId: req.body.organizationId ?? null }));
    const created = orFail(await createProposal(deps, actor, { ...req.body, processId: context.process.id }));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/proposals/mine', {
    schema: {
      tags,
      summary: "The caller's proposals in every process (as author, co-author or representative), drafts included",
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
      response: { 200: myProposalsSchema, ...errorResponses(400, 401) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const now = clock.now();
    const [calendar, list] = await Promise.all([
      loadCalendar(db),
      listProposals(db, actor, { mine: true, sort: 'newest', limit: req.query.limit, offset: req.query.offset }),
    ]);
    return {
      proposals: list.rows.map((r) => ({ ...presentSummary(r, now, calendar), process: { slug: r.process_slug, title: r.process_title, titleZh: r.process_title_zh } })),
      total: list.total,
    };
  });

  app.get('/api/v1/proposals/overdue', {
    schema: {
      tags,
      summary: 'Qualified proposals whose official answer is overdue, most overdue first; per department for its page',
      querystring: z.object({ departmentId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ proposals: z.array(overdueItemSchema) }), ...errorResponses(400) },
    },
  }, async (req) => {
    const calendar = await loadCalendar(db);
    return { proposals: await overdueProposals(db, clock.now(), calendar, { departmentId: req.query.departmentId, limit: req.query.limit }) };
  });

  app.get('/api/v1/proposals/:id', {
    schema: {
      tags,
      summary: 'A proposal: text, authors, state, the answer with the post that signed it, the deadline, its public timeline, and what the caller may do',
      params: idParams,
      response: { 200: proposalDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { record, context } = await visibleProposal(req.params.id, actor);
    return presentDetail(record, context, actor, req.locale);
  });

  async function presentDetail(record: ProposalRecord, context: ProcessContext, actor: Actor, locale: Locale) {
    const { row, ref } = record;
    const now = clock.now();
    const p = context.process;
    const [calendar, department, author, organization, coauthors, coalition, timeline, answerPost, supported] = await Promise.all([
      loadCalendar(db),
      departmentOf(p.department_id),
      db.selectFrom('users').select('display_name').where('id', '=', row.author_id).executeTakeFirstOrThrow(),
      row.organization_id ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.organization_id).executeTakeFirst() : undefined,
      record.coauthorIds.length > 0 ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', record.coauthorIds).orderBy('display_name').execute() : [],
      record.coalitionIds.length > 0 ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', record.coalitionIds).orderBy('name').execute() : [],
      proposalTimeline(db, row.id),
      row.answer_post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.answer_post_id).executeTakeFirst() : undefined,
      actor.kind === 'user'
        ? db.selectFrom('proposal_supports').select('user_id').where('proposal_id', '=', row.id).where('user_id', '=', actor.id).executeTakeFirst()
        : undefined,
    ]);
    const supportedByMe = Boolean(supported);
    const supportOpen = context.isOpen('proposals', 'support').open;
    const can = (action: ProposalAction) => canProposal(actor, action, ref).allow;

    // Why the caller cannot support now: what is closed for everyone first (no use signing in for
    // that), then who they are, then their personal limit.
    let supportBlocked: { code: string; message: string } | null = null;
    if (!supportedByMe) {
      const decision = canProposal(actor, 'proposal.support', ref);
      const timing = supportRefusal(row.state, supportOpen);
      if (timing) supportBlocked = refusal(locale, timing);
      else if (!decision.allow) supportBlocked = refusal(locale, decision.reason);
      else if (p.supports_per_person !== null && (await supportsUsed(p.id, actor)) >= p.supports_per_person) {
        supportBlocked = refusal(locale, 'support_limit_reached', { limit: p.supports_per_person });
      }
    }
    const readNotes = can('proposal.readNotes');
    const assign = can('proposal.assignEvaluator');
    const officials = readNotes || assign
      ? await db
          .selectFrom('posts as p')
          .innerJoin('users as u', 'u.id', 'p.holder_user_id')
          .select(['u.id', 'u.display_name', 'p.id as post_id', 'p.title', 'p.title_zh'])
          .where('p.organization_id', '=', p.department_id)
          .orderBy('u.display_name')
          .execute()
      : [];
    const evaluatorIds = readNotes ? (await db.selectFrom('proposal_evaluators').select('user_id').where('proposal_id', '=', row.id).execute()).map((e) => e.user_id) : [];
    const presentOfficial = (o: (typeof officials)[number]) => ({ id: o.id, displayName: o.display_name, post: { id: o.post_id, title: o.title, titleZh: o.title_zh } });
    const uniqueOfficials = [...new Map(officials.map((o) => [o.id, o])).values()];

    const editable = editRefusal(row.state, row.published_at, p.edit_window_minutes, now) === null;
    return {
      proposal: {
        id: row.id,
        processId: row.process_id,
        title: row.title,
        excerpt: excerpt(row.body),
        body: row.body,
        state: row.state,
        supportsCount: row.supports_count,
        supportThreshold: p.support_threshold,
        category: row.category,
        areaId: row.area_id,
        author: { displayName: author.display_name, organization: organization ? { id: organization.id, slug: organization.slug, name: organization.name, nameZh: organization.name_zh } : null },
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        publishedAt: row.published_at?.toISOString() ?? null,
        qualifiedAt: row.qualified_at?.toISOString() ?? null,
        evaluatingAt: row.evaluating_at?.toISOString() ?? null,
        answeredAt: row.answered_at?.toISOString() ?? null,
        withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
        overdueAt: row.overdue_at?.toISOString() ?? null,
        deadline: deadlineOf(row, now, calendar),
        hidden: row.hidden_at !== null,
        supportedByMe,
        location: row.latitude !== null || row.address ? { latitude: row.latitude, longitude: row.longitude, address: row.address } : null,
        coauthors: coauthors.map((c) => ({ id: c.id, displayName: c.display_name })),
        coalition: coalition.map((o) => ({ id: o.id, slug: o.slug, name: o.name, nameZh: o.name_zh })),
        attachments: (await attachmentsOf(db, 'proposal', [row.id])).get(row.id) ?? [],
        editableUntil: row.state === 'published' && row.published_at && editable ? new Date(row.published_at.getTime() + p.edit_window_minutes * 60_000).toISOString() : null,
      },
      process: { ...processBrief(context, department), legalBasis: p.legal_basis, legalBasisZh: p.legal_basis_zh, legalReference: p.legal_reference },
      answer:
        (row.state === 'accepted' || row.state === 'rejected') && row.answered_at
          ? {
              state: row.state,
              text: row.answer,
              answeredAt: row.answered_at.toISOString(),
              post: answerPost ? { id: answerPost.id, title: answerPost.title, titleZh: answerPost.title_zh } : null,
              department: { id: department.id, slug: department.slug, name: department.name, nameZh: department.name_zh },
            }
          : null,
      timeline,
      abilities: {
        edit: can('proposal.edit') && editable,
        publish: can('proposal.publish') && publishRefusal(row.state, context.isOpen('proposals', 'propose').open) === null,
        withdraw: can('proposal.withdraw') && withdrawRefusal(row.state) === null,
        support: !supportedByMe && supportBlocked === null,
        unsupport: supportedByMe && can('proposal.support') && supportRefusal(row.state, supportOpen) === null,
        answer: can('proposal.answer') && ['published', 'qualified', 'evaluating'].includes(row.state),
        assignEvaluator: assign,
        readNotes,
        writeNote: can('proposal.writeNote'),
      },
      supportBlocked,
      evaluators: readNotes ? uniqueOfficials.filter((o) => evaluatorIds.includes(o.id)).map(presentOfficial) : null,
      evaluatorCandidates: assign ? uniqueOfficials.map(presentOfficial) : null,
    };
  }

  app.patch('/api/v1/proposals/:id', {
    schema: {
      tags,
      summary: "Edit a proposal (its authors): drafts at any time, published ones within the process's edit window",
      params: idParams,
      body: updateProposalSchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.edit', record.ref));
    orFail(await updateProposal(deps, actor, { id: record.row.id, ...req.body }));
    return { id: record.row.id };
  });

  const stateResponse = z.object({ id: z.string(), state: z.string() });

  app.post('/api/v1/proposals/:id/publish', {
    schema: {
      tags,
      summary: 'Publish a draft while the process takes proposals (its authors)',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.publish', record.ref));
    orFail(await publishProposal(deps, actor, { id: record.row.id }));
    return { id: record.row.id, state: 'published' };
  });

  app.post('/api/v1/proposals/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw a proposal that has not been answered (its authors); it takes no more supports',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.withdraw', record.ref));
    orFail(await withdrawProposal(deps, actor, { id: record.row.id }));
    return { id: record.row.id, state: 'withdrawn' };
  });

  app.post('/api/v1/proposals/:id/support', {
    schema: {
      tags,
      summary: 'Support a proposal while supporting is open (verified residents; once per person; within the per-person limit)',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: supportResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.support', record.ref));
    return orFail(await supportProposal(deps, actor, { id: record.row.id }));
  });

  app.delete('/api/v1/proposals/:id/support', {
    schema: {
      tags,
      summary: 'Take back your support while supporting is open',
      params: idParams,
      response: { 200: supportResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.support', record.ref));
    return orFail(await unsupportProposal(deps, actor, { id: record.row.id }));
  });

  app.post('/api/v1/proposals/:id/answer', {
    schema: {
      tags,
      summary: "Mark a proposal as being evaluated, or answer it: accepted or rejected with reasons (officials of the process's department)",
      params: idParams,
      body: answerSchema,
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.answer', record.ref));
    orFail(await answerProposal(deps, actor, { id: record.row.id, state: req.body.state, answer: req.body.answer }));
    return { id: record.row.id, state: req.body.state };
  });

  app.post('/api/v1/proposals/:id/evaluators', {
    schema: {
      tags,
      summary: "Assign an official of the process's department to evaluate a proposal (officials of that department)",
      params: idParams,
      body: z.strictObject({ userId: idSchema }),
      response: { 201: z.object({ userId: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.assignEvaluator', record.ref));
    orFail(await assignEvaluator(deps, actor, { id: record.row.id, userId: req.body.userId }));
    reply.status(201);
    return { userId: req.body.userId };
  });

  app.delete('/api/v1/proposals/:id/evaluators/:userId', {
    schema: {
      tags,
      summary: 'Take an evaluator off a proposal (officials of the department)',
      params: z.object({ id: idSchema, userId: idSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.assignEvaluator', record.ref));
    orFail(await unassignEvaluator(deps, actor, { id: record.row.id, userId: req.params.userId }));
    return reply.status(204).send(null);
  });

  app.get('/api/v1/proposals/:id/notes', {
    schema: {
      tags,
      summary: "The evaluators' private notes (officials of the department, administrators)",
      params: idParams,
      response: { 200: z.object({ notes: z.array(noteSchema) }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.readNotes', record.ref));
    const notes = await db
      .selectFrom('proposal_notes as n')
      .leftJoin('users as u', 'u.id', 'n.author_id')
      .leftJoin('posts as p', 'p.id', 'n.post_id')
      .select(['n.id', 'n.body', 'n.created_at', 'u.id as user_id', 'u.display_name', 'p.id as post_id', 'p.title', 'p.title_zh'])
      .where('n.proposal_id', '=', record.row.id)
      .orderBy('n.created_at')
      .orderBy('n.id')
      .execute();
    return {
      notes: notes.map((n) => ({
        id: n.id,
        body: n.body,
        createdAt: n.created_at.toISOString(),
        author: n.user_id ? { id: n.user_id, displayName: n.display_name ?? '' } : null,
        post: n.post_id ? { id: n.post_id, title: n.title ?? '', titleZh: n.title_zh } : null,
      })),
    };
  });

  app.post('/api/v1/proposals/:id/notes', {
    schema: {
      tags,
      summary: 'Add a private evaluation note (officials of the department)',
      params: idParams,
      body: z.strictObject({ body: z.string().trim().min(1).max(5000) }),
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleProposal(req.params.id, actor);
    authorize(canProposal(actor, 'proposal.writeNote', record.ref));
    const note = orFail(await addEvaluationNote(deps, actor, { id: record.row.id, body: req.body.body }));
    reply.status(201);
    return note;
  });
}
