import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> · Civitas" in the current language while the page is shown. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const site = t('site.name');
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : site;
  }, [title, site]);
}
