import { z } from 'zod';
import { idSchema, writtenText } from '../../core/http/schemas.js';

export const debateInputSchema = z.strictObject({
  title: writtenText(5, 200),
  description: writtenText(10, 10000),
  category: z.string().trim().max(60).nullable().optional(),
  /** Start the debate on behalf of an organization you represent. */
  organizationId: idSchema.nullable().optional(),
  /** Start the debate in the name of a post you hold. */
  postId: idSchema.nullable().optional(),
});

export const closeDebateSchema = z.strictObject({
  conclusion: writtenText(10, 10000),
});

export const debateListQuerySchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  category: z.string().trim().max(60).optional(),
  q: z.string().trim().max(100).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['newest', 'most_commented']).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const departmentRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() });
export const postRefSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), department: departmentRefSchema });

export const commentSummarySchema = z.object({ total: z.number(), inFavour: z.number(), against: z.number(), neutral: z.number() });

export const debateSchema = z.object({
  id: z.string(),
  processId: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  author: z.object({
    displayName: z.string(),
    organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }).nullable(),
    post: postRefSchema.nullable(),
  }),
  createdAt: z.string(),
  hidden: z.boolean(),
  conclusion: z.object({ text: z.string(), closedAt: z.string(), post: postRefSchema.nullable() }).nullable(),
  comments: commentSummarySchema,
});

export const processRefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  department: departmentRefSchema,
});

/** When an action of the process is open, and until when. */
export const windowSchema = z.object({ open: z.boolean(), until: z.string().nullable() });

export const authorshipSchema = z.object({
  kind: z.enum(['self', 'organization', 'post']),
  id: z.string().nullable(),
  name: z.string(),
  nameZh: z.string().nullable(),
});

export const debateListSchema = z.object({
  process: processRefSchema,
  debates: z.array(debateSchema),
  total: z.number(),
  categories: z.array(z.string()),
  creating: windowSchema,
  commenting: windowSchema,
  /** In whose name the caller may start a debate now (empty: they may not). */
  authorships: z.array(authorshipSchema),
  abilities: z.object({ create: z.boolean() }),
});

export const debateDetailSchema = z.object({
  process: processRefSchema,
  debate: debateSchema,
  commenting: windowSchema.extend({ stance: z.boolean() }),
  abilities: z.object({ close: z.boolean() }),
});
