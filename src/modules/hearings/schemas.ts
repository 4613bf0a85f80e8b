import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, urlSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_HEARING_DOCUMENTS, MAX_MINUTES_ATTACHMENTS } from './rules.js';

/**
 * Input and output of the hearings API: the source of validation, of the OpenAPI document and
 * (through `z.infer`) of the types the module's pages use.
 */

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const positionSchema = z.enum(['for', 'against', 'neutral']);
export const registrationKindSchema = z.enum(['attend', 'speak']);
export const registrationStatusSchema = z.enum(['applied', 'speaker', 'attendee', 'waiting', 'withdrawn']);
export const submissionKindSchema = z.enum(['question', 'opinion']);
export const decisionSchema = z.enum(['adopted', 'partly_adopted', 'not_adopted', 'under_study']);
export const stratificationSchema = z.enum(['none', 'proportional', 'quotas']);
export const stageSchema = z.enum(['cancelled', 'announced', 'registration_open', 'registration_closed', 'in_session', 'held', 'reported']);
/** A stratum's key: an area's slug, or "other" for applicants outside the hearing's areas. */
export const stratumKeySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

export const agendaItemSchema = z.strictObject({ title: z.string().trim().min(1).max(300), titleZh: optionalText(300) });
export const panelMemberInputSchema = z.strictObject({ postId: idSchema, role: z.enum(['chair', 'member']).default('member') });

/** What the department announces; on editing, everything is optional. */
const hearingFields = {
  processId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  title: writtenText(5, 200),
  titleZh: optionalText(200),
  description: z.string().trim().max(10_000).optional(),
  descriptionZh: optionalText(10_000),
  legalBasis: writtenText(3, 2000),
  legalBasisZh: optionalText(2000),
  legalReference: optionalText(500),
  startsAt: isoDate,
  endsAt: isoDate,
  location: optionalText(300),
  locationZh: optionalText(300),
  onlineUrl: urlSchema.nullable().optional(),
  agenda: z.array(agendaItemSchema).max(30).optional(),
  panel: z.array(panelMemberInputSchema).max(15).optional(),
  seats: z.number().int().min(0).max(100_000),
  speakingSlots: z.number().int().min(0).max(1000),
  registrationOpensAt: isoDate,
  registrationClosesAt: isoDate,
  stratification: stratificationSchema.optional(),
  /** Seats per stratum when `stratification` is `quotas`. */
  quotas: z.record(stratumKeySchema, z.number().int().min(0).max(100_000)).nullable().optional(),
  /** The public value the draw's seed will use, announced in advance. */
  drawPublicSource: optionalText(500),
  /** How many of the most co-signed written questions go on the agenda. */
  agendaQuestions: z.number().int().min(0).max(50).optional(),
  /** Working days after the hearing for the government's response report. */
  responseWorkingDays: z.number().int().min(1).max(120).optional(),
  /** Uploaded files (POST /api/v1/attachments): the hearing's documents, in order; on editing, the full list that stays. */
  attachmentIds: z.array(idSchema).max(MAX_HEARING_DOCUMENTS).optional(),
};

export const announceHearingSchema = z.strictObject({ departmentId: idSchema, ...hearingFields });
export const updateHearingSchema = z.strictObject(hearingFields).partial();

export const registerSchema = z.strictObject({
  kind: registrationKindSchema,
  position: positionSchema,
  /** A short statement of the applicant's view. */
  statement: writtenText(5, 1000),
  /** Apply on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
});

export const cancelSchema = z.strictObject({ reason: writtenText(5, 2000) });
export const drawSchema = z.strictObject({
  /** The public value announced for the seed; needed only when more people applied than there are places. */
  publicValue: z.string().trim().max(500).nullable().optional(),
});

export const submissionInputSchema = z.strictObject({ kind: submissionKindSchema, body: writtenText(10, 2000) });

export const minutesInputSchema = z.strictObject({
  minutes: writtenText(10, 50_000),
  minutesZh: optionalText(50_000),
  attachmentIds: z.array(idSchema).max(MAX_MINUTES_ATTACHMENTS).optional(),
  /** The questions asked at the hearing with the panel's answers, in order (replaces the list). */
  answers: z
    .array(
      z.strictObject({
        submissionId: idSchema.nullable().optional(),
        question: writtenText(3, 2000),
        questionZh: optionalText(2000),
        askedBy: optionalText(200),
        answer: writtenText(2, 5000),
        answerZh: optionalText(5000),
      }),
    )
    .max(100)
    .default([]),
});

