/**
 * Representative comments per group and consensus comments, as Polis's `repness.clj` and `stats.clj`
 * compute them. Counts are integers; comparisons Polis makes on exact ratios (ra > 1, pa > 0.5) are made
 * on the integers, so that they decide exactly as Polis does.
 */
import type { ConsensusComment, RepComment } from './types.js';

/** z > 1.2816: significant at 90 % (`z-sig-90?`). */
export const Z_90 = 1.2816;

/** One-proportion test with a +1 prior (`prop-test`). */
export function propTest(succ: number, n: number): number {
  const s = succ + 1;
  const m = n + 1;
  return 2 * Math.sqrt(m) * (s / m - 0.5);
}

/** Two-proportion z test with +1 on all four counts; 0 when the pooled proportion is 1 (`two-prop-test`). */
export function twoPropTest(succIn: number, succOut: number, popIn: number, popOut: number): number {
  const s1 = succIn + 1;
  const s2 = succOut + 1;
  const n1 = popIn + 1;
  const n2 = popOut + 1;
  if (s1 + s2 === n1 + n2) return 0;
  const piHat = (s1 + s2) / (n1 + n2);
  // pi1 − pi2 on the integers, as Polis subtracts exact ratios
  return (s1 * n2 - s2 * n1) / (n1 * n2) / Math.sqrt(piHat * (1 - piHat) * (1 / n1 + 1 / n2));
}

/** Agree/disagree/seen counts of one group (or everyone) on one comment, with Polis's derived statistics. */
export interface CommentStats {
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
}

export function commentStats(na: number, nd: number, ns: number): CommentStats {
  return { na, nd, ns, pa: (1 + na) / (2 + ns), pd: (1 + nd) / (2 + ns), pat: propTest(na, ns), pdt: propTest(nd, ns) };
}

/** A group's statistics on a comment compared with the union of the other groups (`add-comparitive-stats`). */
export interface GroupCommentStats extends CommentStats {
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
  /** ra > 1, decided exactly */
  raAbove1: boolean;
}

function compare(na: number, nd: number, ns: number, restNa: number, restNd: number, restNs: number): GroupCommentStats {
  return {
    na,
    nd,
    ns,
    pa: (1 + na) / (2 + ns),
    pd: (1 + nd) / (2 + ns),
    pat: propTest(na, ns),
    pdt: propTest(nd, ns),
    ra: ((1 + na) * (2 + restNs)) / ((2 + ns) * (1 + restNa)),
    rd: ((1 + nd) * (2 + restNs)) / ((2 + ns) * (1 + restNd)),
    rat: twoPropTest(na, restNa, ns, restNs),
    rdt: twoPropTest(nd, restNd, ns, restNs),
    raAbove1: (1 + na) * (2 + restNs) > (2 + ns) * (1 + restNa),
  };
}

/** Per-group vote counts on every comment (`na`, `nd`, `ns` of group g on column j at [g * m + j]). */
export interface GroupCounts {
  groups: number;
  cols: number;
  na: Int32Array;
  nd: Int32Array;
  ns: Int32Array;
}

/** Statistics of every group on every column (`conv-repness`): result[g][j]. */
export function groupRepnessStats(counts: GroupCounts): GroupCommentStats[][] {
  const { groups, cols: m, na, nd, ns } = counts;
  const totalNa = new Int32Array(m);
  const totalNd = new Int32Array(m);
  const totalNs = new Int32Array(m);
  for (let g = 0; g < groups; g++) {
    for (let j = 0; j < m; j++) {
      totalNa[j]! += na[g * m + j]!;
      totalNd[j]! += nd[g * m + j]!;
      totalNs[j]! += ns[g * m + j]!;
    }
  }
  const out: GroupCommentStats[][] = [];
  for (let g = 0; g < groups; g++) {
    const row: GroupCommentStats[] = [];
    for (let j = 0; j < m; j++) {
      const a = na[g * m + j]!;
      const d = nd[g * m + j]!;
      const s = ns[g * m + j]!;
      row.push(compare(a, d, s, totalNa[j]! - a, totalNd[j]! - d, totalNs[j]! - s));
    }
    out.push(row);
  }
  return out;
}

function passesByTest(s: GroupCommentStats): boolean {
  return (s.rat > Z_90 && s.pat > Z_90) || (s.rdt > Z_90 && s.pdt > Z_90);
}

function finalize(comment: string, s: GroupCommentStats): RepComment {
  const agree = s.rat > s.rdt;
  return agree
    ? { comment, nSuccess: s.na, nTrials: s.ns, pSuccess: s.pa, pTest: s.pat, repness: s.ra, repnessTest: Math.fround(s.rat), repfulFor: 'agree' }
    : { comment, nSuccess: s.nd, nTrials: s.ns, pSuccess: s.pd, pTest: s.pdt, repness: s.rd, repnessTest: Math.fround(s.rdt), repfulFor: 'disagree' };
}

