import type { ModuleWeb } from '../../../../web/src/app/module-web.js';
import { DebatesResults } from './debates-results.js';
import { DebatesPage } from './debates-page.js';
import { DebatePage } from './debate-page.js';

/** The debates module's pages, inside a process: the list with the form to start one, and one debate. */
export const debatesWeb: ModuleWeb = {
  name: 'debates',
  routes: [
    { path: 'processes/:slug/debates', element: <DebatesPage /> },
    { path: 'processes/:slug/debates/:id', element: <DebatePage /> },
  ],
  nav: [],
  processSections: { debates: DebatesResults },
};