export const reportInputSchema = z.strictObject({
  summary: writtenText(10, 10_000),
  summaryZh: optionalText(10_000),
  items: z
    .array(
      z.strictObject({
        submissionId: idSchema.nullable().optional(),
        opinion: writtenText(5, 2000),
        opinionZh: optionalText(2000),
        decision: decisionSchema,
        response: writtenText(5, 5000),
        responseZh: optionalText(5000),
        /** A process or proposal URL, or a free reference (a document number). */
        reference: optionalText(500),
      }),
    )
    .min(1)
    .max(50),
});

export const listQuerySchema = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  departmentId: idSchema.optional(),
  areaId: idSchema.optional(),
  processId: idSchema.optional(),
  /** Only hearings whose response report is overdue. */
  reportOverdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const icsQuerySchema = z.object({
  departmentId: idSchema.optional(),
  areaId: idSchema.optional(),
  lang: z.enum(['en', 'zh-CN']).optional(),
});

// ---------------------------------------------------------------------------------------------
// Responses

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const deadlineSchema = z
  .object({
    /** due: working days left (0: due today); overdue: working days late; answered: the report came. */
    state: z.enum(['due', 'overdue', 'answered']),
    workingDays: z.number(),
    dueAt: z.string(),
    answeredLate: z.boolean().nullable(),
  })
  .describe("The response report's deadline in working days after the hearing, computed at read time");

export const hearingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  department: organizationRefSchema,
  areaId: z.string().nullable(),
  process: z.object({ id: z.string(), slug: z.string(), title: z.string(), titleZh: z.string().nullable() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  locationZh: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  stage: stageSchema,
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  seats: z.number(),
  speakingSlots: z.number(),
  applicants: z.number(),
  deadline: deadlineSchema.nullable(),
});

export const panelMemberSchema = z.object({ role: z.enum(['chair', 'member']), post: postRefSchema, organization: organizationRefSchema });

export const registrationViewSchema = z.object({
  id: z.string(),
  kind: registrationKindSchema,
  position: positionSchema,
  statement: z.string(),
  status: registrationStatusSchema,
  organization: organizationRefSchema.nullable(),
  /** Place on the waiting list (1 = next in line). */
  waitingRank: z.number().nullable(),
  createdAt: z.string(),
});

export const speakerSchema = z.object({
  registrationId: z.string(),
  displayName: z.string(),
  organization: organizationRefSchema.nullable(),
  position: positionSchema,
  statement: z.string(),
});

export const answerViewSchema = z.object({
  id: z.string(),
  submissionId: z.string().nullable(),
  question: z.string(),
  questionZh: z.string().nullable(),
  askedBy: z.string().nullable(),
  answer: z.string(),
  answerZh: z.string().nullable(),
});

export const reportItemViewSchema = z.object({
  id: z.string(),
  submissionId: z.string().nullable(),
  opinion: z.string(),
  opinionZh: z.string().nullable(),
  decision: decisionSchema,
  response: z.string(),
  responseZh: z.string().nullable(),
  reference: z.string().nullable(),
});

export const stratumSchema = z.object({ key: z.string(), name: z.string(), nameZh: z.string().nullable() });

export const hearingDetailSchema = z.object({
  hearing: hearingSummarySchema.extend({
    description: z.string(),
    descriptionZh: z.string().nullable(),
    legalBasis: z.string(),
    legalBasisZh: z.string().nullable(),
    legalReference: z.string().nullable(),
    agenda: z.array(z.object({ title: z.string(), titleZh: z.string().nullable() })),
    panel: z.array(panelMemberSchema),
    attachments: z.array(attachmentViewSchema),
    stratification: stratificationSchema,
    quotas: z.record(z.string(), z.number()).nullable(),
    drawPublicSource: z.string().nullable(),
    agendaQuestions: z.number(),
    responseWorkingDays: z.number(),
    reportDueAt: z.string(),
    reportOverdueAt: z.string().nullable(),
    drawnAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Applications by position (for, against, neutral) and by wish to speak. */
    counts: z.object({ applicants: z.number(), wantToSpeak: z.number(), for: z.number(), against: z.number(), neutral: z.number() }),
  }),
  /** The strata of the draw: areas under the hearing's area, and "other". */
  strata: z.array(stratumSchema),
  myRegistration: registrationViewSchema.nullable(),
  /** Why the caller cannot register now (null when they can). */
  registrationBlocked: refusalSchema.nullable(),
  /** Verified organizations the caller may register for. */
  organizations: z.array(organizationRefSchema),
  /** Drawn (or admitted) speakers, in speaking order. */
  speakers: z.array(speakerSchema),
  minutes: z
    .object({ text: z.string(), textZh: z.string().nullable(), attachments: z.array(attachmentViewSchema), recordedAt: z.string(), post: postRefSchema.nullable() })
    .nullable(),
  answers: z.array(answerViewSchema),
  report: z
    .object({
      summary: z.string(),
      summaryZh: z.string().nullable(),
      items: z.array(reportItemViewSchema),
      publishedAt: z.string(),
      post: postRefSchema.nullable(),
      department: organizationRefSchema,
    })
    .nullable(),
  abilities: z.object({
    update: z.boolean(),
    /** Seats, speaking slots, registration dates and stratification can still change (not drawn yet). */
    updatePlaces: z.boolean(),
    cancel: z.boolean(),
    register: z.boolean(),
    withdraw: z.boolean(),
    submit: z.boolean(),
    draw: z.boolean(),
    readRegistrations: z.boolean(),
    recordMinutes: z.boolean(),
    publishReport: z.boolean(),
  }),
});

