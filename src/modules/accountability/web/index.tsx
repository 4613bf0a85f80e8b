import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/** For an area's home page: its departments' scorecards at a glance (`<ScorecardsGlance areaId={id} />`). */
export { ScorecardsGlance } from './scorecards-glance.js';

/**
 * The accountability module's pages: commitments and programs (list, registration and editing, one
 * commitment with its consultation, ratings and the department's forms) and the department scorecards.
 */
export const accountabilityWeb: ModuleWeb = {
  name: 'accountability',
  routes: [
    { path: 'commitments', ...page(() => import('./commitments-page.js'), 'CommitmentsPage') },
    { path: 'commitments/new', ...page(() => import('./commitment-form-page.js'), 'CommitmentFormPage') },
    { path: 'commitments/:id', ...page(() => import('./commitment-page.js'), 'CommitmentPage') },
    { path: 'commitments/:id/edit', ...page(() => import('./commitment-form-page.js'), 'CommitmentFormPage') },
    { path: 'scorecards', ...page(() => import('./scorecards-page.js'), 'ScorecardsPage') },
  ],
  nav: [
    { id: 'commitments', path: '/commitments', label: 'accountability.nav.commitments', section: 'evaluate' },
    { id: 'scorecards', path: '/scorecards', label: 'accountability.nav.scorecards', section: 'evaluate' },
  ],
};
