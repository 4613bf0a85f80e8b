import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, writtenText } from '../../core/http/schemas.js';
import { PUBLICATION_CATEGORIES } from '../publications/index.js';
import { MAX_MESSAGE_ATTACHMENTS } from './rules.js';

/**
 * Input and output of the information requests API: the source of validation, of the OpenAPI
 * document and (through `z.infer`) of the types the module's pages use.
 */

export const requestStateSchema = z.enum(['awaiting_response', 'awaiting_clarification', 'partially_successful', 'successful', 'not_held', 'refused', 'withdrawn', 'internal_review']);
export const shownStateSchema = z.enum([...requestStateSchema.options, 'overdue', 'very_overdue']);
export const decisionSchema = z.enum(['successful', 'partially_successful', 'not_held', 'refused']);
export const outcomeSchema = z.enum(['upheld', 'partly_upheld', 'overturned']);
export const categorySchema = z.enum(PUBLICATION_CATEGORIES);

const groundCodeSchema = z.string().trim().min(1).max(40);
const attachmentIdsSchema = z.array(idSchema).max(MAX_MESSAGE_ATTACHMENTS).optional();

export const fileRequestSchema = z.strictObject({
  departmentId: idSchema,
  /** Ask on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
  /** Be shown to the public by this name instead of yours (the department still sees who you are). */
  pseudonym: z.string().trim().max(60).nullable().optional(),
  title: writtenText(5, 200),
  body: writtenText(15, 20_000),
});

export const messageBodySchema = z.strictObject({ body: writtenText(10, 10_000) });
export const extensionSchema = z.strictObject({ reason: writtenText(10, 2000) });
export const withdrawSchema = z.strictObject({ reason: z.string().trim().max(2000).nullable().optional() });
export const classifySchema = z.strictObject({ classification: decisionSchema });

export const respondSchema = z.strictObject({
  decision: decisionSchema,
  /** Required when refusing in whole or in part: a code of the department's published grounds. */
  ground: groundCodeSchema.nullable().optional(),
  body: writtenText(10, 20_000),
  /** Uploaded files (PDF, spreadsheets, text, images) to attach, in order. */
  attachmentIds: attachmentIdsSchema,
  /** Personal data to redact before publication: every occurrence of each exact phrase. */
  redactPhrases: z.array(z.string().min(1).max(500)).max(50).optional(),
});

export const reviewDecisionSchema = z.strictObject({
  outcome: outcomeSchema,
  /** The resulting state; needed only after an appeal against lateness (the department never decided). */
  state: decisionSchema.nullable().optional(),
  ground: groundCodeSchema.nullable().optional(),
  body: writtenText(10, 10_000),
  attachmentIds: attachmentIdsSchema,
});

export const redactSchema = z.strictObject({
  /** Character ranges of the original text (UTF-16 offsets, end exclusive). */
  spans: z.array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })).max(200).optional(),
  /** Exact phrases: every occurrence is redacted. */
  phrases: z.array(z.string().min(1).max(500)).max(50).optional(),
});

export const publishSchema = z.strictObject({
  category: categorySchema,
  title: z.string().trim().max(200).nullable().optional(),
  summary: writtenText(10, 2000),
});

export const refusalGroundInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  label: writtenText(5, 300),
  labelZh: z.string().trim().max(300).nullable().optional(),
  legalReference: z.string().trim().min(3).max(300),
});

export const settingsInputSchema = z.strictObject({
  responseWorkingDays: z.number().int().min(1).max(365),
  extensionWorkingDays: z.number().int().min(0).max(365),
  reviewWorkingDays: z.number().int().min(1).max(365),
  /** Working days past the deadline after which a request is very overdue (null: the response period again). */
  veryOverdueWorkingDays: z.number().int().min(1).max(365).nullable().optional(),
  /** The department that decides internal reviews (null: the supervisory body, or the department itself). */
  supervisorDepartmentId: idSchema.nullable().optional(),
  legalBasis: writtenText(10, 2000),
  legalBasisZh: z.string().trim().max(2000).nullable().optional(),
  refusalGrounds: z.array(refusalGroundInputSchema).min(1).max(30),
});

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: idSchema.optional(),
  state: shownStateSchema.optional(),
  /** Only the caller's own requests (filed by them or for an organization they represent), hidden ones included. */
  mine: z.enum(['true', 'false']).optional(),
  sort: z.enum(['newest', 'due', 'responded']).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
