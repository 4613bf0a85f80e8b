import { z } from 'zod';
import { sql } from 'kysely';
import type { App, AppContext } from '../http/context.js';
import { authorize, notFound } from '../http/context.js';
import { orFail } from '../errors.js';
import { canCore } from '../policy.js';
import { areaSchema, errorResponses, idSchema, slugSchema } from '../http/schemas.js';
import { createArea, deleteArea, updateArea } from './manage-areas.js';
import type { Executor } from '../db/database.js';

function presentArea(a: { id: string; parent_id: string | null; kind: 'city' | 'district' | 'neighbourhood'; slug: string; name: string; name_zh: string | null }) {
  return { id: a.id, parentId: a.parent_id, kind: a.kind, slug: a.slug, name: a.name, nameZh: a.name_zh };
}

const areaColumns = ['id', 'parent_id', 'kind', 'slug', 'name', 'name_zh'] as const;

/** Ids of an area and everything below it. */
export async function areaSubtreeIds(db: Executor, areaId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`with recursive t(id) as (
      select id from areas where id = ${areaId}
      union all select a.id from areas a join t on a.parent_id = t.id)
    select id from t`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Ids of an area's ancestors (its district, its city): what covers it. */
export async function areaAncestorIds(db: Executor, areaId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`with recursive t(id, parent_id) as (
      select id, parent_id from areas where id = ${areaId}
      union all select a.id, a.parent_id from areas a join t on a.id = t.parent_id)
    select id from t where id <> ${areaId}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The area tree: public to read, administrators change it. */
export function areaRoutes(app: App, { deps }: AppContext): void {
  const { db } = deps;

  app.get('/api/v1/areas', {
    schema: { tags: ['areas'], summary: 'All areas (city, districts, neighbourhoods) as a flat list', response: { 200: z.object({ areas: z.array(areaSchema) }) } },
  }, async () => {
    const areas = await db.selectFrom('areas').select(areaColumns).orderBy('kind').orderBy('name').execute();
    return { areas: areas.map(presentArea) };
  });

  app.get('/api/v1/areas/:slug', {
    schema: {
      tags: ['areas'],
      summary: 'One area with its parent, children and counts of what is in it',
      params: z.object({ slug: slugSchema }),
      response: {
        200: z.object({
          area: areaSchema,
          parent: areaSchema.nullable(),
          children: z.array(areaSchema),
          counts: z.object({ verifiedResidents: z.number(), organizations: z.number(), departments: z.number() }),
        }),
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const area = await db.selectFrom('areas').select(areaColumns).where('slug', '=', req.params.slug).executeTakeFirst();
    if (!area) notFound();
    const subtree = await areaSubtreeIds(db, area.id);
    const [parent, children, residents, orgs] = await Promise.all([
      area.parent_id ? db.selectFrom('areas').select(areaColumns).where('id', '=', area.parent_id).executeTakeFirst() : undefined,
      db.selectFrom('areas').select(areaColumns).where('parent_id', '=', area.id).orderBy('name').execute(),
      db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).where('area_id', 'in', subtree).where('verified_at', 'is not', null).executeTakeFirstOrThrow(),
      db
        .selectFrom('organizations')
        .select([sql<number>`count(*) filter (where sector <> 'government')::int`.as('orgs'), sql<number>`count(*) filter (where sector = 'government')::int`.as('departments')])
        .where('status', '=', 'verified')
        .where((eb) => eb.or([eb('area_id', 'in', subtree), eb.and([eb('sector', '=', 'government'), eb('area_id', 'is', null)])]))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      area: presentArea(area),
      parent: parent ? presentArea(parent) : null,
      children: children.map(presentArea),
      counts: { verifiedResidents: residents.n, organizations: orgs.orgs, departments: orgs.departments },
    };
  });

  app.post('/api/v1/areas', {
    schema: {
      tags: ['areas'],
      summary: 'Add an area (administrators)',
      body: z.strictObject({
        parentId: idSchema.nullable().default(null),
        kind: z.enum(['city', 'district', 'neighbourhood']),
        slug: slugSchema,
        name: z.string().trim().min(1).max(120),
        nameZh: z.string().trim().max(120).nullable().optional(),
      }),
      response: { 201: z.object({ area: areaSchema }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    authorize(canCore(req.actor, 'area.manage', null));
    const { id } = orFail(await createArea(deps, req.actor, req.body));
    const area = await db.selectFrom('areas').select(areaColumns).where('id', '=', id).executeTakeFirstOrThrow();
    reply.status(201);
    return { area: presentArea(area) };
  });

  app.patch('/api/v1/areas/:id', {
    schema: {
      tags: ['areas'],
      summary: 'Rename an area (administrators)',
      params: z.object({ id: idSchema }),
      body: z.strictObject({ name: z.string().trim().min(1).max(120).optional(), nameZh: z.string().trim().max(120).nullable().optional() }),
      response: { 200: z.object({ area: areaSchema }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => {
    authorize(canCore(req.actor, 'area.manage', null));
    orFail(await updateArea(deps, req.actor, { id: req.params.id, ...req.body }));
    const area = await db.selectFrom('areas').select(areaColumns).where('id', '=', req.params.id).executeTakeFirstOrThrow();
    return { area: presentArea(area) };
  });

  app.delete('/api/v1/areas/:id', {
    schema: {
      tags: ['areas'],
      summary: 'Delete an unused area (administrators)',
      params: z.object({ id: idSchema }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    authorize(canCore(req.actor, 'area.manage', null));
    orFail(await deleteArea(deps, req.actor, { id: req.params.id }));
    return reply.status(204).send(null);
  });
}
