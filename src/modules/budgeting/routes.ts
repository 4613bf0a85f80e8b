import { attachmentsOf } from '../../core/attachments/attachments.js';
import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { authorize, notFound, requireUser } from '../../core/http/context.js';
import { fail, FailureError, orFail } from '../../core/errors.js';
import { errorResponses, idSchema, slugSchema } from '../../core/http/schemas.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Locale } from '../../core/i18n/locale.js';
import { areaSubtreeIds } from '../../core/areas/routes.js';
import { readInstallation } from '../../core/settings.js';
import { canProcess, loadProcess, type ProcessContext } from '../processes/index.js';
import { spendingLimit } from './ballot.js';
import { canBudget, outsideVoterArea, type BudgetRef } from './policy.js';
import {
  countRefusal,
  promoteRefusal,
  RULES_BY_BALLOT,
  reviewRefusal,
  settingsRefusal,
  submitRefusal,
  voteRefusal,
  votingStage,
  withdrawRefusal,
  implementationRefusal,
  type VotingStage,
} from './rules.js';
import {
  ballotSchema,
  budgetDetailSchema,
  budgetListSchema,
  budgetSettingsSchema,
  importQuerySchema,
  importResultSchema,
  implementationStatusSchema,
  myBallotSchema,
  paperBallotSchema,
  projectDetailSchema,
  projectFieldsSchema,
  projectListQuerySchema,
  projectListSchema,
  promoteSchema,
  receiptSchema,
  receiptsSchema,
  resultsSchema,
  reviewSchema,
  updateBudgetSchema,
  type BudgetSummary,
} from './schemas.js';
import { ballotRulesOf, loadBudget, loadProject, type BudgetRecord, type BudgetRow } from './queries/load-budget.js';
import { listProjects, projectCategories, projectCounts } from './queries/list-projects.js';
import { exportPabulib, presentResults, resultsCsv } from './queries/results.js';
import { hasVoted, ownBallot, publishedReceipts } from './queries/ballots.js';
import { createBudget } from './operations/create-budget.js';
import { updateBudget } from './operations/update-budget.js';
import { submitProject } from './operations/submit-project.js';
import { promoteProposal } from './operations/promote-proposal.js';
import { reviewProject } from './operations/review-project.js';
import { withdrawProject } from './operations/withdraw-project.js';
import { setImplementationStatus } from './operations/set-implementation-status.js';
import { castBallot, enterPaperBallot } from './operations/cast-ballot.js';
import { countBudget } from './operations/count-budget.js';
import { importPabulib } from './operations/import-pabulib.js';

type Department = { id: string; slug: string; name: string; name_zh: string | null };

