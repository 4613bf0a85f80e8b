import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow, notify } from '../../../core/notifications/notify.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_PROPOSAL_ATTACHMENTS } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';
import { replaceCoauthors, representativesOf, resolveProposalInput, type ProposalInput } from './proposal-input.js';

export interface CreateProposalInput extends ProposalInput {
  processId: string;
  /** Proposing on behalf of this organization (the actor represents it). */
  organizationId?: string | null;
  /** Publish at once instead of keeping a draft. */
  publish?: boolean;
}

/**
 * Creates a proposal in a process while proposing is open: a draft only its authors see, or
 * published at once. The author follows it; co-authors and partner organizations are told.
 * Who may propose (verified resident, or representative for the organization) is the route's check.
 */
export async function createProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: CreateProposalInput,
): Promise<Result<{ id: string; state: 'draft' | 'published' }, 'not_found' | 'proposing_closed' | 'organization_not_verified' | 'validation_failed'>> {
  const now = clock.now();
  const context = await loadProcess(db, { id: input.processId }, now);
  if (!context) return fail('not_found');
  if (!context.isOpen('proposals', 'propose').open) return fail('proposing_closed');
  const organizationId = input.organizationId ?? null;
  return transact(db, async (trx) => {
    if (organizationId) {
      const org = await trx.selectFrom('organizations').select('status').where('id', '=', organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
    }
    const resolved = await resolveProposalInput(trx, input, { processAreaId: context.process.area_id, authorId: actor.id, organizationId });
    if (!resolved.ok) return fail('validation_failed', { fields: resolved.fields });
    const v = resolved.value;
    const state = input.publish ? ('published' as const) : ('draft' as const);
    const row = await trx
      .insertInto('proposals')
      .values({
        process_id: context.process.id,
        author_id: actor.id,
        organization_id: organizationId,
        title: v.title,
        body: v.body,
        area_id: v.areaId,
        category: v.category,
        latitude: v.latitude,
        longitude: v.longitude,
        address: v.address,
        state,
        created_at: now,
        updated_at: now,
        published_at: state === 'published' ? now : null,
        tsv: searchVector(v.title, v.body) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attached = await setAttachments(trx, actor, { ownerType: 'proposal', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_PROPOSAL_ATTACHMENTS, now });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    const { addedPeople, addedOrgs } = await replaceCoauthors(trx, row.id, v, now);
    await follow(trx, actor.id, 'proposal', row.id, now);
    for (const userId of addedPeople) await follow(trx, userId, 'proposal', row.id, now);
    const path = proposalPath(context.process.slug, row.id);
    await notify(trx, addedPeople, { kind: 'proposal.coauthor_added', resourceType: 'proposal', resourceId: row.id, title: v.title, path }, now);
    await notify(trx, await representativesOf(trx, addedOrgs), { kind: 'proposal.coalition_added', resourceType: 'proposal', resourceId: row.id, title: v.title, path }, now);
    await writeAudit(
      trx,
      actor,
      {
        action: state === 'published' ? 'proposal.published' : 'proposal.created',
        resourceType: 'proposal',
        resourceId: row.id,
        organizationId,
        data: { processId: context.process.id, title: v.title, attachments: attached.value.length },
        public: state === 'published',
      },
      now,
    );
    return ok({ id: row.id, state });
  });
}
