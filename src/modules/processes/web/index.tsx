import type { ModuleWeb } from '../../../../web/src/app/module-web.js';
import { ProcessesPage } from './processes-page.js';
import { ProcessPage } from './process-page.js';
import { ProcessEditPage } from './process-edit-page.js';

/** For an area's home page: the processes open now, closing soonest first. */
export { OpenProcesses } from './open-processes.js';

/** The processes module's pages: the list, one process with its timeline, and the officials' editor. */
export const processesWeb: ModuleWeb = {
  name: 'processes',
  routes: [
    { path: 'processes', element: <ProcessesPage /> },
    { path: 'processes/new', element: <ProcessEditPage /> },
    { path: 'processes/:slug', element: <ProcessPage /> },
    { path: 'processes/:slug/edit', element: <ProcessEditPage /> },
  ],
  nav: [{ id: 'processes', path: '/processes', label: 'processes.nav', section: 'participate' }],
};
