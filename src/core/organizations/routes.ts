import { z } from 'zod';
import { sql, type ExpressionBuilder } from 'kysely';
import type { App, AppContext } from '../http/context.js';
import { authorize, notFound, requireUser } from '../http/context.js';
import { orFail } from '../errors.js';
import { canCore } from '../policy.js';
import { hasRole } from '../permissions/policy.js';
import type { Actor } from '../permissions/actor.js';
import type { Tables } from '../db/database.js';
import { emailSchema, errorResponses, idSchema, organizationSummarySchema, slugSchema, urlSchema } from '../http/schemas.js';
import {
  addMember,
  createGovernmentOrganization,
  decideOrganization,
  registerOrganization,
  removeMember,
  updateOrganization,
} from './manage-organizations.js';
import { createPost, updatePost } from './manage-posts.js';
import { areaSubtreeIds } from '../areas/routes.js';

const summaryColumns = ['o.id', 'o.slug', 'o.sector', 'o.kind', 'o.name', 'o.name_zh', 'o.description', 'o.area_id', 'o.status', 'o.is_supervisory', 'o.parent_id'] as const;

type SummaryRow = {
  id: string; slug: string; sector: 'government' | 'market' | 'society'; kind: string; name: string; name_zh: string | null;
  description: string; area_id: string | null; status: 'pending' | 'verified' | 'rejected'; is_supervisory: boolean; parent_id: string | null;
};

function presentSummary(o: SummaryRow) {
  return {
    id: o.id, slug: o.slug, sector: o.sector, kind: o.kind, name: o.name, nameZh: o.name_zh, description: o.description,
    areaId: o.area_id, status: o.status, isSupervisory: o.is_supervisory, parentId: o.parent_id,
  };
}

