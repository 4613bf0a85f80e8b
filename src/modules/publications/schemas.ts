import { z } from 'zod';
import { attachmentViewSchema } from '../../core/attachments/routes.js';
import { idSchema, slugSchema, writtenText } from '../../core/http/schemas.js';
import { MAX_PUBLICATION_ATTACHMENTS, MAX_PUBLICATION_LINKS } from './rules.js';
import { PUBLICATION_CATEGORIES } from './tables.js';

/**
 * Input and output of the publication register's API: the source of validation, of the OpenAPI
 * document and (through `z.infer`) of the types the module's pages use.
 */

export const categorySchema = z.enum(PUBLICATION_CATEGORIES);
export const statusSchema = z.enum(['draft', 'published', 'withdrawn']);
export const validitySchema = z.enum(['in_force', 'expired', 'not_yet']);

/** A calendar day that exists (`2026-02-30` does not). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= '1900-01-01';
  }, 'Not a date');

export const linkInputSchema = z.strictObject({
  /** A resource type with an adapter: `process`, `hearing`, `proposal`, `information_request`, ... */
  type: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  id: z.string().trim().min(1).max(100),
});

const fieldsSchema = {
  title: writtenText(5, 200),
  summary: writtenText(10, 5000),
  category: categorySchema,
  documentDate: daySchema,
  validFrom: daySchema.nullable().optional(),
  validUntil: daySchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  /** Uploaded files (POST /api/v1/attachments): PDF, CSV/XLSX/ODS, plain text, images; in order. */
  attachmentIds: z.array(idSchema).max(MAX_PUBLICATION_ATTACHMENTS).optional(),
  /** Records the document concerns. */
  links: z.array(linkInputSchema).max(MAX_PUBLICATION_LINKS).optional(),
};

export const createSchema = z.strictObject({
  departmentId: idSchema,
  ...fieldsSchema,
  /** Publish at once instead of saving a draft. */
  publish: z.boolean().optional(),
});

export const updateSchema = z.strictObject({
  ...fieldsSchema,
  /** Required once published: what was corrected (shown as "updated on" with this note). */
  changeNote: z.string().trim().max(500).nullable().optional(),
});

export const withdrawSchema = z.strictObject({ reason: writtenText(10, 2000) });

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: idSchema.optional(),
  category: categorySchema.optional(),
  areaId: idSchema.optional(),
  /** Document dates from and to, inclusive. */
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** `draft` lists the drafts the caller may see (their departments'; all for administrators). */
  status: statusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const feedQuerySchema = z.object({
  /** One department's publications (its slug). */
  department: slugSchema.optional(),
  category: categorySchema.optional(),
});

const departmentRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });

export const publicationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The summary, shortened for lists. */
  excerpt: z.string(),
  category: categorySchema,
  status: statusSchema,
  department: departmentRefSchema,
  areaId: z.string().nullable(),
  documentDate: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** In force, expired or not yet in force today; null without a validity period. */
  validity: validitySchema.nullable(),
  publishedAt: z.string().nullable(),
  /** The last correction after publication. */
  correctedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  attachmentCount: z.number(),
});

export const listResponseSchema = z.object({
  publications: z.array(publicationSummarySchema),
  total: z.number(),
  abilities: z.object({
    /** Whether the caller may prepare publications (for at least one department). */
    create: z.boolean(),
    /** Whether the caller may see drafts (the status filter). */
    drafts: z.boolean(),
  }),
});

export const linkViewSchema = z.object({ type: z.string(), id: z.string(), title: z.string(), path: z.string() });

export const eventSchema = z.object({ kind: z.enum(['published', 'corrected', 'withdrawn']), note: z.string().nullable(), at: z.string() });

export const detailSchema = z.object({
  publication: publicationSummarySchema.extend({
    summary: z.string(),
    withdrawalReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    attachments: z.array(attachmentViewSchema),
  }),
  /** The records it concerns that the caller may see. */
  links: z.array(linkViewSchema),
  /** The public history. */
  events: z.array(eventSchema),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), withdraw: z.boolean(), delete: z.boolean() }),
  /** For the form: the raw links (type and id) as stored, for the department's staff; null for others. */
  linkInputs: z.array(linkInputSchema).nullable(),
});

export const linkTargetSchema = z.object({ type: z.string(), id: z.string(), title: z.string(), titleZh: z.string().nullable() });

export const optionsSchema = z.object({
  /** Every department (for the filter and the form). */
  departments: z.array(departmentRefSchema),
  /** The departments the caller may publish for. */
  myDepartmentIds: z.array(z.string()),
  categories: z.array(categorySchema),
  /** Records a publication may be linked to from the form: published processes and hearings, latest first. */
  linkTargets: z.array(linkTargetSchema),
  maxAttachments: z.number(),
  maxLinks: z.number(),
});

export const createdSchema = z.object({ id: z.string(), status: statusSchema });
export const stateSchema = z.object({ id: z.string(), status: statusSchema });

export type PublicationCategory = z.infer<typeof categorySchema>;
export type PublicationStatus = z.infer<typeof statusSchema>;
export type Validity = z.infer<typeof validitySchema>;
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;
export type PublicationList = z.infer<typeof listResponseSchema>;
export type PublicationDetail = z.infer<typeof detailSchema>;
export type PublicationOptions = z.infer<typeof optionsSchema>;
export type LinkView = z.infer<typeof linkViewSchema>;
export type LinkTarget = z.infer<typeof linkTargetSchema>;
export type PublicationEvent = z.infer<typeof eventSchema>;
