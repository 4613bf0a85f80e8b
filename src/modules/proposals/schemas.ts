import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { MAX_PROPOSAL_ATTACHMENTS } from './rules.js';
import { z } from 'zod';
import { emailSchema, idSchema, writtenText } from '../../core/http/schemas.js';

/**
 * Input and output of the proposals API: the source of validation, of the OpenAPI document and
 * (through `z.infer`) of the types the module's pages use.
 */

export const proposalStateSchema = z.enum(['draft', 'published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn']);
export const answerStateSchema = z.enum(['evaluating', 'accepted', 'rejected']);
export const sortSchema = z.enum(['supports', 'newest', 'random']);

const titleSchema = writtenText(5, 150);
const bodySchema = writtenText(15, 10_000);

/** The fields authors write, for creating (all required but the optional ones) and editing (all optional). */
export const proposalFieldsSchema = z.strictObject({
  title: titleSchema,
  body: bodySchema,
  areaId: idSchema.nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  coauthorEmails: z.array(emailSchema).max(10).optional(),
  coalitionOrganizationIds: z.array(idSchema).max(10).optional(),
  /** Uploaded files (POST /api/v1/attachments) to attach, in order; on editing, the full list that stays. */
  attachmentIds: z.array(idSchema).max(MAX_PROPOSAL_ATTACHMENTS).optional(),
});

export const createProposalSchema = proposalFieldsSchema.extend({
  /** Propose on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
  /** Publish at once (otherwise a draft only you see). */
  publish: z.boolean().optional(),
});

export const updateProposalSchema = proposalFieldsSchema.partial().extend({
  /** The current co-authors who stay (all stay when left out); `coauthorEmails` adds new ones. */
  coauthorIds: z.array(idSchema).max(10).optional(),
});

export const answerSchema = z.strictObject({
  state: answerStateSchema,
  /** The reasoning, public; required when rejecting. */
  answer: z.string().trim().max(10_000).nullable().optional(),
});

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  areaId: idSchema.optional(),
  category: z.string().trim().max(60).optional(),
  state: proposalStateSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  sort: sortSchema.default('newest'),
  /** The visitor's seed for `random`, kept by the page so paging stays stable. */
  seed: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const deadlineSchema = z
  .object({
    /** due: working days left (0: due today); overdue: working days late; answered: the answer came. */
    state: z.enum(['due', 'overdue', 'answered']),
    workingDays: z.number(),
    dueAt: z.string(),
    /** For an answered proposal, whether the answer came after the due date. */
    answeredLate: z.boolean().nullable(),
  })
  .describe('The answer deadline in working days, computed at read time from the working-day calendar');

export const proposalSummarySchema = z.object({
  id: z.string(),
  processId: z.string(),
  title: z.string(),
  excerpt: z.string(),
  state: proposalStateSchema,
  supportsCount: z.number(),
  supportThreshold: z.number(),
  category: z.string().nullable(),
  areaId: z.string().nullable(),
  author: z.object({ displayName: z.string(), organization: organizationRefSchema.nullable() }),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  qualifiedAt: z.string().nullable(),
  deadline: deadlineSchema.nullable(),
  hidden: z.boolean(),
  supportedByMe: z.boolean(),
});

export const processBriefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  areaId: z.string().nullable(),
  supportThreshold: z.number(),
  answerWorkingDays: z.number(),
  supportsPerPerson: z.number().nullable(),
  editWindowMinutes: z.number(),
  department: organizationRefSchema,
  /** Until when proposing / supporting is open (null: closed now). */
  proposeOpenUntil: z.string().nullable(),
  supportOpenUntil: z.string().nullable(),
});

export const listResponseSchema = z.object({
  proposals: z.array(proposalSummarySchema),
  total: z.number(),
  /** Categories already used in this process, as suggestions for the form and the filter. */
  categories: z.array(z.string()),
  process: processBriefSchema,
  /** Supports the caller has given in this process (null when there is no per-person limit or nobody is signed in). */
  supportsUsed: z.number().nullable(),
  abilities: z.object({ create: z.boolean() }),
  createBlocked: refusalSchema.nullable(),
  /** Verified organizations the caller may propose for. */
  organizations: z.array(organizationRefSchema),
});

export const myProposalsSchema = z.object({
  proposals: z.array(proposalSummarySchema.extend({ process: z.object({ slug: z.string(), title: z.string(), titleZh: z.string().nullable() }) })),
  total: z.number(),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['published', 'updated', 'qualified', 'evaluating', 'answered', 'withdrawn', 'answer_overdue', 'hidden', 'restored']),
  state: z.string().nullable(),
  dueAt: z.string().nullable(),
  late: z.boolean().nullable(),
  supports: z.number().nullable(),
  post: postRefSchema.nullable(),
  department: organizationRefSchema.nullable(),
});

const personSchema = z.object({ id: z.string(), displayName: z.string() });
const officialSchema = z.object({ id: z.string(), displayName: z.string(), post: postRefSchema });

export const proposalDetailSchema = z.object({
  proposal: proposalSummarySchema.extend({
    body: z.string(),
    location: z.object({ latitude: z.number().nullable(), longitude: z.number().nullable(), address: z.string().nullable() }).nullable(),
    coauthors: z.array(personSchema),
    coalition: z.array(organizationRefSchema),
    attachments: z.array(attachmentViewSchema),
    updatedAt: z.string(),
    evaluatingAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    overdueAt: z.string().nullable(),
    /** Until when the authors may still edit it (null: not editable or a draft). */
    editableUntil: z.string().nullable(),
  }),
  process: processBriefSchema.extend({
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
    legalReference: z.string().nullable(),
  }),
  answer: z
    .object({
      state: z.enum(['accepted', 'rejected']),
      text: z.string().nullable(),
      answeredAt: z.string(),
      post: postRefSchema.nullable(),
      department: organizationRefSchema,
    })
    .nullable(),
  timeline: z.array(timelineEntrySchema),
  abilities: z.object({
    edit: z.boolean(),
    publish: z.boolean(),
    withdraw: z.boolean(),
    support: z.boolean(),
    unsupport: z.boolean(),
    answer: z.boolean(),
    assignEvaluator: z.boolean(),
    readNotes: z.boolean(),
    writeNote: z.boolean(),
  }),
  /** Why the caller cannot support now (null when they can, or already support it). */
  supportBlocked: refusalSchema.nullable(),
  /** For the department's officials and administrators: who evaluates it. */
  evaluators: z.array(officialSchema).nullable(),
  /** For the department's officials: who could be assigned. */
  evaluatorCandidates: z.array(officialSchema).nullable(),
});

export const supportResponseSchema = z.object({ supported: z.boolean(), supportsCount: z.number(), state: proposalStateSchema });

export const noteSchema = z.object({ id: z.string(), body: z.string(), createdAt: z.string(), author: personSchema.nullable(), post: postRefSchema.nullable() });

export const overdueItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: proposalStateSchema,
  supportsCount: z.number(),
  process: z.object({ slug: z.string(), title: z.string(), titleZh: z.string().nullable() }),
  department: organizationRefSchema,
  dueAt: z.string(),
  overdueWorkingDays: z.number(),
});

export type ProposalSummary = z.infer<typeof proposalSummarySchema>;
export type ProposalList = z.infer<typeof listResponseSchema>;
export type MyProposals = z.infer<typeof myProposalsSchema>;
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type ProposalNote = z.infer<typeof noteSchema>;
export type OverdueItem = z.infer<typeof overdueItemSchema>;
export type SupportResponse = z.infer<typeof supportResponseSchema>;
export type ProposalState = z.infer<typeof proposalStateSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
