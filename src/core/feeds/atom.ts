/**
 * Atom 1.0 (RFC 4287) feeds for every module (answers of a department, a register's documents, ...),
 * written by hand: a feed is small and fixed in shape, so a few escaped strings are clearer than an
 * XML library. Pure: no database, no clock.
 */

/** Characters XML 1.0 does not allow at all (control characters other than tab, newline, return; lone surrogates; U+FFFE/F). */
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML character data and attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface AtomEntry {
  /** A permanent, unique IRI (e.g. `urn:uuid:...`). */
  id: string;
  title: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  published: Date;
  updated: Date;
  authorName: string;
  /** Plain text (sent as `type="text"`, escaped). */
  content: string;
  summary?: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  selfLink: string;
  /** Absolute URL of the page the feed mirrors. */
  alternateLink: string;
  updated: Date;
  authorName: string;
  /** `en` or `zh-CN`: the language of the feed's own texts. */
  language: string;
  entries: AtomEntry[];
}

const text = (tag: string, value: string, indent: string) => `${indent}<${tag} type="text">${escapeXml(value)}</${tag}>`;

/** The feed as an XML document in UTF-8. */
export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    text('title', feed.title, '  '),
    ...(feed.subtitle ? [text('subtitle', feed.subtitle, '  ')] : []),
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateLink)}"/>`,
    `  <author><name>${escapeXml(feed.authorName)}</name></author>`,
    '  <generator>Civitas</generator>',
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      text('title', entry.title, '    '),
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <published>${entry.published.toISOString()}</published>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      `    <author><name>${escapeXml(entry.authorName)}</name></author>`,
      ...(entry.categories ?? []).map((c) => `    <category term="${escapeXml(c)}"/>`),
      ...(entry.summary ? [text('summary', entry.summary, '    ')] : []),
      text('content', entry.content, '    '),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
