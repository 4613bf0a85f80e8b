import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/page-title.js';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="civitas-narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p className="civitas-lead">{t('notFound.text')}</p>
      <ul className="usa-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/organizations">{t('nav.organizations')}</Link>
        </li>
        <li>
          <Link to="/audit">{t('nav.audit')}</Link>
        </li>
      </ul>
    </div>
  );
}
