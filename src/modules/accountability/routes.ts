import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { FailureError, fail, orFail } from '../../core/errors.js';
import { errorResponses, idSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { hasRole } from '../../core/permissions/policy.js';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { localDate, type WorkingCalendar } from '../../core/calendar/working-days.js';
import { loadProposal } from '../proposals/index.js';
import { canCommitment, mayRegisterAny, outsideResidentArea } from './policy.js';
import {
  approvalInputSchema,
  cancelInputSchema,
  consultationInputSchema,
  createInputSchema,
  decisionInputSchema,
  detailSchema,
  detailsInputSchema,
  imageFormulaResponseSchema,
  imageFormulaSchema,
  listQuerySchema,
  listResponseSchema,
  milestoneInputSchema,
  milestoneUpdateSchema,
  optionsResponseSchema,
  progressInputSchema,
  ratingInputSchema,
} from './schemas.js';
import { loadCommitment, type CommitmentRecord, type CommitmentRow } from './queries/load-commitment.js';
import { listCommitments, type ListedCommitment } from './queries/list-commitments.js';
import { ratingAggregates } from './queries/ratings.js';
import { imageAssessments } from './queries/image-projects.js';
import { consultationSummary } from './queries/consultation.js';
import { commitmentTimeline } from './queries/timeline.js';
import { consultationOpen, openRound } from './rules.js';
import type { ImageAssessment } from './image-project.js';
import type { OriginType } from './tables.js';
import { createCommitment } from './operations/create-commitment.js';
import { updateCommitment } from './operations/update-commitment.js';
import { openConsultation, recordApproval } from './operations/consultation.js';
import { decideCommitment } from './operations/decide-commitment.js';
import { reportProgress } from './operations/report-progress.js';
import { cancelCommitment } from './operations/cancel-commitment.js';
import { addMilestone, updateMilestone } from './operations/milestones.js';
import { rateCommitment } from './operations/rate-commitment.js';
import { updateImageFormula } from './operations/update-image-formula.js';
import { scorecardRoutes } from './scorecard-routes.js';

/** The resource type of each origin in the core's resource registry (titles, paths, visibility). */
const ORIGIN_RESOURCE: Record<OriginType, string> = { proposal: 'proposal', budget_project: 'budget_project', hearing: 'hearing', regulation: 'regulation' };
/** Proposals that reached their support threshold: the department owes them an answer. */
const QUALIFIED = new Set(['qualified', 'evaluating', 'accepted']);

const NO_IMAGE: ImageAssessment = { flagged: false, spendMeasure: 0, peers: 0, peerThreshold: null, spendHigh: false, benefitAverage: null, ratings: 0, benefitLow: false };

/** Past its planned end (the whole day) and not completed or cancelled. */
export function isLate(row: Pick<CommitmentRow, 'status' | 'planned_end'>, today: string): boolean {
  return row.status !== 'completed' && row.status !== 'cancelled' && row.planned_end < today;
}

/**
 * Commitments and innovation programs: the public list, one commitment with its milestones,
 * progress, consultation, decision, ratings, image-project assessment and timeline; the
 * department's forms (register, edit, consult, decide, report progress, milestones, cancel); the
 * residents' approval and rating; the image-project formula; and the department scorecards.
 */
export function accountabilityRoutes(app: App, ctx: AppContext): void {
  const { deps, catalog, resources } = ctx;
  const { db, clock } = deps;
  const tags = ['accountability'];
  const idParams = z.object({ id: idSchema });

  function refusal(locale: Locale, code: string) {
    return { code, message: catalog.t(locale, `error.${code}`) };
  }

  async function commitment(id: string): Promise<CommitmentRecord> {
    return (await loadCommitment(db, id)) ?? notFound();
  }

  /** The origin's title and path as the actor may see them (null title: not visible to them). */
  async function describeOrigin(type: OriginType, id: string, actor: Actor) {
    const adapter = resources.get(ORIGIN_RESOURCE[type]);
    if (adapter) {
      const info = await adapter.describe(db, id, actor, clock.now());
      return info ? { title: info.title, path: info.path } : null;
    }
    if (type === 'regulation') {
      const row = await db.selectFrom('regulations as r').innerJoin('processes as p', 'p.id', 'r.process_id').select(['r.title', 'p.slug', 'p.status']).where('r.id', '=', id).executeTakeFirst();
      return row && row.status === 'published' ? { title: row.title, path: `/processes/${row.slug}/regulations/${id}` } : null;
    }
    return null;
  }

  function presentSummary(r: ListedCommitment | CommitmentRow, dept: { id: string; slug: string; name: string; nameZh: string | null }, extra: { ratings: number; averageRating: number | null; image: boolean }, today: string) {
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      titleZh: r.title_zh,
      status: r.status,
      department: dept,
      areaId: r.area_id,
      plannedBudget: Number(r.planned_budget),
      spent: Number(r.spent),
      currency: r.currency,
      plannedStart: r.planned_start,
      plannedEnd: r.planned_end,
      progress: r.progress,
      late: isLate(r, today),
      ratings: extra.ratings,
      averageRating: extra.averageRating === null ? null : Number(extra.averageRating),
      imageProject: extra.image,
      originType: r.origin_type,
    };
  }

  async function today(calendar?: WorkingCalendar) {
    return localDate(clock.now(), calendar ?? (await loadCalendar(db)));
  }

  app.get('/api/v1/commitments', {
    schema: {
      tags,
      summary: 'Commitments and innovation programs: search in English or Chinese, filter by status, kind, department, area (and below) and image-project flag; sort and page',
      querystring: listQuerySchema,
      response: { 200: listResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const query = req.query;
    const [areaIds, images, day] = await Promise.all([query.areaId ? areaSubtreeIds(db, query.areaId) : Promise.resolve(undefined), imageAssessments(db), today()]);
    const flaggedIds = [...images.assessments].filter(([, a]) => a.flagged).map(([id]) => id);
    const { rows, total } = await listCommitments(db, {
      q: query.q,
      status: query.status,
      kind: query.kind,
      departmentId: query.departmentId,
      areaIds,
      ids: query.flagged === 'true' ? flaggedIds : undefined,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    });
    return {
      commitments: rows.map((r) =>
        presentSummary(r, { id: r.dept_id, slug: r.dept_slug, name: r.dept_name, nameZh: r.dept_name_zh }, { ratings: Number(r.ratings ?? 0), averageRating: r.average_rating ?? null, image: images.assessments.get(r.id)?.flagged ?? false }, day),
      ),
      total,
      abilities: { create: mayRegisterAny(req.actor) },
    };
  });

  app.get('/api/v1/commitments/options', {
    schema: {
      tags,
      summary: 'For the registration form (officials, administrators): the departments the caller may register for with their posts and, from a qualified proposal, the fields prefilled from it',
      querystring: z.object({ proposalId: idSchema.optional() }),
      response: { 200: optionsResponseSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    if (!mayRegisterAny(actor)) throw new FailureError(fail('not_an_official'));
    const admin = hasRole(actor, 'administrator');
    let departments = db
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'name_zh'])
      .where('sector', '=', 'government')
      .where('status', '=', 'verified')
      .where('is_supervisory', '=', false)
      .orderBy('name');
    if (!admin) departments = departments.where('id', 'in', actor.posts.map((p) => p.organizationId));
    const depts = await departments.execute();
    const posts = depts.length > 0 ? await db.selectFrom('posts').select(['id', 'title', 'title_zh', 'organization_id']).where('organization_id', 'in', depts.map((d) => d.id)).orderBy('title').execute() : [];
    let prefill = null;
    if (req.query.proposalId) {
      const proposal = await loadProposal(db, req.query.proposalId);
      const seen = proposal ? await describeOrigin('proposal', proposal.row.id, actor) : null;
      if (!proposal || !seen) notFound();
      if (!QUALIFIED.has(proposal.row.state)) throw new FailureError(fail('validation_failed', { fields: [{ path: 'proposalId', code: 'commitment_origin_invalid' }] }));
      const start = await today();
      prefill = {
        kind: 'innovation_program' as const,
        title: proposal.row.title.slice(0, 200),
        description: proposal.row.body,
        departmentId: proposal.ref.departmentId,
        areaId: proposal.row.area_id,
        plannedStart: start,
        origin: { type: 'proposal' as const, id: proposal.row.id, title: seen.title, path: seen.path },
      };
    }
    return {
      departments: depts.map((d) => ({
        id: d.id,
        slug: d.slug,
        name: d.name,
        nameZh: d.name_zh,
        posts: posts.filter((p) => p.organization_id === d.id).map((p) => ({ id: p.id, title: p.title, titleZh: p.title_zh })),
      })),
      prefill,
    };
  });

  app.post('/api/v1/commitments', {
    schema: {
      tags,
      summary: "Register a commitment or innovation program for a department (its officials, administrators), optionally from where it came: a qualified proposal, a budget project, a hearing's response report, a draft regulation",
      body: createInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canCommitment(actor, 'commitment.create', { departmentId: req.body.departmentId }));
    const origin = req.body.origin ?? null;
    if (origin && !(await describeOrigin(origin.type, origin.id, actor))) {
      throw new FailureError(fail('validation_failed', { fields: [{ path: 'origin', code: 'commitment_origin_invalid' }] }));
    }
    const created = orFail(await createCommitment(deps, actor, { ...req.body, origin }));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/commitments/image-formula', {
    schema: {
      tags,
      summary: 'The image-project formula in force: its parameters (see the method on the commitments pages)',
      response: { 200: imageFormulaResponseSchema },
    },
  }, async (req) => {
    const { formula } = await imageAssessments(db);
    return { ...formula, abilities: { configure: canCommitment(req.actor, 'accountability.configure', null).allow } };
  });

  app.put('/api/v1/commitments/image-formula', {
    schema: {
      tags,
      summary: "Change the image-project formula's parameters (administrators); the change is in the public audit log",
      body: imageFormulaSchema,
      response: { 200: imageFormulaResponseSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canCommitment(actor, 'accountability.configure', null));
    const formula = orFail(await updateImageFormula(deps, actor, req.body));
    return { ...formula, abilities: { configure: true } };
  });

  app.get('/api/v1/commitments/:id', {
    schema: {
      tags,
      summary: 'A commitment or program: what, why, who, for whom, cost and dates, the expected benefit, milestones, progress reports and documents, the consultation and decision side by side, ratings per round, the image-project assessment with its data, the public timeline, and what the caller may do',
      params: idParams,
      response: { 200: detailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    return presentDetail(await commitment(req.params.id), req.actor, req.locale);
  });

  async function presentDetail(record: CommitmentRecord, actor: Actor, locale: Locale) {
    const { row, ref } = record;
    const now = clock.now();
    const calendar = await loadCalendar(db);
    const day = localDate(now, calendar);
    const [dept, post, decisionPost, milestones, updates, documents, aggregates, images, timeline, origin] = await Promise.all([
      db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.department_id).executeTakeFirstOrThrow(),
      row.post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.post_id).executeTakeFirst() : undefined,
      row.decision_post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.decision_post_id).executeTakeFirst() : undefined,
      db.selectFrom('commitment_milestones').selectAll().where('commitment_id', '=', row.id).orderBy('due_on').orderBy('position').execute(),
      db
        .selectFrom('commitment_updates as u')
        .leftJoin('posts as p', 'p.id', 'u.post_id')
        .select(['u.created_at', 'u.progress', 'u.spent', 'u.benefit_current', 'u.note', 'u.note_zh', 'p.id as post_id', 'p.title as post_title', 'p.title_zh as post_title_zh'])
        .where('u.commitment_id', '=', row.id)
        .orderBy('u.created_at', 'desc')
        .execute(),
      attachmentsOf(db, 'commitment', [row.id]),
      ratingAggregates(db, [row.id]),
      imageAssessments(db),
      commitmentTimeline(db, row.id),
      row.origin_type && row.origin_id ? describeOrigin(row.origin_type, row.origin_id, actor) : Promise.resolve(null),
    ]);
    const user = actor.kind === 'user' ? actor : null;
    const [myRating, myApproval] = await Promise.all([
      user ? db.selectFrom('commitment_ratings').selectAll().where('commitment_id', '=', row.id).where('user_id', '=', user.id).where('round', '=', openRound(row.status) ?? 'after_start').executeTakeFirst() : undefined,
      user ? db.selectFrom('commitment_approvals').select('approval').where('commitment_id', '=', row.id).where('user_id', '=', user.id).executeTakeFirst() : undefined,
    ]);
    const rounds = aggregates.get(row.id)!;
    const ratingsCount = rounds.reduce((a, r) => a + r.count, 0);
    const meanOf = (r: (typeof rounds)[number]) => [r.benefit, r.valueForMoney, r.openness, r.delivered].reduce((a, c) => a + (c.average ?? 0), 0) / 4;
    const averageRating = ratingsCount > 0 ? rounds.reduce((a, r) => a + (r.count > 0 ? meanOf(r) * r.count : 0), 0) / ratingsCount : null;
    const image = images.assessments.get(row.id) ?? NO_IMAGE;
    const department = { id: dept.id, slug: dept.slug, name: dept.name, nameZh: dept.name_zh };
    const postRef = (p: { id: string; title: string; title_zh: string | null } | undefined) => (p ? { id: p.id, title: p.title, titleZh: p.title_zh } : null);
    const manage = canCommitment(actor, 'commitment.manage', ref).allow;
    const isOpen = consultationOpen({ status: row.status, consultationOpensAt: row.consultation_opens_at, consultationEndsAt: row.consultation_ends_at }, now);
    const round = openRound(row.status);

    // Why a signed-in caller cannot take part now (a visitor is simply asked to sign in).
    let participationBlocked: { code: string; message: string } | null = null;
    if (user && (isOpen || round)) {
      const decision = canCommitment(actor, isOpen ? 'commitment.approve' : 'commitment.rate', ref);
      if (!decision.allow) participationBlocked = refusal(locale, decision.reason === 'forbidden' && outsideResidentArea(actor, ref) ? 'resident_outside_area' : decision.reason);
    }
    const consultation =
      row.consultation_opens_at && row.consultation_ends_at
        ? {
            opensAt: row.consultation_opens_at.toISOString(),
            endsAt: row.consultation_ends_at.toISOString(),
            open: isOpen,
            results: row.consultation_summary ?? (await consultationSummary(db, { id: row.id, consultationOpensAt: row.consultation_opens_at, consultationEndsAt: row.consultation_ends_at })),
            myApproval: myApproval ? Number(myApproval.approval) : null,
          }
        : null;
    const decided = row.decided_at !== null && row.decision !== null;
    const dropped = row.status === 'cancelled' && row.cancelled_at?.getTime() === row.decided_at?.getTime();
    return {
      commitment: {
        ...presentSummary(row, department, { ratings: ratingsCount, averageRating, image: image.flagged }, day),
        description: row.description,
        descriptionZh: row.description_zh,
        legalBasis: row.legal_basis,
        legalBasisZh: row.legal_basis_zh,
        post: postRef(post),
        postId: row.post_id,
        benefit: {
          indicator: row.benefit_indicator,
          indicatorZh: row.benefit_indicator_zh,
          unit: row.benefit_unit,
          baseline: Number(row.benefit_baseline),
          target: Number(row.benefit_target),
          current: row.benefit_current === null ? null : Number(row.benefit_current),
        },
        startedAt: row.started_at?.toISOString() ?? null,
        completedAt: row.completed_at?.toISOString() ?? null,
        cancelledAt: row.cancelled_at?.toISOString() ?? null,
        cancelReason: row.cancel_reason,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        documents: documents.get(row.id) ?? [],
      },
      origin: row.origin_type && row.origin_id ? { type: row.origin_type, id: row.origin_id, title: origin?.title ?? null, path: origin?.path ?? null } : null,
      milestones: milestones.map((m) => ({
        id: m.id,
        title: m.title,
        titleZh: m.title_zh,
        dueOn: m.due_on,
        status: m.status,
        completedAt: m.completed_at?.toISOString() ?? null,
        late: m.status === 'completed' ? localDate(m.completed_at!, calendar) > m.due_on : m.status !== 'cancelled' && m.due_on < day,
      })),
      updates: updates.map((u) => ({
        at: u.created_at.toISOString(),
        progress: u.progress,
        spent: Number(u.spent),
        benefitCurrent: u.benefit_current === null ? null : Number(u.benefit_current),
        note: u.note,
        noteZh: u.note_zh,
        post: u.post_id ? { id: u.post_id, title: u.post_title!, titleZh: u.post_title_zh } : null,
      })),
      consultation,
      decision: decided
        ? {
            at: row.decided_at!.toISOString(),
            outcome: dropped ? ('dropped' as const) : ('adopted' as const),
            text: row.decision!,
            textZh: row.decision_zh,
            consultationResponse: row.consultation_response,
            post: postRef(decisionPost),
            consultation: row.consultation_summary,
          }
        : null,
      ratings: {
        rounds,
        openRound: round,
        mine: myRating
          ? { round: myRating.round, benefit: myRating.benefit, valueForMoney: myRating.value_for_money, openness: myRating.openness, delivered: myRating.delivered, comment: myRating.comment }
          : null,
      },
      image,
      imageFormula: images.formula,
      timeline,
      abilities: {
        manage,
        approve: isOpen && canCommitment(actor, 'commitment.approve', ref).allow,
        rate: round !== null && canCommitment(actor, 'commitment.rate', ref).allow,
      },
      participationBlocked,
      posts: manage ? (await db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('organization_id', '=', row.department_id).orderBy('title').execute()).map((p) => postRef(p)!) : null,
    };
  }

  /** Loads a commitment and checks the caller is of its department (or an administrator). */
  async function managed(id: string, actor: Actor) {
    const record = await commitment(id);
    authorize(canCommitment(actor, 'commitment.manage', record.ref));
    return record;
  }

  const ok200 = z.object({ id: z.string(), status: z.string() });

  app.put('/api/v1/commitments/:id', {
    schema: {
      tags,
      summary: "Correct or update a commitment's details (its department, administrators) until it is completed or cancelled; the timeline shows what changed",
      params: idParams,
      body: detailsInputSchema,
      response: { 200: ok200, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    // Moving it to another department needs the right to act for that one too.
    if (req.body.departmentId !== record.row.department_id) authorize(canCommitment(actor, 'commitment.create', { departmentId: req.body.departmentId }));
    orFail(await updateCommitment(deps, actor, { id: record.row.id, ...req.body }));
    return { id: record.row.id, status: record.row.status };
  });

  app.post('/api/v1/commitments/:id/consultation', {
    schema: {
      tags,
      summary: "Put a proposed program to the area's residents until a date (its department): stance comments and approval ratings; residents of the area are told",
      params: idParams,
      body: consultationInputSchema,
      response: { 200: ok200, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    orFail(await openConsultation(deps, actor, { id: record.row.id, endsAt: new Date(req.body.endsAt) }));
    return { id: record.row.id, status: 'in_consultation' };
  });

  app.put('/api/v1/commitments/:id/approval', {
    schema: {
      tags,
      summary: 'Say how much you approve of a program in consultation, 1-5 (verified residents of its area; one each, changeable while it is open)',
      params: idParams,
      body: approvalInputSchema,
      response: { 200: z.object({ approval: z.number(), changed: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await commitment(req.params.id);
    authorize(canCommitment(actor, 'commitment.approve', record.ref));
    const done = orFail(await recordApproval(deps, actor, { id: record.row.id, approval: req.body.approval }));
    return { approval: req.body.approval, changed: done.changed };
  });

  app.post('/api/v1/commitments/:id/decision', {
    schema: {
      tags,
      summary: "Adopt or drop a proposed program (its department); after a consultation the decision must say what was taken from it, and the consultation's results are frozen and published next to it",
      params: idParams,
      body: decisionInputSchema,
      response: { 200: ok200, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    const done = orFail(await decideCommitment(deps, actor, { id: record.row.id, ...req.body }));
    return { id: record.row.id, status: done.status };
  });

  app.post('/api/v1/commitments/:id/progress', {
    schema: {
      tags,
      summary: 'Report progress (its department): percentage done, money spent to date, the indicator now, a note and documents; the first report starts the work, `complete` completes it',
      params: idParams,
      body: progressInputSchema,
      response: { 200: ok200, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    const done = orFail(await reportProgress(deps, actor, { id: record.row.id, ...req.body }));
    return { id: record.row.id, status: done.status };
  });

  app.post('/api/v1/commitments/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a commitment with a public reason (its department); it stays on the record',
      params: idParams,
      body: cancelInputSchema,
      response: { 200: ok200, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    orFail(await cancelCommitment(deps, actor, { id: record.row.id, reason: req.body.reason }));
    return { id: record.row.id, status: 'cancelled' };
  });

  app.post('/api/v1/commitments/:id/milestones', {
    schema: {
      tags,
      summary: 'Plan a milestone with its due date (its department)',
      params: idParams,
      body: milestoneInputSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    const created = orFail(await addMilestone(deps, actor, { commitmentId: record.row.id, ...req.body }));
    reply.status(201);
    return created;
  });

  app.patch('/api/v1/commitments/:id/milestones/:milestoneId', {
    schema: {
      tags,
      summary: "Change a milestone's status (completed: stamped with the time), title or due date (its department); a moved date shows on the timeline",
      params: z.object({ id: idSchema, milestoneId: idSchema }),
      body: milestoneUpdateSchema,
      response: { 200: z.object({ id: z.string(), status: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await managed(req.params.id, actor);
    orFail(await updateMilestone(deps, actor, { commitmentId: record.row.id, milestoneId: req.params.milestoneId, ...req.body }));
    return { id: req.params.milestoneId, status: req.body.status };
  });

  app.put('/api/v1/commitments/:id/rating', {
    schema: {
      tags,
      summary: 'Rate a commitment in the round open now (verified residents of its area): benefit to daily life, value for money, openness and participation, delivered as promised, 1-5 each, optional comment; rating again in the same round replaces your rating',
      params: idParams,
      body: ratingInputSchema,
      response: { 200: z.object({ round: z.string(), changed: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const record = await commitment(req.params.id);
    authorize(canCommitment(actor, 'commitment.rate', record.ref));
    return orFail(await rateCommitment(deps, actor, { id: record.row.id, ...req.body }));
  });

  scorecardRoutes(app, ctx);
}
