import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../permissions/actor.js';
import type { AreaKind } from '../tables.js';

const parentKind: Record<AreaKind, AreaKind | null> = { city: null, district: 'city', neighbourhood: 'district' };

export interface CreateAreaInput {
  parentId: string | null;
  kind: AreaKind;
  slug: string;
  name: string;
  nameZh?: string | null;
}

/** Adds an area to the tree: a city at the root, districts in a city, neighbourhoods in a district. */
export async function createArea(
  { db, clock }: Deps,
  actor: Actor,
  input: CreateAreaInput,
): Promise<Result<{ id: string }, 'parent_invalid' | 'slug_taken'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const expectedParent = parentKind[input.kind];
    if (expectedParent === null) {
      if (input.parentId) return fail('parent_invalid', { fields: [{ path: 'parentId', code: 'parent_invalid' }] });
    } else {
      const parent = input.parentId
        ? await trx.selectFrom('areas').select('kind').where('id', '=', input.parentId).executeTakeFirst()
        : undefined;
      if (!parent || parent.kind !== expectedParent) return fail('parent_invalid', { fields: [{ path: 'parentId', code: 'parent_invalid' }] });
    }
    const created = await trx
      .insertInto('areas')
      .values({ parent_id: input.parentId, kind: input.kind, slug: input.slug, name: input.name.trim(), name_zh: input.nameZh?.trim() || null, created_at: now })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) return fail('slug_taken', { fields: [{ path: 'slug', code: 'slug_taken' }] });
    await writeAudit(trx, actor, { action: 'area.created', resourceType: 'area', resourceId: created.id, data: { kind: input.kind, slug: input.slug, name: input.name }, public: true }, now);
    return ok({ id: created.id });
  });
}

export async function updateArea(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string; name?: string; nameZh?: string | null },
): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const changes: { name?: string; name_zh?: string | null } = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.nameZh !== undefined) changes.name_zh = input.nameZh?.trim() || null;
    const exists = await trx.selectFrom('areas').select('id').where('id', '=', input.id).executeTakeFirst();
    if (!exists) return fail('not_found');
    if (Object.keys(changes).length > 0) await trx.updateTable('areas').set(changes).where('id', '=', input.id).execute();
    await writeAudit(trx, actor, { action: 'area.updated', resourceType: 'area', resourceId: input.id, data: changes, public: true }, now);
    return ok(null);
  });
}

/** Deletes an area nobody and nothing refers to. */
export async function deleteArea(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string },
): Promise<Result<null, 'not_found' | 'area_has_children' | 'area_in_use'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const area = await trx.selectFrom('areas').select(['id', 'slug']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!area) return fail('not_found');
    const child = await trx.selectFrom('areas').select('id').where('parent_id', '=', input.id).limit(1).executeTakeFirst();
    if (child) return fail('area_has_children');
    const used = await sql<{ used: boolean }>`select
        exists(select 1 from users where area_id = ${input.id})
        or exists(select 1 from census_entries where area_id = ${input.id})
        or exists(select 1 from organizations where area_id = ${input.id}) as used`.execute(trx);
    if (used.rows[0]?.used) return fail('area_in_use');
    await trx.deleteFrom('areas').where('id', '=', input.id).execute();
    await writeAudit(trx, actor, { action: 'area.deleted', resourceType: 'area', resourceId: input.id, data: { slug: area.slug }, public: true }, now);
    return ok(null);
  });
}
