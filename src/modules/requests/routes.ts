import { z } from 'zod';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser, publicBaseUrl } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { canRequest, isRequesterOf } from './policy.js';
import {
  classifySchema,
  extensionSchema,
  fileRequestSchema,
  listQuerySchema,
  listResponseSchema,
  messageBodySchema,
  optionsSchema,
  publishSchema,
  rankingSchema,
  recordSchema,
  redactSchema,
  requestDetailSchema,
  respondSchema,
  reviewDecisionSchema,
  settingsInputSchema,
  settingsSchema,
  withdrawSchema,
  type RequestMessage,
  type RequestSummary,
} from './schemas.js';
import { loadRequest, requestPath, type RequestRecord } from './queries/load-request.js';
import { listRequests, type ListedRequest } from './queries/list-requests.js';
import { departmentOr404, type DepartmentRef } from '../../core/organizations/departments.js';
import { departmentById, departmentRanking, governmentDepartments, recordRequests } from './queries/department-record.js';
import { deadlineView, shownState } from './deadlines.js';
import { publicText, REDACTED } from './redaction.js';
import { requestTotals } from './record.js';
import { loadRequestSettings, settingsOf, supervisorOf, type RequestSettings } from './settings.js';
import { askClarificationRefusal, classifyRefusal, clarifyRefusal, decideReviewRefusal, extendRefusal, respondRefusal, reviewRefusal, withdrawRefusal } from './rules.js';
import { renderAtom } from '../../core/feeds/atom.js';
import type { RefusalGround, RequestDecision } from './tables.js';
import { fileRequest } from './operations/file-request.js';
import { askClarification, extendRequest, respondToRequest } from './operations/department-actions.js';
import { clarifyRequest, classifyRequest, withdrawRequest } from './operations/requester-actions.js';
import { decideReview, requestReview } from './operations/internal-review.js';
import { redactMessage } from './operations/redact-message.js';
import { publishReply } from './operations/publish-reply.js';
import { updateRequestSettings } from './operations/update-settings.js';

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

function presentGround(g: RefusalGround | null) {
  return g ? { code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference } : null;
}

const toRef = (id: string, slug: string, name: string, nameZh: string | null): DepartmentRef => ({ id, slug, name, nameZh });

/** A list row as the public sees it: the pseudonym (never the person behind it), the redacted text. */
function presentSummary(r: ListedRequest, now: Date, calendar: WorkingCalendar, locale: Locale): RequestSummary {
  return {
    id: r.id,
    title: r.title,
    excerpt: excerpt(r.body ? publicText(r.body, r.redactions ?? [], REDACTED[locale]) : ''),
    state: shownState(r, now),
    department: toRef(r.department_id, r.dept_slug, r.dept_name, r.dept_name_zh),
    requester: {
      displayName: r.pseudonym ?? r.display_name,
      pseudonymous: r.pseudonym !== null,
      organization: r.organization_id ? toRef(r.organization_id, r.org_slug!, r.org_name!, r.org_name_zh) : null,
    },
    createdAt: r.created_at.toISOString(),
    deadline: deadlineView({ ...r, responded_at: r.responded_at }, now, calendar),
    decision: r.decision,
    classification: r.classification,
    hidden: r.hidden_at !== null,
    publicationPath: r.publication_path,
  };
}

/**
 * Information requests: the public list, filing, one request with its deadline and correspondence,
 * the department's clarification requests, extension and decision (with documents, redactions and
 * one-click publication in the register), the requester's clarification, withdrawal, classification
 * and internal review, the supervising department's review decision, departments' records, ranking,
 * settings, and an Atom feed of each department's responses.
 */
