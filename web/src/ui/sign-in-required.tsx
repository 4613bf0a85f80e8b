import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** What a page shows instead of its content when the visitor must sign in first. */
export function SignInRequired() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <p data-testid="sign-in-required">
      {t('common.signInRequired')}{' '}
      <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
        {t('header.signIn')}
      </Link>
    </p>
  );
}
