import { sql, type RawBuilder } from 'kysely';

/**
 * Full-text search in English and Chinese with one tsvector: English words through PostgreSQL's
 * `english` configuration (stemmed), Chinese through application-made unigrams and bigrams of
 * every run of CJK characters (Chinese has no spaces to split words on), indexed with `simple`.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]+/gu;

/** The CJK unigrams and bigrams of a text (社区公园 -> 社 区 公 园 社区 区公 公园). */
export function cjkTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of text.normalize('NFKC').match(CJK) ?? []) {
    const chars = [...run];
    for (const c of chars) terms.add(c);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  return [...terms];
}

/** The text with CJK runs removed, for the English configuration. */
export function latinPart(text: string): string {
  return text.normalize('NFKC').replace(CJK, ' ');
}

/**
 * A tsvector holds at most 1 MB. Distinct CJK terms cost about 14 bytes each, so a long Chinese
 * document (the text of a PDF in a register) is indexed by its first 40,000 distinct terms, and
 * the Latin part by its first 400,000 characters: together well under the limit.
 */
const MAX_CJK_TERMS = 40_000;
const MAX_LATIN_CHARS = 400_000;

/**
 * The tsvector of a document: title words weigh more (A) than body words (D). Use it in an
 * INSERT/UPDATE of a `tsvector` column.
 */
export function searchVector(title: string, body = ''): RawBuilder<string> {
  return sql<string>`setweight(to_tsvector('english', ${latinPart(title)}), 'A')
    || setweight(to_tsvector('simple', ${cjkTerms(title).join(' ')}), 'A')
    || setweight(to_tsvector('english', ${latinPart(body).slice(0, MAX_LATIN_CHARS)}), 'D')
    || setweight(to_tsvector('simple', ${cjkTerms(body).slice(0, MAX_CJK_TERMS).join(' ')}), 'D')`;
}

/**
 * The tsquery of what a person typed: every English word (stemmed, prefix-matched) and every CJK
 * bigram (or the character itself, for a one-character query) must occur. Null when nothing is searchable.
 */
export function searchQuery(q: string): RawBuilder<string> | null {
  const words = latinPart(q)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  const cjk: string[] = [];
  for (const run of q.normalize('NFKC').match(CJK) ?? []) {
    const chars = [...run];
    if (chars.length === 1) cjk.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) cjk.push(chars[i]! + chars[i + 1]!);
  }
  if (words.length === 0 && cjk.length === 0) return null;
  const parts: RawBuilder<string>[] = [];
  for (const w of words) parts.push(sql<string>`to_tsquery('english', ${`${w}:*`})`);
  for (const t of cjk.slice(0, 32)) parts.push(sql<string>`to_tsquery('simple', ${t})`);
  return sql<string>`(${sql.join(parts, sql` && `)})`;
}
