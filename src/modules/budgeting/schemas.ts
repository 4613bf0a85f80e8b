import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { MAX_PROJECT_ATTACHMENTS } from './rules.js';
import { z } from 'zod';
import { emailSchema, idSchema, writtenText } from '../../core/http/schemas.js';

/**
 * Input and output of the participatory-budgeting API: the source of validation, of the OpenAPI
 * document and (through `z.infer`) of the types the module's pages use.
 */

export const ballotTypeSchema = z.enum(['approval', 'knapsack', 'cumulative']);
export const projectStateSchema = z.enum(['submitted', 'feasible', 'infeasible', 'withdrawn', 'selected', 'not_selected']);
export const implementationStatusSchema = z.enum(['not_started', 'in_progress', 'done']);
export const votingStageSchema = z.enum(['before', 'open', 'between', 'closed']);

const money = z.number().min(0).max(1e13);
const ruleParamsSchema = z
  .record(z.string().regex(/^[a-z_]{1,40}$/), z.union([z.string().max(100), z.number(), z.boolean()]))
  .refine((params) => Object.keys(params).length <= 10, { message: 'at most 10 parameters' });

export const budgetSettingsSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  titleZh: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(10_000).optional(),
  descriptionZh: z.string().trim().max(10_000).nullable().optional(),
  /** Whose residents vote (the area and everything below it); defaults to the process's area. */
  areaId: idSchema.nullable().optional(),
  amount: z.number().positive().max(1e13),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  ballotType: ballotTypeSchema,
  minProjects: z.number().int().min(0).max(1000).nullable().optional(),
  maxProjects: z.number().int().min(1).max(1000).nullable().optional(),
  /** Knapsack: the share of the budget one ballot may spend (0 < share <= 1; default 1). */
  maxShare: z.number().gt(0).max(1).nullable().optional(),
  pointsTotal: z.number().int().min(1).max(10_000).nullable().optional(),
  pointsPerProjectMax: z.number().int().min(1).max(10_000).nullable().optional(),
  /** A counting rule offered for the ballot type (see `rulesOffered`); defaults to the first. */
  rule: z.string().max(60).nullable().optional(),
  ruleParams: ruleParamsSchema.optional(),
});

export const updateBudgetSchema = budgetSettingsSchema.partial();

export const projectFieldsSchema = z.strictObject({
  title: writtenText(5, 150),
  titleZh: z.string().trim().max(150).nullable().optional(),
  description: writtenText(15, 10_000),
  cost: z.number().positive().max(1e13),
  areaId: idSchema.nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  /** Submit on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
  /** Uploaded photos and documents (POST /api/v1/attachments), in order. */
  attachmentIds: z.array(idSchema).max(MAX_PROJECT_ATTACHMENTS).optional(),
});

export const promoteSchema = z.strictObject({
  proposalId: idSchema,
  cost: z.number().positive().max(1e13),
  titleZh: z.string().trim().max(150).nullable().optional(),
});

export const reviewSchema = z.strictObject({
  decision: z.enum(['feasible', 'infeasible']),
  /** Public: why the project is (not) feasible, and why its cost changed. */
  reason: z.string().trim().min(1).max(5000),
  /** A corrected cost; the proposer's figure is kept and shown. */
  cost: money.nullable().optional(),
});

export const selectionSchema = z.strictObject({ projectId: idSchema, points: z.number().int().min(-1_000_000).max(1_000_000).nullable().optional() });
export const ballotSchema = z.strictObject({ selections: z.array(selectionSchema).max(500) });
export const paperBallotSchema = ballotSchema.extend({ email: emailSchema });

export const projectListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  areaId: idSchema.optional(),
  category: z.string().trim().max(60).optional(),
  state: projectStateSchema.optional(),
  /** Only what is on the ballot (feasible, and after counting selected or not). */
  onBallot: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const importQuerySchema = z.object({
  title: z.string().trim().min(3).max(200).optional(),
  areaId: idSchema.optional(),
  rule: z.string().max(60).optional(),
});

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const processRefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  areaId: z.string().nullable(),
  department: organizationRefSchema,
  /** Until when each budgeting action is open (null: closed now). */
  proposeOpenUntil: z.string().nullable(),
  reviewOpenUntil: z.string().nullable(),
  voteOpenUntil: z.string().nullable(),
  /** When the next voting phase starts (null: none ahead). */
  voteOpensAt: z.string().nullable(),
});

