import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow, notify } from '../../../core/notifications/notify.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';
import { attachmentsOf, setAttachments } from '../../../core/attachments/attachments.js';
import { MAX_PROPOSAL_ATTACHMENTS } from '../rules.js';
import { loadProposal, proposalPath } from '../queries/load-proposal.js';
import { editRefusal } from '../rules.js';
import { replaceCoauthors, representativesOf, resolveProposalInput, type ProposalInput } from './proposal-input.js';

/**
 * Changes to a proposal; fields left out keep their value. Co-authors: `coauthorIds` lists the
 * current ones who stay (all stay when left out), `coauthorEmails` adds people by e-mail.
 */
export type UpdateProposalInput = { id: string; coauthorIds?: string[] } & Partial<Omit<ProposalInput, 'keepCoauthorIds'>>;

/**
 * Authors edit a draft at any time, and a published proposal only within the process's edit
 * window after publishing (so nobody supports one text and finds another). Edits of published
 * proposals are public in the audit log, naming the fields that changed.
 */
export async function updateProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: UpdateProposalInput,
): Promise<Result<null, 'not_found' | 'edit_window_closed' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadProposal(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const context = await loadProcess(trx, { id: row.process_id }, now);
    if (!context) return fail('not_found');
    const refusal = editRefusal(row.state, row.published_at, context.process.edit_window_minutes, now);
    if (refusal) return fail(refusal);
    const merged: ProposalInput = {
      title: input.title ?? row.title,
      body: input.body ?? row.body,
      areaId: input.areaId !== undefined ? input.areaId : row.area_id,
      category: input.category !== undefined ? input.category : row.category,
      latitude: input.latitude !== undefined ? input.latitude : row.latitude,
      longitude: input.longitude !== undefined ? input.longitude : row.longitude,
      address: input.address !== undefined ? input.address : row.address,
      coauthorEmails: input.coauthorEmails ?? [],
      keepCoauthorIds: input.coauthorIds ? input.coauthorIds.filter((id) => record.coauthorIds.includes(id)) : record.coauthorIds,
      coalitionOrganizationIds: input.coalitionOrganizationIds ?? record.coalitionIds,
    };
    const resolved = await resolveProposalInput(trx, merged, { processAreaId: context.process.area_id, authorId: row.author_id, organizationId: row.organization_id });
    if (!resolved.ok) return fail('validation_failed', { fields: resolved.fields });
    const v = resolved.value;
    const before = { title: row.title, body: row.body, areaId: row.area_id, category: row.category, latitude: row.latitude, longitude: row.longitude, address: row.address };
    const after = { title: v.title, body: v.body, areaId: v.areaId, category: v.category, latitude: v.latitude, longitude: v.longitude, address: v.address };
    const changed: string[] = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
    await trx
      .updateTable('proposals')
      .set({
        title: v.title,
        body: v.body,
        area_id: v.areaId,
        category: v.category,
        latitude: v.latitude,
        longitude: v.longitude,
        address: v.address,
        updated_at: now,
        tsv: searchVector(v.title, v.body) as never,
      })
      .where('id', '=', row.id)
      .execute();
    const { addedPeople, addedOrgs, changed: coauthorsChanged } = await replaceCoauthors(trx, row.id, v, now);
    const path = proposalPath(context.process.slug, row.id);
    for (const userId of addedPeople) await follow(trx, userId, 'proposal', row.id, now);
    await notify(trx, addedPeople, { kind: 'proposal.coauthor_added', resourceType: 'proposal', resourceId: row.id, title: v.title, path }, now);
    await notify(trx, await representativesOf(trx, addedOrgs), { kind: 'proposal.coalition_added', resourceType: 'proposal', resourceId: row.id, title: v.title, path }, now);
    if (coauthorsChanged) changed.push('coauthors');
    if (input.attachmentIds !== undefined) {
      const previous = ((await attachmentsOf(trx, 'proposal', [row.id])).get(row.id) ?? []).map((a) => a.id);
      const attached = await setAttachments(trx, actor, { ownerType: 'proposal', ownerId: row.id, ids: input.attachmentIds, max: MAX_PROPOSAL_ATTACHMENTS, now });
      if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
      if (attached.value.map((a) => a.id).join() !== previous.join()) changed.push('attachments');
    }
    await writeAudit(
      trx,
      actor,
      {
        action: 'proposal.updated',
        resourceType: 'proposal',
        resourceId: row.id,
        organizationId: row.organization_id,
        data: { fields: changed },
        public: row.state !== 'draft',
      },
      now,
    );
    return ok(null);
  });
}
