import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { authorize, requireUser } from '../http/context.js';
import { ok, orFail } from '../errors.js';
import { errorResponses } from '../http/schemas.js';
import { transact } from '../db/transact.js';
import { writeAudit } from '../audit/audit-log.js';
import { writeSetting } from '../settings.js';
import { readCommentEditMinutes } from '../comments/settings.js';
import { canModerate } from './policy.js';
import { readModerationThreshold } from './settings.js';
import { reportResource } from './operations/report-resource.js';
import { decideModeration } from './operations/decide-moderation.js';
import { blockAuthors } from './operations/block-authors.js';
import { listModerationQueue } from './queries/moderation-queue.js';
import { decisionReasonSchema, moderationParams, moderationSettingsSchema, queueItemSchema, reportBody } from './schemas.js';
import { resourceTypeSchema } from '../comments/schemas.js';

/** Reporting content, the moderators' queue and decisions, blocking authors, and the moderation settings. */
export function moderationRoutes(app: App, ctx: AppContext): void {
  const { deps, resources } = ctx;
  const { db, clock } = deps;
  const opDeps = { ...deps, resources };

  app.post('/api/v1/reports', {
    schema: {
      tags: ['moderation'],
      summary: 'Report content to the moderators (signed-in accounts; once per person per item); enough reports hide it until reviewed',
      body: reportBody,
      response: { 201: z.object({ reported: z.literal(true) }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    authorize(canModerate(actor, 'report.create', null));
    orFail(await reportResource(opDeps, actor, req.body));
    reply.status(201);
    return { reported: true as const };
  });

  app.get('/api/v1/moderation', {
    schema: {
      tags: ['moderation'],
      summary: 'The moderation queue: reported and hidden content with the reasons of its reports (moderators, administrators)',
      querystring: z.object({
        status: z.enum(['pending', 'hidden', 'restored', 'all']).default('pending'),
        resourceType: resourceTypeSchema.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(25),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(queueItemSchema), total: z.number() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canModerate(actor, 'moderation.read', null));
    return listModerationQueue(db, resources, actor, clock.now(), req.query);
  });

  app.post('/api/v1/moderation/:resourceType/:resourceId/decision', {
    schema: {
      tags: ['moderation'],
      summary: 'Hide content or restore it, with a reason told to its author and written in the public audit log (moderators, administrators)',
      params: moderationParams,
      body: z.strictObject({ decision: z.enum(['hide', 'restore']), reason: decisionReasonSchema }),
      response: { 200: z.object({ state: z.enum(['visible', 'hidden']), resolvedReports: z.number() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canModerate(actor, 'moderation.decide', null));
    return orFail(await decideModeration(opDeps, actor, { ...req.params, ...req.body }));
  });

  app.post('/api/v1/moderation/:resourceType/:resourceId/block-author', {
    schema: {
      tags: ['moderation'],
      summary: 'Block the account that wrote this content, with a reason (moderators; only administrators may block staff)',
      params: moderationParams,
      body: z.strictObject({ reason: decisionReasonSchema }),
      response: { 200: z.object({ blocked: z.number() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireUser(req);
    authorize(canModerate(actor, 'moderation.decide', null));
    return orFail(await blockAuthors(opDeps, actor, { ...req.params, reason: req.body.reason }));
  });

  async function presentSettings() {
    const [threshold, commentEditMinutes] = await Promise.all([readModerationThreshold(db), readCommentEditMinutes(db)]);
    return { threshold, commentEditMinutes };
  }

  app.get('/api/v1/moderation/settings', {
    schema: {
      tags: ['moderation'],
      summary: 'How many reports hide content, and how long comments stay editable (moderators, administrators)',
      response: { 200: moderationSettingsSchema, ...errorResponses(401, 403) },
    },
  }, async (req) => {
    requireUser(req);
    authorize(canModerate(req.actor, 'moderation.read', null));
    return presentSettings();
  });

  app.put('/api/v1/moderation/settings', {
    schema: {
      tags: ['moderation'],
      summary: 'Set the report threshold and the comment edit window (administrators)',
      body: z.strictObject({ threshold: z.number().int().min(1).max(100), commentEditMinutes: z.number().int().min(0).max(24 * 60) }),
      response: { 200: moderationSettingsSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    requireUser(req);
    authorize(canModerate(req.actor, 'moderation.configure', null));
    const body = req.body;
    await transact(db, async (trx) => {
      await writeSetting(trx, 'moderation_threshold', body.threshold);
      await writeSetting(trx, 'comment_edit_minutes', body.commentEditMinutes);
      await writeAudit(trx, req.actor, { action: 'moderation.settings_updated', resourceType: 'settings', resourceId: null, data: body, public: true }, clock.now());
      return ok(null);
    });
    return presentSettings();
  });
}
