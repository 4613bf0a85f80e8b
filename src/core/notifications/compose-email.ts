import type { Catalog, Locale } from '../i18n/locale.js';
import type { Mail } from '../mail/mailer.js';
import { renderNotification, type NotificationText } from './render-message.js';

/** What every notification e-mail needs to know about the installation. */
export interface EmailContext {
  catalog: Catalog;
  /** The site's public address without a trailing slash, for links. */
  baseUrl: string;
  /** The municipality's name in both languages. */
  site: { name: string; nameZh: string };
}

export interface Recipient {
  email: string;
  displayName: string;
  locale: Locale;
}

export interface EmailNotification extends NotificationText {
  path: string;
}

/** The longest list a digest shows; the rest are counted and linked. */
export const DIGEST_LIMIT = 50;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A header value on one line, not too long (titles are user content). */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function link(ctx: EmailContext, path: string): string {
  return `${ctx.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

function siteName(ctx: EmailContext, locale: Locale): string {
  return locale === 'zh-CN' ? ctx.site.nameZh || ctx.site.name : ctx.site.name;
}

function layoutHtml(locale: Locale, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1b;max-width:40em">${body}</body></html>`;
}

function footer(ctx: EmailContext, locale: Locale, why: string) {
  const settings = link(ctx, '/me#email-notifications');
  const t = (key: string, params: Record<string, string | number> = {}) => ctx.catalog.t(locale, key, params);
  return {
    text: `--\n${why}\n${t('notifications.email.settings', { url: settings })}`,
    html: `<hr><p style="color:#565c65;font-size:0.9em">${escapeHtml(why)}<br><a href="${escapeHtml(settings)}">${escapeHtml(t('notifications.email.settingsLink'))}</a></p>`,
  };
}

/** One notification as one e-mail, in the recipient's language. */
export function composeNotificationEmail(ctx: EmailContext, to: Recipient, n: EmailNotification): Mail {
  const { locale } = to;
  const t = (key: string, params: Record<string, string | number> = {}) => ctx.catalog.t(locale, key, params);
  const site = siteName(ctx, locale);
  const message = renderNotification(ctx.catalog, locale, n);
  const url = link(ctx, n.path);
  const foot = footer(ctx, locale, t('notifications.email.why', { site }));
  const greeting = t('notifications.email.greeting', { name: to.displayName });
  return {
    to: to.email,
    subject: oneLine(t('notifications.email.subject', { site, message })),
    text: `${greeting}\n\n${message}\n\n${t('notifications.email.open', { url })}\n\n${foot.text}\n`,
    html: layoutHtml(
      locale,
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t('notifications.email.openLink', { site }))}</a></p>${foot.html}`,
    ),
  };
}

/** A day's notifications as one e-mail, newest first, in the recipient's language. */
export function composeDigestEmail(ctx: EmailContext, to: Recipient, items: EmailNotification[]): Mail {
  const { locale } = to;
  const t = (key: string, params: Record<string, string | number> = {}) => ctx.catalog.t(locale, key, params);
  const site = siteName(ctx, locale);
  const shown = items.slice(0, DIGEST_LIMIT);
  const rest = items.length - shown.length;
  const all = link(ctx, '/notifications');
  const lines = shown.map((n) => ({ message: renderNotification(ctx.catalog, locale, n), url: link(ctx, n.path) }));
  const greeting = t('notifications.email.greeting', { name: to.displayName });
  const intro = t('notifications.digest.intro', { site });
  const more = rest > 0 ? t('notifications.digest.more', { count: rest, url: all }) : null;
  const foot = footer(ctx, locale, t('notifications.digest.why'));
  const subject = items.length === 1 ? t('notifications.digest.subjectOne', { site }) : t('notifications.digest.subjectMany', { site, count: items.length });
  return {
    to: to.email,
    subject: oneLine(subject),
    text: `${greeting}\n\n${intro}\n\n${lines.map((l) => `* ${l.message}\n  ${l.url}`).join('\n')}\n${more ? `\n${more}\n` : ''}\n${foot.text}\n`,
    html: layoutHtml(
      locale,
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><ul>${lines
        .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.message)}</a></li>`)
        .join('')}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ''}${foot.html}`,
    ),
  };
}
