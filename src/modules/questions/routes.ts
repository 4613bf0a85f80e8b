import { z } from 'zod';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser, publicBaseUrl } from '../../core/http/context.js';
import { orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { deadlineStatus, type WorkingCalendar } from '../../core/calendar/working-days.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { canQuestion, isAskerOf } from './policy.js';
import {
  answerSchema,
  askOptionsSchema,
  askQuestionSchema,
  cosignResponseSchema,
  declineSchema,
  followUpSchema,
  listQuerySchema,
  listResponseSchema,
  overdueItemSchema,
  questionDetailSchema,
  rankingSchema,
  rateSchema,
  recordSchema,
  settingsInputSchema,
  settingsSchema,
  transferSchema,
  type Deadline,
  type QuestionState,
  type QuestionSummary,
} from './schemas.js';
import { loadQuestion, questionPath, refOf, type QuestionRecord, type QuestionRow } from './queries/load-question.js';
import { listQuestions, questionCategories, type ListedQuestion } from './queries/list-questions.js';
import { questionTimeline } from './queries/question-timeline.js';
import { departmentOr404 } from '../../core/organizations/departments.js';
import { departmentRanking, governmentDepartments, overdueQuestions, recordQuestions, transferredAway } from './queries/department-record.js';
import { cosignRefusal, followUpRefusal, isPending, rateRefusal, respondRefusal } from './rules.js';
import { monthlyRecord, recordTotals } from './record.js';
import { loadDepartmentSettings, loadSettingsOf, type DepartmentQuestionSettings } from './settings.js';
import { renderAtom } from '../../core/feeds/atom.js';
import { askQuestion } from './operations/ask-question.js';
import { askFollowUp } from './operations/ask-follow-up.js';
import { cosignQuestion } from './operations/cosign-question.js';
import { answerQuestion, declineQuestion } from './operations/answer-question.js';
import { transferQuestion } from './operations/transfer-question.js';
import { rateAnswer } from './operations/rate-answer.js';
import { updateDepartmentSettings } from './operations/update-department-settings.js';

/** What a linked question (parent or follow-up) needs: its title, state, and who may read it. */
const linkColumns = ['id', 'title', 'state', 'answer_due_at', 'author_id', 'organization_id', 'hidden_at', 'department_id'] as const;

/** The answer deadline as pages show it, computed now from the working-day calendar. */
export function deadlineOf(row: Pick<QuestionRow, 'answer_due_at' | 'answered_at'>, now: Date, calendar: WorkingCalendar): Deadline {
  const dueAt = row.answer_due_at.toISOString();
  if (row.answered_at) return { state: 'answered', workingDays: 0, dueAt, answeredLate: row.answered_at.getTime() >= row.answer_due_at.getTime() };
  const status = deadlineStatus(row.answer_due_at, now, calendar);
  return { state: status.state === 'overdue' ? 'overdue' : 'due', workingDays: status.workingDays, dueAt, answeredLate: null };
}

/** The state as residents see it now: overdue as soon as the due date passed without an answer. */
export function shownState(row: Pick<QuestionRow, 'state' | 'answer_due_at'>, now: Date): QuestionState {
  return isPending(row.state) && now.getTime() >= row.answer_due_at.getTime() ? 'overdue' : row.state;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

function presentSummary(r: ListedQuestion, now: Date, calendar: WorkingCalendar): QuestionSummary {
  return {
    id: r.id,
    title: r.title,
    excerpt: excerpt(r.body),
    state: shownState(r, now),
    department: { id: r.department_id, slug: r.dept_slug, name: r.dept_name, nameZh: r.dept_name_zh },
    post: r.post_id ? { id: r.post_id, title: r.post_title!, titleZh: r.post_title_zh } : null,
    author: {
      displayName: r.display_name,
      organization: r.org_id ? { id: r.org_id, slug: r.org_slug!, name: r.org_name!, nameZh: r.org_name_zh } : null,
    },
    areaId: r.area_id,
    category: r.category,
    cosignsCount: r.cosigns_count,
    createdAt: r.created_at.toISOString(),
    deadline: deadlineOf(r, now, calendar),
    parentId: r.parent_id,
    hidden: r.hidden_at !== null,
    cosignedByMe: Boolean(r.cosigned_by_me),
  };
}

function presentSettings(s: DepartmentQuestionSettings) {
  return {
    answerWorkingDays: s.answerWorkingDays,
    legalBasis: s.legalBasis,
    legalBasisZh: s.legalBasisZh,
    transferRestartsClock: s.transferRestartsClock,
    declineGrounds: s.declineGrounds.map((g) => ({ code: g.code, label: g.label, labelZh: g.label_zh, legalReference: g.legal_reference })),
    configured: s.configured,
    updatedAt: s.updatedAt?.toISOString() ?? null,
  };
}

/**
 * Questions to the government: the public list, asking, one question with its deadline and timeline,
 * co-signing, the department's answer, transfer or decline, the asker's rating and follow-up, the
 * departments' records and ranking, their settings, and an Atom feed of answers per department.
 */
export function questionRoutes(app: App, { deps, catalog, config }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['questions'];
  const idParams = z.object({ id: idSchema });
  const slugParams = z.object({ slug: slugSchema });

  function refusal(locale: Locale, code: string) {
    return { code, message: catalog.t(locale, `error.${code}`) };
  }

  /** A question the actor may read; others get the same 404 as a missing one. */
  async function visibleQuestion(id: string, actor: Actor): Promise<QuestionRecord> {
    const record = await loadQuestion(db, id);
    if (!record || !canQuestion(actor, 'question.read', record.ref).allow) notFound();
    return record;
  }

  app.get('/api/v1/questions', {
    schema: {
      tags,
      summary: 'Public questions to the government: search in English or Chinese, filter by department, area, category and state (as it stands now), sort and page',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const actor = req.actor;
    const query = req.query;
    const now = clock.now();
    const [calendar, areaIds, categories] = await Promise.all([
      loadCalendar(db),
      query.areaId ? areaSubtreeIds(db, query.areaId) : Promise.resolve(undefined),
      questionCategories(db),
    ]);
    const { rows, total } = await listQuestions(db, actor, now, {
      q: query.q,
      departmentId: query.departmentId,
      areaIds,
      state: query.state,
      category: query.category,
      mine: query.mine === 'true',
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    });
    return {
      questions: rows.map((r) => presentSummary(r, now, calendar)),
      total,
      categories,
      abilities: { ask: canQuestion(actor, 'question.ask', { organizationId: null }).allow },
    };
  });

  app.get('/api/v1/questions/ask-options', {
    schema: {
      tags,
      summary: 'What the ask form offers: the departments with their posts and answer periods, the organizations the caller may ask for, categories in use',
      response: { 200: askOptionsSchema },
    },
  }, async (req) => {
    const actor = req.actor;
    const departments = await governmentDepartments(db);
    const ids = departments.map((d) => d.id);
    const [posts, settings, categories] = await Promise.all([
      ids.length > 0 ? db.selectFrom('posts').select(['id', 'organization_id', 'title', 'title_zh']).where('organization_id', 'in', ids).orderBy('title').execute() : [],
      loadDepartmentSettings(db, ids),
      questionCategories(db),
    ]);
    const represented = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'representative' && m.status === 'verified' && m.sector !== 'government') : [];
    return {
      departments: departments.map((d) => ({
        ...d,
        posts: posts.filter((p) => p.organization_id === d.id).map((p) => ({ id: p.id, title: p.title, titleZh: p.title_zh })),
        answerWorkingDays: settings.get(d.id)!.answerWorkingDays,
      })),
      organizations: represented.map((m) => ({ id: m.organizationId, slug: m.slug, name: m.name, nameZh: m.nameZh })),
      categories,
    };
  });

  app.post('/api/v1/questions', {
    schema: {
      tags,
      summary: 'Ask a department (or a named post in it) a public question (any registered person; representatives for their organization); published at once with its answer deadline',
      body: askQuestionSchema,
      response: { 201: z.object({ id: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canQuestion(actor, 'question.ask', { organizationId: req.body.organizationId ?? null }));
    const created = orFail(await askQuestion(deps, actor, req.body));
    reply.status(201);
    return { id: created.id, dueAt: created.dueAt.toISOString() };
  });

  app.get('/api/v1/questions/overdue', {
    schema: {
      tags,
      summary: 'Questions whose answer is overdue now, most overdue first, optionally of one department (public, for department and home pages)',
      querystring: z.object({ departmentId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ questions: z.array(overdueItemSchema) }), ...errorResponses(400) },
    },
  }, async (req) => {
    const calendar = await loadCalendar(db);
    return { questions: await overdueQuestions(db, clock.now(), calendar, { departmentId: req.query.departmentId, limit: req.query.limit }) };
  });

  app.get('/api/v1/questions/departments', {
    schema: {
      tags,
      summary: "Every department's record on questions, ranked by the share answered on time, then the share rated resolved, then the median working days to answer",
      response: { 200: rankingSchema },
    },
  }, async () => {
    const ranked = await departmentRanking(db, clock.now(), await loadCalendar(db));
    return { departments: ranked.map((r) => ({ department: r.department, totals: r.totals, rank: r.rank })) };
  });

  app.get('/api/v1/questions/departments/:slug', {
    schema: {
      tags,
      summary: "A department's record: questions asked, answered on time, median working days to answer, share rated resolved, overdue now, month by month; its rules and latest answers",
      params: slugParams,
      response: { 200: recordSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const dept = await departmentOr404(db, req.params.slug);
    const now = clock.now();
    const [calendar, settings, questions, transfers] = await Promise.all([loadCalendar(db), loadSettingsOf(db, dept.id), recordQuestions(db, dept.id), transferredAway(db, dept.id)]);
    const list = questions.get(dept.id) ?? [];
    const [overdue, latest] = await Promise.all([
      overdueQuestions(db, now, calendar, { departmentId: dept.id, limit: 50 }),
      listQuestions(db, req.actor, now, { departmentId: dept.id, responded: true, mine: false, sort: 'answered', limit: 5, offset: 0 }),
    ]);
    return {
      department: dept,
      settings: presentSettings(settings),
      totals: { ...recordTotals(list, now, calendar), transferredAway: transfers.get(dept.id) ?? 0 },
      months: monthlyRecord(list, now, calendar, 12),
      overdue,
      latest: latest.rows.map((r) => presentSummary(r, now, calendar)),
      abilities: { configure: canQuestion(req.actor, 'department.configureQuestions', { departmentId: dept.id }).allow },
    };
  });

  app.get('/api/v1/questions/departments/:slug/settings', {
    schema: {
      tags,
      summary: "A department's rules for questions (public): working days to answer, legal basis, whether a transfer to it restarts the clock, grounds to decline",
      params: slugParams,
      response: { 200: settingsSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const dept = await departmentOr404(db, req.params.slug);
    const settings = await loadSettingsOf(db, dept.id);
    return { department: dept, ...presentSettings(settings), abilities: { configure: canQuestion(req.actor, 'department.configureQuestions', { departmentId: dept.id }).allow } };
  });

  app.put('/api/v1/questions/departments/:slug/settings', {
    schema: {
      tags,
      summary: "Set a department's rules for questions (administrators, the department's officials); applies to questions asked or transferred in from now on",
      params: slugParams,
      body: settingsInputSchema,
      response: { 200: settingsSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const dept = await departmentOr404(db, req.params.slug);
    authorize(canQuestion(actor, 'department.configureQuestions', { departmentId: dept.id }));
    orFail(await updateDepartmentSettings(deps, actor, { departmentId: dept.id, ...req.body }));
    return { department: dept, ...presentSettings(await loadSettingsOf(db, dept.id)), abilities: { configure: true } };
  });

  app.get('/api/v1/questions/departments/:slug/answers.atom', {
    schema: {
      tags,
      summary: "An Atom 1.0 feed of a department's latest answers and declines to public questions",
      params: slugParams,
      response: { 200: z.string().describe('application/atom+xml'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const dept = await departmentOr404(db, req.params.slug);
    const locale = req.locale;
    const pick = (en: string, zh: string | null) => (locale === 'zh-CN' && zh ? zh : en);
    const rows = await db
      .selectFrom('questions as q')
      .leftJoin('posts as p', 'p.id', 'q.answer_post_id')
      .select(['q.id', 'q.title', 'q.body', 'q.state', 'q.answer', 'q.answered_at', 'q.decline_ground', 'q.category', 'p.title as post_title', 'p.title_zh as post_title_zh'])
      .where('q.department_id', '=', dept.id)
      .where('q.state', 'in', ['answered', 'declined'])
      .where('q.hidden_at', 'is', null)
      .orderBy('q.answered_at', 'desc')
      .orderBy('q.id')
      .limit(50)
      .execute();
    const base = publicBaseUrl(config, req);
    const deptName = pick(dept.name, dept.nameZh);
    const xml = renderAtom({
      id: `${base}/api/v1/questions/departments/${dept.slug}/answers.atom`,
      title: catalog.t(locale, 'questions.feed.title', { department: deptName }),
      subtitle: catalog.t(locale, 'questions.feed.subtitle', { department: deptName }),
      selfLink: `${base}/api/v1/questions/departments/${dept.slug}/answers.atom`,
      alternateLink: `${base}/questions/departments/${dept.slug}`,
      updated: rows[0]?.answered_at ?? new Date(0),
      authorName: deptName,
      language: locale,
      entries: rows.map((r) => {
        const ground = r.state === 'declined' ? r.decline_ground : null;
        const content = ground
          ? `${catalog.t(locale, 'questions.feed.declined', { ground: pick(ground.label, ground.label_zh), reference: ground.legal_reference })}\n\n${r.answer ?? ''}`
          : (r.answer ?? '');
        return {
          id: `urn:uuid:${r.id}`,
          title: r.title,
          link: `${base}${questionPath(r.id)}`,
          published: r.answered_at!,
          updated: r.answered_at!,
          authorName: r.post_title ? `${pick(r.post_title, r.post_title_zh)}, ${deptName}` : deptName,
          summary: excerpt(r.body),
          content,
          categories: [r.state, ...(r.category ? [r.category] : [])],
        };
      }),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get('/api/v1/questions/:id', {
    schema: {
      tags,
      summary: 'A question: text, asker, department and post, the deadline in working days with its legal basis, the answer signed by a post, rating, follow-up, public timeline, and what the caller may do',
      params: idParams,
      response: { 200: questionDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const record = await visibleQuestion(req.params.id, actor);
    return presentDetail(record, actor, req.locale);
  });

  async function presentDetail(record: QuestionRecord, actor: Actor, locale: Locale) {
    const { row, ref } = record;
    const now = clock.now();
    const [calendar, settings, timeline, answerPost, parent, followUp, attachments] = await Promise.all([
      loadCalendar(db),
      loadSettingsOf(db, row.department_id),
      questionTimeline(db, row.id),
      row.answer_post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.answer_post_id).executeTakeFirst() : undefined,
      row.parent_id ? db.selectFrom('questions').select(linkColumns).where('id', '=', row.parent_id).executeTakeFirst() : undefined,
      db.selectFrom('questions').select(linkColumns).where('parent_id', '=', row.id).executeTakeFirst(),
      attachmentsOf(db, 'question', [row.id]),
    ]);
    const [dept, author, organization, post, cosigned] = await Promise.all([
      db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.department_id).executeTakeFirstOrThrow(),
      db.selectFrom('users').select('display_name').where('id', '=', row.author_id).executeTakeFirstOrThrow(),
      row.organization_id ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.organization_id).executeTakeFirst() : undefined,
      row.post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.post_id).executeTakeFirst() : undefined,
      actor.kind === 'user' ? db.selectFrom('question_cosigns').select('user_id').where('question_id', '=', row.id).where('user_id', '=', actor.id).executeTakeFirst() : undefined,
    ]);
    const department = { id: dept.id, slug: dept.slug, name: dept.name, nameZh: dept.name_zh };
    const cosignedByMe = Boolean(cosigned);
    const can = (action: 'question.cosign' | 'question.respond' | 'question.rate' | 'question.followUp') => canQuestion(actor, action, ref);
    const asker = isAskerOf(actor, ref);

    let cosignBlocked: { code: string; message: string } | null = null;
    if (!cosignedByMe && !asker) {
      const timing = cosignRefusal(row.state);
      const decision = can('question.cosign');
      if (timing) cosignBlocked = refusal(locale, timing);
      else if (!decision.allow) cosignBlocked = refusal(locale, decision.reason);
    }
    const respond = can('question.respond').allow && respondRefusal(row.state) === null;
    // A linked question hidden by moderation is linked only for those who may read it.
    const readable = <T extends Parameters<typeof refOf>[0]>(q: T | undefined) => (q && canQuestion(actor, 'question.read', refOf(q)).allow ? q : undefined);
    const visibleParent = readable(parent);
    const visibleFollowUp = readable(followUp);
    const ground = row.state === 'declined' ? row.decline_ground : null;
    return {
      question: {
        id: row.id,
        title: row.title,
        excerpt: excerpt(row.body),
        body: row.body,
        state: shownState(row, now),
        department,
        post: post ? { id: post.id, title: post.title, titleZh: post.title_zh } : null,
        author: { displayName: author.display_name, organization: organization ? { id: organization.id, slug: organization.slug, name: organization.name, nameZh: organization.name_zh } : null },
        areaId: row.area_id,
        category: row.category,
        cosignsCount: row.cosigns_count,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        overdueAt: row.overdue_at?.toISOString() ?? null,
        deadline: deadlineOf(row, now, calendar),
        parentId: row.parent_id,
        hidden: row.hidden_at !== null,
        cosignedByMe,
        attachments: attachments.get(row.id) ?? [],
      },
      rules: { workingDays: row.working_days, clockStartedAt: row.clock_started_at.toISOString(), legalBasis: settings.legalBasis, legalBasisZh: settings.legalBasisZh },
      answer:
        (row.state === 'answered' || row.state === 'declined') && row.answered_at
          ? {
              kind: row.state,
              text: row.answer,
              answeredAt: row.answered_at.toISOString(),
              late: row.answered_at.getTime() >= row.answer_due_at.getTime(),
              post: answerPost ? { id: answerPost.id, title: answerPost.title, titleZh: answerPost.title_zh } : null,
              department,
              ground: ground ? { code: ground.code, label: ground.label, labelZh: ground.label_zh, legalReference: ground.legal_reference } : null,
            }
          : null,
      rating: row.rated_at && row.rating_resolved !== null ? { resolved: row.rating_resolved, comment: row.rating_comment, ratedAt: row.rated_at.toISOString() } : null,
      parent: visibleParent ? { id: visibleParent.id, title: visibleParent.title, state: shownState(visibleParent, now) } : null,
      followUp: visibleFollowUp ? { id: visibleFollowUp.id, title: visibleFollowUp.title, state: shownState(visibleFollowUp, now) } : null,
      timeline,
      abilities: {
        cosign: !cosignedByMe && !asker && cosignBlocked === null,
        uncosign: cosignedByMe && can('question.cosign').allow && cosignRefusal(row.state) === null,
        respond,
        rate: can('question.rate').allow && rateRefusal(row.state, row.rated_at) === null,
        followUp: can('question.followUp').allow && followUpRefusal(row.state, row.parent_id !== null, followUp !== undefined) === null,
      },
      cosignBlocked,
      declineGrounds: respond ? presentSettings(settings).declineGrounds : null,
      transferTargets: respond ? (await governmentDepartments(db)).filter((d) => d.id !== row.department_id) : null,
    };
  }

  app.post('/api/v1/questions/:id/cosign', {
    schema: {
      tags,
      summary: 'Co-sign a question that waits for its answer (registered people other than the askers; once per person)',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: cosignResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.cosign', record.ref));
    return orFail(await cosignQuestion(deps, actor, { id: record.row.id, cosign: true }));
  });

  app.delete('/api/v1/questions/:id/cosign', {
    schema: {
      tags,
      summary: 'Take back your co-signature while the question waits for its answer',
      params: idParams,
      response: { 200: cosignResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.cosign', record.ref));
    return orFail(await cosignQuestion(deps, actor, { id: record.row.id, cosign: false }));
  });

  const stateResponse = z.object({ id: z.string(), state: z.string() });

  app.post('/api/v1/questions/:id/answer', {
    schema: {
      tags,
      summary: 'Answer a question in public, signed by your post (officials of the department it is with)',
      params: idParams,
      body: answerSchema,
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.respond', record.ref));
    orFail(await answerQuestion(deps, actor, { id: record.row.id, answer: req.body.answer }));
    return { id: record.row.id, state: 'answered' };
  });

  app.post('/api/v1/questions/:id/transfer', {
    schema: {
      tags,
      summary: "Pass a question to the competent department with a public reason (officials of the department it is with); the receiving department's setting decides whether the clock restarts",
      params: idParams,
      body: transferSchema,
      response: { 200: z.object({ id: z.string(), state: z.string(), restarted: z.boolean(), dueAt: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.respond', record.ref));
    const outcome = orFail(await transferQuestion(deps, actor, { id: record.row.id, departmentId: req.body.departmentId, reason: req.body.reason }));
    return { id: record.row.id, state: outcome.state, restarted: outcome.restarted, dueAt: outcome.dueAt.toISOString() };
  });

  app.post('/api/v1/questions/:id/decline', {
    schema: {
      tags,
      summary: "Decline to answer on one of the department's published legal grounds, with a public explanation (officials of the department it is with)",
      params: idParams,
      body: declineSchema,
      response: { 200: stateResponse, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.respond', record.ref));
    orFail(await declineQuestion(deps, actor, { id: record.row.id, ground: req.body.ground, explanation: req.body.explanation }));
    return { id: record.row.id, state: 'declined' };
  });

  app.post('/api/v1/questions/:id/rating', {
    schema: {
      tags,
      summary: 'Rate the answer: resolved or not, with an optional public comment (the asker; once)',
      params: idParams,
      body: rateSchema,
      response: { 200: z.object({ id: z.string(), resolved: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.rate', record.ref));
    orFail(await rateAnswer(deps, actor, { id: record.row.id, resolved: req.body.resolved, comment: req.body.comment }));
    return { id: record.row.id, resolved: req.body.resolved };
  });

  app.post('/api/v1/questions/:id/follow-up', {
    schema: {
      tags,
      summary: 'Ask the one follow-up question after an answer or decline (the asker): a new question to the same department, linked to the first, with its own deadline',
      params: idParams,
      body: followUpSchema,
      response: { 201: z.object({ id: z.string(), dueAt: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const record = await visibleQuestion(req.params.id, actor);
    authorize(canQuestion(actor, 'question.followUp', record.ref));
    const created = orFail(await askFollowUp(deps, actor, { id: record.row.id, title: req.body.title, body: req.body.body }));
    reply.status(201);
    return { id: created.id, dueAt: created.dueAt.toISOString() };
  });
}
