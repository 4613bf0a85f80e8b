import type { Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';
import type { BudgetRef, ProjectRef } from '../policy.js';
import type { BudgetProjectsTable, BudgetsTable } from '../tables.js';
import type { BallotRules } from '../ballot.js';

export type BudgetRow = Selectable<BudgetsTable>;
export type ProjectRow = Omit<Selectable<BudgetProjectsTable>, 'tsv'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export interface BudgetRecord {
  row: BudgetRow;
  ref: BudgetRef;
}

/** A budget with the reference the policy decides on (its department, the areas whose residents vote). */
export async function loadBudget(db: Executor, id: string): Promise<BudgetRecord | null> {
  if (!isUuid(id)) return null;
  const found = await db
    .selectFrom('budgets')
    .innerJoin('processes', 'processes.id', 'budgets.process_id')
    .selectAll('budgets')
    .select('processes.department_id')
    .where('budgets.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;
  const { department_id: departmentId, ...row } = found;
  return { row, ref: { departmentId, voterAreaIds: row.area_id ? await areaSubtreeIds(db, row.area_id) : null } };
}

export const projectColumns = [
  'id', 'budget_id', 'code', 'title', 'title_zh', 'description', 'cost', 'original_cost', 'area_id', 'category', 'latitude', 'longitude',
  'address', 'proposer_user_id', 'proposer_organization_id', 'proposal_id', 'state', 'review_reason', 'reviewed_by', 'reviewed_post_id',
  'reviewed_at', 'implementation_status', 'withdrawn_at', 'created_at', 'updated_at',
] as const;

export interface ProjectRecord {
  row: ProjectRow;
  ref: ProjectRef;
}

/** A project with the reference the policy decides on; `departmentId` is its process's department. */
export async function loadProject(db: Executor, id: string): Promise<ProjectRecord | null> {
  if (!isUuid(id)) return null;
  const found = await db
    .selectFrom('budget_projects')
    .innerJoin('budgets', 'budgets.id', 'budget_projects.budget_id')
    .innerJoin('processes', 'processes.id', 'budgets.process_id')
    .select(projectColumns.map((c) => `budget_projects.${c}` as const))
    .select('processes.department_id')
    .where('budget_projects.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;
  const { department_id: departmentId, ...row } = found;
  return { row, ref: projectRef(row, departmentId) };
}

export function projectRef(row: Pick<ProjectRow, 'state' | 'proposer_user_id' | 'proposer_organization_id'>, departmentId: string): ProjectRef {
  return {
    state: row.state,
    proposerUserId: row.proposer_user_id,
    proposerOrganizationId: row.proposer_organization_id,
    departmentId,
  };
}

/** The ballot rules of a budget row, as the pure validation takes them. */
export function ballotRulesOf(row: Pick<BudgetRow, 'ballot_type' | 'amount' | 'min_projects' | 'max_projects' | 'max_share' | 'points_total' | 'points_per_project_max'>): BallotRules {
  return {
    ballotType: row.ballot_type,
    amount: Number(row.amount),
    minProjects: row.min_projects,
    maxProjects: row.max_projects,
    maxShare: row.max_share === null ? null : Number(row.max_share),
    pointsTotal: row.points_total,
    pointsPerProjectMax: row.points_per_project_max,
  };
}

/** The projects on the ballot: those the technical review found feasible (after counting: selected or not). */
export async function ballotProjects(db: Executor, budgetId: string): Promise<{ id: string; code: string; cost: number }[]> {
  const rows = await db
    .selectFrom('budget_projects')
    .select(['id', 'code', 'cost'])
    .where('budget_id', '=', budgetId)
    .where('state', 'in', ['feasible', 'selected', 'not_selected'])
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, cost: Number(r.cost) }));
}

/** The web path of a budget and of one of its projects. */
export function budgetPath(processSlug: string, budgetId: string): string {
  return `/processes/${processSlug}/budgets/${budgetId}`;
}

export function projectPath(processSlug: string, budgetId: string, projectId: string): string {
  return `/processes/${processSlug}/budgets/${budgetId}/projects/${projectId}`;
}
