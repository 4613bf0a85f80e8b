import { page, type ModuleWeb } from '../../../../web/src/app/module-web.js';

/** For the home and department pages: reports past their fix deadline (`<OverdueReports departmentId={id} />`). */
export { OverdueReports } from './overdue-reports.js';

/**
 * The pages of reports of local problems: the public list, the form, one report, "my reports",
 * the departments' records, and the administrators' routing table and Open311 keys.
 */
export const reportsWeb: ModuleWeb = {
  name: 'reports',
  routes: [
    { path: 'reports', ...page(() => import('./reports-page.js'), 'ReportsPage') },
    { path: 'reports/new', ...page(() => import('./report-form-page.js'), 'ReportFormPage') },
    { path: 'reports/departments', ...page(() => import('./records-page.js'), 'RecordsPage') },
    { path: 'reports/departments/:slug', ...page(() => import('./record-page.js'), 'RecordPage') },
    { path: 'reports/admin/categories', ...page(() => import('./admin-categories-page.js'), 'AdminCategoriesPage') },
    { path: 'reports/admin/api-keys', ...page(() => import('./admin-api-keys-page.js'), 'AdminApiKeysPage') },
    { path: 'reports/:id', ...page(() => import('./report-page.js'), 'ReportPage') },
    { path: 'me/reports', ...page(() => import('./my-reports-page.js'), 'MyReportsPage') },
  ],
  nav: [{ id: 'reports', path: '/reports', label: 'reports.nav.reports', section: 'askAndHear', alsoCurrentFor: ['/me/reports'] }],
};
