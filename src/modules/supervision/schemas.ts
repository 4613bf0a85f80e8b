import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_COMPLAINT_FILES } from './operations/common.js';
import { REPORT_LIMITS } from './operations/report-store.js';

/**
 * Input and output of the supervision API: the source of validation, of the OpenAPI document and
 * (through `z.infer`) of the types the module's pages use.
 */

export const categorySchema = z.enum(['bribery', 'abuse_of_power', 'negligence', 'vanity_project', 'conflict_of_interest', 'other']);
export const complaintStateSchema = z.enum(['received', 'preliminary_review', 'accepted', 'dismissed', 'investigating', 'concluded']);
export const outcomeSchema = z.enum(['substantiated', 'partially_substantiated', 'not_substantiated']);
export const reportOutcomeSchema = z.enum(['substantiated', 'partially_substantiated', 'not_substantiated', 'dismissed']);
export const reportStateSchema = z.enum(['received', 'reviewing', 'concluded']);
export const stageActionSchema = z.enum(['open_review', 'accept', 'dismiss', 'start_investigation', 'conclude']);

const orgRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });

export const deadlineSchema = z
  .object({ state: z.enum(['due', 'overdue', 'closed']), workingDays: z.number(), dueAt: z.string().nullable() })
  .describe("The current stage's deadline in working days, computed at read time from the working-day calendar");

// ---------------------------------------------------------------------------------------------
// Overview and options

export const overviewSchema = z.object({
  bodies: z.array(orgRefSchema),
  /** Whether a body can take cases at all (one exists or the administrator named one). */
  ready: z.boolean(),
  retentionDays: z.number(),
  deadlines: z.object({ intake: z.number(), review: z.number(), start: z.number(), investigation: z.number(), reportReview: z.number(), reportConclusion: z.number() }),
  limits: z.object({ complaintFiles: z.number(), reportFiles: z.number(), reportFileMb: z.number() }),
  abilities: z.object({ file: z.boolean(), work: z.boolean(), configure: z.boolean() }),
});

export const optionsSchema = z.object({
  departments: z.array(orgRefSchema.extend({ posts: z.array(postRefSchema) })),
  categories: z.array(categorySchema),
});

// ---------------------------------------------------------------------------------------------
// Named complaints

export const fileComplaintSchema = z.strictObject({
  departmentId: idSchema,
  postId: idSchema.nullable().optional(),
  category: categorySchema,
  description: writtenText(30, 20_000),
  confidentiality: z.enum(['public_summary', 'confidential']),
  /** Required with `public_summary`: a short text without names, shown in the public list. */
  publicSummary: z.string().trim().max(300).nullable().optional(),
  attachmentIds: z.array(idSchema).max(MAX_COMPLAINT_FILES).optional(),
});

export const informationSchema = z.strictObject({ text: writtenText(5, 10_000), attachmentIds: z.array(idSchema).max(MAX_COMPLAINT_FILES).optional() });
export const caseWriteSchema = z.strictObject({ kind: z.enum(['question', 'note']), text: writtenText(5, 5_000) });
export const stageSchema = z.strictObject({
  action: stageActionSchema,
  /** The reasons of a dismissal, or the findings of a conclusion (the complainant reads them). */
  text: z.string().trim().max(10_000).nullable().optional(),
  outcome: outcomeSchema.nullable().optional(),
  measures: z.string().trim().max(5_000).nullable().optional(),
});

export const complaintSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  category: categorySchema,
  state: complaintStateSchema,
  department: orgRefSchema,
  post: postRefSchema.nullable(),
  body: orgRefSchema,
  confidentiality: z.enum(['public_summary', 'confidential']),
  createdAt: z.string(),
  deadline: deadlineSchema,
  escalated: z.boolean(),
  awaitingComplainant: z.boolean(),
  outcome: outcomeSchema.nullable(),
});

export const eventSchema = z.object({
  id: z.string(),
  kind: z.enum(['filed', 'stage', 'information', 'question', 'answer', 'note', 'overdue', 'escalated']),
  at: z.string(),
  /** Who wrote it, as the reader may know: "complainant", or the handler's post and body. */
  byComplainant: z.boolean(),
  post: postRefSchema.nullable(),
  body: orgRefSchema.nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  text: z.string().nullable(),
  dueAt: z.string().nullable(),
  attachments: z.array(attachmentViewSchema),
});

export const complaintDetailSchema = z.object({
  complaint: complaintSummarySchema.extend({
    description: z.string(),
    publicSummary: z.string().nullable(),
    decision: z.string().nullable(),
    measures: z.string().nullable(),
    closedAt: z.string().nullable(),
    attachments: z.array(attachmentViewSchema),
    /** Shown to handlers only. */
    complainant: z.object({ displayName: z.string() }).nullable(),
  }),
  events: z.array(eventSchema),
  /** The caller's part: complainant or handler. */
  role: z.enum(['complainant', 'handler']),
  abilities: z.object({ respond: z.boolean(), handle: z.boolean(), actions: z.array(stageActionSchema) }),
});

export const complaintListSchema = z.object({ complaints: z.array(complaintSummarySchema) });

export const publicCaseSchema = z.object({
  number: z.number(),
  category: categorySchema,
  state: complaintStateSchema,
  department: orgRefSchema,
  month: z.string(),
  summary: z.string(),
  outcome: outcomeSchema.nullable(),
  escalated: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Anonymous reports

const fileUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded. */
  contentBase64: z.string().max(Math.ceil((REPORT_LIMITS.maxFileBytes * 4) / 3) + 8),
});

