import { z } from 'zod';
import { idSchema, writtenText } from '../../core/http/schemas.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const clauseInputSchema = z.strictObject({
  /** Keep the identity of a clause of an earlier version (its comments and opinions stay with it); leave out for a new clause. */
  clauseId: idSchema.nullable().optional(),
  label: z.string().trim().min(1).max(80),
  labelZh: optionalText(80),
  text: z.string().trim().min(1).max(20000),
  textZh: optionalText(20000),
});

export const draftInputSchema = z.strictObject({
  title: writtenText(5, 200),
  titleZh: optionalText(200),
  introduction: z.string().trim().max(10000).optional(),
  introductionZh: optionalText(10000),
  changeNote: optionalText(5000),
  changeNoteZh: optionalText(5000),
  clauses: z.array(clauseInputSchema).min(1).max(300),
});

export const opinionInputSchema = z.strictObject({ value: z.enum(['support', 'oppose']) });

export const alternativeInputSchema = z.strictObject({
  text: writtenText(5, 20000),
  reason: writtenText(5, 5000),
  /** Propose on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
});

export const reportInputSchema = z.strictObject({
  versionNumber: z.number().int().min(1).max(10000),
  summary: writtenText(10, 20000),
  summaryZh: optionalText(20000),
  items: z
    .array(
      z.strictObject({
        clauseId: idSchema,
        decision: z.enum(['accepted', 'partly_accepted', 'not_accepted']),
        reasoning: writtenText(5, 10000),
        reasoningZh: optionalText(10000),
        change: optionalText(10000),
        changeZh: optionalText(10000),
      }),
    )
    .max(300),
});

const departmentRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
export const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), department: departmentRefSchema });
const windowSchema = z.object({ open: z.boolean(), until: z.string().nullable() });

export const processRefSchema = z.object({ id: z.string(), slug: z.string(), title: z.string(), titleZh: z.string().nullable(), department: departmentRefSchema });

export const versionSummarySchema = z.object({
  number: z.number(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  titleZh: z.string().nullable(),
  changeNote: z.string().nullable(),
  changeNoteZh: z.string().nullable(),
  publishedAt: z.string().nullable(),
  post: postRefSchema.nullable(),
});

export const versionSchema = versionSummarySchema.extend({ introduction: z.string(), introductionZh: z.string().nullable() });

export const clauseViewSchema = z.object({
  id: z.string(),
  position: z.number(),
  label: z.string(),
  labelZh: z.string().nullable(),
  text: z.string(),
  textZh: z.string().nullable(),
  counts: z.object({ comments: z.number(), supports: z.number(), opposes: z.number(), alternatives: z.number() }),
  /** The caller's own opinion on the clause. */
  myOpinion: z.enum(['support', 'oppose']).nullable(),
  /** The clause is part of the current version (people act only on those). */
  current: z.boolean(),
});

export const reportSchema = z.object({
  id: z.string(),
  versionNumber: z.number(),
  summary: z.string(),
  summaryZh: z.string().nullable(),
  publishedAt: z.string(),
  post: postRefSchema.nullable(),
  items: z.array(
    z.object({
      clauseId: z.string(),
      label: z.string(),
      labelZh: z.string().nullable(),
      decision: z.enum(['accepted', 'partly_accepted', 'not_accepted']),
      reasoning: z.string(),
      reasoningZh: z.string().nullable(),
      change: z.string().nullable(),
      changeZh: z.string().nullable(),
      counts: z.object({ comments: z.number(), alternatives: z.number() }),
    }),
  ),
});

export const regulationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  titleZh: z.string().nullable(),
  currentVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  clauses: z.number(),
  comments: z.number(),
  reports: z.number(),
  hasDraft: z.boolean(),
});

export const regulationListSchema = z.object({
  process: processRefSchema,
  regulations: z.array(regulationSummarySchema),
  consultation: z.object({ comment: windowSchema, support: windowSchema, amend: windowSchema }),
  abilities: z.object({ create: z.boolean() }),
});

export const regulationDetailSchema = z.object({
  process: processRefSchema,
  regulation: regulationSummarySchema.omit({ clauses: true, comments: true, reports: true }).extend({ department: departmentRefSchema }),
  versions: z.array(versionSummarySchema),
  /** The version shown: the one asked for, else the current one (the draft for the department before the first publication). */
  version: versionSchema,
  clauses: z.array(clauseViewSchema),
  /** Comments on the regulation as a whole (not on a clause). */
  generalComments: z.number(),
  reports: z.array(reportSchema),
  consultation: z.object({ comment: windowSchema, support: windowSchema, amend: windowSchema }),
  /** For the department: clauses the next response report must answer. */
  awaitingResponse: z.array(z.string()),
  abilities: z.object({
    support: z.boolean(),
    amend: z.boolean(),
    /** Organizations the caller may propose alternative wording for. */
    amendFor: z.array(z.object({ id: z.string(), name: z.string(), nameZh: z.string().nullable() })),
    edit: z.boolean(),
    publish: z.boolean(),
    report: z.boolean(),
  }),
});

export const draftSchema = z.object({
  regulationId: z.string(),
  /** The number the draft will have when published. */
  number: z.number(),
  /** False when no draft is saved yet and this is a copy of the current version to start from. */
  saved: z.boolean(),
  title: z.string(),
  titleZh: z.string().nullable(),
  introduction: z.string(),
  introductionZh: z.string().nullable(),
  changeNote: z.string().nullable(),
  changeNoteZh: z.string().nullable(),
  clauses: z.array(z.object({ clauseId: z.string(), label: z.string(), labelZh: z.string().nullable(), text: z.string(), textZh: z.string().nullable() })),
  updatedAt: z.string().nullable(),
});

const diffPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const clauseTextSchema = z.object({ id: z.string(), position: z.number(), label: z.string(), labelZh: z.string().nullable(), text: z.string(), textZh: z.string().nullable() });

export const comparisonSchema = z.object({
  regulation: z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable() }),
  from: versionSummarySchema,
  to: versionSummarySchema,
  summary: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
  clauses: z.array(
    z.object({
      clauseId: z.string(),
      status: z.enum(['added', 'removed', 'changed', 'unchanged']),
      from: clauseTextSchema.nullable(),
      to: clauseTextSchema.nullable(),
      moved: z.boolean(),
      labelChanged: z.boolean(),
      diff: z.array(diffPartSchema).nullable(),
      diffZh: z.array(diffPartSchema).nullable(),
    }),
  ),
});

export const alternativeSchema = z.object({
  id: z.string(),
  clauseId: z.string(),
  versionNumber: z.number(),
  text: z.string(),
  reason: z.string(),
  author: z.object({ displayName: z.string(), organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }).nullable() }),
  createdAt: z.string(),
  hidden: z.boolean(),
});

export const opinionCountsSchema = z.object({ supports: z.number(), opposes: z.number(), mine: z.enum(['support', 'oppose']).nullable() });