export function requestRoutes(app: App, { deps, catalog, config }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['requests'];
  const idParams = z.object({ id: idSchema });
  const messageParams = z.object({ id: idSchema, messageId: idSchema });
  const slugParams = z.object({ slug: slugSchema });

  async function visibleRequest(id: string, actor: Actor): Promise<RequestRecord> {
    const record = await loadRequest(db, id);
    if (!record || !canRequest(actor, 'request.read', record.ref).allow) notFound();
    return record;
  }

  async function summaries(actor: Actor, locale: Locale, filters: Parameters<typeof listRequests>[3]) {
    const now = clock.now();
    const [calendar, list] = await Promise.all([loadCalendar(db), listRequests(db, actor, now, filters)]);
    return { rows: list.rows.map((r) => presentSummary(r, now, calendar, locale)), total: list.total };
  }

  app.get('/api/v1/requests', {
    schema: {
      tags,
      summary: 'Public information requests: search in English or Chinese, filter by department and state (overdue and very overdue included), page',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const q = req.query;
    const { rows, total } = await summaries(req.actor, req.locale, { q: q.q, departmentId: q.departmentId, state: q.state, mine: q.mine === 'true', sort: q.sort, limit: q.limit, offset: q.offset });
    return { requests: rows, total, abilities: { file: canRequest(req.actor, 'request.file', { organizationId: null }).allow } };
  });

  app.get('/api/v1/requests/options', {
    schema: {
      tags,
      summary: 'What the request form offers: the departments with their response periods and legal basis, and the organizations the caller may ask for',
      response: { 200: optionsSchema },
    },
  }, async (req) => {
    const actor = req.actor;
    const departments = await governmentDepartments(db);
    const settings = await loadRequestSettings(db, departments.map((d) => d.id));
    const represented = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'representative' && m.status === 'verified' && m.sector !== 'government') : [];
    return {
      departments: departments.map(({ isSupervisory: _s, ...d }) => {
        const s = settings.get(d.id)!;
        return { ...d, responseWorkingDays: s.responseWorkingDays, extensionWorkingDays: s.extensionWorkingDays, legalBasis: s.legalBasis, legalBasisZh: s.legalBasisZh };
      }),
      organizations: represented.map((m) => ({ id: m.organizationId, slug: m.slug, name: m.name, nameZh: m.nameZh })),
    };
  });

  app.post('/api/v1/requests', {
    schema: {
      tags,
      summary: 'Ask a department for information, in public (any registered person; representatives for their organization), optionally under a pseudonym; the response clock starts at once',
      body: fileRequestSchema,
      response: { 201: z.object({ id: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canRequest(actor, 'request.file', { organizationId: req.body.organizationId ?? null }));
    const created = orFail(await fileRequest(deps, actor, req.body));
    reply.status(201);
    return { id: created.id, dueAt: created.dueAt.toISOString() };
  });

  app.get('/api/v1/requests/departments', {
    schema: {
      tags,
      summary: "Every department's record on information requests, ranked by the share answered on time, then the lower refusal rate, then the median working days",
      response: { 200: rankingSchema },
    },
  }, async () => ({ departments: await departmentRanking(db, clock.now(), await loadCalendar(db)) }));

  async function presentSettings(dept: DepartmentRef, s: RequestSettings) {
    const supervisorId = await supervisorOf(db, s);
    const departments = (await governmentDepartments(db)).map(({ isSupervisory: _s, ...d }) => d);
    const supervisor = departments.find((d) => d.id === supervisorId) ?? (await departmentById(db, supervisorId))!;
    return {
      department: dept,
      responseWorkingDays: s.responseWorkingDays,
      extensionWorkingDays: s.extensionWorkingDays,
      reviewWorkingDays: s.reviewWorkingDays,
      veryOverdueWorkingDays: s.veryOverdueWorkingDays,
      veryOverdueConfigured: s.veryOverdueConfigured,
      supervisorDepartmentId: s.supervisorConfigured,
      supervisor,
      legalBasis: s.legalBasis,
      legalBasisZh: s.legalBasisZh,
      refusalGrounds: s.refusalGrounds.map((g) => presentGround(g)!),
      configured: s.configured,
      updatedAt: s.updatedAt?.toISOString() ?? null,
      departments,
    };
  }

  app.get('/api/v1/requests/departments/:slug', {
    schema: {
      tags,
      summary: "A department's record: requests by state, share answered on time, median working days to respond, refusal rate by legal ground, internal reviews and their outcomes; its rules; overdue requests and latest decisions",
      params: slugParams,
      response: { 200: recordSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const dept = await departmentOr404(db, req.params.slug);
    const now = clock.now();
    const [calendar, settings, requests, overdue, latest] = await Promise.all([
      loadCalendar(db),
      settingsOf(db, dept.id),
      recordRequests(db, dept.id),
      summaries(req.actor, req.locale, { departmentId: dept.id, state: 'overdue', mine: false, sort: 'due', limit: 50, offset: 0 }),
      summaries(req.actor, req.locale, { departmentId: dept.id, responded: true, mine: false, sort: 'responded', limit: 5, offset: 0 }),
    ]);
    const presented = await presentSettings(dept, settings);
    return {
      department: dept,
      settings: presented,
      totals: requestTotals(requests.get(dept.id) ?? [], now, calendar),
      overdue: overdue.rows,
      latest: latest.rows,
      abilities: { configure: canRequest(req.actor, 'department.configureRequests', { departmentId: dept.id }).allow },
    };
  });

  app.get('/api/v1/requests/departments/:slug/settings', {
    schema: {
      tags,
      summary: "A department's rules for information requests (public): response period, the one extension, internal review period and supervising department, very overdue threshold, legal grounds to refuse",
      params: slugParams,
      response: { 200: settingsSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const dept = await departmentOr404(db, req.params.slug);
    const presented = await presentSettings(dept, await settingsOf(db, dept.id));
    return { ...presented, abilities: { configure: canRequest(req.actor, 'department.configureRequests', { departmentId: dept.id }).allow } };
  });

  app.put('/api/v1/requests/departments/:slug/settings', {
    schema: {
      tags,
      summary: "Set a department's rules for information requests (administrators, the department's officials); applies to requests from now on",
      params: slugParams,
      body: settingsInputSchema,
      response: { 200: settingsSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const dept = await departmentOr404(db, req.params.slug);
    authorize(canRequest(actor, 'department.configureRequests', { departmentId: dept.id }));
    orFail(await updateRequestSettings(deps, actor, { departmentId: dept.id, ...req.body }));
    return { ...(await presentSettings(dept, await settingsOf(db, dept.id))), abilities: { configure: true } };
  });

  app.get('/api/v1/requests/departments/:slug/responses.atom', {
    schema: {
      tags,
      summary: "An Atom 1.0 feed of a department's latest responses to information requests (public text, redactions applied)",
      params: slugParams,
      response: { 200: z.string().describe('application/atom+xml'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const dept = await departmentOr404(db, req.params.slug);
    const locale = req.locale;
    const pick = (en: string, zh: string | null) => (locale === 'zh-CN' && zh ? zh : en);
    const rows = await db
      .selectFrom('information_request_messages as m')
      .innerJoin('information_requests as r', 'r.id', 'm.request_id')
      .leftJoin('posts as p', 'p.id', 'm.post_id')
      .select(['m.id', 'm.body', 'm.redactions', 'm.data', 'm.created_at', 'r.id as request_id', 'r.title', 'p.title as post_title', 'p.title_zh as post_title_zh'])
      .where('m.department_id', '=', dept.id)
      .where('m.kind', '=', 'response')
      .where('r.hidden_at', 'is', null)
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id')
      .limit(50)
      .execute();
    const base = publicBaseUrl(config, req);
    const deptName = pick(dept.name, dept.nameZh);
    const xml = renderAtom({
      id: `${base}/api/v1/requests/departments/${dept.slug}/responses.atom`,
      title: catalog.t(locale, 'requests.feed.title', { department: deptName }),
      subtitle: catalog.t(locale, 'requests.feed.subtitle', { department: deptName }),
      selfLink: `${base}/api/v1/requests/departments/${dept.slug}/responses.atom`,
      alternateLink: `${base}/requests/departments/${dept.slug}`,
      updated: rows[0]?.created_at ?? new Date(0),
      authorName: deptName,
      language: locale,
      entries: rows.map((r) => {
        const decision = (r.data.decision as RequestDecision | undefined) ?? 'successful';
        const ground = (r.data.ground as RefusalGround | null | undefined) ?? null;
        const lines = [catalog.t(locale, `requests.feed.decision.${decision}`)];
        if (ground) lines.push(catalog.t(locale, 'requests.feed.ground', { ground: pick(ground.label, ground.label_zh), reference: ground.legal_reference }));
        lines.push('', publicText(r.body, r.redactions, catalog.t(locale, 'requests.redacted')));
        return {
          id: `urn:uuid:${r.id}`,
          title: r.title,
          link: `${base}${requestPath(r.request_id)}`,
          published: r.created_at,
          updated: r.created_at,
          authorName: r.post_title ? `${pick(r.post_title, r.post_title_zh)}, ${deptName}` : deptName,
          content: lines.join('\n'),
          categories: [decision],
        };
      }),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get('/api/v1/requests/:id', {
    schema: {
      tags,
      summary: 'A request: the public correspondence (redactions applied for the public), state, the deadline in working days with pauses and extension, the decision and legal ground, the internal review, and what the caller may do',
      params: idParams,
      response: { 200: requestDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => presentDetail(await visibleRequest(req.params.id, req.actor), req.actor, req.locale));

  async function presentDetail(record: RequestRecord, actor: Actor, locale: Locale) {
    const { row, ref } = record;
    const now = clock.now();
    const [calendar, settings, messages, pauses, dept, author, organization] = await Promise.all([
      loadCalendar(db),
      settingsOf(db, row.department_id),
      db.selectFrom('information_request_messages').selectAll().where('request_id', '=', row.id).orderBy('seq').execute(),
      db.selectFrom('information_request_pauses').select(['started_at', 'ended_at']).where('request_id', '=', row.id).orderBy('started_at').execute(),
      departmentById(db, row.department_id),
      db.selectFrom('users').select('display_name').where('id', '=', row.author_id).executeTakeFirstOrThrow(),
      row.organization_id ? departmentById(db, row.organization_id) : undefined,
    ]);
    const messageIds = messages.map((m) => m.id);
    const postIds = [...new Set(messages.map((m) => m.post_id).filter((id): id is string => id !== null))];
    const deptIds = [...new Set(messages.map((m) => m.department_id).filter((id): id is string => id !== null))];
    const [attachments, posts, depts] = await Promise.all([
      attachmentsOf(db, 'information_request_message', messageIds),
      postIds.length > 0 ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', 'in', postIds).execute() : [],
      deptIds.length > 0 ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', deptIds).execute() : [],
    ]);
    const seeOriginal = canRequest(actor, 'request.seeOriginal', ref).allow;
    const seeIdentity = canRequest(actor, 'request.seeIdentity', ref).allow;
    const marker = REDACTED[locale];
    const presentedMessages: RequestMessage[] = messages.map((m) => {
      const post = posts.find((p) => p.id === m.post_id);
      const from = depts.find((d) => d.id === m.department_id);
      const data = m.data as { decision?: RequestDecision; ground?: RefusalGround | null; outcome?: 'upheld' | 'partly_upheld' | 'overturned'; state?: RequestDecision; dueAt?: string; workingDays?: number; against?: string };
      const redacted = m.redactions.length > 0;
      return {
        id: m.id,
        seq: m.seq,
        kind: m.kind,
        body: seeOriginal ? m.body : publicText(m.body, m.redactions, marker),
        original: seeOriginal && redacted,
        redactions: seeOriginal ? m.redactions : null,
        redactedSpans: m.redactions.length,
        from: m.department_id ? 'department' : 'requester',
        post: post ? { id: post.id, title: post.title, titleZh: post.title_zh } : null,
        department: from ? toRef(from.id, from.slug, from.name, from.name_zh) : null,
        createdAt: m.created_at.toISOString(),
        decision: data.decision ?? data.state ?? null,
        ground: presentGround(data.ground ?? null),
        outcome: data.outcome ?? null,
        dueAt: data.dueAt ?? null,
        workingDays: data.workingDays ?? null,
        against: data.against ?? null,
        attachments: attachments.get(m.id) ?? [],
      };
    });
    const can = (action: Parameters<typeof canRequest>[1]) => canRequest(actor, action as 'request.respond', ref).allow;
    const respond = can('request.respond');
    const extendCode = extendRefusal(row.state, row.extended_at, row.due_at, row.extension_working_days, now);
    const requester = isRequesterOf(actor, ref);
    const reviewDeptId = row.review_department_id ?? (await supervisorOf(db, settings));
    const reviewDept = await departmentById(db, reviewDeptId);
    const decideReview = can('request.decideReview') && decideReviewRefusal(row.state) === null;
    const first = messages[0];
    return {
      request: {
        id: row.id,
        title: row.title,
        excerpt: excerpt(first ? publicText(first.body, first.redactions, marker) : ''),
        state: shownState(row, now),
        storedState: row.state,
        department: dept!,
        requester: {
          displayName: row.pseudonym ?? author.display_name,
          pseudonymous: row.pseudonym !== null,
          organization: organization ?? null,
        },
        realName: seeIdentity ? author.display_name : null,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        deadline: deadlineView(row, now, calendar),
        decision: row.decision,
        classification: row.classification,
        refusalGround: presentGround(row.refusal_ground),
        hidden: row.hidden_at !== null,
        publicationPath: row.publication_path,
        overdueAt: row.overdue_at?.toISOString() ?? null,
        veryOverdueAt: row.very_overdue_at?.toISOString() ?? null,
      },
      rules: {
        workingDays: row.working_days,
        extensionWorkingDays: row.extension_working_days,
        extendedAt: row.extended_at?.toISOString() ?? null,
        clockStartedAt: row.clock_started_at.toISOString(),
        reviewWorkingDays: row.review_working_days ?? settings.reviewWorkingDays,
        legalBasis: settings.legalBasis,
        legalBasisZh: settings.legalBasisZh,
      },
      pauses: pauses.map((p) => ({ from: p.started_at.toISOString(), to: p.ended_at?.toISOString() ?? null })),
      review:
        row.review_requested_at && row.review_due_at && row.review_from_state
          ? {
              department: reviewDept!,
              requestedAt: row.review_requested_at.toISOString(),
              dueAt: row.review_due_at.toISOString(),
              fromState: row.review_from_state,
              outcome: row.review_outcome,
              decidedAt: row.review_decided_at?.toISOString() ?? null,
              ground: presentGround(row.review_ground),
            }
          : null,
      messages: presentedMessages,
      abilities: {
        respond: respond && respondRefusal(row.state) === null,
        askClarification: respond && askClarificationRefusal(row.state) === null,
        extend: respond && extendCode === null,
        redact: can('request.redact'),
        publish: can('request.publish') && row.publication_id === null && messages.some((m) => (m.kind === 'response' || m.kind === 'review_decision') && (attachments.get(m.id)?.length ?? 0) > 0),
        clarify: can('request.clarify') && clarifyRefusal(row.state) === null,
        withdraw: can('request.withdraw') && withdrawRefusal(row.state) === null,
        classify: requester && can('request.classify') && classifyRefusal(row.state) === null,
        appeal: can('request.appeal') && reviewRefusal(row.state, row.review_requested_at, row.due_at, now) === null,
        decideReview,
      },
      refusalGrounds: respond || decideReview ? settings.refusalGrounds.map((g) => presentGround(g)!) : null,
      extendBlocked: respond && extendCode && row.state === 'awaiting_response' ? { code: extendCode, message: catalog.t(locale, `error.${extendCode}`) } : null,
      reviewDepartment: reviewDept,
    };
  }

  const stateResponse = z.object({ id: z.string(), state: z.string(), dueAt: z.string().nullable() });
  const route = (path: string, summary: string) => ({ path, summary });

  /** A department or requester action on one request: load, authorize, run, answer with the new state. */
  function action<B extends z.ZodType>(
    def: { path: string; summary: string },
    body: B,
    policy: 'request.respond' | 'request.clarify' | 'request.withdraw' | 'request.classify' | 'request.appeal' | 'request.decideReview',
    run: (actor: ReturnType<typeof requireUser>, record: RequestRecord, body: z.infer<B>) => Promise<Date | null>,
  ) {
    app.post(def.path, {
      schema: { tags, summary: def.summary, params: idParams, body, response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const actor = requireUser(req);
      const record = await visibleRequest((req.params as { id: string }).id, actor);
      authorize(canRequest(actor, policy, record.ref));
      const dueAt = await run(actor, record, req.body as z.infer<B>);
      const after = (await loadRequest(db, record.row.id))!;
      return { id: after.row.id, state: shownState(after.row, clock.now()), dueAt: dueAt?.toISOString() ?? after.row.due_at?.toISOString() ?? null };
    });
  }

  action(
    route('/api/v1/requests/:id/clarification-request', 'Ask the requester to clarify, in public (officials of the department); the response clock pauses until they answer'),
    messageBodySchema,
    'request.respond',
    async (actor, record, body) => (orFail(await askClarification(deps, actor, { id: record.row.id, body: body.body })), null),
  );
  action(
    route('/api/v1/requests/:id/clarification', 'Answer the department’s request for clarification (the requester); the clock runs again'),
    messageBodySchema,
    'request.clarify',
    async (actor, record, body) => orFail(await clarifyRequest(deps, actor, { id: record.row.id, body: body.body })).dueAt,
  );
  action(
    route('/api/v1/requests/:id/extension', 'Extend the response period once, before the deadline, with a public reason (officials of the department)'),
    extensionSchema,
    'request.respond',
    async (actor, record, body) => orFail(await extendRequest(deps, actor, { id: record.row.id, reason: body.reason })).dueAt,
  );
  action(
    route('/api/v1/requests/:id/response', 'Reply with the decision (released, released in part, not held, refused on a published legal ground) and documents, signed by your post; personal data may be redacted before publication (officials of the department)'),
    respondSchema,
    'request.respond',
    async (actor, record, body) => (orFail(await respondToRequest(deps, actor, { id: record.row.id, ...body })), null),
  );
  action(
    route('/api/v1/requests/:id/withdrawal', 'Withdraw a request the department has not decided yet (the requester)'),
    withdrawSchema,
    'request.withdraw',
    async (actor, record, body) => (orFail(await withdrawRequest(deps, actor, { id: record.row.id, reason: body.reason })), null),
  );
  action(
    route('/api/v1/requests/:id/classification', 'Say what the outcome was in your view (the requester): shown beside the department’s decision'),
    classifySchema,
    'request.classify',
    async (actor, record, body) => (orFail(await classifyRequest(deps, actor, { id: record.row.id, classification: body.classification })), null),
  );
  action(
    route('/api/v1/requests/:id/internal-review', 'Ask the supervising department for an internal review of a refusal, a partial answer, "not held" or lateness (the requester; once)'),
    messageBodySchema,
    'request.appeal',
    async (actor, record, body) => orFail(await requestReview(deps, actor, { id: record.row.id, body: body.body })).dueAt,
  );
  action(
    route('/api/v1/requests/:id/internal-review/decision', 'Decide the internal review with reasons: upheld, partly upheld (releases part) or overturned (officials of the supervising department)'),
    reviewDecisionSchema,
    'request.decideReview',
    async (actor, record, body) => (orFail(await decideReview(deps, actor, { id: record.row.id, ...body })), null),
  );

  app.post('/api/v1/requests/:id/messages/:messageId/redactions', {
    schema: {
      tags,
      summary: 'Redact personal data in one message (character ranges or exact phrases): the public reads "[redacted]"; the original stays for the department and the requester (officials of the department, moderators, administrators)',
      params: messageParams,
      body: redactSchema,
      response: { 200: z.object({ id: z.string(), messageId: z.string(), spans: z.number() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleRequest(req.params.id, actor);
    authorize(canRequest(actor, 'request.redact', record.ref));
    const done = orFail(await redactMessage(deps, actor, { id: record.row.id, messageId: req.params.messageId, ...req.body }));
    return { id: record.row.id, messageId: req.params.messageId, spans: done.spans };
  });

  app.post('/api/v1/requests/:id/messages/:messageId/publication', {
    schema: {
      tags,
      summary: 'Publish a reply with documents in the publication register in one step, linked back to the request (officials of the department; once per request)',
      params: messageParams,
      body: publishSchema,
      response: { 201: z.object({ id: z.string(), path: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const record = await visibleRequest(req.params.id, actor);
    authorize(canRequest(actor, 'request.publish', record.ref));
    const published = orFail(await publishReply(deps, actor, { id: record.row.id, messageId: req.params.messageId, ...req.body }));
    reply.status(201);
    return published;
  });

}
