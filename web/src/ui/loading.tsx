import { useTranslation } from 'react-i18next';

/** A quiet "Loading…" line, announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="text-base" role="status">
      {t('common.loading')}
    </p>
  );
}