export const groundSchema = z.object({ code: z.string(), label: z.string(), labelZh: z.string().nullable(), legalReference: z.string() });

export const deadlineSchema = z
  .object({
    kind: z.enum(['response', 'review']),
    state: z.enum(['due', 'overdue', 'paused', 'closed']),
    workingDays: z.number(),
    dueAt: z.string().nullable(),
    veryOverdue: z.boolean(),
    late: z.boolean().nullable(),
  })
  .describe('The deadline now in working days (response, or the internal review), from the working-day calendar');

export const requesterSchema = z
  .object({
    /** The pseudonym when one was chosen, else the requester's display name. */
    displayName: z.string(),
    pseudonymous: z.boolean(),
    organization: organizationRefSchema.nullable(),
  })
  .describe('Who asked, as the public sees it');

export const requestSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The start of the request's public text (redactions applied). */
  excerpt: z.string(),
  state: shownStateSchema,
  department: organizationRefSchema,
  requester: requesterSchema,
  createdAt: z.string(),
  deadline: deadlineSchema,
  decision: decisionSchema.nullable(),
  classification: decisionSchema.nullable(),
  hidden: z.boolean(),
  publicationPath: z.string().nullable(),
});

export const listResponseSchema = z.object({
  requests: z.array(requestSummarySchema),
  total: z.number(),
  abilities: z.object({ file: z.boolean() }),
});

export const messageKindSchema = z.enum(['request', 'clarification_request', 'clarification', 'extension', 'response', 'withdrawal', 'review_request', 'review_decision']);

export const messageSchema = z.object({
  id: z.string(),
  seq: z.number(),
  kind: messageKindSchema,
  /** The public text (redacted spans replaced), or the original for the department and the requester. */
  body: z.string(),
  /** Whether `body` is the original text with redactions (shown only to the department and the requester). */
  original: z.boolean(),
  /** The redacted spans of the original (only with the original). */
  redactions: z.array(z.object({ start: z.number(), end: z.number() })).nullable(),
  redactedSpans: z.number(),
  from: z.enum(['requester', 'department']),
  post: postRefSchema.nullable(),
  department: organizationRefSchema.nullable(),
  createdAt: z.string(),
  decision: decisionSchema.nullable(),
  ground: groundSchema.nullable(),
  outcome: outcomeSchema.nullable(),
  dueAt: z.string().nullable(),
  workingDays: z.number().nullable(),
  against: z.string().nullable(),
  attachments: z.array(attachmentViewSchema),
});

export const requestDetailSchema = z.object({
  request: requestSummarySchema.extend({
    storedState: requestStateSchema,
    updatedAt: z.string(),
    /** The requester's real name, for the department's staff (and the requester) only; null for everyone else. */
    realName: z.string().nullable(),
    refusalGround: groundSchema.nullable(),
    overdueAt: z.string().nullable(),
    veryOverdueAt: z.string().nullable(),
  }),
  rules: z.object({
    workingDays: z.number(),
    extensionWorkingDays: z.number(),
    extendedAt: z.string().nullable(),
    clockStartedAt: z.string(),
    reviewWorkingDays: z.number(),
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
  }),
  /** Each pause of the clock while the department waited for a clarification. */
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  review: z
    .object({
      department: organizationRefSchema,
      requestedAt: z.string(),
      dueAt: z.string(),
      fromState: requestStateSchema,
      outcome: outcomeSchema.nullable(),
      decidedAt: z.string().nullable(),
      ground: groundSchema.nullable(),
    })
    .nullable(),
  messages: z.array(messageSchema),
  abilities: z.object({
    respond: z.boolean(),
    askClarification: z.boolean(),
    extend: z.boolean(),
    redact: z.boolean(),
    publish: z.boolean(),
    clarify: z.boolean(),
    withdraw: z.boolean(),
    classify: z.boolean(),
    appeal: z.boolean(),
    decideReview: z.boolean(),
  }),
  /** For the department (and the reviewing department): the grounds it may refuse on. */
  refusalGrounds: z.array(groundSchema).nullable(),
  /** Why the caller cannot extend now (for the department). */
  extendBlocked: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The department that would decide an internal review. */
  reviewDepartment: organizationRefSchema.nullable(),
});

