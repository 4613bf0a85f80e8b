import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { authorize, notFound, requireUser } from '../http/context.js';
import { fail, FailureError, orFail } from '../errors.js';
import { errorResponses, idSchema } from '../http/schemas.js';
import type { Actor } from '../permissions/actor.js';
import type { ResourceInfo } from '../resources.js';
import { canComment } from './policy.js';
import { readCommentEditMinutes } from './settings.js';
import { MAX_COMMENT_DEPTH } from './rules.js';
import { listComments } from './queries/list-comments.js';
import { commentSummariesByAnchor, commentSummary } from './queries/comment-summary.js';
import { createComment } from './operations/create-comment.js';
import { editComment } from './operations/edit-comment.js';
import { deleteComment } from './operations/delete-comment.js';
import { voteComment } from './operations/vote-comment.js';
import {
  anchorSchema,
  commentOrderSchema,
  commentSummarySchema,
  commentThreadSchema,
  createCommentBody,
  editCommentBody,
  resourceIdSchema,
  resourceTypeSchema,
  voteBody,
  voteResultSchema,
} from './schemas.js';

/** Comments on any registered resource: the thread with its summary and abilities, writing, editing, deleting, voting. */
export function commentRoutes(app: App, ctx: AppContext): void {
  const { deps, resources } = ctx;
  const { db, clock } = deps;
  const opDeps = { ...deps, resources };

  /** The resource as the actor sees it now, or a 400 (unknown type) / 404 (absent or not visible). */
  async function describe(resourceType: string, resourceId: string, actor: Actor): Promise<ResourceInfo> {
    const adapter = resources.get(resourceType);
    if (!adapter) throw new FailureError(fail('unknown_resource_type', { fields: [{ path: 'resourceType', code: 'unknown_resource_type' }] }));
    const info = await adapter.describe(db, resourceId, actor, clock.now());
    if (!info) notFound();
    return info;
  }

  app.get('/api/v1/comments', {
    schema: {
      tags: ['comments'],
      summary: 'The comment thread of a resource (or one anchor of it, e.g. a clause) with its stance summary and what the caller may do',
      querystring: z.object({
        resourceType: resourceTypeSchema,
        resourceId: resourceIdSchema,
        anchor: anchorSchema.optional(),
        order: commentOrderSchema.default('oldest'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: commentThreadSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { resourceType, resourceId, anchor, order, limit, offset } = req.query;
    const actor = req.actor;
    const info = await describe(resourceType, resourceId, actor);
    const now = clock.now();
    const editMinutes = await readCommentEditMinutes(db);
    const [thread, summary] = await Promise.all([
      listComments(db, actor, { resourceType, resourceId, anchor, order, limit, offset, commentingOpen: info.commenting.open, editMinutes, now }),
      commentSummary(db, resourceType, resourceId, anchor),
    ]);
    const may = canComment(actor, 'comment.create', {});
    const reason = !may.allow ? may.reason : info.commenting.open ? null : 'commenting_closed';
    const user = actor.kind === 'user' && !actor.blocked ? actor : null;
    return {
      resource: {
        type: resourceType,
        id: resourceId,
        title: info.title,
        path: info.path,
        commenting: { open: info.commenting.open, stance: info.commenting.stance, until: info.commenting.until?.toISOString() ?? null },
      },
      summary,
      comments: thread.comments,
      totalThreads: thread.totalThreads,
      editWindowMinutes: editMinutes,
      maxDepth: MAX_COMMENT_DEPTH,
      abilities: { comment: reason === null, reason },
      speakAs: {
        organizations: (user?.memberships ?? [])
          .filter((m) => m.role === 'representative' && m.status === 'verified')
          .map((m) => ({ id: m.organizationId, name: m.name, nameZh: m.nameZh })),
        posts: user && !user.assistedBy
          ? user.posts.map((p) => ({ id: p.id, title: p.title, titleZh: p.titleZh, departmentName: p.organizationName, departmentNameZh: p.organizationNameZh }))
          : [],
      },
    };
  });

  app.get('/api/v1/comments/summary', {
    schema: {
      tags: ['comments'],
      summary: 'How many comments a resource has, in favour, against and neutral, in all and per anchor',
      querystring: z.object({ resourceType: resourceTypeSchema, resourceId: resourceIdSchema }),
      response: {
        200: z.object({ summary: commentSummarySchema, anchors: z.array(z.object({ anchor: z.string().nullable(), summary: commentSummarySchema })) }),
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const { resourceType, resourceId } = req.query;
    await describe(resourceType, resourceId, req.actor);
    const [summary, anchors] = await Promise.all([commentSummary(db, resourceType, resourceId), commentSummariesByAnchor(db, resourceType, resourceId)]);
    return { summary, anchors };
  });

  app.post('/api/v1/comments', {
    schema: {
      tags: ['comments'],
      summary: 'Comment on a resource or reply to a comment (signed-in accounts; optionally for an organization you represent or as an official in your post)',
      body: createCommentBody,
      response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const body = req.body;
    authorize(canComment(actor, 'comment.create', { organizationId: body.organizationId, postId: body.postId }));
    const result = orFail(await createComment(opDeps, actor, body));
    reply.status(201);
    return result;
  });

  async function authorOf(id: string): Promise<string> {
    const row = await db.selectFrom('comments').select('author_id').where('id', '=', id).executeTakeFirst();
    if (!row) notFound();
    return row.author_id;
  }

  app.patch('/api/v1/comments/:id', {
    schema: {
      tags: ['comments'],
      summary: 'Edit your own comment within the edit window (15 minutes unless configured otherwise)',
      params: z.object({ id: idSchema }),
      body: editCommentBody,
      response: { 200: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canComment(actor, 'comment.edit', { authorId: await authorOf(req.params.id) }));
    orFail(await editComment(opDeps, actor, { id: req.params.id, ...req.body }));
    return { id: req.params.id };
  });

  app.delete('/api/v1/comments/:id', {
    schema: {
      tags: ['comments'],
      summary: 'Delete your own comment (its replies stay; the thread shows "comment deleted")',
      params: z.object({ id: idSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canComment(actor, 'comment.delete', { authorId: await authorOf(req.params.id) }));
    orFail(await deleteComment(deps, actor, { id: req.params.id }));
    return reply.status(204).send(null);
  });

  app.put('/api/v1/comments/:id/vote', {
    schema: {
      tags: ['comments'],
      summary: 'Vote a comment up (1) or down (-1), or take your vote back (0); one vote per person',
      params: z.object({ id: idSchema }),
      body: voteBody,
      response: { 200: voteResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canComment(actor, 'comment.vote', null));
    return orFail(await voteComment(opDeps, actor, { id: req.params.id, value: req.body.value }));
  });
}
