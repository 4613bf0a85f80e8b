import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { follow } from '../../../core/notifications/notify.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';
import { loadProposal } from '../../proposals/index.js';
import { promoteRefusal, votingStage } from '../rules.js';
import { officialPostIn } from './budget-input.js';
import { nextProjectCode } from './project-input.js';

/**
 * Officials put a proposal the department accepted, in the same process, on the budget as a project
 * (before voting starts, once per proposal): its author (and organization) become the proposer, who
 * follows it. The officials give its cost; the project still goes through the technical review.
 */
export async function promoteProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: { budgetId: string; proposalId: string; cost: number; titleZh?: string | null },
): Promise<Result<{ id: string; code: string }, 'not_found' | 'budget_imported' | 'budget_settings_locked' | 'proposal_not_promotable'>> {
  const now = clock.now();
  const budget = await db.selectFrom('budgets').select(['id', 'process_id', 'imported_from']).where('id', '=', input.budgetId).executeTakeFirst();
  if (!budget) return fail('not_found');
  if (budget.imported_from !== null) return fail('budget_imported');
  const context = await loadProcess(db, { id: budget.process_id }, now);
  if (!context) return fail('not_found');
  const refusal = promoteRefusal(votingStage(context, now));
  if (refusal) return fail(refusal);
  return transact(db, async (trx) => {
    await trx.selectFrom('budgets').select('id').where('id', '=', budget.id).forUpdate().executeTakeFirstOrThrow();
    const record = await loadProposal(trx, input.proposalId);
    const proposal = record?.row;
    if (!proposal || proposal.process_id !== budget.process_id || proposal.state !== 'accepted') {
      return fail('proposal_not_promotable', { fields: [{ path: 'proposalId', code: 'proposal_not_promotable' }] });
    }
    const taken = await trx.selectFrom('budget_projects').select('id').where('budget_id', '=', budget.id).where('proposal_id', '=', proposal.id).executeTakeFirst();
    if (taken) return fail('proposal_not_promotable', { fields: [{ path: 'proposalId', code: 'proposal_not_promotable' }] });
    const code = await nextProjectCode(trx, budget.id);
    const row = await trx
      .insertInto('budget_projects')
      .values({
        budget_id: budget.id,
        code,
        title: proposal.title,
        title_zh: input.titleZh?.trim() || null,
        description: proposal.body,
        cost: input.cost,
        area_id: proposal.area_id,
        category: proposal.category,
        latitude: proposal.latitude,
        longitude: proposal.longitude,
        address: proposal.address,
        proposer_user_id: proposal.author_id,
        proposer_organization_id: proposal.organization_id,
        proposal_id: proposal.id,
        state: 'submitted',
        implementation_status: 'not_started',
        created_at: now,
        updated_at: now,
        tsv: searchVector(`${proposal.title} ${input.titleZh ?? ''}`, proposal.body) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await follow(trx, proposal.author_id, 'budget_project', row.id, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget_project.promoted',
        resourceType: 'budget_project',
        resourceId: row.id,
        postId: officialPostIn(actor, context.process.department_id),
        data: { budgetId: budget.id, code, proposalId: proposal.id, title: proposal.title, cost: input.cost },
        public: true,
      },
      now,
    );
    return ok({ id: row.id, code });
  });
}
