/**
 * The administrators' console: a frame with one link per section (users, census, organization
 * verification, areas, departments); other visitors get a friendly "not allowed".
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../../app/session.js';
import type { MessageKey } from '../../i18n/index.js';
import { Loading } from '../../ui/loading.js';
import { usePageTitle } from '../../ui/page-title.js';
import { SignInRequired } from '../../ui/sign-in-required.js';

export const adminSections: { path: string; label: MessageKey }[] = [
  { path: '/admin', label: 'admin.sections.users' },
  { path: '/admin/census', label: 'admin.sections.census' },
  { path: '/admin/verification', label: 'admin.sections.verification' },
  { path: '/admin/areas', label: 'admin.sections.areas' },
  { path: '/admin/departments', label: 'admin.sections.departments' },
  { path: '/admin/calendar', label: 'admin.sections.calendar' },
];

export function AdminPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const current = adminSections.find((section) => section.path === location.pathname.replace(/\/$/, ''));
  const user = session?.user ?? null;
  const allowed = Boolean(user?.roles.includes('administrator'));
  usePageTitle(current && allowed ? `${t(current.label)} · ${t('admin.title')}` : t('admin.title'));
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {!session ? <Loading /> : null}
      {session && !user ? <SignInRequired /> : null}
      {user && !allowed ? (
        <div data-testid="not-allowed">
          <p className="civitas-lead">{t('admin.notAllowed')}</p>
          <p>
            <Link to="/">{t('notFound.home')}</Link>
          </p>
        </div>
      ) : null}
      {allowed ? (
        <>
          <nav aria-label={t('admin.sectionsLabel')} className="civitas-tabs">
            <ul>
              {adminSections.map((section) => {
                const active = section === current;
                return (
                  <li key={section.path}>
                    <Link
                      to={section.path}
                      className={active ? 'civitas-tabs__link civitas-tabs__link--current' : 'civitas-tabs__link'}
                      aria-current={active ? 'page' : undefined}
                    >
                      {t(section.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </>
      ) : null}
    </>
  );
}
