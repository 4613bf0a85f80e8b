/**
 * The routes of the web app: the shell's pages here, each module's through its `web/index.tsx`.
 * Pages most visitors never open (administration, moderation, profile) and every module page are
 * loaded on first visit, so a phone downloads little before the first page shows.
 */
import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.js';
import { RouteError } from '../pages/route-error.js';
import { HomePage } from '../pages/home.js';
import { SignUpPage } from '../pages/signup.js';
import { SignInPage } from '../pages/signin.js';
import { VerifyPage } from '../pages/verify.js';
import { OrganizationsPage } from '../pages/organizations.js';
import { OrganizationPage } from '../pages/organization.js';
import { DepartmentsPage } from '../pages/departments.js';
import { NotFoundPage } from '../pages/not-found.js';
import { moduleWebs } from './modules.js';
import { page } from './module-web.js';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'areas/:slug', element: <HomePage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'me', ...page(() => import('../pages/profile.js'), 'ProfilePage') },
      { path: 'notifications', ...page(() => import('../pages/notifications.js'), 'NotificationsPage') },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/new', ...page(() => import('../pages/organization-new.js'), 'RegisterOrganizationPage') },
      { path: 'organizations/:slug', element: <OrganizationPage /> },
      { path: 'departments', element: <DepartmentsPage /> },
      { path: 'audit', ...page(() => import('../pages/audit.js'), 'AuditPage') },
      { path: 'open-data', ...page(() => import('../pages/open-data.js'), 'OpenDataPage') },
      { path: 'moderation', ...page(() => import('../pages/moderation.js'), 'ModerationPage') },
      {
        path: 'admin',
        ...page(() => import('../pages/admin/admin.js'), 'AdminPage'),
        children: [
          { index: true, ...page(() => import('../pages/admin/users.js'), 'AdminUsers') },
          { path: 'census', ...page(() => import('../pages/admin/census.js'), 'AdminCensus') },
          { path: 'verification', ...page(() => import('../pages/admin/verification.js'), 'AdminVerification') },
          { path: 'areas', ...page(() => import('../pages/admin/areas.js'), 'AdminAreas') },
          { path: 'departments', ...page(() => import('../pages/admin/departments.js'), 'AdminDepartments') },
          { path: 'calendar', ...page(() => import('../pages/admin/calendar.js'), 'AdminCalendar') },
        ],
      },
      ...moduleWebs.flatMap((m) => m.routes),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
