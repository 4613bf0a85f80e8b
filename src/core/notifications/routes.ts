import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../http/context.js';
import { authorize, notFound, requireUser } from '../http/context.js';
import { errorResponses } from '../http/schemas.js';
import { orFail } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';
import { canNotifications } from './policy.js';
import {
  followParamsSchema,
  followSchema,
  followStateSchema,
  listNotificationsQuerySchema,
  markReadBodySchema,
  notificationSchema,
} from './schemas.js';
import { followResource, readFollowState, unfollowResource, type FollowTarget } from './follow-resource.js';
import { countUnread, markNotificationsRead } from './mark-notifications-read.js';
import { listNotifications } from './list-notifications.js';
import { listFollows } from './list-follows.js';
import { deliveryEnvironmentFrom, setNotificationDelivery } from './delivery.js';

/**
 * Follows (any resource type a module registers, and verified organizations) and the signed-in
 * person's in-app notifications. Notifications always belong to the signed-in person themself,
 * also while a clerk assists a resident (a clerk never reads a resident's inbox); following is an
 * act, so while assisting it counts as the resident's, like other participation.
 */
export function notificationRoutes(app: App, ctx: AppContext): void {
  const { deps, catalog, resources } = ctx;
  const { db, clock } = deps;
  // The e-mail jobs write in every module's words and link to this site.
  setNotificationDelivery(deliveryEnvironmentFrom(ctx.config, catalog));

  /** The signed-in person themself (never the resident a clerk is assisting). */
  function owner(req: FastifyRequest): UserActor {
    requireUser(req);
    return req.session!.user;
  }

  /** The resource as the caller sees it; 404 for unknown types and for what they may not see. */
  async function visibleTarget(req: FastifyRequest, target: FollowTarget) {
    const adapter = resources.get(target.resourceType);
    if (!adapter) notFound();
    const info = await adapter.describe(db, target.resourceId, req.actor, clock.now());
    if (!info) notFound();
    return info;
  }

  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'My notifications, newest first, each with its message in my language',
      querystring: listNotificationsQuerySchema,
      response: { 200: z.object({ notifications: z.array(notificationSchema), nextBefore: z.number().nullable() }), ...errorResponses(400, 401) },
    },
  }, async (req) => {
    const me = owner(req);
    authorize(canNotifications(me, 'notifications.readOwn', null));
    const { unread, before, limit } = req.query;
    return listNotifications(db, catalog, req.locale, me.id, { unread: unread === 'true', before, limit });
  });

  app.get('/api/v1/notifications/unread-count', {
    schema: {
      tags: ['notifications'],
      summary: 'How many of my notifications are unread (for the bell in the header)',
      response: { 200: z.object({ count: z.number().int() }), ...errorResponses(401) },
    },
  }, async (req) => {
    const me = owner(req);
    authorize(canNotifications(me, 'notifications.readOwn', null));
    return { count: await countUnread(deps, me.id) };
  });

  app.post('/api/v1/notifications/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark some of my notifications (ids) or all of them as read; ids of others are ignored',
      body: markReadBodySchema,
      response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }), ...errorResponses(400, 401) },
    },
  }, async (req) => {
    const me = owner(req);
    authorize(canNotifications(me, 'notifications.markOwn', null));
    const body = req.body;
    return orFail(await markNotificationsRead(deps, me.id, body.all ? { all: true } : { ids: body.ids ?? [] }));
  });

  app.get('/api/v1/follows', {
    schema: {
      tags: ['notifications'],
      summary: 'What I follow, newest first',
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(50),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ follows: z.array(followSchema), total: z.number().int() }), ...errorResponses(400, 401) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canNotifications(actor, 'follows.readOwn', null));
    return listFollows(db, resources, actor, clock.now(), req.query);
  });

  app.get('/api/v1/follows/:resourceType/:resourceId', {
    schema: {
      tags: ['notifications'],
      summary: 'Whether I follow a resource and how many people follow it',
      params: followParamsSchema,
      response: { 200: followStateSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    await visibleTarget(req, req.params);
    return readFollowState(db, req.actor.kind === 'user' ? req.actor.id : null, req.params);
  });

  app.put('/api/v1/follows/:resourceType/:resourceId', {
    schema: {
      tags: ['notifications'],
      summary: 'Follow a resource (a process, proposal, debate, organization, ...): get its news in my notifications',
      params: followParamsSchema,
      response: { 200: followStateSchema, ...errorResponses(400, 401, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canNotifications(actor, 'follows.manageOwn', null));
    await visibleTarget(req, req.params);
    return orFail(await followResource(deps, actor, req.params));
  });

  app.delete('/api/v1/follows/:resourceType/:resourceId', {
    schema: {
      tags: ['notifications'],
      summary: 'Stop following a resource (also one that is no longer visible)',
      params: followParamsSchema,
      response: { 200: followStateSchema, ...errorResponses(400, 401, 404) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canNotifications(actor, 'follows.manageOwn', null));
    if (!resources.has(req.params.resourceType)) notFound();
    return orFail(await unfollowResource(deps, actor, req.params));
  });
}
