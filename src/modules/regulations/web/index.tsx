import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import { RegulationsResults } from './regulations-results.js';

/**
 * The draft regulations module's pages, inside a process: the list, one regulation with its
 * articles and reports, the version comparison, and for the department the editor and the report.
 */
export const regulationsWeb: ModuleWeb = {
  name: 'regulations',
  routes: [
    { path: 'processes/:slug/regulations', ...page(() => import('./regulations-page.js'), 'RegulationsPage') },
    { path: 'processes/:slug/regulations/new', ...page(() => import('./editor-page.js'), 'NewRegulationPage') },
    { path: 'processes/:slug/regulations/:id', ...page(() => import('./regulation-page.js'), 'RegulationPage') },
    { path: 'processes/:slug/regulations/:id/edit', ...page(() => import('./editor-page.js'), 'EditRegulationPage') },
    { path: 'processes/:slug/regulations/:id/compare', ...page(() => import('./compare-page.js'), 'ComparePage') },
    { path: 'processes/:slug/regulations/:id/report', ...page(() => import('./report-page.js'), 'ReportPage') },
  ],
  nav: [],
  processSections: { regulations: RegulationsResults },
};
