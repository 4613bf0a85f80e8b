import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';

/** What authors write: the proposal's fields as the form sends them. */
export interface ProposalInput {
  title: string;
  body: string;
  areaId?: string | null;
  category?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  /** People listed as co-authors, by the e-mail of their account. */
  coauthorEmails?: string[];
  /** Co-authors already listed who stay (editing only; e-mail addresses are never shown back). */
  keepCoauthorIds?: string[];
  /** Verified organizations listed as coalition partners. */
  coalitionOrganizationIds?: string[];
  /** Uploaded files to attach, in order (editing: the full list that stays; left out: unchanged). */
  attachmentIds?: string[];
}

export interface ResolvedInput {
  title: string;
  body: string;
  areaId: string | null;
  category: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  coauthorUserIds: string[];
  coalitionIds: string[];
}

/** The post an official acts in for a department, if they hold one there. */
export function officialPostIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' && !actor.assistedBy ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}

/**
 * Checks what a schema cannot: the area lies within the process's area, a location has both
 * coordinates, co-authors have accounts, coalition partners are verified organizations. Returns the
 * cleaned values, or the problems as field errors (`coauthorEmails.1`, `areaId`, ...).
 */
export async function resolveProposalInput(
  trx: Tx,
  input: ProposalInput,
  context: { processAreaId: string | null; authorId: string; organizationId: string | null },
): Promise<{ ok: true; value: ResolvedInput } | { ok: false; fields: FieldError[] }> {
  const fields: FieldError[] = [];
  const areaId = input.areaId ?? null;
  if (areaId) {
    const area = await trx.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst();
    if (!area) fields.push({ path: 'areaId', code: 'not_found' });
    else if (context.processAreaId && !(await areaSubtreeIds(trx, context.processAreaId)).includes(areaId)) {
      fields.push({ path: 'areaId', code: 'area_outside_process' });
    }
  }
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  if (latitude !== null && longitude === null) fields.push({ path: 'longitude', code: 'validation.required' });
  if (longitude !== null && latitude === null) fields.push({ path: 'latitude', code: 'validation.required' });

  const coauthorUserIds: string[] = [...new Set(input.keepCoauthorIds ?? [])];
  const emails = input.coauthorEmails ?? [];
  for (const [i, email] of emails.entries()) {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'blocked_at'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
      .executeTakeFirst();
    if (!user || user.blocked_at) fields.push({ path: `coauthorEmails.${i}`, code: 'user_not_found' });
    else if (user.id !== context.authorId && !coauthorUserIds.includes(user.id)) coauthorUserIds.push(user.id);
  }

  const coalitionIds: string[] = [];
  for (const [i, id] of (input.coalitionOrganizationIds ?? []).entries()) {
    const org = await trx.selectFrom('organizations').select(['id', 'status', 'sector']).where('id', '=', id).executeTakeFirst();
    if (!org || org.sector === 'government') fields.push({ path: `coalitionOrganizationIds.${i}`, code: 'not_found' });
    else if (org.status !== 'verified') fields.push({ path: `coalitionOrganizationIds.${i}`, code: 'organization_not_verified' });
    else if (org.id !== context.organizationId && !coalitionIds.includes(org.id)) coalitionIds.push(org.id);
  }
  if (fields.length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      title: input.title.trim(),
      body: input.body.trim(),
      areaId,
      category: input.category?.trim() || null,
      latitude,
      longitude,
      address: input.address?.trim() || null,
      coauthorUserIds,
      coalitionIds,
    },
  };
}

/**
 * Makes the co-author lists what the input says; returns who was newly added (to notify them).
 */
export async function replaceCoauthors(trx: Tx, proposalId: string, value: Pick<ResolvedInput, 'coauthorUserIds' | 'coalitionIds'>, now: Date) {
  const existing = await trx.selectFrom('proposal_coauthors').select(['user_id', 'organization_id']).where('proposal_id', '=', proposalId).execute();
  const oldPeople = new Set(existing.flatMap((c) => (c.user_id ? [c.user_id] : [])));
  const oldOrgs = new Set(existing.flatMap((c) => (c.organization_id ? [c.organization_id] : [])));
  const removedPeople = [...oldPeople].filter((id) => !value.coauthorUserIds.includes(id));
  const removedOrgs = [...oldOrgs].filter((id) => !value.coalitionIds.includes(id));
  if (removedPeople.length > 0) await trx.deleteFrom('proposal_coauthors').where('proposal_id', '=', proposalId).where('user_id', 'in', removedPeople).execute();
  if (removedOrgs.length > 0) await trx.deleteFrom('proposal_coauthors').where('proposal_id', '=', proposalId).where('organization_id', 'in', removedOrgs).execute();
  const addedPeople = value.coauthorUserIds.filter((id) => !oldPeople.has(id));
  const addedOrgs = value.coalitionIds.filter((id) => !oldOrgs.has(id));
  const rows = [
    ...addedPeople.map((user_id) => ({ proposal_id: proposalId, user_id, organization_id: null, added_at: now })),
    ...addedOrgs.map((organization_id) => ({ proposal_id: proposalId, user_id: null, organization_id, added_at: now })),
  ];
  if (rows.length > 0) await trx.insertInto('proposal_coauthors').values(rows).execute();
  return { addedPeople, addedOrgs, changed: addedPeople.length + addedOrgs.length + removedPeople.length + removedOrgs.length > 0 };
}

/** Representatives of organizations, to tell them their organization was listed as a partner. */
export async function representativesOf(trx: Tx, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await trx
    .selectFrom('organization_members')
    .select('user_id')
    .where('organization_id', 'in', organizationIds)
    .where('role', '=', 'representative')
    .execute();
  return rows.map((r) => r.user_id);
}