export const budgetSummarySchema = z.object({
  id: z.string(),
  processId: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  description: z.string(),
  descriptionZh: z.string().nullable(),
  areaId: z.string().nullable(),
  amount: z.number(),
  currency: z.string(),
  ballotType: ballotTypeSchema,
  minProjects: z.number().nullable(),
  maxProjects: z.number().nullable(),
  maxShare: z.number().nullable(),
  /** Knapsack: what one ballot may spend. */
  spendingLimit: z.number().nullable(),
  pointsTotal: z.number().nullable(),
  pointsPerProjectMax: z.number().nullable(),
  rule: z.string(),
  ruleParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  status: z.enum(['open', 'counted']),
  votingStage: votingStageSchema,
  countedAt: z.string().nullable(),
  resultHash: z.string().nullable(),
  /** Imported from a Pabulib file (an exercise or a replay): where from. */
  importedFrom: z.string().nullable(),
  /** Projects by state (counts of public records, never of votes). */
  projectCounts: z.record(projectStateSchema, z.number()),
});

export const budgetListSchema = z.object({
  budgets: z.array(budgetSummarySchema),
  process: processRefSchema,
  /** Counting rules that may be chosen for each ballot type, the default first. */
  rulesOffered: z.record(ballotTypeSchema, z.array(z.string())),
  abilities: z.object({ create: z.boolean(), import: z.boolean() }),
});

export const budgetDetailSchema = z.object({
  budget: budgetSummarySchema,
  process: processRefSchema,
  /** Counting rules that may be chosen for each ballot type. */
  rulesOffered: z.record(ballotTypeSchema, z.array(z.string())),
  /** Categories used by the budget's projects, for filters and the form. */
  categories: z.array(z.string()),
  abilities: z.object({
    update: z.boolean(),
    /** The ballot settings and the rule can still change. */
    updateSettings: z.boolean(),
    submit: z.boolean(),
    promote: z.boolean(),
    review: z.boolean(),
    vote: z.boolean(),
    enterPaperBallot: z.boolean(),
    count: z.boolean(),
  }),
  submitBlocked: refusalSchema.nullable(),
  voteBlocked: refusalSchema.nullable(),
  /** Whether the caller has a ballot in this budget (null for visitors). Never what it says. */
  voted: z.boolean().nullable(),
  /** Verified organizations the caller may submit projects for. */
  organizations: z.array(organizationRefSchema),
});

export const projectSummarySchema = z.object({
  id: z.string(),
  budgetId: z.string(),
  code: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  excerpt: z.string(),
  cost: z.number(),
  /** The proposer's cost when the review corrected it. */
  originalCost: z.number().nullable(),
  areaId: z.string().nullable(),
  category: z.string().nullable(),
  state: projectStateSchema,
  implementationStatus: implementationStatusSchema,
  proposer: z.object({ displayName: z.string().nullable(), organization: organizationRefSchema.nullable() }),
  proposalId: z.string().nullable(),
  createdAt: z.string(),
  /** The project's first photo, for lists and the ballot. */
  image: attachmentViewSchema.nullable(),
});

export const projectListSchema = z.object({ projects: z.array(projectSummarySchema), total: z.number(), categories: z.array(z.string()) });

