/**
 * A small word-and-character diff for comparing versions of a clause. Pure: no database, no HTTP.
 *
 * Text is split into tokens: every CJK character (and CJK punctuation) is a token of its own,
 * because Chinese has no spaces between words; runs of letters and digits are words; runs of
 * whitespace and every other character are tokens too. The diff is the longest common subsequence
 * of the two token lists (after stripping a common prefix and suffix); when that table would be too
 * large it falls back to comparing lines, and then to replacing the whole text.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u{20000}-\\u{2fa1f}';
/** A CJK character; a run of other letters and digits; a line break; a run of other whitespace; any other character. */
const TOKEN = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}_])+|\\r?\\n|[^\\S\\n]+|[^]`, 'gu');

/** The tokens of a text, which joined together give the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** At most this many cells in the LCS table (tokens of a x tokens of b) before falling back to lines. */
const MAX_CELLS = 4_000_000;

/** The difference between two texts, as parts that rebuild `a` (equal + delete) and `b` (equal + insert). */
export function diffText(a: string, b: string): DiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const ta = tokenize(a);
  const tb = tokenize(b);
  const parts = diffTokens(ta, tb);
  if (parts) return merge(parts);
  const lines = diffTokens(splitLines(a), splitLines(b));
  if (lines) return merge(lines);
  return merge([
    { op: 'delete', text: a },
    { op: 'insert', text: b },
  ]);
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

/** LCS diff of two token lists; null when the table would be too large. */
function diffTokens(a: string[], b: string[]): DiffPart[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffPart[] = [];
  if (start > 0) out.push({ op: 'equal', text: a.slice(0, start).join('') });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n === 0 && m > 0) out.push({ op: 'insert', text: midB.join('') });
  else if (m === 0 && n > 0) out.push({ op: 'delete', text: midA.join('') });
  else if (n > 0 && m > 0) {
    if ((n + 1) * (m + 1) > MAX_CELLS) return null;
    out.push(...lcsDiff(midA, midB));
  }
  if (endA < a.length) out.push({ op: 'equal', text: a.slice(endA).join('') });
  return out;
}

/** The classic dynamic-programming LCS, walked back into delete/insert/equal parts. */
function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i * width + j]: the LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'equal', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      out.push({ op: 'delete', text: a[i]! });
      i++;
    } else {
      out.push({ op: 'insert', text: b[j]! });
      j++;
    }
  }
  while (i < n) out.push({ op: 'delete', text: a[i++]! });
  while (j < m) out.push({ op: 'insert', text: b[j++]! });
  return out;
}

/** Length in characters (code points), as a reader sees it. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Joins neighbouring parts of the same kind with deletions before insertions, then removes small
 * equalities that split one change into fragments (the "semantic cleanup" of diff-match-patch):
 * an equality no longer than the changes on both of its sides becomes part of the change, so
 * 城市管理 -> 市场监管 reads as one replacement instead of four slivers.
 */
function merge(parts: DiffPart[]): DiffPart[] {
  let current = coalesce(parts);
  for (;;) {
    let changed = false;
    for (let k = 1; k < current.length - 1; k++) {
      const part = current[k]!;
      if (part.op !== 'equal') continue;
      const before = changeAround(current, k, -1);
      const after = changeAround(current, k, 1);
      const size = length(part.text);
      if (before > 0 && after > 0 && size <= before && size <= after) {
        current = coalesce([...current.slice(0, k), { op: 'delete', text: part.text }, { op: 'insert', text: part.text }, ...current.slice(k + 1)]);
        changed = true;
        break;
      }
    }
    if (!changed) return current;
  }
}

/** The larger of the deleted and inserted lengths right next to part k, on one side. */
function changeAround(parts: DiffPart[], k: number, step: 1 | -1): number {
  let deleted = 0;
  let inserted = 0;
  for (let i = k + step; i >= 0 && i < parts.length && parts[i]!.op !== 'equal'; i += step) {
    if (parts[i]!.op === 'delete') deleted += length(parts[i]!.text);
    else inserted += length(parts[i]!.text);
  }
  return Math.max(deleted, inserted);
}

/** Neighbouring parts of the same kind joined, each changed stretch as one deletion then one insertion. */
function coalesce(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of parts) {
    if (part.text === '') continue;
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.op === 'equal') last.text += part.text;
      else out.push({ op: 'equal', text: part.text });
    }
  }
  flush();
  return out;
}

/** The old text (equal + delete parts). */
export function oldSide(parts: DiffPart[]): string {
  return parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
}

/** The new text (equal + insert parts). */
export function newSide(parts: DiffPart[]): string {
  return parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
}

// ------------------------------------------------------------------------------------------------
// Clause-by-clause comparison of two versions

/** One clause's text in one version. */
export interface ClauseText {
  id: string;
  position: number;
  label: string;
  labelZh: string | null;
  text: string;
  textZh: string | null;
}

export type ClauseChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ClauseComparison {
  clauseId: string;
  status: ClauseChange;
  from: ClauseText | null;
  to: ClauseText | null;
  /** The clause moved to another place among the clauses kept in both versions. */
  moved: boolean;
  labelChanged: boolean;
  /** Word-level (English) or character-level (Chinese) differences of the text; null when added or removed. */
  diff: DiffPart[] | null;
  diffZh: DiffPart[] | null;
}

/**
 * Compares two versions clause by clause, by clause identity: clauses only in `to` are added,
 * only in `from` removed (listed after the clause that preceded them), in both changed when the
 * label or text differs in either language, else unchanged. Order follows the new version.
 */
export function compareClauses(from: ClauseText[], to: ClauseText[]): ClauseComparison[] {
  const fromSorted = [...from].sort((x, y) => x.position - y.position);
  const toSorted = [...to].sort((x, y) => x.position - y.position);
  const fromById = new Map(fromSorted.map((c) => [c.id, c]));
  const toIds = new Set(toSorted.map((c) => c.id));

  // Removed clauses go after the last clause before them that both versions keep.
  const removedAfter = new Map<string | null, ClauseText[]>();
  let previousKept: string | null = null;
  for (const clause of fromSorted) {
    if (toIds.has(clause.id)) previousKept = clause.id;
    else removedAfter.set(previousKept, [...(removedAfter.get(previousKept) ?? []), clause]);
  }

  // Order of the kept clauses in each version, to tell a moved clause.
  const keptFrom = fromSorted.filter((c) => toIds.has(c.id)).map((c) => c.id);
  const keptTo = toSorted.filter((c) => fromById.has(c.id)).map((c) => c.id);
  const movedIds = movedClauses(keptFrom, keptTo);

  const out: ClauseComparison[] = [];
  const pushRemoved = (key: string | null) => {
    for (const clause of removedAfter.get(key) ?? []) {
      out.push({ clauseId: clause.id, status: 'removed', from: clause, to: null, moved: false, labelChanged: false, diff: null, diffZh: null });
    }
  };
  pushRemoved(null);
  for (const clause of toSorted) {
    const before = fromById.get(clause.id);
    if (!before) {
      out.push({ clauseId: clause.id, status: 'added', from: null, to: clause, moved: false, labelChanged: false, diff: null, diffZh: null });
    } else {
      const labelChanged = before.label !== clause.label || (before.labelZh ?? '') !== (clause.labelZh ?? '');
      const textChanged = before.text !== clause.text;
      const zhChanged = (before.textZh ?? '') !== (clause.textZh ?? '');
      const changed = labelChanged || textChanged || zhChanged;
      const hasZh = Boolean(before.textZh || clause.textZh);
      out.push({
        clauseId: clause.id,
        status: changed ? 'changed' : 'unchanged',
        from: before,
        to: clause,
        moved: movedIds.has(clause.id),
        labelChanged,
        diff: diffText(before.text, clause.text),
        diffZh: hasZh ? diffText(before.textZh ?? '', clause.textZh ?? '') : null,
      });
    }
    pushRemoved(clause.id);
  }
  return out;
}

/** Clauses kept in both versions that are not part of the longest run left in the same order. */
function movedClauses(before: string[], after: string[]): Set<string> {
  const parts = diffTokens(before.map((id) => `${id}\u0000`), after.map((id) => `${id}\u0000`)) ?? [];
  const moved = new Set<string>();
  for (const part of parts) {
    if (part.op === 'insert') for (const id of part.text.split('\u0000')) if (id) moved.add(id);
  }
  return moved;
}

/** How many clauses were added, removed, changed and left unchanged. */
export function summarizeComparison(entries: ClauseComparison[]): Record<ClauseChange, number> {
  const summary: Record<ClauseChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const entry of entries) summary[entry.status]++;
  return summary;
}
