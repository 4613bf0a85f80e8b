import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { canCore } from '../policy.js';
import { auditEntrySchema, errorResponses, idSchema } from '../http/schemas.js';
import { verifyAuditChain } from './audit-log.js';

/** The public audit log and its chain verification. */
export function auditRoutes(app: App, { deps }: AppContext): void {
  const { db } = deps;

  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries, newest first (public rows; administrators may ask for all with all=true)',
      querystring: z.object({
        before: z.coerce.number().int().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        action: z.string().max(80).optional(),
        resourceType: z.string().max(80).optional(),
        resourceId: z.string().max(80).optional(),
        organizationId: idSchema.optional(),
        all: z.enum(['true', 'false']).optional(),
      }),
      response: { 200: z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().nullable() }), ...errorResponses(400) },
    },
  }, async (req) => {
    const { before, limit, action, resourceType, resourceId, organizationId, all } = req.query;
    const seeAll = all === 'true' && canCore(req.actor, 'audit.readPrivate', null).allow;
    let query = db
      .selectFrom('audit_log as a')
      .leftJoin('posts as p', 'p.id', 'a.post_id')
      .leftJoin('organizations as o', 'o.id', 'a.organization_id')
      .leftJoin('organizations as po', 'po.id', 'p.organization_id')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select([
        'a.seq', 'a.at', 'a.action', 'a.resource_type', 'a.resource_id', 'a.actor_role', 'a.data', 'a.prev_hash', 'a.hash',
        'p.title as post_title', 'p.title_zh as post_title_zh',
        'o.name as org_name', 'o.name_zh as org_name_zh', 'po.name as post_org_name', 'po.name_zh as post_org_name_zh',
        'u.display_name',
      ]);
    if (!seeAll) query = query.where('a.public', '=', true);
    if (before) query = query.where('a.seq', '<', before);
    if (action) query = query.where('a.action', '=', action);
    if (resourceType) query = query.where('a.resource_type', '=', resourceType);
    if (resourceId) query = query.where('a.resource_id', '=', resourceId);
    if (organizationId) query = query.where('a.organization_id', '=', organizationId);
    const rows = await query.orderBy('a.seq', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    return {
      entries: page.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        actor: {
          role: r.actor_role,
          postTitle: r.post_title,
          postTitleZh: r.post_title_zh,
          organizationName: r.org_name ?? r.post_org_name,
          organizationNameZh: r.org_name_zh ?? r.post_org_name_zh,
          // Accountability has a name for officials and staff; residents stay unnamed in public.
          displayName: seeAll || ['official', 'administrator', 'moderator'].includes(r.actor_role) ? r.display_name : null,
        },
        data: r.data as Record<string, unknown>,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      nextBefore: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
    };
  });

  app.get('/api/v1/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Check the whole hash chain; names the first edited, deleted or reordered row',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number(),
          headHash: z.string().nullable(),
          firstBad: z.object({ seq: z.number(), problem: z.string() }).nullable(),
        }),
      },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async () => verifyAuditChain(db));
}
