import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, slugSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_REPORT_PHOTOS } from './rules.js';

/**
 * Input and output of the reports API (/api/v1/problem-reports): the source of validation, of the
 * OpenAPI document and (through `z.infer`) of the types the module's pages use.
 */

export const reportStateSchema = z.enum(['submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed', 'reopened']);
export const statusTargetSchema = z.enum(['acknowledged', 'in_progress', 'fixed']);

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const categoryCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const categorySchema = z.object({
  id: z.string(),
  /** The Open311 service_code. */
  code: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  description: z.string(),
  descriptionZh: z.string().nullable(),
  group: z.string(),
  groupZh: z.string().nullable(),
  keywords: z.string(),
  workingDays: z.number(),
  active: z.boolean(),
  position: z.number(),
  department: organizationRefSchema,
  /** Area-specific departments (an area and everything below it). */
  routes: z.array(z.object({ areaId: z.string(), department: organizationRefSchema })),
});

export const categoriesResponseSchema = z.object({
  categories: z.array(categorySchema),
  /** Government bodies that can be given reports (for the routing table and transfers). */
  departments: z.array(organizationRefSchema),
  abilities: z.object({ manage: z.boolean() }),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createCategorySchema = z.strictObject({
  code: categoryCodeSchema,
  name: z.string().trim().min(2).max(120),
  nameZh: optionalText(120),
  description: z.string().trim().max(2000).optional(),
  descriptionZh: optionalText(2000),
  group: z.string().trim().max(80).optional(),
  groupZh: optionalText(80),
  keywords: z.string().trim().max(300).optional(),
  departmentId: idSchema,
  workingDays: z.number().int().min(1).max(365),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const updateCategorySchema = createCategorySchema.partial();

export const categoryRoutesSchema = z.strictObject({
  routes: z.array(z.strictObject({ areaId: idSchema, departmentId: idSchema })).max(500),
});

export const createReportSchema = z.strictObject({
  categoryId: idSchema,
  description: writtenText(10, 4000),
  areaId: idSchema.nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  /** Uploaded photos (POST /api/v1/attachments) to attach, in order. */
  attachmentIds: z.array(idSchema).max(MAX_REPORT_PHOTOS).optional(),
  /** Show the reporter's name on the public page (default: no). */
  showName: z.boolean().optional(),
});

export const stateFilterSchema = z.enum(['submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed', 'reopened', 'open', 'closed']);

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  categoryId: idSchema.optional(),
  state: stateFilterSchema.optional(),
  areaId: idSchema.optional(),
  departmentId: idSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const deadlineSchema = z
  .object({
    state: z.enum(['due', 'overdue', 'fixed']),
    workingDays: z.number(),
    dueAt: z.string(),
    fixedLate: z.boolean().nullable(),
  })
  .describe('The fix deadline in working days, computed at read time from the working-day calendar');

export const reportSummarySchema = z.object({
  id: z.string(),
  excerpt: z.string(),
  state: reportStateSchema,
  category: z.object({ id: z.string(), code: z.string(), name: z.string(), nameZh: z.string().nullable() }),
  department: organizationRefSchema,
  areaId: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Who reported it, as the public may see: a name only when the reporter chose to show it. */
  reporter: z.object({ source: z.enum(['web', 'open311']), displayName: z.string().nullable(), via: z.string().nullable(), viaZh: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  deadline: deadlineSchema,
  hidden: z.boolean(),
  photo: attachmentViewSchema.nullable(),
});

export const listResponseSchema = z.object({
  reports: z.array(reportSummarySchema),
  total: z.number(),
  abilities: z.object({ create: z.boolean(), manage: z.boolean() }),
  createBlocked: refusalSchema.nullable(),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['submitted', 'acknowledged', 'in_progress', 'fixed', 'transferred', 'confirmed', 'reopened', 'overdue', 'hidden', 'restored']),
  /** The public note: the department's status note, the reason of a transfer or of a reopening. */
  note: z.string().nullable(),
  dueAt: z.string().nullable(),
  late: z.boolean().nullable(),
  post: postRefSchema.nullable(),
  department: organizationRefSchema.nullable(),
  /** For a transfer: the department it went to. */
  toDepartment: organizationRefSchema.nullable(),
});

export const contactSchema = z.object({
  /** For a resident's report: their account's name (the department may call back even when the public does not see it). */
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  deviceId: z.string().nullable(),
  accountId: z.string().nullable(),
});

export const reportDetailSchema = z.object({
  report: reportSummarySchema.extend({
    description: z.string(),
    attachments: z.array(attachmentViewSchema),
    mediaUrl: z.string().nullable(),
    statusNotes: z.string().nullable(),
    workingDays: z.number(),
    assignedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    fixedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    reopenedAt: z.string().nullable(),
    overdueAt: z.string().nullable(),
    reopenCount: z.number(),
    transferCount: z.number(),
    reportedByMe: z.boolean(),
  }),
  timeline: z.array(timelineEntrySchema),
  abilities: z.object({
    updateStatus: z.boolean(),
    transfer: z.boolean(),
    confirm: z.boolean(),
    reopen: z.boolean(),
    readContact: z.boolean(),
  }),
  /** Who reported it and how to reach them, for the department only (null for everyone else). */
  contact: contactSchema.nullable(),
  /** For the department's officials: where the report can be passed to. */
  transferTargets: z.array(organizationRefSchema).nullable(),
});

export const statusUpdateSchema = z.strictObject({
  state: statusTargetSchema,
  /** A public note for the reporter and everyone following (what was done, what happens next). */
  note: z.string().trim().max(2000).nullable().optional(),
});

export const transferSchema = z.strictObject({
  departmentId: idSchema,
  /** Why it is not this department's responsibility: public. */
  reason: writtenText(5, 2000),
});

export const reopenSchema = z.strictObject({ reason: writtenText(5, 2000) });

export const recordNumbersSchema = z.object({
  received: z.number(),
  open: z.number(),
  fixed: z.number(),
  fixedOnTime: z.number(),
  fixedOnTimeShare: z.number().nullable(),
  medianWorkingDaysToFix: z.number().nullable(),
  reopened: z.number(),
  reopenedShare: z.number().nullable(),
  overdueNow: z.number(),
  transferredAway: z.number(),
});

export const recordsResponseSchema = z.object({
  departments: z.array(z.object({ department: organizationRefSchema, record: recordNumbersSchema })),
});

export const recordResponseSchema = z.object({
  department: organizationRefSchema,
  record: recordNumbersSchema,
  /** The kinds of problem this department handles by default or in some areas. */
  categories: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), nameZh: z.string().nullable(), workingDays: z.number() })),
  overdue: z.array(reportSummarySchema),
  recent: z.array(reportSummarySchema),
});

export const apiKeySchema = z.object({
  id: z.string(),
  label: z.string(),
  organization: organizationRefSchema.nullable(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  reportCount: z.number(),
});

export const open311SettingsSchema = z.object({
  jurisdictionId: z.string(),
  contact: z.string(),
  keyService: z.string(),
});

export const apiKeysResponseSchema = z.object({
  keys: z.array(apiKeySchema),
  settings: open311SettingsSchema,
  /** The service discovery URL for Open311 clients. */
  discoveryUrl: z.string(),
});

export const createApiKeySchema = z.strictObject({
  label: z.string().trim().min(2).max(120),
  organizationId: idSchema.nullable().optional(),
});

export const createdApiKeySchema = z.object({
  key: apiKeySchema,
  /** The key itself: shown this once, never stored. */
  secret: z.string(),
});

export const open311SettingsInputSchema = z.strictObject({
  jurisdictionId: slugSchema,
  contact: z.string().trim().max(500).optional(),
  keyService: z.string().trim().max(500).optional(),
});

export type Category = z.infer<typeof categorySchema>;
export type CategoriesResponse = z.infer<typeof categoriesResponseSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportList = z.infer<typeof listResponseSchema>;
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type ReportStateName = z.infer<typeof reportStateSchema>;
export type RecordNumbers = z.infer<typeof recordNumbersSchema>;
export type RecordsResponse = z.infer<typeof recordsResponseSchema>;
export type RecordResponse = z.infer<typeof recordResponseSchema>;
export type ApiKey = z.infer<typeof apiKeySchema>;
export type ApiKeysResponse = z.infer<typeof apiKeysResponseSchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export type Open311Settings = z.infer<typeof open311SettingsSchema>;