/** Participatory budgets inside processes: settings, projects and their review, ballots, counting, results. */
export function budgetingRoutes(app: App, { deps, catalog }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['budgeting'];
  const budgetParams = z.object({ id: idSchema });
  const projectParams = z.object({ id: idSchema, projectId: idSchema });
  const rulesOffered = { approval: [...RULES_BY_BALLOT.approval], knapsack: [...RULES_BY_BALLOT.knapsack], cumulative: [...RULES_BY_BALLOT.cumulative] };

  function refusal(locale: Locale, code: string, params?: Record<string, string | number>) {
    return { code, message: catalog.t(locale, `error.${code}`, params) };
  }

  function processVisible(context: ProcessContext, actor: Actor): boolean {
    return canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow;
  }

  /** The process by slug, if the actor may see it and it holds budgets; else a 404. */
  async function visibleProcess(slug: string, actor: Actor) {
    const context = await loadProcess(db, { slug }, clock.now());
    if (!context || !context.process.components.includes('budgeting') || !processVisible(context, actor)) notFound();
    return context;
  }

  /** A budget the actor may see (its process is visible to them), with its process. */
  async function visibleBudget(id: string, actor: Actor) {
    const record = await loadBudget(db, id);
    if (!record) notFound();
    const context = await loadProcess(db, { id: record.row.process_id }, clock.now());
    if (!context || !processVisible(context, actor)) notFound();
    return { record, context };
  }

  async function visibleProject(budgetId: string, projectId: string, actor: Actor) {
    const { record: budget, context } = await visibleBudget(budgetId, actor);
    const project = await loadProject(db, projectId);
    if (!project || project.row.budget_id !== budget.row.id) notFound();
    return { budget, project, context };
  }

  async function departmentOf(id: string): Promise<Department> {
    return db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function processRef(context: ProcessContext) {
    const p = context.process;
    const d = await departmentOf(p.department_id);
    const now = clock.now().getTime();
    const nextVote = context.phases.find((ph) => ph.actions.budgeting?.includes('vote') && ph.startsAt.getTime() > now && ph.id !== context.current?.id);
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      titleZh: p.title_zh,
      areaId: p.area_id,
      department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh },
      proposeOpenUntil: context.isOpen('budgeting', 'propose').until?.toISOString() ?? null,
      reviewOpenUntil: context.isOpen('budgeting', 'review').until?.toISOString() ?? null,
      voteOpenUntil: context.isOpen('budgeting', 'vote').until?.toISOString() ?? null,
      voteOpensAt: nextVote?.startsAt.toISOString() ?? null,
    };
  }

  function presentBudget(row: BudgetRow, stage: VotingStage, counts: BudgetSummary['projectCounts']): BudgetSummary {
    const rules = ballotRulesOf(row);
    return {
      id: row.id,
      processId: row.process_id,
      title: row.title,
      titleZh: row.title_zh,
      description: row.description,
      descriptionZh: row.description_zh,
      areaId: row.area_id,
      amount: rules.amount,
      currency: row.currency,
      ballotType: row.ballot_type,
      minProjects: row.min_projects,
      maxProjects: row.max_projects,
      maxShare: rules.maxShare,
      spendingLimit: row.ballot_type === 'knapsack' ? spendingLimit(rules) : null,
      pointsTotal: row.points_total,
      pointsPerProjectMax: row.points_per_project_max,
      rule: row.rule,
      ruleParams: row.rule_params as Record<string, string | number | boolean>,
      status: row.status,
      votingStage: stage,
      countedAt: row.counted_at?.toISOString() ?? null,
      resultHash: row.result_hash,
      importedFrom: row.imported_from,
      projectCounts: counts,
    };
  }

  async function presentOne(record: BudgetRecord, context: ProcessContext) {
    const counts = await projectCounts(db, [record.row.id]);
    return presentBudget(record.row, votingStage(context, clock.now()), counts.get(record.row.id)!);
  }

  /** Why the actor cannot vote now: what is closed for everyone first, then who they are. */
  function voteBlockedFor(actor: Actor, row: BudgetRow, ref: BudgetRef, stage: VotingStage, locale: Locale) {
    const timing = voteRefusal({ status: row.status, imported: row.imported_from !== null }, stage);
    if (timing) return refusal(locale, timing);
    const decision = canBudget(actor, 'budget.vote', ref);
    if (decision.allow) return null;
    if (decision.reason === 'forbidden' && outsideVoterArea(actor, ref)) return refusal(locale, 'voter_outside_area');
    return refusal(locale, decision.reason);
  }

  /** Refuses a vote the way the detail page explains it (a resident outside the area gets `voter_outside_area`). */
  function authorizeVote(actor: Actor, ref: BudgetRef): void {
    const decision = canBudget(actor, 'budget.vote', ref);
    if (!decision.allow && decision.reason === 'forbidden' && outsideVoterArea(actor, ref)) throw new FailureError(fail('voter_outside_area'));
    authorize(decision);
  }

  // -------------------------------------------------------------------------------------------
  // Budgets

  app.get('/api/v1/processes/:slug/budgets', {
    schema: {
      tags,
      summary: 'The participatory budgets of a process, with what the caller may do',
      params: z.object({ slug: slugSchema }),
      response: { 200: budgetListSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const context = await visibleProcess(req.params.slug, req.actor);
    const rows = await db.selectFrom('budgets').selectAll().where('process_id', '=', context.process.id).orderBy('created_at').orderBy('id').execute();
    const counts = await projectCounts(db, rows.map((r) => r.id));
    const stage = votingStage(context, clock.now());
    const ref = { departmentId: context.process.department_id };
    return {
      budgets: rows.map((r) => presentBudget(r, stage, counts.get(r.id)!)),
      process: await processRef(context),
      rulesOffered,
      abilities: { create: canBudget(req.actor, 'budget.create', ref).allow, import: canBudget(req.actor, 'budget.import', ref).allow },
    };
  });

  app.post('/api/v1/processes/:slug/budgets', {
    schema: {
      tags,
      summary: "Set up a participatory budget in a process: amount, area, ballot and counting rule (officials of the process's department, administrators)",
      params: z.object({ slug: slugSchema }),
      body: budgetSettingsSchema,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const context = await visibleProcess(req.params.slug, actor);
    authorize(canBudget(actor, 'budget.create', { departmentId: context.process.department_id }));
    const created = orFail(await createBudget(deps, actor, { ...req.body, processId: context.process.id }));
    reply.status(201);
    return created;
  });

  app.post('/api/v1/processes/:slug/budgets/import', {
    schema: {
      tags,
      summary: 'Create a budget from a Pabulib (.pb) file sent as text/plain, with its projects and ballots, for an exercise or a replay (administrators, officials of the department)',
      params: z.object({ slug: slugSchema }),
      querystring: importQuerySchema,
      body: z.string().min(1).max(50 * 1024 * 1024),
      response: { 201: importResultSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
    },
    bodyLimit: 50 * 1024 * 1024,
  }, async (req, reply) => {
    const actor = requireUser(req);
    const context = await visibleProcess(req.params.slug, actor);
    authorize(canBudget(actor, 'budget.import', { departmentId: context.process.department_id }));
    const imported = orFail(await importPabulib(deps, actor, { processId: context.process.id, text: req.body, title: req.query.title, areaId: req.query.areaId, rule: req.query.rule }));
    reply.status(201);
    return imported;
  });

  app.get('/api/v1/budgets/:id', {
    schema: {
      tags,
      summary: 'A budget: settings, where voting stands, and what the caller may do (never any count of votes before the results)',
      params: budgetParams,
      response: { 200: budgetDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { record, context } = await visibleBudget(req.params.id, actor);
    const { row, ref } = record;
    const now = clock.now();
    const stage = votingStage(context, now);
    const imported = row.imported_from !== null;
    const [categories, ballotExists, voted] = await Promise.all([
      projectCategories(db, row.id),
      db.selectFrom('budget_ballots').select('id').where('budget_id', '=', row.id).limit(1).executeTakeFirst(),
      actor.kind === 'user' ? hasVoted(db, row.id, actor.id) : Promise.resolve(null),
    ]);
    const can = (action: 'budget.update' | 'budget.count' | 'budget.enterPaperBallot' | 'project.promote') => canBudget(actor, action, ref).allow;

    const organizations = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'representative' && m.status === 'verified' && !actor.blocked) : [];
    const selfDecision = canBudget(actor, 'project.submit', { ...ref, organizationId: null });
    const mayCreate = selfDecision.allow || organizations.length > 0;
    const submitTiming = imported ? 'budget_imported' : submitRefusal(context.isOpen('budgeting', 'propose').open);
    const submitBlocked = submitTiming
      ? refusal(req.locale, submitTiming)
      : !mayCreate
        ? refusal(req.locale, !selfDecision.allow && selfDecision.reason === 'forbidden' && outsideVoterArea(actor, ref) ? 'voter_outside_area' : selfDecision.allow ? 'forbidden' : selfDecision.reason)
        : null;
    const voteBlocked = voteBlockedFor(actor, row, ref, stage, req.locale);
    const mayReview = canBudget(actor, 'project.review', { state: 'submitted', proposerUserId: null, proposerOrganizationId: null, departmentId: ref.departmentId }).allow;
    const open = row.status === 'open';
    return {
      budget: await presentOne(record, context),
      process: await processRef(context),
      rulesOffered,
      categories,
      abilities: {
        update: can('budget.update'),
        updateSettings: can('budget.update') && open && (imported || settingsRefusal(stage, ballotExists ? 1 : 0) === null),
        submit: submitBlocked === null,
        promote: can('project.promote') && !imported && promoteRefusal(stage) === null,
        review: mayReview && !imported && reviewRefusal('submitted', context.isOpen('budgeting', 'review').open, stage) === null,
        vote: voteBlocked === null,
        enterPaperBallot: can('budget.enterPaperBallot') && voteRefusal({ status: row.status, imported }, stage) === null,
        count: can('budget.count') && (imported ? open : countRefusal(row.status, stage) === null),
      },
      submitBlocked,
      voteBlocked,
      voted,
      organizations: organizations.map((m) => ({ id: m.organizationId, slug: m.slug, name: m.name, nameZh: m.nameZh })),
    };
  });

  app.patch('/api/v1/budgets/:id', {
    schema: {
      tags,
      summary: 'Change a budget: titles at any time; amount, area, ballot and counting rule only before voting starts (officials of the department, administrators)',
      params: budgetParams,
      body: updateBudgetSchema,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    authorize(canBudget(actor, 'budget.update', record.ref));
    orFail(await updateBudget(deps, actor, { ...req.body, id: record.row.id }));
    return { id: record.row.id };
  });

  // -------------------------------------------------------------------------------------------
  // Projects

  app.get('/api/v1/budgets/:id/projects', {
    schema: {
      tags,
      summary: 'The projects of a budget, filtered by area (and what is below it), category and state, searched in English and Chinese',
      params: budgetParams,
      querystring: projectListQuerySchema,
      response: { 200: projectListSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { record } = await visibleBudget(req.params.id, req.actor);
    const { q, areaId, category, state, onBallot, limit, offset } = req.query;
    const [list, categories] = await Promise.all([
      (async () =>
        listProjects(db, { budgetId: record.row.id, q, areaIds: areaId ? await areaSubtreeIds(db, areaId) : undefined, category, state, onBallot: onBallot === 'true', limit, offset }))(),
      projectCategories(db, record.row.id),
    ]);
    return { ...list, categories };
  });

  app.post('/api/v1/budgets/:id/projects', {
    schema: {
      tags,
      summary: 'Submit a project while the process takes projects (verified residents of the budget’s area; representatives for their organization)',
      params: budgetParams,
      body: projectFieldsSchema,
      response: { 201: z.object({ id: z.string(), code: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    const organizationId = req.body.organizationId ?? null;
    const decision = canBudget(actor, 'project.submit', { ...record.ref, organizationId });
    if (!decision.allow && decision.reason === 'forbidden' && organizationId === null && outsideVoterArea(actor, record.ref)) throw new FailureError(fail('voter_outside_area'));
    authorize(decision);
    const created = orFail(await submitProject(deps, actor, { ...req.body, budgetId: record.row.id }));
    reply.status(201);
    return created;
  });

  app.post('/api/v1/budgets/:id/promotions', {
    schema: {
      tags,
      summary: 'Put a proposal the department accepted in this process on the budget as a project, before voting starts (officials of the department)',
      params: budgetParams,
      body: promoteSchema,
      response: { 201: z.object({ id: z.string(), code: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    authorize(canBudget(actor, 'project.promote', record.ref));
    const created = orFail(await promoteProposal(deps, actor, { ...req.body, budgetId: record.row.id }));
    reply.status(201);
    return created;
  });

  app.get('/api/v1/budgets/:id/projects/:projectId', {
    schema: {
      tags,
      summary: 'A project: its description, cost (and the proposer’s cost if the review corrected it), the public technical review, and what the caller may do',
      params: projectParams,
      response: { 200: projectDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const actor = req.actor;
    const { budget, project, context } = await visibleProject(req.params.id, req.params.projectId, actor);
    const { row, ref } = project;
    const now = clock.now();
    const stage = votingStage(context, now);
    const [proposer, organization, reviewPost, department, proposal] = await Promise.all([
      row.proposer_user_id ? db.selectFrom('users').select('display_name').where('id', '=', row.proposer_user_id).executeTakeFirst() : undefined,
      row.proposer_organization_id ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', '=', row.proposer_organization_id).executeTakeFirst() : undefined,
      row.reviewed_post_id ? db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', '=', row.reviewed_post_id).executeTakeFirst() : undefined,
      departmentOf(context.process.department_id),
      row.proposal_id ? db.selectFrom('proposals').select(['id', 'title']).where('id', '=', row.proposal_id).executeTakeFirst() : undefined,
    ]);
    const imported = budget.row.imported_from !== null;
    const reviewTiming = imported ? 'budget_imported' : reviewRefusal(row.state, context.isOpen('budgeting', 'review').open, stage);
    const mayReview = canBudget(actor, 'project.review', ref).allow;
    const reviewed = (row.state === 'feasible' || row.state === 'infeasible' || row.state === 'selected' || row.state === 'not_selected') && row.review_reason && row.reviewed_at;
    const flat = row.description.replace(/\s+/g, ' ').trim();
    const projectAttachments = (await attachmentsOf(db, 'budget_project', [row.id])).get(row.id) ?? [];
    return {
      project: {
        id: row.id,
        budgetId: row.budget_id,
        code: row.code,
        title: row.title,
        titleZh: row.title_zh,
        excerpt: flat.length > 240 ? `${flat.slice(0, 239)}…` : flat,
        description: row.description,
        cost: Number(row.cost),
        originalCost: row.original_cost === null ? null : Number(row.original_cost),
        areaId: row.area_id,
        category: row.category,
        state: row.state,
        implementationStatus: row.implementation_status,
        proposer: {
          displayName: proposer?.display_name ?? null,
          organization: organization ? { id: organization.id, slug: organization.slug, name: organization.name, nameZh: organization.name_zh } : null,
        },
        proposalId: row.proposal_id,
        createdAt: row.created_at.toISOString(),
        withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
        attachments: projectAttachments,
        image: projectAttachments.find((a) => a.kind === 'image') ?? null,
        location: row.latitude !== null || row.address ? { latitude: row.latitude, longitude: row.longitude, address: row.address } : null,
      },
      review: reviewed
        ? {
            state: row.state === 'infeasible' ? ('infeasible' as const) : ('feasible' as const),
            reason: row.review_reason!,
            reviewedAt: row.reviewed_at!.toISOString(),
            post: reviewPost ? { id: reviewPost.id, title: reviewPost.title, titleZh: reviewPost.title_zh } : null,
            department: { id: department.id, slug: department.slug, name: department.name, nameZh: department.name_zh },
          }
        : null,
      proposal: proposal ? { id: proposal.id, title: proposal.title } : null,
      budget: { id: budget.row.id, title: budget.row.title, titleZh: budget.row.title_zh, currency: budget.row.currency, status: budget.row.status, votingStage: stage },
      process: { id: context.process.id, slug: context.process.slug, title: context.process.title, titleZh: context.process.title_zh },
      abilities: {
        review: mayReview && reviewTiming === null,
        withdraw: canBudget(actor, 'project.withdraw', ref).allow && withdrawRefusal(row.state, stage) === null,
        implementation: canBudget(actor, 'project.implementation', ref).allow && implementationRefusal(row.state) === null,
      },
      reviewBlocked: mayReview && reviewTiming ? refusal(req.locale, reviewTiming) : null,
    };
  });

  app.post('/api/v1/budgets/:id/projects/:projectId/review', {
    schema: {
      tags,
      summary: 'The public technical review: feasible or not, with a reason, and an optional corrected cost (officials of the department; while the review is open or before voting starts)',
      params: projectParams,
      body: reviewSchema,
      response: { 200: z.object({ state: z.enum(['feasible', 'infeasible']), cost: z.number(), originalCost: z.number().nullable() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { project } = await visibleProject(req.params.id, req.params.projectId, actor);
    authorize(canBudget(actor, 'project.review', project.ref));
    return orFail(await reviewProject(deps, actor, { id: project.row.id, ...req.body }));
  });

  app.post('/api/v1/budgets/:id/projects/:projectId/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw a project before voting starts (its proposer, or a representative of its organization)',
      params: projectParams,
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ id: z.string(), state: z.literal('withdrawn') }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { project } = await visibleProject(req.params.id, req.params.projectId, actor);
    authorize(canBudget(actor, 'project.withdraw', project.ref));
    orFail(await withdrawProject(deps, actor, { id: project.row.id }));
    return { id: project.row.id, state: 'withdrawn' as const };
  });

  app.put('/api/v1/budgets/:id/projects/:projectId/implementation', {
    schema: {
      tags,
      summary: 'Record how a selected project is being carried out: not started, in progress, done (officials of the department)',
      params: projectParams,
      body: z.strictObject({ status: implementationStatusSchema }),
      response: { 200: z.object({ id: z.string(), implementationStatus: implementationStatusSchema }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { project } = await visibleProject(req.params.id, req.params.projectId, actor);
    authorize(canBudget(actor, 'project.implementation', project.ref));
    orFail(await setImplementationStatus(deps, actor, { id: project.row.id, status: req.body.status }));
    return { id: project.row.id, implementationStatus: req.body.status };
  });

  // -------------------------------------------------------------------------------------------
  // Ballots

  app.get('/api/v1/budgets/:id/ballot', {
    schema: {
      tags,
      summary: "The caller's own ballot, if they voted (found through their own account; no one else's ballot can be read)",
      params: budgetParams,
      response: { 200: myBallotSchema, ...errorResponses(400, 401, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    const selections = await ownBallot(db, record.row.id, actor.id);
    return { voted: selections !== null, selections };
  });

  app.put('/api/v1/budgets/:id/ballot', {
    schema: {
      tags,
      summary: 'Cast or replace your ballot while voting is open (verified residents of the budget’s area); returns a new receipt code, shown once',
      params: budgetParams,
      body: ballotSchema,
      response: { 200: receiptSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    authorizeVote(actor, record.ref);
    return orFail(await castBallot(deps, actor, { budgetId: record.row.id, selections: req.body.selections }));
  });

  app.post('/api/v1/budgets/:id/paper-ballots', {
    schema: {
      tags,
      summary: 'Enter the paper ballot of a verified resident who voted in person (officials of the department, clerks with a post); audited without its content',
      params: budgetParams,
      body: paperBallotSchema,
      response: { 201: receiptSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    authorize(canBudget(actor, 'budget.enterPaperBallot', record.ref));
    const receipt = orFail(await enterPaperBallot(deps, actor, { budgetId: record.row.id, email: req.body.email, selections: req.body.selections }));
    reply.status(201);
    return receipt;
  });

  // -------------------------------------------------------------------------------------------
  // Counting and results

  app.post('/api/v1/budgets/:id/count', {
    schema: {
      tags,
      summary: 'Count a budget once voting has closed (otherwise done automatically): runs its rule, publishes the results and the receipts (officials of the department, administrators)',
      params: budgetParams,
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ resultHash: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    const { record } = await visibleBudget(req.params.id, actor);
    authorize(canBudget(actor, 'budget.count', record.ref));
    const counted = orFail(await countBudget(deps, actor, { id: record.row.id }));
    return { resultHash: counted.resultHash };
  });

  app.get('/api/v1/budgets/:id/results', {
    schema: {
      tags,
      summary: 'The results once counted: winners, money spent, votes per project (totals only) and the rule’s rounds; `results` is null before',
      params: budgetParams,
      response: { 200: resultsSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { record, context } = await visibleBudget(req.params.id, req.actor);
    return {
      budget: await presentOne(record, context),
      process: { id: context.process.id, slug: context.process.slug, title: context.process.title, titleZh: context.process.title_zh },
      results: record.row.status === 'counted' ? await presentResults(db, record.row) : null,
    };
  });

  /** The counted budget, or a 409 before the results. */
  async function countedBudget(id: string, actor: Actor) {
    const found = await visibleBudget(id, actor);
    if (found.record.row.status !== 'counted') throw new FailureError(fail('results_not_ready'));
    return found;
  }

  app.get('/api/v1/budgets/:id/results.csv', {
    schema: {
      tags,
      summary: 'The results as CSV: each project on the ballot with its votes and whether it was selected',
      params: budgetParams,
      response: { 200: z.string().describe('text/csv'), ...errorResponses(400, 404, 409) },
    },
  }, async (req, reply) => {
    const { record } = await countedBudget(req.params.id, req.actor);
    const results = await presentResults(db, record.row);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="budget-${record.row.id}-results.csv"`)
      .send(resultsCsv(results, record.row.currency));
  });

  app.get('/api/v1/budgets/:id/export.pb', {
    schema: {
      tags,
      summary: 'The counted election as an anonymized Pabulib (.pb) file: projects with votes, ballots shuffled and renumbered, no voter data',
      params: budgetParams,
      response: { 200: z.string().describe('text/plain (.pb)'), ...errorResponses(400, 404, 409) },
    },
  }, async (req, reply) => {
    const { record, context } = await countedBudget(req.params.id, req.actor);
    const installation = await readInstallation(db);
    const votePhases = context.phases.filter((p) => p.actions.budgeting?.includes('vote'));
    const text = await exportPabulib(db, record.row, {
      installation: installation.installation.name,
      processTitle: context.process.title,
      votingFrom: votePhases[0]?.startsAt ?? null,
      votingUntil: votePhases[votePhases.length - 1]?.endsAt ?? null,
    });
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="budget-${record.row.id}.pb"`)
      .send(text);
  });

  app.get('/api/v1/budgets/:id/receipts', {
    schema: {
      tags,
      summary: 'The receipts of the counted ballots (SHA-256 of each receipt code, sorted), published at counting; `hash` checks one',
      params: budgetParams,
      querystring: z.object({
        hash: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(1000),
        offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      }),
      response: { 200: receiptsSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { record } = await visibleBudget(req.params.id, req.actor);
    if (record.row.receipts_published_at === null) return { published: false, total: 0, receipts: [], found: null };
    return { published: true, ...(await publishedReceipts(db, record.row.id, req.query)) };
  });
}
