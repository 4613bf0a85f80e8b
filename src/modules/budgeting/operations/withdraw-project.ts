import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import { votingStage, withdrawRefusal } from '../rules.js';

/** Its proposer takes a project off the budget before voting starts; it stays listed as withdrawn. */
export async function withdrawProject(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<null, 'not_found' | 'project_not_withdrawable'>> {
  const now = clock.now();
  const found = await db
    .selectFrom('budget_projects')
    .innerJoin('budgets', 'budgets.id', 'budget_projects.budget_id')
    .select(['budgets.process_id'])
    .where('budget_projects.id', '=', input.id)
    .executeTakeFirst();
  if (!found) return fail('not_found');
  const context = await loadProcess(db, { id: found.process_id }, now);
  if (!context) return fail('not_found');
  const stage = votingStage(context, now);
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('budget_projects').select(['id', 'budget_id', 'state', 'proposer_organization_id']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = withdrawRefusal(row.state, stage);
    if (refusal) return fail(refusal);
    await trx.updateTable('budget_projects').set({ state: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'budget_project.withdrawn', resourceType: 'budget_project', resourceId: row.id, organizationId: row.proposer_organization_id, data: { budgetId: row.budget_id, from: row.state }, public: true },
      now,
    );
    return ok(null);
  });
}
