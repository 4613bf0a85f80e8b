import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';
import { DebatesResults } from './debates-results.js';

/** The debates module's pages, inside a process: the list with the form to start one, and one debate. */
export const debatesWeb: ModuleWeb = {
  name: 'debates',
  routes: [
    { path: 'processes/:slug/debates', ...page(() => import('./debates-page.js'), 'DebatesPage') },
    { path: 'processes/:slug/debates/:id', ...page(() => import('./debate-page.js'), 'DebatePage') },
  ],
  nav: [],
  processSections: { debates: DebatesResults },
};
