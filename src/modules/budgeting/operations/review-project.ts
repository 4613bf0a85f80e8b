import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { loadProcess } from '../../processes/index.js';
import { reviewRefusal, votingStage } from '../rules.js';
import { projectPath } from '../queries/load-budget.js';
import { cents } from '../ballot.js';
import { officialPostIn } from './budget-input.js';

/**
 * The technical review, in public: the department's officials find a project feasible (it goes on
 * the ballot) or not, always with a reason, and may correct its cost (the proposer's figure is
 * kept and shown next to the new one). Allowed while the phase opens the review, and at any time
 * before voting starts; a project may be reviewed again until then.
 */
export async function reviewProject(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; decision: 'feasible' | 'infeasible'; reason: string; cost?: number | null },
): Promise<Result<{ state: 'feasible' | 'infeasible'; cost: number; originalCost: number | null }, 'not_found' | 'validation_failed' | 'review_closed' | 'project_not_reviewable'>> {
  const reason = input.reason.trim();
  if (!reason) return fail('validation_failed', { fields: [{ path: 'reason', code: 'validation.required' }] });
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
    const row = await trx.selectFrom('budget_projects').select(['id', 'budget_id', 'state', 'title', 'cost', 'original_cost']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = reviewRefusal(row.state, context.isOpen('budgeting', 'review').open, stage);
    if (refusal) return fail(refusal);
    const current = Number(row.cost);
    const corrected = input.cost !== undefined && input.cost !== null && cents(input.cost) !== cents(current);
    const cost = corrected ? input.cost! : current;
    const originalCost = corrected ? (row.original_cost === null ? current : Number(row.original_cost)) : row.original_cost === null ? null : Number(row.original_cost);
    const postId = officialPostIn(actor, context.process.department_id);
    await trx
      .updateTable('budget_projects')
      .set({ state: input.decision, review_reason: reason, cost, original_cost: originalCost, reviewed_by: actor.id, reviewed_post_id: postId, reviewed_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await notifyFollowers(
      trx,
      { kind: `budget_project.${input.decision}`, resourceType: 'budget_project', resourceId: row.id, title: row.title, path: projectPath(context.process.slug, row.budget_id, row.id), data: { state: input.decision } },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget_project.reviewed',
        resourceType: 'budget_project',
        resourceId: row.id,
        postId,
        data: { budgetId: row.budget_id, from: row.state, decision: input.decision, reason, cost, previousCost: current },
        public: true,
      },
      now,
    );
    return ok({ state: input.decision, cost, originalCost });
  });
}
