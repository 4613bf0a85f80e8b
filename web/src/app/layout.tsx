/**
 * The frame of every page: skip link, demo and staff-assistance banners, header, the page in
 * <main>, footer. On each route change it scrolls to the top and moves focus to the page's h1.
 */
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Alert, Button, GridContainer } from '@trussworks/react-uswds';
import { api } from '../api.js';
import { useAction } from '../ui/use-action.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { Loading } from '../ui/loading.js';
import { readFlash } from './flash.js';
import { useSession } from './session.js';
import { SiteHeader } from './site-header.js';

function DemoBanner() {
  const { t } = useTranslation();
  return (
    <section className="civitas-demo-banner" aria-label={t('demo.label')} data-testid="demo-banner">
      <GridContainer className="civitas-demo-banner__inner">
        <span className="civitas-demo-banner__tag">{t('demo.tag')}</span>
        <span>{t('demo.text')}</span>
      </GridContainer>
    </section>
  );
}

function ActingBanner() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const stop = useAction(async () => {
    await api.delete('/assist');
    await refresh();
  });
  const actingFor = session?.actingFor;
  if (!actingFor) return null;
  return (
    <section className="civitas-acting-banner" aria-label={t('assist.bannerLabel')} data-testid="acting-banner">
      <GridContainer className="civitas-acting-banner__inner">
        <p className="margin-0">
          <strong>{t('assist.banner', { name: actingFor.displayName })}</strong>
          {actingFor.verified ? null : <> {t('assist.notVerified')}</>}
        </p>
        <Button type="button" secondary className="margin-0" disabled={stop.pending} onClick={() => void stop.run()}>
          {t('assist.stop')}
        </Button>
      </GridContainer>
      {stop.error ? (
        <GridContainer>
          <ApiErrorAlert error={stop.error} />
        </GridContainer>
      ) : null}
    </section>
  );
}

function FlashMessage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = readFlash(location.state);
  if (!flash) return null;
  return (
    <Alert type={flash.type} headingLevel="h2" slim className="margin-top-2" role="status" data-testid="flash">
      {t(flash.message, flash.values ?? {})}
    </Alert>
  );
}

function SessionProblem() {
  const { error, session } = useSession();
  if (!error || session) return null;
  return <ApiErrorAlert error={error} focus={false} />;
}

export function Layout() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById('main-content');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a
        className="usa-skipnav"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          const main = document.getElementById('main-content');
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t('layout.skipToMain')}
      </a>
      {session?.demo ? <DemoBanner /> : null}
      <ActingBanner />
      <SiteHeader />
      <main id="main-content" tabIndex={-1} className="civitas-main">
        <GridContainer className="padding-bottom-6">
          <SessionProblem />
          <FlashMessage />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </GridContainer>
      </main>
      <footer className="civitas-footer">
        <GridContainer className="civitas-footer__inner">
          <p className="margin-0">{t('footer.about')}</p>
          <ul className="usa-list usa-list--unstyled civitas-footer__links">
            <li>
              <Link to="/audit">{t('nav.audit')}</Link>
            </li>
            <li>
              <Link to="/organizations">{t('nav.organizations')}</Link>
            </li>
            <li>
              <Link to="/departments">{t('nav.departments')}</Link>
            </li>
          </ul>
        </GridContainer>
      </footer>
    </>
  );
}