/** Which organizations the actor may see, as SQL: verified ones, plus their own, plus all for administrators. */
function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Tables & { o: Tables['organizations'] }, 'o'>) => {
    if (hasRole(actor, 'administrator')) return eb.val(true);
    const own = actor.kind === 'user' ? actor.memberships.map((m) => m.organizationId) : [];
    return own.length > 0 ? eb.or([eb('o.status', '=', 'verified'), eb('o.id', 'in', own)]) : eb('o.status', '=', 'verified');
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const kindSchema = z.enum(['enterprise', 'social_organization', 'community_group', 'ngo', 'association', 'government', 'department', 'supervisory_body']);

/** The public directory of organizations and departments, registration, verification, members and posts. */
export function organizationRoutes(app: App, { deps }: AppContext): void {
  const { db } = deps;

  async function loadBySlug(slug: string, actor: Actor) {
    const org = await db.selectFrom('organizations as o').selectAll('o').where('o.slug', '=', slug).executeTakeFirst();
    if (!org) notFound();
    // Others may not learn that a pending organization exists.
    if (!canCore(actor, 'organization.readPending', org).allow) notFound();
    return org;
  }

  app.get('/api/v1/organizations', {
    schema: {
      tags: ['organizations'],
      summary: 'Directory of organizations and government departments, filtered and searched',
      querystring: z.object({
        sector: z.enum(['government', 'market', 'society']).optional(),
        status: z.enum(['pending', 'verified', 'rejected']).optional(),
        q: z.string().trim().max(100).optional(),
        areaId: idSchema.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ organizations: z.array(organizationSummarySchema), total: z.number() }), ...errorResponses(400) },
    },
  }, async (req) => {
    const { sector, status, q, areaId, limit, offset } = req.query;
    const subtree = areaId ? await areaSubtreeIds(db, areaId) : null;
    let query = db.selectFrom('organizations as o').where(visibleTo(req.actor));
    if (sector) query = query.where('o.sector', '=', sector);
    if (status) query = query.where('o.status', '=', status);
    if (q) query = query.where(sql<string>`o.name || ' ' || coalesce(o.name_zh, '')`, 'ilike', `%${escapeLike(q)}%`);
    // City-wide government bodies (no area) serve every area.
    if (subtree) query = query.where((eb) => eb.or([eb('o.area_id', 'in', subtree), eb.and([eb('o.sector', '=', 'government'), eb('o.area_id', 'is', null)])]));
    const [rows, total] = await Promise.all([
      query.select(summaryColumns).orderBy('o.sector').orderBy('o.name').orderBy('o.id').limit(limit).offset(offset).execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { organizations: rows.map(presentSummary), total: total.n };
  });

  const registerBody = z.strictObject({
    sector: z.enum(['government', 'market', 'society']),
    kind: kindSchema,
    name: z.string().trim().min(2).max(160),
    nameZh: z.string().trim().max(160).nullable().optional(),
    description: z.string().trim().max(5000).default(''),
    areaId: idSchema.nullable().optional(),
    website: urlSchema.nullable().optional().or(z.literal('')),
    email: emailSchema.nullable().optional().or(z.literal('')),
    parentId: idSchema.nullable().optional(),
    isSupervisory: z.boolean().optional(),
  });

  app.post('/api/v1/organizations', {
    schema: {
      tags: ['organizations'],
      summary: 'Register an enterprise or social organization (pending verification); administrators create government bodies',
      body: registerBody,
      response: { 201: z.object({ organization: organizationSummarySchema }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req);
    const body = req.body;
    let created: { id: string };
    if (body.sector === 'government') {
      authorize(canCore(actor, 'organization.createGovernment', null));
      created = orFail(await createGovernmentOrganization(deps, actor, { ...body, description: body.description }));
    } else {
      authorize(canCore(actor, 'organization.register', null));
      if (body.parentId || body.isSupervisory) authorize({ allow: false, reason: 'forbidden' });
      const kind = ['government', 'department', 'supervisory_body'].includes(body.kind) ? 'social_organization' : body.kind;
      created = orFail(await registerOrganization(deps, actor, { ...body, sector: body.sector, kind }));
    }
    const row = await db.selectFrom('organizations as o').select(summaryColumns).where('o.id', '=', created.id).executeTakeFirstOrThrow();
    reply.status(201);
    return { organization: presentSummary(row) };
  });

  const detailSchema = z.object({
    organization: organizationSummarySchema.extend({
      website: z.string().nullable(),
      email: z.string().nullable(),
      statusReason: z.string().nullable(),
      createdAt: z.string(),
    }),
    members: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.enum(['representative', 'member']) })),
    posts: z.array(z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), holder: z.object({ userId: z.string(), displayName: z.string() }).nullable() })),
    children: z.array(organizationSummarySchema),
    parent: organizationSummarySchema.nullable(),
    abilities: z.object({ update: z.boolean(), manageMembers: z.boolean(), verify: z.boolean(), managePosts: z.boolean() }),
  });

  app.get('/api/v1/organizations/:slug', {
    schema: {
      tags: ['organizations'],
      summary: 'An organization or department with members, posts and what the caller may do',
      params: z.object({ slug: slugSchema }),
      response: { 200: detailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const org = await loadBySlug(req.params.slug, req.actor);
    const [members, posts, children, parent] = await Promise.all([
      db.selectFrom('organization_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'u.display_name', 'm.role']).where('m.organization_id', '=', org.id).orderBy('m.role', 'desc').orderBy('u.display_name').execute(),
      db.selectFrom('posts as p').leftJoin('users as u', 'u.id', 'p.holder_user_id')
        .select(['p.id', 'p.title', 'p.title_zh', 'p.holder_user_id', 'u.display_name']).where('p.organization_id', '=', org.id).orderBy('p.created_at').execute(),
      db.selectFrom('organizations as o').select(summaryColumns).where('o.parent_id', '=', org.id).where('o.status', '=', 'verified').orderBy('o.name').execute(),
      org.parent_id ? db.selectFrom('organizations as o').select(summaryColumns).where('o.id', '=', org.parent_id).executeTakeFirst() : undefined,
    ]);
    return {
      organization: { ...presentSummary(org), website: org.website, email: org.email, statusReason: org.status_reason, createdAt: org.created_at.toISOString() },
      members: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role })),
      posts: posts.map((p) => ({
        id: p.id, title: p.title, titleZh: p.title_zh,
        holder: p.holder_user_id ? { userId: p.holder_user_id, displayName: p.display_name ?? '' } : null,
      })),
      children: children.map(presentSummary),
      parent: parent ? presentSummary(parent) : null,
      abilities: {
        update: canCore(req.actor, 'organization.update', org).allow,
        manageMembers: canCore(req.actor, 'organization.manageMembers', org).allow,
        verify: canCore(req.actor, 'organization.verify', org).allow,
        managePosts: canCore(req.actor, 'organization.managePosts', org).allow,
      },
    };
  });

  app.patch('/api/v1/organizations/:slug', {
    schema: {
      tags: ['organizations'],
      summary: "Edit an organization's public details (its representatives, administrators)",
      params: z.object({ slug: slugSchema }),
      body: z.strictObject({
        name: z.string().trim().min(2).max(160).optional(),
        nameZh: z.string().trim().max(160).nullable().optional(),
        description: z.string().trim().max(5000).optional(),
        website: urlSchema.nullable().optional().or(z.literal('')),
        email: emailSchema.nullable().optional().or(z.literal('')),
        areaId: idSchema.nullable().optional(),
      }),
      response: { 200: z.object({ organization: organizationSummarySchema }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const org = await loadBySlug(req.params.slug, req.actor);
    authorize(canCore(req.actor, 'organization.update', org));
    orFail(await updateOrganization(deps, req.actor, { id: org.id, ...req.body }));
    const row = await db.selectFrom('organizations as o').select(summaryColumns).where('o.id', '=', org.id).executeTakeFirstOrThrow();
    return { organization: presentSummary(row) };
  });

  for (const decision of ['verify', 'reject'] as const) {
    app.post(`/api/v1/organizations/:slug/${decision}`, {
      schema: {
        tags: ['organizations'],
        summary: decision === 'verify' ? 'Verify a registered organization (administrators)' : 'Reject a registration with a reason (administrators)',
        params: z.object({ slug: slugSchema }),
        body: decision === 'reject' ? z.strictObject({ reason: z.string().trim().min(3).max(1000) }) : z.strictObject({}).nullish(),
        response: { 200: z.object({ organization: organizationSummarySchema }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      requireUser(req);
      const org = await loadBySlug(req.params.slug, req.actor);
      authorize(canCore(req.actor, 'organization.verify', org));
      const reason = (req.body as { reason?: string } | undefined)?.reason;
      orFail(await decideOrganization(deps, req.actor, { id: org.id, decision: decision === 'verify' ? 'verified' : 'rejected', reason }));
      const row = await db.selectFrom('organizations as o').select(summaryColumns).where('o.id', '=', org.id).executeTakeFirstOrThrow();
      return { organization: presentSummary(row) };
    });
  }

  app.post('/api/v1/organizations/:slug/members', {
    schema: {
      tags: ['organizations'],
      summary: 'Add a member or representative by e-mail (representatives, administrators)',
      params: z.object({ slug: slugSchema }),
      body: z.strictObject({ email: emailSchema, role: z.enum(['representative', 'member']) }),
      response: { 201: z.object({ userId: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const org = await loadBySlug(req.params.slug, req.actor);
    authorize(canCore(req.actor, 'organization.manageMembers', org));
    const result = orFail(await addMember(deps, req.actor, { organizationId: org.id, ...req.body }));
    reply.status(201);
    return result;
  });

  app.delete('/api/v1/organizations/:slug/members/:userId', {
    schema: {
      tags: ['organizations'],
      summary: 'Remove a member (representatives, administrators; members may leave)',
      params: z.object({ slug: slugSchema, userId: idSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const org = await loadBySlug(req.params.slug, req.actor);
    const leaving = req.actor.kind === 'user' && req.actor.id === req.params.userId;
    if (!leaving) authorize(canCore(req.actor, 'organization.manageMembers', org));
    orFail(await removeMember(deps, req.actor, { organizationId: org.id, userId: req.params.userId }));
    return reply.status(204).send(null);
  });

  const postSchema = z.object({ id: z.string(), title: z.string(), titleZh: z.string().nullable(), holderUserId: z.string().nullable() });

  app.post('/api/v1/organizations/:slug/posts', {
    schema: {
      tags: ['organizations'],
      summary: 'Create a post (official title) in a government body (administrators)',
      params: z.object({ slug: slugSchema }),
      body: z.strictObject({ title: z.string().trim().min(2).max(160), titleZh: z.string().trim().max(160).nullable().optional(), holderEmail: emailSchema.nullable().optional() }),
      response: { 201: z.object({ post: postSchema }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    requireUser(req);
    const org = await loadBySlug(req.params.slug, req.actor);
    authorize(canCore(req.actor, 'organization.managePosts', org));
    const { id } = orFail(await createPost(deps, req.actor, { organizationId: org.id, ...req.body }));
    const post = await db.selectFrom('posts').select(['id', 'title', 'title_zh', 'holder_user_id']).where('id', '=', id).executeTakeFirstOrThrow();
    reply.status(201);
    return { post: { id: post.id, title: post.title, titleZh: post.title_zh, holderUserId: post.holder_user_id } };
  });

  app.patch('/api/v1/posts/:id', {
    schema: {
      tags: ['organizations'],
      summary: 'Rename a post or change its holder (administrators)',
      params: z.object({ id: idSchema }),
      body: z.strictObject({ title: z.string().trim().min(2).max(160).optional(), titleZh: z.string().trim().max(160).nullable().optional(), holderEmail: emailSchema.nullable().optional().or(z.literal('')) }),
      response: { 200: z.object({ post: postSchema }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    requireUser(req);
    const existing = await db.selectFrom('posts as p').innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['o.id', 'o.sector', 'o.status']).where('p.id', '=', req.params.id).executeTakeFirst();
    if (!existing) notFound();
    authorize(canCore(req.actor, 'organization.managePosts', existing));
    orFail(await updatePost(deps, req.actor, { id: req.params.id, ...req.body }));
    const post = await db.selectFrom('posts').select(['id', 'title', 'title_zh', 'holder_user_id']).where('id', '=', req.params.id).executeTakeFirstOrThrow();
    return { post: { id: post.id, title: post.title, titleZh: post.title_zh, holderUserId: post.holder_user_id } };
  });
}