export const submitReportSchema = z.strictObject({
  departmentId: idSchema.nullable().optional(),
  category: categorySchema,
  description: writtenText(30, 20_000),
  files: z.array(fileUploadSchema).max(REPORT_LIMITS.maxFiles).optional(),
});

export const receiptSchema = z.string().trim().min(1).max(40).describe('The 16-digit receipt (spaces allowed)');
export const receiptAccessSchema = z.strictObject({ receipt: receiptSchema });
export const reporterReplySchema = z.strictObject({ receipt: receiptSchema, text: writtenText(2, 10_000), files: z.array(fileUploadSchema).max(REPORT_LIMITS.maxFiles).optional() });

const threadFileSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), kind: z.string(), size: z.number(), on: z.string() });
const threadMessageSchema = z.object({ id: z.string(), author: z.enum(['reporter', 'handler']), kind: z.enum(['message', 'question']), on: z.string(), text: z.string(), files: z.array(threadFileSchema) });

export const reporterViewSchema = z.object({
  state: reportStateSchema,
  outcome: reportOutcomeSchema.nullable(),
  receivedOn: z.string(),
  concludedOn: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  awaitingReporter: z.boolean(),
  body: orgRefSchema,
  department: orgRefSchema.nullable(),
  category: categorySchema,
  description: z.string(),
  conclusion: z.string().nullable(),
  files: z.array(threadFileSchema),
  messages: z.array(threadMessageSchema),
  /** Days a concluded report is kept before deletion. */
  retentionDays: z.number(),
});

export const handlerReportSchema = reporterViewSchema.extend({
  id: z.string(),
  seq: z.number(),
  /** Colleagues who may handle it but cannot open it yet (they set up a key after it came in). */
  colleaguesWithoutAccess: z.number(),
});

export const reportSummarySchema = z.object({
  id: z.string(),
  seq: z.number(),
  state: reportStateSchema,
  receivedOn: z.string(),
  updatedOn: z.string(),
  department: orgRefSchema.nullable(),
  body: orgRefSchema,
  deadline: deadlineSchema,
  awaitingReporter: z.boolean(),
  canOpen: z.boolean(),
});

export const handlerMessageSchema = z.strictObject({ text: writtenText(2, 10_000), question: z.boolean() });
export const concludeReportSchema = z.strictObject({ outcome: reportOutcomeSchema, text: writtenText(10, 10_000) });

// ---------------------------------------------------------------------------------------------
// Handlers

export const keyStatusSchema = z.object({ setUp: z.boolean(), unlocked: z.boolean() });
export const passphraseSchema = z.strictObject({ passphrase: z.string().min(1).max(256) });

export const queueSchema = z.object({
  complaints: z.array(complaintSummarySchema),
  reports: z.array(reportSummarySchema),
  key: keyStatusSchema,
  /** Reports the caller can open whose key colleagues lack. */
  shareable: z.number(),
});

// ---------------------------------------------------------------------------------------------
// Statistics

const countSchema = z.number().nullable().describe('null: fewer than minCellCount (not published)');
export const statisticsSchema = z.object({
  minCellCount: z.number(),
  totals: z.object({ filed: countSchema, open: countSchema, closed: countSchema, escalated: countSchema, medianWorkingDays: z.number().nullable() }),
  byCategory: z.array(z.object({ category: categorySchema, count: countSchema })),
  byOutcome: z.array(z.object({ outcome: reportOutcomeSchema, count: countSchema })),
  byDepartment: z.array(z.object({ department: orgRefSchema, filed: countSchema, substantiated: countSchema, medianWorkingDays: z.number().nullable(), categories: z.array(countSchema) })),
  categories: z.array(categorySchema),
  reports: z.object({ received: countSchema, concluded: countSchema, byOutcome: z.array(z.object({ outcome: reportOutcomeSchema, count: countSchema })) }),
});

// ---------------------------------------------------------------------------------------------
// Settings

const days = z.number().int().min(1).max(365);
export const settingsInputSchema = z.strictObject({
  defaultBodyId: idSchema.nullable(),
  defaultHigherBodyId: idSchema.nullable(),
  deadlines: z.strictObject({ intake: days, review: days, start: days, investigation: days, reportReview: days, reportConclusion: days }),
  retentionDays: z.number().int().min(1).max(3650),
  minCellCount: z.number().int().min(1).max(50),
  routes: z.array(z.strictObject({ departmentId: idSchema, bodyId: idSchema, higherBodyId: idSchema.nullable() })).max(500),
});

export const settingsSchema = settingsInputSchema.extend({
  bodies: z.array(orgRefSchema),
  departments: z.array(orgRefSchema),
  conflicts: z.array(z.object({ departmentA: orgRefSchema, departmentB: orgRefSchema, reason: z.string() })),
});

export const conflictInputSchema = z.strictObject({ departmentA: idSchema, departmentB: idSchema, reason: writtenText(5, 500) });

export type Overview = z.infer<typeof overviewSchema>;
export type Options = z.infer<typeof optionsSchema>;
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;
export type CaseEvent = z.infer<typeof eventSchema>;
export type PublicCase = z.infer<typeof publicCaseSchema>;
export type ReporterView = z.infer<typeof reporterViewSchema>;
export type HandlerReport = z.infer<typeof handlerReportSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type Queue = z.infer<typeof queueSchema>;
export type KeyStatus = z.infer<typeof keyStatusSchema>;
export type Statistics = z.infer<typeof statisticsSchema>;
export type SupervisionSettingsView = z.infer<typeof settingsSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Category = z.infer<typeof categorySchema>;
export type ComplaintState = z.infer<typeof complaintStateSchema>;
