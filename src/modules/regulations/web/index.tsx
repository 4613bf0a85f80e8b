import type { ModuleWeb } from '../../../../web/src/app/module-web.js';
import { RegulationsResults } from './regulations-results.js';
import { RegulationsPage } from './regulations-page.js';
import { RegulationPage } from './regulation-page.js';
import { EditRegulationPage, NewRegulationPage } from './editor-page.js';
import { ComparePage } from './compare-page.js';
import { ReportPage } from './report-page.js';

/**
 * The draft regulations module's pages, inside a process: the list, one regulation with its
 * articles and reports, the version comparison, and for the department the editor and the report.
 */
export const regulationsWeb: ModuleWeb = {
  name: 'regulations',
  routes: [
    { path: 'processes/:slug/regulations', element: <RegulationsPage /> },
    { path: 'processes/:slug/regulations/new', element: <NewRegulationPage /> },
    { path: 'processes/:slug/regulations/:id', element: <RegulationPage /> },
    { path: 'processes/:slug/regulations/:id/edit', element: <EditRegulationPage /> },
    { path: 'processes/:slug/regulations/:id/compare', element: <ComparePage /> },
    { path: 'processes/:slug/regulations/:id/report', element: <ReportPage /> },
  ],
  nav: [],
  processSections: { regulations: RegulationsResults },
};
