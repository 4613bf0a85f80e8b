import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_QUESTION_ATTACHMENTS } from './rules.js';

/**
 * Input and output of the questions API: the source of validation, of the OpenAPI document and
 * (through `z.infer`) of the types the module's pages use.
 */

export const questionStateSchema = z.enum(['published', 'transferred', 'overdue', 'answered', 'declined']);
export const sortSchema = z.enum(['newest', 'cosigns', 'due']);

const titleSchema = writtenText(5, 150);
const bodySchema = writtenText(15, 10_000);

export const askQuestionSchema = z.strictObject({
  departmentId: idSchema,
  /** A named official post in that department (optional). */
  postId: idSchema.nullable().optional(),
  /** Ask on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
  title: titleSchema,
  body: bodySchema,
  areaId: idSchema.nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  /** Uploaded files (POST /api/v1/attachments) to attach, in order. */
  attachmentIds: z.array(idSchema).max(MAX_QUESTION_ATTACHMENTS).optional(),
});

export const followUpSchema = z.strictObject({ title: titleSchema, body: bodySchema });
export const answerSchema = z.strictObject({ answer: writtenText(10, 10_000) });
export const transferSchema = z.strictObject({ departmentId: idSchema, reason: writtenText(10, 2000) });
export const declineSchema = z.strictObject({ ground: z.string().trim().min(1).max(40), explanation: writtenText(10, 5000) });
export const rateSchema = z.strictObject({ resolved: z.boolean(), comment: z.string().trim().max(2000).nullable().optional() });

export const declineGroundInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  label: writtenText(5, 300),
  labelZh: z.string().trim().max(300).nullable().optional(),
  legalReference: z.string().trim().min(3).max(300),
});

export const settingsInputSchema = z.strictObject({
  answerWorkingDays: z.number().int().min(1).max(365),
  legalBasis: writtenText(10, 2000),
  legalBasisZh: z.string().trim().max(2000).nullable().optional(),
  transferRestartsClock: z.boolean(),
  declineGrounds: z.array(declineGroundInputSchema).min(1).max(20),
});

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: idSchema.optional(),
  areaId: idSchema.optional(),
  state: questionStateSchema.optional(),
  category: z.string().trim().max(60).optional(),
  /** Only the caller's own questions (asked by them or for an organization they represent), hidden ones included. */
  mine: z.enum(['true', 'false']).optional(),
  sort: sortSchema.default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const deadlineSchema = z
  .object({
    /** due: working days left (0: due today); overdue: working days late; answered: the department responded. */
    state: z.enum(['due', 'overdue', 'answered']),
    workingDays: z.number(),
    dueAt: z.string(),
    /** Once answered or declined: whether that came after the due date. */
    answeredLate: z.boolean().nullable(),
  })
  .describe('The answer deadline in working days, computed at read time from the working-day calendar');

export const questionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  /** As residents see it now: `overdue` as soon as the due date passed without an answer, before the sweep runs. */
  state: questionStateSchema,
  department: organizationRefSchema,
  post: postRefSchema.nullable(),
  author: z.object({ displayName: z.string(), organization: organizationRefSchema.nullable() }),
  areaId: z.string().nullable(),
  category: z.string().nullable(),
  cosignsCount: z.number(),
  createdAt: z.string(),
  deadline: deadlineSchema,
  /** The question this one follows up. */
  parentId: z.string().nullable(),
  hidden: z.boolean(),
  cosignedByMe: z.boolean(),
});

export const listResponseSchema = z.object({
  questions: z.array(questionSummarySchema),
  total: z.number(),
  /** Categories already used, as suggestions for the filter and the form. */
  categories: z.array(z.string()),
  abilities: z.object({ ask: z.boolean() }),
});

export const declineGroundSchema = z.object({ code: z.string(), label: z.string(), labelZh: z.string().nullable(), legalReference: z.string() });

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['asked', 'transferred', 'answered', 'declined', 'answer_overdue', 'rated', 'followed_up', 'hidden', 'restored']),
  /** The post that acted (answers, declines, transfers). */
  post: postRefSchema.nullable(),
  department: organizationRefSchema.nullable(),
  fromDepartment: organizationRefSchema.nullable(),
  toDepartment: organizationRefSchema.nullable(),
  reason: z.string().nullable(),
  dueAt: z.string().nullable(),
  late: z.boolean().nullable(),
  restarted: z.boolean().nullable(),
  resolved: z.boolean().nullable(),
  followUpId: z.string().nullable(),
});

