/**
 * The routes of the web app. Module pages are added here (or, later, through each module's
 * `web/index.tsx`) together with their entries in `nav.ts`.
 */
import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.js';
import { RouteError } from '../pages/route-error.js';
import { HomePage } from '../pages/home.js';
import { SignUpPage } from '../pages/signup.js';
import { SignInPage } from '../pages/signin.js';
import { VerifyPage } from '../pages/verify.js';
import { ProfilePage } from '../pages/profile.js';
import { NotificationsPage } from '../pages/notifications.js';
import { OrganizationsPage } from '../pages/organizations.js';
import { OrganizationPage } from '../pages/organization.js';
import { RegisterOrganizationPage } from '../pages/organization-new.js';
import { DepartmentsPage } from '../pages/departments.js';
import { AuditPage } from '../pages/audit.js';
import { ModerationPage } from '../pages/moderation.js';
import { AdminPage } from '../pages/admin/admin.js';
import { AdminUsers } from '../pages/admin/users.js';
import { AdminCensus } from '../pages/admin/census.js';
import { AdminVerification } from '../pages/admin/verification.js';
import { AdminAreas } from '../pages/admin/areas.js';
import { AdminDepartments } from '../pages/admin/departments.js';
import { AdminCalendar } from '../pages/admin/calendar.js';
import { NotFoundPage } from '../pages/not-found.js';
import { moduleWebs } from './modules.js';

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
      { path: 'me', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/new', element: <RegisterOrganizationPage /> },
      { path: 'organizations/:slug', element: <OrganizationPage /> },
      { path: 'departments', element: <DepartmentsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'moderation', element: <ModerationPage /> },
      {
        path: 'admin',
        element: <AdminPage />,
        children: [
          { index: true, element: <AdminUsers /> },
          { path: 'census', element: <AdminCensus /> },
          { path: 'verification', element: <AdminVerification /> },
          { path: 'areas', element: <AdminAreas /> },
          { path: 'departments', element: <AdminDepartments /> },
          { path: 'calendar', element: <AdminCalendar /> },
        ],
      },
      ...moduleWebs.flatMap((m) => m.routes),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
