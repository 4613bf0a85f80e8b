/**
 * "Previous · Page 2 of 5 · Next" under a paged list; nothing when there is one page.
 * `onPage` gets the page to show (1-based).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '@trussworks/react-uswds';

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination')} className="civitas-pager">
      <Button type="button" outline disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </Button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <Button type="button" outline disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
