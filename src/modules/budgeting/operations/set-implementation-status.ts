import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { projectPath } from '../queries/load-budget.js';
import { implementationRefusal } from '../rules.js';
import type { ImplementationStatus } from '../tables.js';
import { officialPostIn } from './budget-input.js';

/**
 * The department records how a selected project is being carried out (not started, in progress,
 * done), in public; followers are told. The accountability module will link here later.
 */
export async function setImplementationStatus(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; status: ImplementationStatus },
): Promise<Result<null, 'not_found' | 'project_not_selected'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('budget_projects')
      .innerJoin('budgets', 'budgets.id', 'budget_projects.budget_id')
      .innerJoin('processes', 'processes.id', 'budgets.process_id')
      .select(['budget_projects.id', 'budget_projects.budget_id', 'budget_projects.state', 'budget_projects.title', 'budget_projects.implementation_status', 'processes.slug', 'processes.department_id'])
      .where('budget_projects.id', '=', input.id)
      .forUpdate('budget_projects')
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = implementationRefusal(row.state);
    if (refusal) return fail(refusal);
    if (row.implementation_status === input.status) return ok(null);
    await trx.updateTable('budget_projects').set({ implementation_status: input.status, updated_at: now }).where('id', '=', row.id).execute();
    await notifyFollowers(
      trx,
      { kind: 'budget_project.implementation', resourceType: 'budget_project', resourceId: row.id, title: row.title, path: projectPath(row.slug, row.budget_id, row.id), data: { status: input.status } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget_project.implementation',
        resourceType: 'budget_project',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id),
        data: { budgetId: row.budget_id, from: row.implementation_status, status: input.status },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
