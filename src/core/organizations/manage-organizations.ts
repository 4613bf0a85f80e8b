import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor, UserActor } from '../permissions/actor.js';
import type { MemberRole } from '../tables.js';
import { freeOrganizationSlug } from '../slug.js';

export interface RegisterOrganizationInput {
  sector: 'market' | 'society';
  kind: string;
  name: string;
  nameZh?: string | null;
  description: string;
  areaId?: string | null;
  website?: string | null;
  email?: string | null;
}

/** Registers an enterprise or social organization, pending an administrator's verification; the registrant becomes its representative. */
export async function registerOrganization(
  { db, clock }: Deps,
  actor: UserActor,
  input: RegisterOrganizationInput,
): Promise<Result<{ id: string; slug: string }, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
      return fail('not_found', { fields: [{ path: 'areaId', code: 'not_found' }] });
    }
    const slug = await freeOrganizationSlug(trx, input.name);
    const org = await trx
      .insertInto('organizations')
      .values({
        sector: input.sector,
        kind: input.kind,
        slug,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() || null,
        description: input.description.trim(),
        area_id: input.areaId ?? null,
        website: input.website || null,
        email: input.email || null,
        status: 'pending',
        registered_by: actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('organization_members').values({ organization_id: org.id, user_id: actor.id, role: 'representative', created_at: now }).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'organization.registered', resourceType: 'organization', resourceId: org.id, organizationId: org.id, data: { name: input.name, sector: input.sector, kind: input.kind }, public: true },
      now,
    );
    return ok({ id: org.id, slug });
  });
}

export interface CreateGovernmentOrganizationInput {
  kind: string;
  name: string;
  nameZh?: string | null;
  description?: string;
  parentId?: string | null;
  areaId?: string | null;
  isSupervisory?: boolean;
  website?: string | null;
  email?: string | null;
}

/** Creates a government body (the city government, a department, a supervisory body): verified at once. */
export async function createGovernmentOrganization(
  { db, clock }: Deps,
  actor: Actor,
  input: CreateGovernmentOrganizationInput,
): Promise<Result<{ id: string; slug: string }, 'parent_invalid' | 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    if (input.parentId) {
      const parent = await trx.selectFrom('organizations').select('sector').where('id', '=', input.parentId).executeTakeFirst();
      if (!parent || parent.sector !== 'government') return fail('parent_invalid', { fields: [{ path: 'parentId', code: 'parent_invalid' }] });
    }
    if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
      return fail('not_found', { fields: [{ path: 'areaId', code: 'not_found' }] });
    }
    const slug = await freeOrganizationSlug(trx, input.name);
    const org = await trx
      .insertInto('organizations')
      .values({
        sector: 'government',
        kind: input.kind,
        parent_id: input.parentId ?? null,
        slug,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() || null,
        description: input.description?.trim() ?? '',
        area_id: input.areaId ?? null,
        website: input.website || null,
        email: input.email || null,
        status: 'verified',
        is_supervisory: input.isSupervisory ?? false,
        registered_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        decided_at: now,
        decided_by: actor.kind === 'user' ? actor.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      actor,
      { action: 'organization.registered', resourceType: 'organization', resourceId: org.id, organizationId: org.id, data: { name: input.name, sector: 'government', kind: input.kind, isSupervisory: input.isSupervisory ?? false }, public: true },
      now,
    );
    return ok({ id: org.id, slug });
  });
}

export interface UpdateOrganizationInput {
  id: string;
  name?: string;
  nameZh?: string | null;
  description?: string;
  website?: string | null;
  email?: string | null;
  areaId?: string | null;
}

export async function updateOrganization({ db, clock }: Deps, actor: Actor, input: UpdateOrganizationInput): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const changes: Record<string, string | null> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.nameZh !== undefined) changes.name_zh = input.nameZh?.trim() || null;
    if (input.description !== undefined) changes.description = input.description.trim();
    if (input.website !== undefined) changes.website = input.website || null;
    if (input.email !== undefined) changes.email = input.email || null;
    if (input.areaId !== undefined) {
      if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
        return fail('not_found', { fields: [{ path: 'areaId', code: 'not_found' }] });
      }
      changes.area_id = input.areaId;
    }
    const result = await trx.updateTable('organizations').set(changes).where('id', '=', input.id).executeTakeFirst();
    if (Object.keys(changes).length > 0 && Number(result.numUpdatedRows) === 0) return fail('not_found');
    await writeAudit(
      trx,
      actor,
      { action: 'organization.updated', resourceType: 'organization', resourceId: input.id, organizationId: input.id, data: { fields: Object.keys(changes).sort() }, public: true },
      now,
    );
    return ok(null);
  });
}

/** An administrator verifies a pending (or earlier rejected) organization, or rejects it with a reason. */
export async function decideOrganization(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string; decision: 'verified' | 'rejected'; reason?: string },
): Promise<Result<null, 'not_found' | 'organization_not_pending'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const org = await trx.selectFrom('organizations').select(['status', 'sector', 'name', 'slug']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!org) return fail('not_found');
    if (org.sector === 'government' || org.status === input.decision || org.status === 'verified') return fail('organization_not_pending');
    await trx
      .updateTable('organizations')
      .set({ status: input.decision, status_reason: input.reason ?? null, decided_at: now, decided_by: actor.kind === 'user' ? actor.id : null })
      .where('id', '=', input.id)
      .execute();
    await writeAudit(
      trx,
      actor,
      {
        action: input.decision === 'verified' ? 'organization.verified' : 'organization.rejected',
        resourceType: 'organization',
        resourceId: input.id,
        organizationId: input.id,
        data: { name: org.name, slug: org.slug, ...(input.reason ? { reason: input.reason } : {}) },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}

/** Adds an existing account to an organization as representative or member. */
export async function addMember(
  { db, clock }: Deps,
  actor: Actor,
  input: { organizationId: string; email: string; role: MemberRole },
): Promise<Result<{ userId: string }, 'not_found' | 'already_member'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', input.email.trim().toLowerCase()).executeTakeFirst();
    if (!user) return fail('not_found', { fields: [{ path: 'email', code: 'user_not_found' }] });
    const added = await trx
      .insertInto('organization_members')
      .values({ organization_id: input.organizationId, user_id: user.id, role: input.role, created_at: now })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!added) return fail('already_member', { fields: [{ path: 'email', code: 'already_member' }] });
    await writeAudit(
      trx,
      actor,
      { action: 'organization.member_added', resourceType: 'organization', resourceId: input.organizationId, organizationId: input.organizationId, data: { userId: user.id, role: input.role }, public: true },
      now,
    );
    return ok({ userId: user.id });
  });
}

/** Removes a member; an organization keeps at least one representative. */
export async function removeMember(
  { db, clock }: Deps,
  actor: Actor,
  input: { organizationId: string; userId: string },
): Promise<Result<null, 'not_found' | 'last_representative'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const members = await trx
      .selectFrom('organization_members')
      .select(['user_id', 'role'])
      .where('organization_id', '=', input.organizationId)
      .forUpdate()
      .execute();
    const member = members.find((m) => m.user_id === input.userId);
    if (!member) return fail('not_found');
    if (member.role === 'representative' && members.filter((m) => m.role === 'representative').length === 1) {
      return fail('last_representative');
    }
    await trx.deleteFrom('organization_members').where('organization_id', '=', input.organizationId).where('user_id', '=', input.userId).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'organization.member_removed', resourceType: 'organization', resourceId: input.organizationId, organizationId: input.organizationId, data: { userId: input.userId }, public: true },
      now,
    );
    return ok(null);
  });
}
