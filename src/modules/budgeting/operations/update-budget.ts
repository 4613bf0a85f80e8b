import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { canonicalJson, writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { loadProcess } from '../../processes/index.js';
import { settingsRefusal, votingStage } from '../rules.js';
import { officialPostIn, settingsColumns, settingsProblems, type BudgetSettingsInput } from './budget-input.js';

/** Columns that shape the ballots or the outcome: frozen once voting starts. */
const LOCKED = ['area_id', 'amount', 'currency', 'ballot_type', 'min_projects', 'max_projects', 'max_share', 'points_total', 'points_per_project_max', 'rule', 'rule_params'] as const;

/**
 * Changes a budget's settings. Titles and descriptions change at any time; the amount, the area,
 * the ballot and the counting rule only before voting starts and while no ballot exists, so no
 * one can change the rules of a vote under way or after seeing how it went.
 */
export async function updateBudget(
  { db, clock }: Deps,
  actor: Actor,
  input: Partial<BudgetSettingsInput> & { id: string },
): Promise<Result<null, 'not_found' | 'validation_failed' | 'budget_settings_locked'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('budgets').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const context = await loadProcess(trx, { id: row.process_id }, now);
    if (!context) return fail('not_found');
    const merged: BudgetSettingsInput = {
      title: input.title ?? row.title,
      titleZh: input.titleZh === undefined ? row.title_zh : input.titleZh,
      description: input.description ?? row.description,
      descriptionZh: input.descriptionZh === undefined ? row.description_zh : input.descriptionZh,
      areaId: input.areaId === undefined ? row.area_id : input.areaId,
      amount: input.amount ?? Number(row.amount),
      currency: input.currency ?? row.currency,
      ballotType: input.ballotType ?? row.ballot_type,
      minProjects: input.minProjects === undefined ? row.min_projects : input.minProjects,
      maxProjects: input.maxProjects === undefined ? row.max_projects : input.maxProjects,
      maxShare: input.maxShare === undefined ? (row.max_share === null ? null : Number(row.max_share)) : input.maxShare,
      pointsTotal: input.pointsTotal === undefined ? row.points_total : input.pointsTotal,
      pointsPerProjectMax: input.pointsPerProjectMax === undefined ? row.points_per_project_max : input.pointsPerProjectMax,
      // A new ballot type without a rule takes that type's default rule.
      rule: input.rule ?? (input.ballotType && input.ballotType !== row.ballot_type ? null : row.rule),
      ruleParams: input.ruleParams ?? (row.rule_params as Record<string, string | number | boolean>),
    };
    const problems = await settingsProblems(trx, merged, context.process.area_id);
    if (problems.length > 0) return fail('validation_failed', { fields: problems });
    const columns = settingsColumns(merged, merged.areaId ?? null);
    const before: Record<string, unknown> = { ...row, amount: Number(row.amount), max_share: row.max_share === null ? null : Number(row.max_share), rule_params: JSON.stringify(row.rule_params) };
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) =>
      key === 'rule_params' ? canonicalJson(JSON.parse(columns.rule_params)) !== canonicalJson(row.rule_params) : columns[key] !== before[key],
    );
    if (changed.length === 0) return ok(null);
    const locked = changed.filter((key) => (LOCKED as readonly string[]).includes(key));
    if (locked.length > 0) {
      if (row.status === 'counted') return fail('budget_settings_locked');
      if (row.imported_from !== null) {
        // An imported election (an exercise, a replay) may be counted under another rule; its ballots stay as read.
        if (locked.some((key) => key !== 'rule' && key !== 'rule_params')) return fail('budget_settings_locked');
      } else {
        const ballots = await trx.selectFrom('budget_ballots').select('id').where('budget_id', '=', row.id).limit(1).execute();
        const refusal = settingsRefusal(votingStage(context, now), ballots.length);
        if (refusal) return fail(refusal);
      }
    }
    await trx.updateTable('budgets').set({ ...columns, updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'budget.updated',
        resourceType: 'budget',
        resourceId: row.id,
        postId: officialPostIn(actor, context.process.department_id),
        data: { changed, rule: columns.rule, amount: columns.amount, ballotType: columns.ballot_type },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
