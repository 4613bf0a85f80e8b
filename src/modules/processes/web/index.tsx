import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/** For an area's home page: the processes open now, closing soonest first. */
export { OpenProcesses } from './open-processes.js';

/** The processes module's pages: the list, one process with its timeline, and the officials' editor. */
export const processesWeb: ModuleWeb = {
  name: 'processes',
  routes: [
    { path: 'processes', ...page(() => import('./processes-page.js'), 'ProcessesPage') },
    { path: 'processes/new', ...page(() => import('./process-edit-page.js'), 'ProcessEditPage') },
    { path: 'processes/:slug', ...page(() => import('./process-page.js'), 'ProcessPage') },
    { path: 'processes/:slug/edit', ...page(() => import('./process-edit-page.js'), 'ProcessEditPage') },
  ],
  nav: [{ id: 'processes', path: '/processes', label: 'processes.nav', section: 'participate' }],
};
