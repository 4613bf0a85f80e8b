import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { dateSchema, idSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_COMMITMENT_DOCUMENTS } from './rules.js';

/**
 * Input and output of the accountability API: the source of validation, of the OpenAPI document
 * and (through `z.infer`) of the types the module's pages use.
 */

export const kindSchema = z.enum(['commitment', 'innovation_program']);
export const statusSchema = z.enum(['proposed', 'in_consultation', 'adopted', 'in_progress', 'completed', 'cancelled']);
export const originTypeSchema = z.enum(['proposal', 'budget_project', 'hearing', 'regulation']);
export const milestoneStatusSchema = z.enum(['planned', 'in_progress', 'completed', 'cancelled']);
export const roundSchema = z.enum(['after_start', 'after_completion']);
export const periodSchema = z.enum(['this_year', 'last_year', 'last_12_months']);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const money = z.number().min(0).max(1e13);
const score = z.number().int().min(1).max(5);

export const detailsInputSchema = z.strictObject({
  kind: kindSchema,
  title: writtenText(5, 200),
  titleZh: optionalText(200),
  description: writtenText(20, 10_000),
  descriptionZh: optionalText(10_000),
  legalBasis: writtenText(5, 2000),
  legalBasisZh: optionalText(2000),
  departmentId: idSchema,
  postId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  plannedBudget: money,
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  plannedStart: dateSchema,
  plannedEnd: dateSchema,
  benefitIndicator: writtenText(5, 300),
  benefitIndicatorZh: optionalText(300),
  benefitUnit: z.string().trim().min(1).max(40),
  benefitBaseline: z.number().min(-1e12).max(1e12),
  benefitTarget: z.number().min(-1e12).max(1e12),
});

export const createInputSchema = detailsInputSchema.extend({
  origin: z.strictObject({ type: originTypeSchema, id: idSchema }).nullable().optional(),
  status: z.enum(['proposed', 'adopted']).optional(),
});

export const consultationInputSchema = z.strictObject({ endsAt: z.iso.datetime({ offset: true }) });
export const decisionInputSchema = z.strictObject({
  decision: z.enum(['adopt', 'drop']),
  text: writtenText(10, 5000),
  textZh: optionalText(5000),
  consultationResponse: optionalText(5000),
});
export const progressInputSchema = z.strictObject({
  progress: z.number().int().min(0).max(100),
  spent: money,
  benefitCurrent: z.number().min(-1e12).max(1e12).nullable().optional(),
  note: writtenText(5, 5000),
  noteZh: optionalText(5000),
  complete: z.boolean().optional(),
  attachmentIds: z.array(idSchema).max(MAX_COMMITMENT_DOCUMENTS).optional(),
});
export const cancelInputSchema = z.strictObject({ reason: writtenText(10, 5000) });
export const milestoneInputSchema = z.strictObject({ title: writtenText(3, 200), titleZh: optionalText(200), dueOn: dateSchema });
export const milestoneUpdateSchema = z.strictObject({ status: milestoneStatusSchema, title: writtenText(3, 200).optional(), titleZh: optionalText(200), dueOn: dateSchema.optional() });
export const approvalInputSchema = z.strictObject({ approval: score });
export const ratingInputSchema = z.strictObject({ benefit: score, valueForMoney: score, openness: score, delivered: score, comment: optionalText(2000) });
export const imageFormulaSchema = z.strictObject({
  basis: z.enum(['spent', 'planned']),
  spendQuantile: z.number().min(0.5).max(0.99),
  minPeers: z.number().int().min(2).max(100),
  benefitThreshold: z.number().min(1).max(5),
  minRatings: z.number().int().min(1).max(10_000),
});

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: statusSchema.optional(),
  kind: kindSchema.optional(),
  departmentId: idSchema.optional(),
  areaId: idSchema.optional(),
  flagged: z.enum(['true', 'false']).optional(),
  sort: z.enum(['newest', 'ending', 'budget']).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const orgRef = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRef = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });

const imageSchema = z.object({
  flagged: z.boolean(),
  spendMeasure: z.number(),
  peers: z.number(),
  peerThreshold: z.number().nullable(),
  spendHigh: z.boolean(),
  benefitAverage: z.number().nullable(),
  ratings: z.number(),
  benefitLow: z.boolean(),
});

export const summarySchema = z.object({
  id: z.string(),
  kind: kindSchema,
  title: z.string(),
  titleZh: z.string().nullable(),
  status: statusSchema,
  department: orgRef,
  areaId: z.string().nullable(),
  plannedBudget: z.number(),
  spent: z.number(),
  currency: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  progress: z.number(),
  /** Past its planned end without being completed (computed now). */
  late: z.boolean(),
  ratings: z.number(),
  averageRating: z.number().nullable(),
  imageProject: z.boolean(),
  originType: originTypeSchema.nullable(),
});

export const listResponseSchema = z.object({
  commitments: z.array(summarySchema),
  total: z.number(),
  abilities: z.object({ create: z.boolean() }),
});

const criterionSchema = z.object({ average: z.number().nullable(), distribution: z.array(z.number()) });
export const roundAggregateSchema = z.object({
  round: roundSchema,
  count: z.number(),
  benefit: criterionSchema,
  valueForMoney: criterionSchema,
  openness: criterionSchema,
  delivered: criterionSchema,
  comments: z.number(),
});

