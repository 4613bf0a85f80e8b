/** The budgeting API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  BallotTypeName,
  BudgetDetail,
  BudgetList,
  BudgetSummary,
  ImplementationStatusName,
  ImportResult,
  MyBallot,
  ProjectDetail,
  ProjectList,
  ProjectStateName,
  ProjectSummary,
  Receipt,
  Receipts,
  ResultProject,
  ResultRound,
  Results,
  VotingStageName,
} from '../schemas.js';

/** Web paths of the module's pages. */
export const budgetsUrl = (processSlug: string) => `/processes/${processSlug}/budgets`;
export const budgetUrl = (processSlug: string, budgetId: string) => `/processes/${processSlug}/budgets/${budgetId}`;
export const projectUrl = (processSlug: string, budgetId: string, projectId: string) => `/processes/${processSlug}/budgets/${budgetId}/projects/${projectId}`;
