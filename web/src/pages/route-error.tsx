import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { GridContainer } from '@trussworks/react-uswds';
import { usePageTitle } from '../ui/page-title.js';

/** Shown when a page crashed: a plain apology and a way back, never a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('routeError.title'));
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (error && !notFound) console.error(error);
  return (
    <main id="main-content" className="civitas-main">
      <GridContainer className="padding-y-4">
        <h1>{notFound ? t('notFound.title') : t('routeError.title')}</h1>
        <p className="civitas-lead">{notFound ? t('notFound.text') : t('routeError.text')}</p>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </GridContainer>
    </main>
  );
}