const consultationSummarySchema = z.object({
  opensAt: z.string(),
  endsAt: z.string(),
  comments: z.object({ total: z.number(), inFavour: z.number(), against: z.number(), neutral: z.number() }),
  approvals: z.object({ count: z.number(), average: z.number().nullable(), distribution: z.array(z.number()) }),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  post: z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), department: orgRef.nullable() }).nullable(),
  automatic: z.boolean(),
  progress: z.number().nullable(),
  spent: z.number().nullable(),
  note: z.string().nullable(),
  milestone: z.string().nullable(),
  status: z.string().nullable(),
  dueOn: z.string().nullable(),
  previousDueOn: z.string().nullable(),
  late: z.boolean().nullable(),
  text: z.string().nullable(),
  changes: z.array(z.string()),
  documents: z.number().nullable(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  dueOn: z.string(),
  status: milestoneStatusSchema,
  completedAt: z.string().nullable(),
  /** Completed after its due day, or not completed and past it now. */
  late: z.boolean(),
});

export const imageFormulaResponseSchema = imageFormulaSchema.extend({ abilities: z.object({ configure: z.boolean() }) });

export const detailSchema = z.object({
  commitment: summarySchema.extend({
    description: z.string(),
    descriptionZh: z.string().nullable(),
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
    post: postRef.nullable(),
    benefit: z.object({ indicator: z.string(), indicatorZh: z.string().nullable(), unit: z.string(), baseline: z.number(), target: z.number(), current: z.number().nullable() }),
    postId: z.string().nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    documents: z.array(attachmentViewSchema),
  }),
  origin: z.object({ type: originTypeSchema, id: z.string(), title: z.string().nullable(), path: z.string().nullable() }).nullable(),
  milestones: z.array(milestoneSchema),
  updates: z.array(z.object({ at: z.string(), progress: z.number(), spent: z.number(), benefitCurrent: z.number().nullable(), note: z.string(), noteZh: z.string().nullable(), post: postRef.nullable() })),
  consultation: z
    .object({
      opensAt: z.string(),
      endsAt: z.string(),
      open: z.boolean(),
      /** Live until the decision; frozen with it afterwards. */
      results: consultationSummarySchema,
      myApproval: z.number().nullable(),
    })
    .nullable(),
  decision: z
    .object({ at: z.string(), outcome: z.enum(['adopted', 'dropped']), text: z.string(), textZh: z.string().nullable(), consultationResponse: z.string().nullable(), post: postRef.nullable(), consultation: consultationSummarySchema.nullable() })
    .nullable(),
  ratings: z.object({ rounds: z.array(roundAggregateSchema), openRound: roundSchema.nullable(), mine: ratingInputSchema.extend({ round: roundSchema }).nullable() }),
  image: imageSchema,
  imageFormula: imageFormulaSchema,
  timeline: z.array(timelineEntrySchema),
  abilities: z.object({ manage: z.boolean(), approve: z.boolean(), rate: z.boolean() }),
  /** Why the caller cannot rate or approve now (signed in, but not a verified resident of the area...). */
  participationBlocked: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** For the department's forms: the posts of the responsible department. */
  posts: z.array(postRef).nullable(),
});

export const optionsResponseSchema = z.object({
  departments: z.array(orgRef.extend({ posts: z.array(postRef) })),
  prefill: detailsInputSchema.partial().extend({ origin: z.object({ type: originTypeSchema, id: z.string(), title: z.string(), path: z.string() }) }).nullable(),
});

const metricColumnSchema = z.object({
  key: z.string(),
  module: z.string(),
  label: z.object({ en: z.string(), zh: z.string() }),
  unit: z.enum(['share', 'count', 'days', 'rating', 'money']),
  better: z.enum(['higher', 'lower']),
});
const metricValueSchema = z.object({ value: z.number().nullable(), basis: z.number() });
const periodOutSchema = z.object({ key: z.string(), from: z.string(), to: z.string(), fromDate: z.string(), toDate: z.string() });

export const scorecardQuerySchema = z.object({ period: periodSchema.default('last_12_months'), areaId: idSchema.optional() });
export const scorecardResponseSchema = z.object({
  period: periodOutSchema,
  columns: z.array(metricColumnSchema),
  departments: z.array(z.object({ department: orgRef.extend({ areaId: z.string().nullable() }), values: z.record(z.string(), metricValueSchema) })),
});
export const trendQuerySchema = z.object({ metric: z.string().trim().min(1).max(80), quarters: z.coerce.number().int().min(2).max(12).default(8), areaId: idSchema.optional() });
export const trendResponseSchema = z.object({
  metric: metricColumnSchema.nullable(),
  quarters: z.array(periodOutSchema),
  series: z.array(z.object({ department: orgRef, values: z.array(metricValueSchema) })),
});

export type CommitmentStatus = z.infer<typeof statusSchema>;
export type CommitmentKind = z.infer<typeof kindSchema>;
export type CommitmentSummary = z.infer<typeof summarySchema>;
export type CommitmentList = z.infer<typeof listResponseSchema>;
export type CommitmentDetail = z.infer<typeof detailSchema>;
export type CommitmentOptions = z.infer<typeof optionsResponseSchema>;
export type DetailsInput = z.infer<typeof detailsInputSchema>;
export type RoundAggregate = z.infer<typeof roundAggregateSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type ImageFormula = z.infer<typeof imageFormulaSchema>;
export type ImageFormulaResponse = z.infer<typeof imageFormulaResponseSchema>;
export type Scorecard = z.infer<typeof scorecardResponseSchema>;
export type Trend = z.infer<typeof trendResponseSchema>;
export type Period = z.infer<typeof periodSchema>;
