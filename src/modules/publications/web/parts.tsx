/**
 * Small pieces the register's pages share: the category, status and validity tags, and the Atom
 * feed links (also announced to feed readers with `<link rel="alternate">` in the page's head).
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { PublicationCategory, PublicationStatus, Validity } from './types.js';

const validityClass: Record<Validity, string> = {
  in_force: 'civitas-tag--verified',
  expired: 'bg-base-dark',
  not_yet: 'civitas-tag--pending',
};

/** Category, then "Withdrawn" or "Draft" when it is one, then in force / expired / not yet in force. */
export function PublicationTags({ category, status, validity }: { category: PublicationCategory; status: PublicationStatus; validity: Validity | null }) {
  const { t } = useTranslation();
  return (
    <span className="civitas-tags" data-testid="publication-tags">
      <Tag className="civitas-tag bg-primary-darker">{t(`publications.category.${category}`)}</Tag>
      {status === 'withdrawn' ? (
        <Tag className="civitas-tag bg-error-dark" data-testid="publication-status">
          {t('publications.status.withdrawn')}
        </Tag>
      ) : null}
      {status === 'draft' ? (
        <Tag className="civitas-tag civitas-tag--pending" data-testid="publication-status">
          {t('publications.status.draft')}
        </Tag>
      ) : null}
      {validity && status !== 'withdrawn' ? (
        <Tag className={`civitas-tag ${validityClass[validity]}`} data-testid="publication-validity">
          {t(`publications.validity.${validity}`)}
        </Tag>
      ) : null}
    </span>
  );
}

export interface FeedLink {
  href: string;
  label: string;
}

/**
 * Visible links to the Atom feeds, also added to the page's head as `<link rel="alternate">` so
 * feed readers and browsers find them, while the page is shown.
 */
export function FeedLinks({ feeds, heading }: { feeds: FeedLink[]; heading: string }) {
  const { t } = useTranslation();
  const key = feeds.map((f) => `${f.href}|${f.label}`).join('\n');
  useEffect(() => {
    const links = feeds.map((feed) => {
      const link = document.createElement('link');
      link.rel = 'alternate';
      link.type = 'application/atom+xml';
      link.title = feed.label;
      link.href = feed.href;
      document.head.appendChild(link);
      return link;
    });
    return () => links.forEach((link) => link.remove());
  }, [key]);
  return (
    <section aria-labelledby="publication-feeds" className="civitas-panel margin-bottom-3" data-testid="publication-feeds">
      <h2 id="publication-feeds" className="font-heading-md">
        {heading}
      </h2>
      <ul className="usa-list usa-list--unstyled">
        {feeds.map((feed) => (
          <li key={feed.href} className="padding-y-05">
            <a href={feed.href} type="application/atom+xml" rel="alternate">
              {feed.label}
            </a>
          </li>
        ))}
      </ul>
      <p className="usa-hint margin-bottom-0">{t('publications.list.feedsHint')}</p>
    </section>
  );
}

/** Formats a calendar day (`YYYY-MM-DD`) in the page's language, the same day wherever the reader is. */
export function useDay() {
  const { language } = useLocalize();
  const format = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }), [language]);
  return useCallback((day: string) => {
    const at = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(at.getTime()) ? day : format.format(at);
  }, [format]);
}
