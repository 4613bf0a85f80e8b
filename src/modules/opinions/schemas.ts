import { z } from 'zod';
import { idSchema, writtenText } from '../../core/http/schemas.js';
import { STATEMENT_MAX_LENGTH } from './rules.js';

/**
 * Input and output of the opinion-map API: the source of validation, of the OpenAPI document and
 * (through `z.infer`) of the types the module's pages use. No response carries an account id:
 * participants appear only as per-conversation numbers (`pid`).
 */

export const moderationModeSchema = z.enum(['pre', 'post']);
export const participationSchema = z.enum(['verified', 'registered']);
export const statementStatusSchema = z.enum(['pending', 'accepted', 'rejected']);
export const voteNameSchema = z.enum(['agree', 'disagree', 'pass']);

const statementText = writtenText(3, STATEMENT_MAX_LENGTH);
const statementTextZh = z.string().trim().max(STATEMENT_MAX_LENGTH).nullable().optional();

export const seedStatementSchema = z.strictObject({ body: statementText, bodyZh: statementTextZh });

export const conversationSettingsSchema = z.strictObject({
  topic: writtenText(3, 200),
  topicZh: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  descriptionZh: z.string().trim().max(5000).nullable().optional(),
  /** Whether participants may add statements (default yes). */
  residentsWrite: z.boolean().optional(),
  /** `pre`: new statements hidden until accepted; `post` (default): shown until rejected. */
  moderation: moderationModeSchema.optional(),
  /** `verified` (default): verified residents only; `registered`: any registered person. */
  participation: participationSchema.optional(),
});

export const createConversationSchema = conversationSettingsSchema.extend({
  /** Statements to start with, accepted at once. */
  seeds: z.array(seedStatementSchema).max(100).optional(),
});

export const updateConversationSchema = conversationSettingsSchema.partial();

export const seedStatementsSchema = z.strictObject({ statements: z.array(seedStatementSchema).min(1).max(100) });
export const writeStatementSchema = z.strictObject({ body: statementText });
export const voteSchema = z.strictObject({ statementId: idSchema, vote: voteNameSchema });
export const moderateSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  /** A statement about the conversation itself ("this is confusing"): shown, but left out of the map. */
  meta: z.boolean().optional(),
});

const MAX_FILE = 8 * 1024 * 1024;
export const importSchema = conversationSettingsSchema.extend({
  /** The texts of a Polis openData folder's files: comments.csv with votes.csv, or participants-votes.csv. */
  files: z.strictObject({
    comments: z.string().min(1).max(MAX_FILE),
    votes: z.string().max(MAX_FILE).optional(),
    participantsVotes: z.string().max(MAX_FILE).optional(),
  }),
});

export const moderationQuerySchema = z.object({
  status: statementStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const exportFileSchema = z.enum(['comments.csv', 'votes.csv', 'participants-votes.csv']);

const organizationRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
const refusalSchema = z.object({ code: z.string(), message: z.string() }).describe('Why the caller cannot do this now, in their language');

export const processRefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  department: organizationRefSchema,
  /** Until when voting and writing are open (null: closed now). */
  voteOpenUntil: z.string().nullable(),
  writeOpenUntil: z.string().nullable(),
  /** When the next phase with voting starts (null: none ahead). */
  voteOpensAt: z.string().nullable(),
});

export const conversationSummarySchema = z.object({
  id: z.string(),
  processId: z.string(),
  topic: z.string(),
  topicZh: z.string().nullable(),
  description: z.string(),
  descriptionZh: z.string().nullable(),
  residentsWrite: z.boolean(),
  moderation: moderationModeSchema,
  participation: participationSchema,
  importedFrom: z.string().nullable(),
  createdAt: z.string(),
  counts: z.object({ statements: z.number(), participants: z.number(), votes: z.number() }),
  mathComputedAt: z.string().nullable(),
});

export const conversationListSchema = z.object({
  conversations: z.array(conversationSummarySchema),
  process: processRefSchema,
  abilities: z.object({ create: z.boolean(), import: z.boolean() }),
});

export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  process: processRefSchema,
  abilities: z.object({ vote: z.boolean(), write: z.boolean(), seed: z.boolean(), moderate: z.boolean(), update: z.boolean() }),
  voteBlocked: refusalSchema.nullable(),
  writeBlocked: refusalSchema.nullable(),
  /** Statements waiting for moderation (only for those who moderate; null for others). */
  pending: z.number().nullable(),
  /** The caller's own statements not shown to others yet (waiting, or rejected). */
  myStatements: z.array(z.object({ id: z.string(), number: z.number(), body: z.string(), status: statementStatusSchema })),
});

export const statementViewSchema = z.object({
  id: z.string(),
  number: z.number(),
  body: z.string(),
  bodyZh: z.string().nullable(),
  isSeed: z.boolean(),
});

export const nextStatementSchema = z.object({
  statement: statementViewSchema.nullable(),
  /** Statements the caller voted on, of those shown now. */
  progress: z.object({ voted: z.number(), total: z.number() }),
});