export const projectDetailSchema = z.object({
  project: projectSummarySchema.extend({
    description: z.string(),
    location: z.object({ latitude: z.number().nullable(), longitude: z.number().nullable(), address: z.string().nullable() }).nullable(),
    withdrawnAt: z.string().nullable(),
    attachments: z.array(attachmentViewSchema),
  }),
  review: z
    .object({
      state: z.enum(['feasible', 'infeasible']),
      reason: z.string(),
      reviewedAt: z.string(),
      post: postRefSchema.nullable(),
      department: organizationRefSchema,
    })
    .nullable(),
  proposal: z.object({ id: z.string(), title: z.string() }).nullable(),
  budget: z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), currency: z.string(), status: z.enum(['open', 'counted']), votingStage: votingStageSchema }),
  process: z.object({ id: z.string(), slug: z.string(), title: z.string(), titleZh: z.string().nullable() }),
  abilities: z.object({ review: z.boolean(), withdraw: z.boolean(), implementation: z.boolean() }),
  reviewBlocked: refusalSchema.nullable(),
});

export const receiptSchema = z.object({
  /** Shown once: only its SHA-256 is kept. */
  receipt: z.string(),
  replaced: z.boolean(),
});

export const myBallotSchema = z.object({
  voted: z.boolean(),
  selections: z.array(z.object({ projectId: z.string(), points: z.number().nullable() })).nullable(),
});

export const resultRoundSchema = z.object({
  round: z.number(),
  projectId: z.string(),
  phase: z.enum(['mes', 'completion', 'greedy', 'phragmen']),
  cost: z.number(),
  supporters: z.number(),
  rho: z.string().nullable(),
  paidAllTheyHad: z.number().nullable(),
  maxPayment: z.number().nullable(),
  minPayment: z.number().nullable(),
  /** Phragmén: the supporters' new common load. */
  load: z.string().nullable(),
  remainingVoterMoney: z.number().nullable(),
  remainingBudget: z.number(),
});

export const resultProjectSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  cost: z.number(),
  selected: z.boolean(),
  /** Ballots that chose it, and (cumulative) the points it got: totals over all ballots only. */
  ballots: z.number(),
  points: z.number().nullable(),
  /** The round in which the rule selected it. */
  round: z.number().nullable(),
  /** Why it was not selected: `too_expensive_for_supporters`, `budget_exhausted`, `no_support`, ... */
  notSelectedReason: z.string().nullable(),
});

export const resultsSchema = z.object({
  budget: budgetSummarySchema,
  process: z.object({ id: z.string(), slug: z.string(), title: z.string(), titleZh: z.string().nullable() }),
  results: z
    .object({
      rule: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      ballots: z.number(),
      budget: z.number(),
      spent: z.number(),
      endowment: z.number().nullable(),
      countedAt: z.string(),
      resultHash: z.string(),
      electionHash: z.string(),
      /** Every project on the ballot, selected first in the order of selection, then by votes. */
      projects: z.array(resultProjectSchema),
      rounds: z.array(resultRoundSchema),
    })
    .nullable(),
});

export const receiptsSchema = z.object({
  /** Receipts are published when the budget is counted. */
  published: z.boolean(),
  total: z.number(),
  /** SHA-256 hashes of the counted ballots' receipt codes, sorted. */
  receipts: z.array(z.string()),
  /** With `hash`: whether that receipt is among the counted ones. */
  found: z.boolean().nullable(),
});

export const importResultSchema = z.object({ id: z.string(), projects: z.number(), ballots: z.number(), warnings: z.array(z.string()) });

export type BudgetSummary = z.infer<typeof budgetSummarySchema>;
export type BudgetList = z.infer<typeof budgetListSchema>;
export type BudgetDetail = z.infer<typeof budgetDetailSchema>;
export type ProjectSummary = z.infer<typeof projectSummarySchema>;
export type ProjectList = z.infer<typeof projectListSchema>;
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type MyBallot = z.infer<typeof myBallotSchema>;
export type Results = z.infer<typeof resultsSchema>;
export type ResultProject = z.infer<typeof resultProjectSchema>;
export type ResultRound = z.infer<typeof resultRoundSchema>;
export type Receipts = z.infer<typeof receiptsSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ProjectStateName = z.infer<typeof projectStateSchema>;
export type BallotTypeName = z.infer<typeof ballotTypeSchema>;
export type ImplementationStatusName = z.infer<typeof implementationStatusSchema>;
export type VotingStageName = z.infer<typeof votingStageSchema>;