export const listResponseSchema = z.object({
  hearings: z.array(hearingSummarySchema),
  total: z.number(),
  /** Departments the caller may announce hearings for. */
  announceFor: z.array(organizationRefSchema),
  /** For those who may announce: the posts in government organizations that may sit on a panel. */
  panelCandidates: z.array(z.object({ post: postRefSchema, organization: organizationRefSchema })),
});

export const submissionViewSchema = z.object({
  id: z.string(),
  kind: submissionKindSchema,
  body: z.string(),
  author: z.object({ displayName: z.string(), organization: organizationRefSchema.nullable() }),
  cosignsCount: z.number(),
  cosignedByMe: z.boolean(),
  mine: z.boolean(),
  hidden: z.boolean(),
  /** For questions: place in the ranking (1 = most co-signed) and whether it made the agenda. */
  rank: z.number().nullable(),
  onAgenda: z.boolean(),
  createdAt: z.string(),
  canCosign: z.boolean(),
});

export const submissionsResponseSchema = z.object({
  submissions: z.array(submissionViewSchema),
  agendaQuestions: z.number(),
  abilities: z.object({ submit: z.boolean() }),
  submitBlocked: refusalSchema.nullable(),
});

export const cosignResponseSchema = z.object({ cosigned: z.boolean(), cosignsCount: z.number() });

export const registrationListSchema = z.object({
  registrations: z.array(
    registrationViewSchema.extend({
      user: z.object({ id: z.string(), displayName: z.string() }),
      stratum: z.string().nullable(),
      assisted: z.boolean(),
    }),
  ),
});

const drawResultSchema = z.object({
  order: z.array(z.string()),
  selected: z.array(z.string()),
  waiting: z.array(z.string()),
  quotas: z.record(z.string(), z.number()).nullable(),
  selectedPerStratum: z.record(z.string(), z.number()).nullable(),
});

/** Everything needed to re-run the draw, and its result: the file `civitas hearings draw` checks. */
export const drawRecordSchema = z.object({
  algorithm: z.string(),
  hearingId: z.string(),
  status: z.enum(['open', 'pending', 'drawn']),
  /** Whether a lot was needed (more applicants than places). */
  lot: z.boolean().nullable(),
  publicSource: z.string().nullable(),
  publicValue: z.string().nullable(),
  seed: z.string().nullable(),
  seats: z.number(),
  speakingSlots: z.number(),
  stratification: z.object({ mode: stratificationSchema, quotas: z.record(z.string(), z.number()).nullable() }),
  /** The pseudonymous applicant list (registration ids), published once registration has closed. */
  applicants: z.array(z.object({ id: z.string(), stratum: z.string(), speak: z.boolean() })).nullable(),
  applicantCount: z.number(),
  result: z.object({ speakers: drawResultSchema, seats: drawResultSchema }).nullable(),
  drawnAt: z.string().nullable(),
  post: postRefSchema.nullable(),
  strata: z.array(stratumSchema),
});

export type HearingSummary = z.infer<typeof hearingSummarySchema>;
export type HearingDetail = z.infer<typeof hearingDetailSchema>;
export type HearingList = z.infer<typeof listResponseSchema>;
export type SubmissionView = z.infer<typeof submissionViewSchema>;
export type SubmissionsResponse = z.infer<typeof submissionsResponseSchema>;
export type RegistrationList = z.infer<typeof registrationListSchema>;
export type DrawRecord = z.infer<typeof drawRecordSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type HearingStageName = z.infer<typeof stageSchema>;
export type PositionName = z.infer<typeof positionSchema>;
export type DecisionName = z.infer<typeof decisionSchema>;
export type RegistrationStatusName = z.infer<typeof registrationStatusSchema>;
export type CosignResponse = z.infer<typeof cosignResponseSchema>;
