import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/**
 * The information requests module's pages: the public list, making a request, one request (with
 * the requester's, the department's and the supervising department's panels), the departments'
 * ranking, one department's record, and its settings.
 */
export const requestsWeb: ModuleWeb = {
  name: 'requests',
  routes: [
    { path: 'requests', ...page(() => import('./requests-page.js'), 'RequestsPage') },
    { path: 'requests/new', ...page(() => import('./new-request-page.js'), 'NewRequestPage') },
    { path: 'requests/departments', ...page(() => import('./ranking-page.js'), 'RankingPage') },
    { path: 'requests/departments/:slug', ...page(() => import('./record-page.js'), 'RecordPage') },
    { path: 'requests/departments/:slug/settings', ...page(() => import('./settings-page.js'), 'SettingsPage') },
    { path: 'requests/:id', ...page(() => import('./request-page.js'), 'RequestPage') },
  ],
  nav: [{ id: 'requests', path: '/requests', label: 'requests.nav.requests', section: 'transparency', alsoCurrentFor: ['/requests/'] }],
};