const questionLinkSchema = z.object({ id: z.string(), title: z.string(), state: questionStateSchema });

export const questionDetailSchema = z.object({
  question: questionSummarySchema.extend({
    body: z.string(),
    attachments: z.array(attachmentViewSchema),
    updatedAt: z.string(),
    overdueAt: z.string().nullable(),
  }),
  /** The rule the deadline follows: the department's period and its legal basis. */
  rules: z.object({
    workingDays: z.number(),
    clockStartedAt: z.string(),
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
  }),
  answer: z
    .object({
      kind: z.enum(['answered', 'declined']),
      text: z.string().nullable(),
      answeredAt: z.string(),
      late: z.boolean(),
      post: postRefSchema.nullable(),
      department: organizationRefSchema,
      ground: declineGroundSchema.nullable(),
    })
    .nullable(),
  rating: z.object({ resolved: z.boolean(), comment: z.string().nullable(), ratedAt: z.string() }).nullable(),
  parent: questionLinkSchema.nullable(),
  followUp: questionLinkSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  abilities: z.object({
    cosign: z.boolean(),
    uncosign: z.boolean(),
    respond: z.boolean(),
    rate: z.boolean(),
    followUp: z.boolean(),
  }),
  /** Why the caller cannot co-sign now (null when they can, or already did). */
  cosignBlocked: refusalSchema.nullable(),
  /** For the department's officials: the grounds they may decline on, and where they may transfer it. */
  declineGrounds: z.array(declineGroundSchema).nullable(),
  transferTargets: z.array(organizationRefSchema).nullable(),
});

export const cosignResponseSchema = z.object({ cosigned: z.boolean(), cosignsCount: z.number() });

export const askOptionsSchema = z.object({
  departments: z.array(organizationRefSchema.extend({ posts: z.array(postRefSchema), answerWorkingDays: z.number() })),
  /** Verified organizations the caller may ask for. */
  organizations: z.array(organizationRefSchema),
  categories: z.array(z.string()),
});

export const overdueItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  department: organizationRefSchema,
  cosignsCount: z.number(),
  dueAt: z.string(),
  overdueWorkingDays: z.number(),
});

export const settingsSchema = z.object({
  department: organizationRefSchema,
  answerWorkingDays: z.number(),
  legalBasis: z.string(),
  legalBasisZh: z.string().nullable(),
  transferRestartsClock: z.boolean(),
  declineGrounds: z.array(declineGroundSchema),
  /** False while the department works with the platform's defaults. */
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ configure: z.boolean() }),
});

export const totalsSchema = z.object({
  asked: z.number(),
  answered: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  declined: z.number(),
  overdueNow: z.number(),
  open: z.number(),
  onTimeShare: z.number().nullable(),
  medianWorkingDays: z.number().nullable(),
  rated: z.number(),
  ratedResolved: z.number(),
  resolvedShare: z.number().nullable(),
  /** Questions this department passed on to another one. */
  transferredAway: z.number(),
});

export const monthRowSchema = z.object({
  month: z.string(),
  asked: z.number(),
  answeredOnTime: z.number(),
  late: z.number(),
  declined: z.number(),
  open: z.number(),
});

export const recordSchema = z.object({
  department: organizationRefSchema,
  settings: settingsSchema.omit({ department: true, abilities: true }),
  totals: totalsSchema,
  months: z.array(monthRowSchema),
  /** Unanswered questions past their due date, most overdue first. */
  overdue: z.array(overdueItemSchema),
  /** The latest answers and declines. */
  latest: z.array(questionSummarySchema),
  abilities: z.object({ configure: z.boolean() }),
});

export const rankingSchema = z.object({
  departments: z.array(z.object({ department: organizationRefSchema, totals: totalsSchema, rank: z.number().nullable() })),
});

export type QuestionState = z.infer<typeof questionStateSchema>;
export type QuestionSummary = z.infer<typeof questionSummarySchema>;
export type QuestionList = z.infer<typeof listResponseSchema>;
export type QuestionDetail = z.infer<typeof questionDetailSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type AskOptions = z.infer<typeof askOptionsSchema>;
export type OverdueItem = z.infer<typeof overdueItemSchema>;
export type DepartmentSettings = z.infer<typeof settingsSchema>;
export type DepartmentRecord = z.infer<typeof recordSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type MonthRow = z.infer<typeof monthRowSchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type CosignResponse = z.infer<typeof cosignResponseSchema>;
export type DeclineGroundView = z.infer<typeof declineGroundSchema>;