export const optionsSchema = z.object({
  departments: z.array(
    organizationRefSchema.extend({
      responseWorkingDays: z.number(),
      extensionWorkingDays: z.number(),
      legalBasis: z.string(),
      legalBasisZh: z.string().nullable(),
    }),
  ),
  /** Verified organizations the caller may ask for. */
  organizations: z.array(organizationRefSchema),
});

export const settingsSchema = z.object({
  department: organizationRefSchema,
  responseWorkingDays: z.number(),
  extensionWorkingDays: z.number(),
  reviewWorkingDays: z.number(),
  veryOverdueWorkingDays: z.number(),
  /** As configured (null: the response period again). */
  veryOverdueConfigured: z.number().nullable(),
  supervisorDepartmentId: z.string().nullable(),
  /** The department deciding reviews now (configured or default). */
  supervisor: organizationRefSchema,
  legalBasis: z.string(),
  legalBasisZh: z.string().nullable(),
  refusalGrounds: z.array(groundSchema),
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
  /** Departments that may be chosen to decide reviews. */
  departments: z.array(organizationRefSchema),
  abilities: z.object({ configure: z.boolean() }),
});

export const totalsSchema = z.object({
  filed: z.number(),
  responded: z.number(),
  respondedOnTime: z.number(),
  respondedLate: z.number(),
  lateWithoutResponse: z.number(),
  overdueNow: z.number(),
  veryOverdueNow: z.number(),
  onTimeShare: z.number().nullable(),
  medianWorkingDays: z.number().nullable(),
  refused: z.number(),
  partiallySuccessful: z.number(),
  refusalRate: z.number().nullable(),
  byGround: z.array(groundSchema.extend({ count: z.number() })),
  byState: z.record(shownStateSchema, z.number()),
  reviews: z.object({ requested: z.number(), pending: z.number(), upheld: z.number(), partlyUpheld: z.number(), overturned: z.number() }),
});

export const recordSchema = z.object({
  department: organizationRefSchema,
  settings: settingsSchema.pick({ responseWorkingDays: true, extensionWorkingDays: true, reviewWorkingDays: true, veryOverdueWorkingDays: true, supervisor: true, legalBasis: true, legalBasisZh: true, refusalGrounds: true }),
  totals: totalsSchema,
  /** Requests waiting for the response past the deadline, most overdue first. */
  overdue: z.array(requestSummarySchema),
  /** The latest decisions. */
  latest: z.array(requestSummarySchema),
  abilities: z.object({ configure: z.boolean() }),
});

export const rankingSchema = z.object({
  departments: z.array(z.object({ department: organizationRefSchema, totals: totalsSchema, rank: z.number().nullable() })),
});

export type RequestState = z.infer<typeof requestStateSchema>;
export type ShownState = z.infer<typeof shownStateSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type RequestSummary = z.infer<typeof requestSummarySchema>;
export type RequestList = z.infer<typeof listResponseSchema>;
export type RequestDetail = z.infer<typeof requestDetailSchema>;
export type RequestMessage = z.infer<typeof messageSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type RequestOptions = z.infer<typeof optionsSchema>;
export type RequestSettingsView = z.infer<typeof settingsSchema>;
export type DepartmentRecord = z.infer<typeof recordSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type GroundView = z.infer<typeof groundSchema>;
