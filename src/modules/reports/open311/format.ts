/**
 * Open311 GeoReport v2 documents as plain values, and their XML form. Pure: the same value is sent
 * as JSON, or written here as XML with the element names of the specification (`services/service`,
 * `service_requests/request`, `errors/error`, ...), escaped and well-formed.
 */

export type Scalar = string | number | boolean | null;
export interface Node {
  [key: string]: Scalar | Node | Node[] | Scalar[];
}

/** The element name of each item of a list, by the list's name. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** Characters XML 1.0 cannot carry at all (control characters other than tab, newline, return; lone surrogates; U+FFFE/FFFF). */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function scalarText(value: Scalar): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeXml(String(value));
}

function element(name: string, value: Scalar | Node | Node[] | Scalar[]): string {
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    return `<${name}>${(value as (Scalar | Node)[]).map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${scalarText(value)}</${name}>`;
}

/** An XML document with the declaration the specification asks for, its root named `root`. */
export function toXml(root: string, value: Node | Node[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** Date-times as the specification writes them: ISO 8601 with the zone (UTC), to the second. */
export function open311Time(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The Chinese text when asked for Chinese and one exists, else the English one. */
export function pick(zh: boolean, en: string, zhText: string | null | undefined): string {
  return zh && zhText ? zhText : en;
}
