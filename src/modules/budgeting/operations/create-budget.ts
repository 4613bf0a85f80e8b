import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import { officialPostIn, settingsColumns, settingsProblems, type BudgetSettingsInput } from './budget-input.js';

/**
 * Sets up a participatory budget in a process that has the budgeting component: its amount, whose
 * residents vote, the ballot and the counting rule. Who may (the department's officials,
 * administrators) is the route's check.
 */
export async function createBudget(
  { db, clock }: Deps,
  actor: Actor,
  input: BudgetSettingsInput & { processId: string; importedFrom?: string | null },
): Promise<Result<{ id: string }, 'not_found' | 'budget_not_in_process' | 'validation_failed'>> {
  const now = clock.now();
  const context = await loadProcess(db, { id: input.processId }, now);
  if (!context) return fail('not_found');
  if (!context.process.components.includes('budgeting')) return fail('budget_not_in_process');
  const problems = await settingsProblems(db, input, context.process.area_id);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  const areaId = input.areaId === undefined ? context.process.area_id : input.areaId;
  return transact(db, async (trx) => {
    const columns = settingsColumns(input, areaId);
    const row = await trx
      .insertInto('budgets')
      .values({
        ...columns,
        process_id: context.process.id,
        status: 'open',
        imported_from: input.importedFrom ?? null,
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget.created',
        resourceType: 'budget',
        resourceId: row.id,
        postId: officialPostIn(actor, context.process.department_id),
        data: {
          processId: context.process.id,
          title: columns.title,
          amount: columns.amount,
          currency: columns.currency,
          ballotType: columns.ballot_type,
          rule: columns.rule,
          importedFrom: input.importedFrom ?? null,
        },
        public: true,
      },
      now,
    );
    return ok({ id: row.id });
  });
}
