import type { ModuleManifest } from '../../core/module.js';
import { canProcess, loadProcess } from '../processes/index.js';
import { budgetingTables } from './migrations/0001-budgeting.js';
import { budgetingErrorStatus, budgetingMessages } from './messages.js';
import { budgetingRoutes } from './routes.js';
import { budgetPath, loadBudget, loadProject, projectPath } from './queries/load-budget.js';
import { countClosedBudgetsJob } from './operations/count-budget.js';
import { seedBudgetingDemo } from './seed-demo.js';

import { budgetingOpenData } from './opendata.js';
import './tables.js';

export type { BallotType, ProjectState, ImplementationStatus } from './tables.js';
export { countClosedBudgets } from './operations/count-budget.js';

/**
 * Participatory budgeting inside processes: residents and organizations submit projects, the
 * department reviews them in public, verified residents of the area vote with secret ballots
 * (approval, knapsack or cumulative), a counting rule from ./counting chooses the winners once
 * voting closes, and everyone can check the outcome: rounds explained, receipts published, the
 * anonymized election downloadable as a Pabulib file.
 */
export const budgetingManifest: ModuleManifest = {
  name: 'budgeting',
  openData: budgetingOpenData,
  migrations: [budgetingTables],
  errorStatus: budgetingErrorStatus,
  messages: budgetingMessages,
  routes: budgetingRoutes,
  jobs: [countClosedBudgetsJob],
  seedDemo: seedBudgetingDemo,
  resources: {
    budget: {
      async describe(db, id, actor, now) {
        const record = await loadBudget(db, id);
        if (!record) return null;
        const context = await loadProcess(db, { id: record.row.process_id }, now);
        if (!context) return null;
        if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
        return {
          title: record.row.title,
          path: budgetPath(context.process.slug, record.row.id),
          authorIds: [],
          public: context.process.status === 'published',
          areaId: record.row.area_id ?? context.process.area_id,
          commenting: { open: false, stance: false, until: null },
        };
      },
    },
    budget_project: {
      async describe(db, id, actor, now) {
        const record = await loadProject(db, id);
        if (!record) return null;
        const budget = await db.selectFrom('budgets').select(['process_id', 'area_id']).where('id', '=', record.row.budget_id).executeTakeFirst();
        if (!budget) return null;
        const context = await loadProcess(db, { id: budget.process_id }, now);
        if (!context) return null;
        if (!canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return null;
        const comment = context.isOpen('budgeting', 'comment');
        const open = comment.open && record.row.state !== 'withdrawn';
        return {
          title: record.row.title,
          path: projectPath(context.process.slug, record.row.budget_id, record.row.id),
          authorIds: record.row.proposer_user_id ? [record.row.proposer_user_id] : [],
          public: context.process.status === 'published',
          areaId: record.row.area_id ?? budget.area_id ?? context.process.area_id,
          commenting: { open, stance: true, until: open ? comment.until : null },
        };
      },
    },
  },
};
