/**
 * Redaction of personal data in the public correspondence, as pure functions: staff mark spans of
 * a message (character ranges or every occurrence of an exact phrase); the public text has each
 * span replaced by a marker, the original is kept for the department and the requester only.
 */
import type { RedactionSpan } from './tables.js';

/** The marker the public sees in place of a redacted span, by language. */
export const REDACTED = { en: '[redacted]', 'zh-CN': '[已隐去]' } as const;

/** Sorted, with overlapping or touching spans merged. */
export function mergeSpans(spans: RedactionSpan[]): RedactionSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: RedactionSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Every occurrence of `phrase` in `text` as a span (none for an empty phrase). */
export function phraseSpans(text: string, phrase: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  if (phrase.length === 0) return spans;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) spans.push({ start: at, end: at + phrase.length });
  return spans;
}

/** Whether a span lies within a text of this length (and does not cut a surrogate pair). */
export function spanFits(text: string, span: RedactionSpan): boolean {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.end <= span.start) return false;
  const low = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!);
  return !low(span.start) && !low(span.end);
}

/** The text the public reads: each redacted span replaced by the marker. */
export function publicText(text: string, spans: RedactionSpan[], marker: string = REDACTED.en): string {
  let out = '';
  let at = 0;
  for (const span of mergeSpans(spans)) {
    out += text.slice(at, span.start) + marker;
    at = span.end;
  }
  return out + text.slice(at);
}
