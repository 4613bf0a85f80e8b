import { z } from 'zod';
import { idSchema } from '../http/schemas.js';

/** A registered resource type (`proposal`, `debate`, `comment`, ...). */
export const resourceTypeSchema = z.string().min(1).max(60).regex(/^[a-z][a-z0-9_]*$/);
/** A resource's id as its module gives it (a uuid, a slug, ...). */
export const resourceIdSchema = z.string().min(1).max(200);
export const anchorSchema = z.string().trim().min(1).max(100);
export const stanceSchema = z.enum(['in_favour', 'against', 'neutral']);
export const commentOrderSchema = z.enum(['oldest', 'newest', 'most_voted']);
export const commentBodySchema = z.string().trim().min(2).max(5000);

export const commentSummarySchema = z.object({ total: z.number(), inFavour: z.number(), against: z.number(), neutral: z.number() });

export const commentAuthorSchema = z.object({
  displayName: z.string(),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }).nullable(),
  post: z
    .object({
      id: z.string(),
      title: z.string(),
      titleZh: z.string().nullable(),
      department: z.object({ id: z.string(), slug: z.string(), name: z.string(), nameZh: z.string().nullable() }),
    })
    .nullable(),
});

export const commentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  depth: z.number(),
  anchor: z.string().nullable(),
  state: z.enum(['visible', 'hidden', 'deleted']),
  body: z.string().nullable(),
  stance: stanceSchema.nullable(),
  author: commentAuthorSchema.nullable(),
  own: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().nullable(),
  upvotes: z.number(),
  downvotes: z.number(),
  myVote: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean(), vote: z.boolean(), reply: z.boolean(), report: z.boolean() }),
});

export const commentThreadSchema = z.object({
  resource: z.object({
    type: z.string(),
    id: z.string(),
    title: z.string(),
    path: z.string(),
    commenting: z.object({ open: z.boolean(), stance: z.boolean(), until: z.string().nullable() }),
  }),
  summary: commentSummarySchema,
  comments: z.array(commentSchema),
  totalThreads: z.number(),
  editWindowMinutes: z.number(),
  maxDepth: z.number(),
  abilities: z.object({
    comment: z.boolean(),
    /** Why the caller cannot comment: not_authenticated, account_blocked or commenting_closed. */
    reason: z.string().nullable(),
  }),
  /** In whose name the caller may comment besides their own: organizations they represent, posts they hold. */
  speakAs: z.object({
    organizations: z.array(z.object({ id: z.string(), name: z.string(), nameZh: z.string().nullable() })),
    posts: z.array(z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), departmentName: z.string(), departmentNameZh: z.string().nullable() })),
  }),
});

export const createCommentBody = z
  .strictObject({
    resourceType: resourceTypeSchema,
    resourceId: resourceIdSchema,
    anchor: anchorSchema.nullable().optional(),
    parentId: idSchema.nullable().optional(),
    body: commentBodySchema,
    stance: stanceSchema.nullable().optional(),
    organizationId: idSchema.nullable().optional(),
    postId: idSchema.nullable().optional(),
  })
  .refine((b) => !(b.organizationId && b.postId), { message: 'validation.invalid', path: ['postId'] });

export const editCommentBody = z.strictObject({ body: commentBodySchema, stance: stanceSchema.nullable().optional() });
export const voteBody = z.strictObject({ value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) });
export const voteResultSchema = z.object({ upvotes: z.number(), downvotes: z.number(), myVote: z.union([z.literal(-1), z.literal(0), z.literal(1)]) });
