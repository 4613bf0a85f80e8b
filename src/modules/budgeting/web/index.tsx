import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import { BudgetsSection } from './budgets-section.js';

/**
 * The participatory-budgeting pages: a process's budgets, one budget with its projects, a project
 * with its public review, the forms (project, budget settings, Pabulib import), the ballot (and
 * paper ballots for officials), and the results with receipts.
 */
export const budgetingWeb: ModuleWeb = {
  name: 'budgeting',
  routes: [
    { path: 'processes/:slug/budgets', ...page(() => import('./budgets-page.js'), 'BudgetsPage') },
    { path: 'processes/:slug/budgets/new', ...page(() => import('./budget-form-page.js'), 'BudgetFormPage') },
    { path: 'processes/:slug/budgets/import', ...page(() => import('./import-page.js'), 'ImportPage') },
    { path: 'processes/:slug/budgets/:id', ...page(() => import('./budget-page.js'), 'BudgetPage') },
    { path: 'processes/:slug/budgets/:id/settings', ...page(() => import('./budget-form-page.js'), 'BudgetFormPage') },
    { path: 'processes/:slug/budgets/:id/vote', ...page(() => import('./ballot-page.js'), 'VotePage') },
    { path: 'processes/:slug/budgets/:id/paper', ...page(() => import('./ballot-page.js'), 'PaperBallotPage') },
    { path: 'processes/:slug/budgets/:id/results', ...page(() => import('./results-page.js'), 'ResultsPage') },
    { path: 'processes/:slug/budgets/:id/projects/new', ...page(() => import('./project-form-page.js'), 'ProjectFormPage') },
    { path: 'processes/:slug/budgets/:id/projects/:projectId', ...page(() => import('./project-page.js'), 'ProjectPage') },
  ],
  nav: [],
  processSections: { budgeting: BudgetsSection },
};