export const voteResultSchema = z.object({ statementId: z.string(), vote: voteNameSchema, next: nextStatementSchema });
export const writeResultSchema = z.object({ id: z.string(), number: z.number(), status: statementStatusSchema, visible: z.boolean() });
export const seedResultSchema = z.object({ statements: z.array(z.object({ id: z.string(), number: z.number() })) });

const tallySchema = z.object({ agree: z.number(), disagree: z.number(), pass: z.number() });

export const moderationListSchema = z.object({
  statements: z.array(
    statementViewSchema.extend({
      status: statementStatusSchema,
      isMeta: z.boolean(),
      /** Written by a participant (not a seed and not imported). */
      byParticipant: z.boolean(),
      createdAt: z.string(),
      moderatedAt: z.string().nullable(),
      votes: tallySchema,
    }),
  ),
  counts: z.object({ pending: z.number(), accepted: z.number(), rejected: z.number() }),
  moderation: moderationModeSchema,
});

export const moderateResultSchema = z.object({ id: z.string(), status: statementStatusSchema, isMeta: z.boolean() });

/** One opinion group: its label letter, size, centre and most representative statements. */
export const mapGroupSchema = z.object({
  id: z.number(),
  /** "A", "B", ... in order of the group ids. */
  label: z.string(),
  memberCount: z.number(),
  center: z.tuple([z.number(), z.number()]),
  representative: z.array(
    z.object({
      number: z.number(),
      /** Whether the group stands out by agreeing or by disagreeing. */
      repfulFor: z.enum(['agree', 'disagree']),
      /** The group's share that agreed (or disagreed), Polis's estimate (votes + 1) / (seen + 2). */
      probability: z.number(),
      /** How much more (or less) than the rest of the participants. */
      repness: z.number(),
    }),
  ),
});

export const mapStatementSchema = z.object({
  number: z.number(),
  id: z.string(),
  body: z.string(),
  bodyZh: z.string().nullable(),
  isSeed: z.boolean(),
  isMeta: z.boolean(),
  /** Votes over everyone, now. */
  votes: tallySchema,
  /** Votes of each group (aligned with `groups`) at the time of the map. */
  groupVotes: z.array(tallySchema),
  /** Where someone who only agreed with it would be on the map (null when not placed). */
  position: z.tuple([z.number(), z.number()]).nullable(),
  /** Polis's group-informed consensus: the product over groups of the chance a member agrees. */
  groupConsensus: z.number().nullable(),
});

export const mathViewSchema = z.object({
  tick: z.number(),
  computedAt: z.string(),
  /** Everyone who voted, and how many of them are placed in groups (those with enough votes). */
  participants: z.number(),
  clustered: z.number(),
  groups: z.array(mapGroupSchema),
  /** The placed participants: pseudonymous number, position, index into `groups` (null: not in a group). */
  points: z.array(z.object({ pid: z.number().nullable(), x: z.number(), y: z.number(), group: z.number().nullable(), weight: z.number() })),
  statements: z.array(mapStatementSchema),
  /** Statements most agreed (or disagreed) with by everyone. */
  consensus: z.object({
    agree: z.array(z.object({ number: z.number(), probability: z.number() })),
    disagree: z.array(z.object({ number: z.number(), probability: z.number() })),
  }),
  /** The statements all groups agree with most (group-informed consensus), best first. */
  groupAware: z.array(z.object({ number: z.number(), value: z.number() })),
});

export const meSchema = z.object({
  pid: z.number(),
  votes: z.number(),
  /** Where the caller is on the map, and their group's index (null until they voted enough). */
  position: z.tuple([z.number(), z.number()]).nullable(),
  group: z.number().nullable(),
});

export const resultsSchema = z.object({
  conversation: conversationSummarySchema,
  process: processRefSchema,
  math: mathViewSchema.nullable(),
  /** Only the caller's own place; nobody else's account is ever linked to a number. */
  me: meSchema.nullable(),
});

export const importResultSchema = z.object({
  id: z.string(),
  statements: z.number(),
  participants: z.number(),
  votes: z.number(),
  warnings: z.array(z.string()),
});

export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
export type ConversationList = z.infer<typeof conversationListSchema>;
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
export type ProcessRef = z.infer<typeof processRefSchema>;
export type StatementView = z.infer<typeof statementViewSchema>;
export type NextStatement = z.infer<typeof nextStatementSchema>;
export type VoteResult = z.infer<typeof voteResultSchema>;
export type WriteResult = z.infer<typeof writeResultSchema>;
export type SeedResult = z.infer<typeof seedResultSchema>;
export type ModerationList = z.infer<typeof moderationListSchema>;
export type MathView = z.infer<typeof mathViewSchema>;
export type MapGroup = z.infer<typeof mapGroupSchema>;
export type MapStatement = z.infer<typeof mapStatementSchema>;
export type Me = z.infer<typeof meSchema>;
export type Results = z.infer<typeof resultsSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type VoteNameValue = z.infer<typeof voteNameSchema>;
export type ModerationModeName = z.infer<typeof moderationModeSchema>;
export type ParticipationName = z.infer<typeof participationSchema>;
export type StatementStatusName = z.infer<typeof statementStatusSchema>;