function repnessMetric(r: RepComment): number {
  return r.repness * r.repnessTest * r.pSuccess * r.pTest;
}

/** `beats-best-agr?`: the group's best agreed comment, by repness when that exceeds 1, else by probability. */
function beatsBestAgree(s: GroupCommentStats, best: GroupCommentStats | undefined): boolean {
  if (s.na === 0 && s.nd === 0) return false;
  if (best && best.raAbove1) return s.ra * s.rat * s.pa * s.pat > best.ra * best.rat * best.pa * best.pat;
  if (best) return s.pa * s.pat > best.pa * best.pat;
  return s.pat > Z_90 || (s.raAbove1 && 2 * (s.na + 1) > s.ns + 2);
}

/**
 * Up to 5 representative comments per group (`select-rep-comments`): those passing both tests, best agreed
 * comment first, then by repness × test × probability × test, agrees before disagrees; when none passes,
 * the best agreed comment or else the best by test. Moderated-out comments are skipped.
 */
export function selectRepComments(
  groupIds: readonly number[],
  comments: readonly string[],
  stats: readonly (readonly GroupCommentStats[])[],
  excluded: ReadonlySet<number>,
): Map<number, RepComment[]> {
  const state = groupIds.map(() => ({
    sufficient: [] as RepComment[],
    best: undefined as RepComment | undefined,
    bestAgree: undefined as { col: number; stats: GroupCommentStats } | undefined,
  }));
  for (let j = 0; j < comments.length; j++) {
    if (excluded.has(j)) continue;
    for (let g = 0; g < groupIds.length; g++) {
      const s = stats[g]![j]!;
      const st = state[g]!;
      if (passesByTest(s)) st.sufficient.push(finalize(comments[j]!, s));
      if (st.sufficient.length === 0 && (st.best === undefined || Math.max(s.rat, s.rdt) > st.best.repnessTest)) {
        st.best = finalize(comments[j]!, s);
      }
      if (beatsBestAgree(s, st.bestAgree?.stats)) st.bestAgree = { col: j, stats: s };
    }
  }
  const out = new Map<number, RepComment[]>();
  groupIds.forEach((gid, g) => {
    const { sufficient, best, bestAgree } = state[g]!;
    const head: RepComment | undefined = bestAgree
      ? { ...finalize(comments[bestAgree.col]!, bestAgree.stats), nAgree: bestAgree.stats.na, bestAgree: true }
      : undefined;
    if (sufficient.length === 0) {
      out.set(gid, head ? [head] : best ? [best] : []);
      return;
    }
    const ranked = sufficient
      .filter((r) => r.comment !== head?.comment)
      .map((r) => ({ r, metric: repnessMetric(r) }))
      .sort((a, b) => (b.metric > a.metric ? 1 : b.metric < a.metric ? -1 : 0))
      .map(({ r }) => r);
    const top = (head ? [head, ...ranked] : ranked).slice(0, 5);
    out.set(gid, [...top.filter((r) => r.repfulFor === 'agree'), ...top.filter((r) => r.repfulFor === 'disagree')]);
  });
  return out;
}

/**
 * Consensus comments over all participants (`select-consensus-comments`): up to 5 agreed with
 * (pa > 0.5 and significant), by pa × pat, and likewise up to 5 disagreed with.
 */
export function selectConsensus(
  comments: readonly string[],
  na: Int32Array,
  nd: Int32Array,
  ns: Int32Array,
  excluded: ReadonlySet<number>,
): { agree: ConsensusComment[]; disagree: ConsensusComment[] } {
  const all: { col: number; s: CommentStats }[] = [];
  for (let j = 0; j < comments.length; j++) {
    if (!excluded.has(j)) all.push({ col: j, s: commentStats(na[j]!, nd[j]!, ns[j]!) });
  }
  const pick = (agree: boolean): ConsensusComment[] =>
    all
      .filter(({ s }) => (agree ? 2 * (s.na + 1) > s.ns + 2 && s.pat > Z_90 : 2 * (s.nd + 1) > s.ns + 2 && s.pdt > Z_90))
      .map((entry) => ({ entry, metric: agree ? entry.s.pa * entry.s.pat : entry.s.pd * entry.s.pdt }))
      .sort((a, b) => (b.metric > a.metric ? 1 : b.metric < a.metric ? -1 : 0))
      .slice(0, 5)
      .map(({ entry: { col, s } }) =>
        agree
          ? { comment: comments[col]!, nSuccess: s.na, nTrials: s.ns, pSuccess: s.pa, pTest: s.pat }
          : { comment: comments[col]!, nSuccess: s.nd, nTrials: s.ns, pSuccess: s.pd, pTest: s.pdt },
      );
  return { agree: pick(true), disagree: pick(false) };
}
