import type { Catalog, Locale } from '../i18n/locale.js';

/** What a notification's message is made of. */
export interface NotificationText {
  kind: string;
  title: string;
  data: Record<string, unknown>;
}

/** The title in the reader's language: `data.titleZh` when the module stored one and the reader reads Chinese. */
export function localizedTitle(n: NotificationText, locale: Locale): string {
  const zh = n.data.titleZh;
  return locale === 'zh-CN' && typeof zh === 'string' && zh.trim() ? zh : n.title;
}

/**
 * The notification as one sentence in the reader's language: the template `notification.<kind>`
 * with the title and the data's plain values; a kind without a template, or a template whose
 * parameters the data lacks, reads "There is news about <title>".
 */
export function renderNotification(catalog: Catalog, locale: Locale, n: NotificationText): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.data)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'boolean') params[key] = String(value);
  }
  params.title = localizedTitle(n, locale);
  const key = `notification.${n.kind}`;
  if (catalog.has(key)) {
    const template = catalog.t(locale, key);
    const needed = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (needed.every((name) => name in params)) return catalog.t(locale, key, params);
  }
  return catalog.t(locale, 'notifications.generic', { title: params.title });
}
