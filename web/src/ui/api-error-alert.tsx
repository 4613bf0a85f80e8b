import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '@trussworks/react-uswds';
import type { ApiError } from '../api.js';

/**
 * Shows a failed request: the server's message in the user's language, what to do next when the
 * session is missing, and moves focus to itself so keyboard and screen-reader users notice.
 */
export function ApiErrorAlert({ error, focus = true, className }: { error: ApiError | null; focus?: boolean; className?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && focus) ref.current?.focus();
  }, [error, focus]);
  if (!error) return null;
  const fieldCount = error.fields.length;
  return (
    <div ref={ref} tabIndex={-1} className={className ?? 'margin-y-2'} data-testid="api-error">
      <Alert type="error" headingLevel="h2" slim role="alert">
        {error.message}
        {fieldCount > 0 && !error.message ? t('errors.checkFields') : null}
        {error.code === 'not_authenticated' ? (
          <>
            {' '}
            <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
              {t('errors.signInAgain')}
            </Link>
          </>
        ) : null}
      </Alert>
    </div>
  );
}
