import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/**
 * The supervision module's pages: the landing page (what stays secret, both channels), the named
 * complaint form, "my complaints" and one case; the anonymous report form with its receipt and
 * "check my report"; the handlers' queue and one report; public statistics; the admin settings.
 */
export const supervisionWeb: ModuleWeb = {
  name: 'supervision',
  routes: [
    { path: 'supervision', ...page(() => import('./landing-page.js'), 'LandingPage') },
    { path: 'supervision/complaints', ...page(() => import('./my-complaints-page.js'), 'MyComplaintsPage') },
    { path: 'supervision/complaints/new', ...page(() => import('./complaint-form-page.js'), 'ComplaintFormPage') },
    { path: 'supervision/complaints/:id', ...page(() => import('./complaint-page.js'), 'ComplaintPage') },
    { path: 'supervision/report', ...page(() => import('./report-page.js'), 'ReportPage') },
    { path: 'supervision/check', ...page(() => import('./check-page.js'), 'CheckPage') },
    { path: 'supervision/queue', ...page(() => import('./queue-page.js'), 'QueuePage') },
    { path: 'supervision/reports/:id', ...page(() => import('./handler-report-page.js'), 'HandlerReportPage') },
    { path: 'supervision/statistics', ...page(() => import('./statistics-page.js'), 'StatisticsPage') },
    { path: 'supervision/settings', ...page(() => import('./settings-page.js'), 'SettingsPage') },
  ],
  nav: [
    { id: 'supervision', path: '/supervision', label: 'supervision.nav.home', section: 'supervise', alsoCurrentFor: ['/supervision/complaints', '/supervision/report', '/supervision/check'] },
    { id: 'supervision-statistics', path: '/supervision/statistics', label: 'supervision.nav.statistics', section: 'supervise' },
    {
      id: 'supervision-queue',
      path: '/supervision/queue',
      label: 'supervision.nav.queue',
      section: 'supervise',
      // Handlers hold a post in a supervisory body.
      visible: (session) => Boolean(session?.user?.posts?.some((p) => p.supervisory)),
    },
  ],
};
