import { z } from 'zod';
import { sql } from 'kysely';
import type { App, AppContext } from '../http/context.js';
import { authorize } from '../http/context.js';
import { orFail } from '../errors.js';
import { canCore } from '../policy.js';
import { errorResponses, idSchema, roleSchema } from '../http/schemas.js';
import { blockUser, setUserRoles, unblockUser } from './manage-users.js';
import { importCensus } from './census.js';
import type { StaffRole } from '../tables.js';

/** The administrators' console: accounts and roles, blocking, census import. */
export function adminRoutes(app: App, ctx: AppContext): void {
  const { deps, catalog } = ctx;
  const { db } = deps;

  const adminUserSchema = z.object({
    id: z.string(), email: z.string(), displayName: z.string(), verified: z.boolean(), roles: z.array(roleSchema),
    blocked: z.boolean(), createdAt: z.string(), posts: z.array(z.string()),
  });

  app.get('/api/v1/admin/users', {
    schema: {
      tags: ['admin'],
      summary: 'Accounts with roles and verification (administrators)',
      querystring: z.object({
        q: z.string().trim().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ users: z.array(adminUserSchema), total: z.number() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    authorize(canCore(req.actor, 'user.manage', null));
    const { q, limit, offset } = req.query;
    let query = db.selectFrom('users as u');
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('u.email', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
    }
    const [rows, total] = await Promise.all([
      query
        .select((eb) => [
          'u.id', 'u.email', 'u.display_name', 'u.verified_at', 'u.blocked_at', 'u.created_at',
          eb.selectFrom('user_roles as r').select(sql<string[]>`coalesce(array_agg(r.role order by r.role), '{}')`.as('roles')).whereRef('r.user_id', '=', 'u.id').as('roles'),
          eb.selectFrom('posts as p').select(sql<string[]>`coalesce(array_agg(p.title order by p.title), '{}')`.as('titles')).whereRef('p.holder_user_id', '=', 'u.id').as('posts'),
        ])
        .orderBy('u.created_at', 'desc')
        .orderBy('u.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      users: rows.map((u) => ({
        id: u.id, email: u.email, displayName: u.display_name, verified: u.verified_at !== null,
        roles: (u.roles ?? []) as StaffRole[], blocked: u.blocked_at !== null, createdAt: u.created_at.toISOString(), posts: u.posts ?? [],
      })),
      total: total.n,
    };
  });

  app.put('/api/v1/admin/users/:id/roles', {
    schema: {
      tags: ['admin'],
      summary: "Set a user's staff roles (administrators)",
      params: z.object({ id: idSchema }),
      body: z.strictObject({ roles: z.array(roleSchema).max(3) }),
      response: { 200: z.object({ roles: z.array(roleSchema) }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    authorize(canCore(req.actor, 'user.manage', null));
    return orFail(await setUserRoles(deps, req.actor, { userId: req.params.id, roles: req.body.roles }));
  });

  app.post('/api/v1/admin/users/:id/block', {
    schema: {
      tags: ['admin'],
      summary: 'Block an account with a reason (administrators)',
      params: z.object({ id: idSchema }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    authorize(canCore(req.actor, 'user.manage', null));
    orFail(await blockUser(deps, req.actor, { userId: req.params.id, reason: req.body.reason }));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/admin/users/:id/unblock', {
    schema: {
      tags: ['admin'],
      summary: 'Unblock an account (administrators)',
      params: z.object({ id: idSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    authorize(canCore(req.actor, 'user.manage', null));
    orFail(await unblockUser(deps, req.actor, { userId: req.params.id }));
    return reply.status(204).send(null);
  });

  app.get('/api/v1/admin/census', {
    schema: {
      tags: ['admin'],
      summary: 'Census imports and how many entries have verified an account (administrators)',
      response: {
        200: z.object({
          batches: z.array(z.object({ id: z.number(), fileName: z.string(), importedAt: z.string(), rowsTotal: z.number(), rowsInserted: z.number(), rowsUpdated: z.number() })),
          entries: z.number(),
          verified: z.number(),
        }),
        ...errorResponses(401, 403),
      },
    },
  }, async (req) => {
    authorize(canCore(req.actor, 'census.import', null));
    const [batches, counts] = await Promise.all([
      db.selectFrom('census_batches').selectAll().orderBy('id', 'desc').limit(50).execute(),
      db.selectFrom('census_entries').select([sql<number>`count(*)::int`.as('entries'), sql<number>`count(verified_user_id)::int`.as('verified')]).executeTakeFirstOrThrow(),
    ]);
    return {
      batches: batches.map((b) => ({ id: Number(b.id), fileName: b.file_name, importedAt: b.imported_at.toISOString(), rowsTotal: b.rows_total, rowsInserted: b.rows_inserted, rowsUpdated: b.rows_updated })),
      entries: counts.entries,
      verified: counts.verified,
    };
  });

  app.post('/api/v1/admin/census', {
    schema: {
      tags: ['admin'],
      summary: 'Import a census CSV (document_number or document_hash, birth_date, area) sent as text/csv (administrators)',
      querystring: z.object({ fileName: z.string().trim().min(1).max(200).default('census.csv') }),
      body: z.string().min(1).max(50 * 1024 * 1024),
      response: {
        200: z.object({
          batchId: z.number(), total: z.number(), inserted: z.number(), updated: z.number(),
          rejected: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
        }),
        ...errorResponses(400, 401, 403, 413, 415),
      },
    },
    bodyLimit: 50 * 1024 * 1024,
  }, async (req) => {
    authorize(canCore(req.actor, 'census.import', null));
    const report = orFail(await importCensus(deps, req.actor, { fileName: req.query.fileName, csv: req.body }));
    return { ...report, rejected: report.rejected.map((r) => ({ ...r, message: catalog.t(req.locale, `error.${r.code}`) })) };
  });
}
