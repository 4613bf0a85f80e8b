import type { Executor } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';
import { RULES_BY_BALLOT, defaultRule } from '../rules.js';
import { tryTally } from '../counting/tally.js';
import type { BallotType } from '../tables.js';

/** The settings of a budget as officials write them. */
export interface BudgetSettingsInput {
  title: string;
  titleZh?: string | null;
  description?: string;
  descriptionZh?: string | null;
  /** Whose residents vote; defaults to the process's area. */
  areaId?: string | null;
  amount: number;
  currency: string;
  ballotType: BallotType;
  minProjects?: number | null;
  maxProjects?: number | null;
  /** Knapsack: the share of the amount one ballot may spend (default 1: all of it). */
  maxShare?: number | null;
  pointsTotal?: number | null;
  pointsPerProjectMax?: number | null;
  /** The counting rule; defaults to the first offered for the ballot type. */
  rule?: string | null;
  ruleParams?: Record<string, string | number | boolean>;
}

/** The columns the settings fill, cleaned: fields that do not apply to the ballot type are cleared. */
export function settingsColumns(input: BudgetSettingsInput, areaId: string | null) {
  const type = input.ballotType;
  return {
    title: input.title.trim(),
    title_zh: input.titleZh?.trim() || null,
    description: input.description?.trim() ?? '',
    description_zh: input.descriptionZh?.trim() || null,
    area_id: areaId,
    amount: input.amount,
    currency: input.currency.toUpperCase(),
    ballot_type: type,
    min_projects: input.minProjects ?? null,
    max_projects: input.maxProjects ?? null,
    max_share: type === 'knapsack' ? (input.maxShare ?? 1) : null,
    points_total: type === 'cumulative' ? (input.pointsTotal ?? null) : null,
    points_per_project_max: type === 'cumulative' ? (input.pointsPerProjectMax ?? null) : null,
    rule: input.rule ?? defaultRule(type),
    rule_params: JSON.stringify(input.ruleParams ?? {}),
  };
}

/**
 * What a schema cannot check: the counting rule fits the ballot type, a cumulative ballot has its
 * points, limits are consistent, and the area lies within the process's area.
 */
export async function settingsProblems(db: Executor, input: BudgetSettingsInput, processAreaId: string | null): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const rule = input.rule ?? defaultRule(input.ballotType);
  if (!RULES_BY_BALLOT[input.ballotType].includes(rule)) problems.push({ path: 'rule', code: 'counting_rule_unknown' });
  else if (input.ruleParams && Object.keys(input.ruleParams).length > 0) {
    // The rule's own check of its parameters, on the smallest election there is.
    const cumulative = input.ballotType === 'cumulative';
    const probe = tryTally(
      { budget: 1, voteType: cumulative ? 'cumulative' : 'approval', projects: [{ id: '1', cost: 1 }], ballots: [cumulative ? { projects: ['1'], points: [1] } : { projects: ['1'] }] },
      rule,
      input.ruleParams,
    );
    if (!probe.ok) problems.push({ path: 'ruleParams', code: 'counting_rule_params_invalid', params: { param: String(probe.params?.param ?? '') } });
  }
  if (input.ballotType === 'cumulative') {
    if (!input.pointsTotal) problems.push({ path: 'pointsTotal', code: 'ballot_settings_required' });
    else if (input.pointsPerProjectMax && input.pointsPerProjectMax > input.pointsTotal) problems.push({ path: 'pointsPerProjectMax', code: 'ballot_settings_too_high' });
  }
  if (input.minProjects != null && input.maxProjects != null && input.minProjects > input.maxProjects) {
    problems.push({ path: 'minProjects', code: 'ballot_settings_too_high' });
  }
  const areaId = input.areaId ?? null;
  if (areaId) {
    const area = await db.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst();
    if (!area) problems.push({ path: 'areaId', code: 'not_found' });
    else if (processAreaId && !(await areaSubtreeIds(db, processAreaId)).includes(areaId)) problems.push({ path: 'areaId', code: 'budget_area_outside_process' });
  }
  return problems;
}

/** The post an official acts in for a department (none while assisting a resident). */
export function officialPostIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' && !actor.assistedBy ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}
