/**
 * The opinion map of a conversation, computed as the Polis math worker does (`conversation.clj`, see
 * shared/data/polis/ALGORITHM.md): vote matrix, moderation, who is clustered, PCA, projections, base
 * clusters, groups chosen by silhouette with a smoother, group votes, group-aware consensus, repness,
 * consensus and comment priorities.
 *
 * State is immutable: `update(state, changes)` returns a new state and the result. Every update is
 * warm-started from the previous tick: the previous PCA axes start the next ones, the set of clustered
 * participants only grows, the k smoother carries over, and comment priorities use the previous tick's
 * group votes. In `polis` mode the base clusters and group clusterings also start from the previous
 * tick's and the axes come from Polis's power iteration, as in Polis, which makes results depend on the
 * order votes arrived. In the default `reproducible` mode k-means starts from Polis's deterministic
 * initialisation every tick and the axes are found by Lanczos (the same axes, converged), so an
 * incremental computation ends exactly where `cold(input)`, the computation from nothing, does.
 */
import { kmeans, silhouette, type Cluster, type PointSet } from './clusters.js';
import { densePowerIterationPca, lanczosAxes, orientAxis, powerIterationPca, type CenteredMatrix } from './pca.js';
import { groupRepnessStats, selectConsensus, selectRepComments, type GroupCounts } from './repness.js';
import type { CommentRecord, MathInput, MathOptions, MathResult, MathUpdate, OpinionGroup, RepComment, VoteTally } from './types.js';
import { applyVotes, canonicalMatrix, emptyVoteMatrix, UNVOTED, type VoteMatrix } from './vote-matrix.js';

/** Read once: a module-level copy keeps the hot loops off the import binding. */
const NONE: number = UNVOTED;

export const defaultMathOptions: MathOptions = Object.freeze({
  mode: 'reproducible',
  pcaMethod: 'sparse',
  pcaIters: 100,
  coldPcaIters: 1000,
  baseK: 100,
  baseIters: 100,
  maxK: 5,
  groupIters: 20,
  groupKBuffer: 4,
  maxParticipants: 100000,
  maxComments: 10000,
  minVotes: 7,
  greedyN: 15,
});

/** A clustering whose members are participant ids (base clusters) or base-cluster ids (group clusterings). */
export interface StoredCluster<M> {
  id: number;
  members: readonly M[];
  x: number;
  y: number;
}

/** Everything carried from one tick to the next. Treat as opaque; persist with `serializeMathState`. */
export interface MathState {
  readonly tick: number;
  readonly options: MathOptions;
  readonly matrix: VoteMatrix;
  readonly comments: ReadonlyMap<string, CommentRecord>;
  /** participants taken into clustering; once in, always in */
  readonly clustered: ReadonlySet<string>;
  /** the previous PCA axes, aligned with `comments` (the matrix columns at the time) */
  readonly pca: { readonly comments: readonly string[]; readonly comps: readonly Float64Array[] } | null;
  readonly baseClusters: readonly StoredCluster<string>[] | null;
  readonly groupClusterings: ReadonlyMap<number, readonly StoredCluster<number>[]>;
  readonly kSmoother: { readonly lastK: number; readonly lastKCount: number; readonly smoothedK: number } | null;
  /** the previous tick's votes summed over groups, per comment (Polis prioritises comments on them, Q2) */
  readonly groupVoteTotals: ReadonlyMap<string, VoteTally> | null;
}

/**
 * Math carried over from elsewhere (Polis's stored `math-pca2`, or an earlier computation), so that a
 * conversation imported with its history is warm-started the way Polis would after a restart
 * (`load-or-init`: clustered participants, PCA axes and base clusters are restored; group clusterings
 * and the k smoother are not).
 */
export interface MathSeed {
  clustered?: readonly string[];
  pca?: { comments: readonly string[]; comps: readonly (readonly number[])[] };
  baseClusters?: readonly { id: number; members: readonly string[]; center: readonly [number, number] }[];
}

export function createMathState(options: Partial<MathOptions> = {}, seed: MathSeed = {}): MathState {
  return {
    tick: 0,
    options: { ...defaultMathOptions, ...options },
    matrix: emptyVoteMatrix(),
    comments: new Map(),
    clustered: new Set(seed.clustered ?? []),
    pca: seed.pca ? { comments: [...seed.pca.comments], comps: seed.pca.comps.map((c) => Float64Array.from(c)) } : null,
    baseClusters: seed.baseClusters
      ? seed.baseClusters.map((c) => ({ id: c.id, members: [...c.members], x: c.center[0], y: c.center[1] }))
      : null,
    groupClusterings: new Map(),
    kSmoother: null,
    groupVoteTotals: null,
  };
}

/** Applies new or changed votes and comments, and recomputes warm-started from the previous tick. */
export function update(state: MathState, changes: MathUpdate): { state: MathState; result: MathResult } {
  let matrix = applyVotes(state.matrix, changes.votes ?? [], {
    maxParticipants: state.options.maxParticipants,
    maxComments: state.options.maxComments,
  });
  // A first batch comes out in canonical order already.
  if (state.options.mode === 'reproducible' && state.matrix.rowIds.length > 0) matrix = canonicalMatrix(matrix);
  let comments = state.comments;
  if (changes.comments && changes.comments.length > 0) {
    const next = new Map(state.comments);
    for (const c of changes.comments) next.set(c.id, { id: c.id, moderated: c.moderated, isMeta: c.isMeta });
    comments = next;
  }
  return computeTick(state, matrix, comments);
}

/** A full computation from nothing: the same as one update of a fresh state with everything. */
export function cold(input: MathInput, options: Partial<MathOptions> = {}, seed: MathSeed = {}): MathResult {
  return update(createMathState(options, seed), { votes: input.votes, comments: input.comments }).result;
}

/** Builds a JSON-safe object from entries (ids such as "__proto__" stay plain keys). */
function record<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

function alignComps(pca: MathState['pca'], colIds: readonly string[]): Float64Array[] {
  if (!pca) return [];
  const m = colIds.length;
  const samePrefix = pca.comments.length <= m && pca.comments.every((id, j) => colIds[j] === id);
  return pca.comps.map((comp) => {
    const v = new Float64Array(m).fill(1); // new comments start at 1, as Polis pads its start vectors
    if (samePrefix) v.set(comp.subarray(0, Math.min(comp.length, m)));
    else {
      const at = new Map(pca.comments.map((id, j) => [id, j]));
      for (let j = 0; j < m; j++) {
        const i = at.get(colIds[j]!);
        if (i !== undefined && i < comp.length) v[j] = comp[i]!;
      }
    }
    return v;
  });
}

/** Clojure's max-key over k in ascending order: a later k wins ties. */
function argmaxLast(entries: readonly (readonly [number, number])[]): number {
  let [bestK, best] = entries[0]!;
  for (let i = 1; i < entries.length; i++) {
    const [k, value] = entries[i]!;
    if (!(best > value)) {
      bestK = k;
      best = value;
    }
  }
  return bestK;
}

function emptyResult(tick: number, matrix: VoteMatrix): MathResult {
  return {
    tick,
    n: matrix.rowIds.length,
    nComments: matrix.colIds.length,
    comments: [...matrix.colIds],
    participants: [...matrix.rowIds],
    clustered: [],
    moderatedOut: [],
    metaComments: [],
    voteCounts: {},
    pca: { center: [], comps: [], commentProjection: [[], []], commentExtremity: [] },
    projections: {},
    baseClusters: [],
    groups: [],
    k: { chosen: 0, best: 0, silhouettes: {} },
    groupVotes: {},
    repness: {},
    consensus: { agree: [], disagree: [] },
    groupAwareConsensus: {},
    commentPriorities: {},
  };
}

/** The rating matrix's statistics: moderated-out columns count as voted 0 in every row. */
interface Rating {
  modOut: Uint8Array;
  meta: Uint8Array;
  modOutCount: number;
  /** non-empty raw cells per row (passes and moderated-out comments included) */
  voteCount: Int32Array;
  /** non-empty cells per row of the rating matrix: voted comments plus every moderated-out one */
  ratedCount: Int32Array;
  center: Float64Array;
  /** every voted cell, centred; 0 in moderated-out columns, which the rating matrix zeroes */
  centred: CenteredMatrix;
  /** the raw vote of each cell of `centred` */
  vote: Int8Array;
  /** agrees, disagrees and votes per column over everyone (not moderated-out columns) */
  colA: Int32Array;
  colD: Int32Array;
  colS: Int32Array;
}

function rate(matrix: VoteMatrix, comments: ReadonlyMap<string, CommentRecord>): Rating {
  const n = matrix.rowIds.length;
  const m = matrix.colIds.length;
  const { cells, stride } = matrix;
  const modOut = new Uint8Array(m);
  const meta = new Uint8Array(m);
  let modOutCount = 0;
  for (let j = 0; j < m; j++) {
    const c = comments.get(matrix.colIds[j]!);
    if (c && (c.moderated === -1 || c.isMeta)) {
      modOut[j] = 1;
      modOutCount++;
    }
    if (c?.isMeta) meta[j] = 1;
  }
  // One pass over the dense matrix collects the voted cells; everything after works on those.
  const voteCount = new Int32Array(n);
  const ratedCount = new Int32Array(n);
  const rowStart = new Int32Array(n + 1);
  const colSum = new Float64Array(m);
  const colA = new Int32Array(m);
  const colD = new Int32Array(m);
  const colS = new Int32Array(m);
  let capacity = Math.max(1024, Math.min(n * m, n * 32));
  let col = new Int32Array(capacity);
  let vote = new Int8Array(capacity);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    const base = r * stride;
    if (nnz + m > capacity) {
      capacity = Math.min(n * m, Math.max(capacity * 2, nnz + m));
      const grownCol = new Int32Array(capacity);
      grownCol.set(col.subarray(0, nnz));
      col = grownCol;
      const grownVote = new Int8Array(capacity);
      grownVote.set(vote.subarray(0, nnz));
      vote = grownVote;
    }
    let moderated = 0;
    for (let j = 0; j < m; j++) {
      const v = cells[base + j]!;
      if (v === NONE) continue;
      col[nnz] = j;
      vote[nnz] = v;
      nnz++;
      if (modOut[j] === 1) {
        moderated++;
        continue;
      }
      colS[j]!++;
      colSum[j]! += v;
      if (v > 0) colA[j]!++;
      else if (v < 0) colD[j]!++;
    }
    voteCount[r] = nnz - rowStart[r]!;
    ratedCount[r] = voteCount[r]! - moderated + modOutCount;
    rowStart[r + 1] = nnz;
  }
  const center = new Float64Array(m);
  for (let j = 0; j < m; j++) center[j] = modOut[j] === 1 || colS[j] === 0 ? 0 : colSum[j]! / colS[j]!;
  const value = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const j = col[k]!;
    value[k] = modOut[j] === 1 ? 0 : vote[k]! - center[j]!;
  }
  return {
    modOut,
    meta,
    modOutCount,
    voteCount,
    ratedCount,
    center,
    centred: { rows: n, cols: m, rowStart, col: col.subarray(0, nnz), value },
    vote: vote.subarray(0, nnz),
    colA,
    colD,
    colS,
  };
}

/** In-conv: min(7, comments) votes, once in always in, topped up to 15 with the top voters. */
function updateClustered(prev: ReadonlySet<string>, rowIds: readonly string[], voteCount: Int32Array, m: number, o: MathOptions): Set<string> {
  const clustered = new Set(prev);
  const threshold = Math.min(o.minVotes, m);
  for (let r = 0; r < rowIds.length; r++) if (voteCount[r]! >= threshold) clustered.add(rowIds[r]!);
  if (clustered.size < o.greedyN) {
    const candidates: number[] = [];
    for (let r = 0; r < rowIds.length; r++) if (!clustered.has(rowIds[r]!)) candidates.push(r);
    // Polis sorts a hash map by count; ties here go by row order.
    candidates.sort((a, b) => voteCount[b]! - voteCount[a]! || a - b);
    for (const r of candidates.slice(0, o.greedyN - clustered.size)) clustered.add(rowIds[r]!);
  }
  return clustered;
}

/** The reference path: Polis's PCA on the dense imputed, centred matrix. */
function densePca(rating: Rating, iters: number, starts: Float64Array[]): Float64Array[] {
  const { rows: n, cols: m, rowStart, col, value } = rating.centred;
  const dense = new Float64Array(n * m); // unvoted cells are imputed with the column mean: 0 once centred
  for (let r = 0; r < n; r++) for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) dense[r * m + col[k]!] = value[k]!;
  return densePowerIterationPca(dense, n, m, 2, iters, starts);
}

interface Projections {
  px: Float64Array;
  py: Float64Array;
  cpx: Float64Array;
  cpy: Float64Array;
  extremity: Float64Array;
}

/**
 * Participants: the voted cells only, scaled by sqrt(comments / votes), moderated-out cells counting as
 * votes. Comments: where a participant who only agreed with the comment would be. With fewer than two
 * axes Polis projects everything to (0, 0) (Q16).
 */
function project(rating: Rating, comps: readonly Float64Array[]): Projections {
  const { rows: n, cols: m, rowStart, col, value } = rating.centred;
  const out: Projections = {
    px: new Float64Array(n),
    py: new Float64Array(n),
    cpx: new Float64Array(m),
    cpy: new Float64Array(m),
    extremity: new Float64Array(m),
  };
  if (comps.length < 2) return out;
  const pc1 = comps[0]!;
  const pc2 = comps[1]!;
  for (let r = 0; r < n; r++) {
    let p1 = 0;
    let p2 = 0;
    const end = rowStart[r + 1]!;
    for (let k = rowStart[r]!; k < end; k++) {
      const x = value[k]!;
      p1 += x * pc1[col[k]!]!;
      p2 += x * pc2[col[k]!]!;
    }
    const scale = Math.sqrt(m / Math.max(rating.ratedCount[r]!, 1));
    out.px[r] = scale * p1;
    out.py[r] = scale * p2;
  }
  const sqrtM = Math.sqrt(m);
  for (let j = 0; j < m; j++) {
    const x = 1 - rating.center[j]!;
    const cx = sqrtM * (x * pc1[j]!);
    const cy = sqrtM * (x * pc2[j]!);
    out.cpx[j] = cx;
    out.cpy[j] = cy;
    out.extremity[j] = Math.sqrt(cx * cx + cy * cy);
  }
  return out;
}

interface GroupChoice {
  clusterings: Map<number, Cluster[]>;
  silhouettes: [number, number][];
  bestK: number;
  kSmoother: MathState['kSmoother'];
  groups: Cluster[];
}

/** k-means on the base centres weighted by size for k = 2..max-k, chosen by silhouette and smoothed. */
function chooseGroups(base: readonly Cluster[], prev: MathState, o: MathOptions): GroupChoice {
  const clusterings = new Map<number, Cluster[]>();
  const silhouettes: [number, number][] = [];
  if (base.length === 0) return { clusterings, silhouettes, bestK: 0, kSmoother: prev.kSmoother, groups: [] };
  const data: PointSet = {
    x: Float64Array.from(base, (c) => c.x),
    y: Float64Array.from(base, (c) => c.y),
    names: Int32Array.from(base, (c) => c.id),
    weights: Float64Array.from(base, (c) => c.members.length),
  };
  const maxK = Math.min(o.maxK, 2 + Math.floor(base.length / 12));
  for (let k = 2; k <= maxK; k++) {
    const last = o.mode === 'polis' ? prev.groupClusterings.get(k) : undefined;
    const clustering = kmeans(data, k, o.groupIters, last ? last.map((c) => ({ ...c, members: [...c.members] })) : null);
    clusterings.set(k, clustering);
    silhouettes.push([k, silhouette(data, clustering)]);
  }
  const bestK = argmaxLast(silhouettes);
  const before = prev.kSmoother;
  const count = before !== null && before.lastK === bestK ? before.lastKCount + 1 : 1;
  let smoothed = count >= o.groupKBuffer ? bestK : (before?.smoothedK ?? bestK);
  if (!clusterings.has(smoothed)) smoothed = bestK; // a stale k no longer tried (Polis #2536)
  return { clusterings, silhouettes, bestK, kSmoother: { lastK: bestK, lastKCount: count, smoothedK: smoothed }, groups: clusterings.get(smoothed)! };
}

interface GroupTallies {
  /** per group g and column j at [g * m + j], from the raw matrix (moderated-out comments included) */
  A: Int32Array;
  D: Int32Array;
  S: Int32Array;
  /** the same on the rating matrix, for repness */
  counts: GroupCounts;
}

function tallyGroups(rating: Rating, groupRows: readonly (readonly number[])[]): GroupTallies {
  const m = rating.centred.cols;
  const G = groupRows.length;
  const { rowStart, col } = rating.centred;
  const { vote, modOut } = rating;
  const A = new Int32Array(G * m);
  const D = new Int32Array(G * m);
  const S = new Int32Array(G * m);
  const counts: GroupCounts = { groups: G, cols: m, na: new Int32Array(G * m), nd: new Int32Array(G * m), ns: new Int32Array(G * m) };
  for (let g = 0; g < G; g++) {
    const off = g * m;
    const rows = groupRows[g]!;
    for (const r of rows) {
      const end = rowStart[r + 1]!;
      for (let k = rowStart[r]!; k < end; k++) {
        const at = off + col[k]!;
        const v = vote[k]!;
        S[at]!++;
        if (v > 0) A[at]!++;
        else if (v < 0) D[at]!++;
      }
    }
    for (let j = 0; j < m; j++) {
      if (modOut[j] === 1) counts.ns[off + j] = rows.length; // zeroed: every member "passed"
      else {
        counts.na[off + j] = A[off + j]!;
        counts.nd[off + j] = D[off + j]!;
        counts.ns[off + j] = S[off + j]!;
      }
    }
  }
  return { A, D, S, counts };
}

function computeTick(prev: MathState, matrix: VoteMatrix, comments: ReadonlyMap<string, CommentRecord>): { state: MathState; result: MathResult } {
  const o = prev.options;
  const tick = prev.tick + 1;
  const n = matrix.rowIds.length;
  const m = matrix.colIds.length;
  const { rowIds, colIds } = matrix;
  if (n === 0 || m === 0) return { state: { ...prev, tick, matrix, comments }, result: emptyResult(tick, matrix) };

  const rating = rate(matrix, comments);
  const clustered = updateClustered(prev.clustered, rowIds, rating.voteCount, m, o);

  // PCA on everyone, warm-started from the previous axes.
  const iters = prev.pca ? o.pcaIters : o.coldPcaIters;
  let comps: Float64Array[];
  if (o.pcaMethod === 'dense') comps = densePca(rating, iters, alignComps(prev.pca, colIds));
  else {
    // Polis mode warm-starts Polis's power iteration from the previous axes as they are. Otherwise, and on
    // a cold start, Lanczos (from the previous axes when there are some) finds the axes; Polis's power
    // iteration from them only runs when Lanczos did not converge, and in polis mode.
    const previous = alignComps(prev.pca, colIds);
    const wanted = Math.min(2, n, m);
    if (o.mode === 'polis' && previous.length > 0) comps = powerIterationPca(rating.centred, 2, iters, previous);
    else {
      const seed = previous.length >= 2 ? previous[0]!.map((x, j) => x + previous[1]![j]!) : previous[0];
      const lanczos = lanczosAxes(rating.centred, wanted, seed);
      comps =
        o.mode !== 'polis' && lanczos.converged && lanczos.vectors.length === wanted
          ? lanczos.vectors
          : powerIterationPca(rating.centred, 2, iters, lanczos.vectors);
    }
  }
  if (o.mode === 'reproducible') for (const comp of comps) orientAxis(comp);
  const proj = project(rating, comps);

  // Base clusters: k-means with 100 centres on the clustered participants' positions, in row order.
  const inRows: number[] = [];
  for (let r = 0; r < n; r++) if (clustered.has(rowIds[r]!)) inRows.push(r);
  const baseData: PointSet = {
    x: Float64Array.from(inRows, (r) => proj.px[r]!),
    y: Float64Array.from(inRows, (r) => proj.py[r]!),
    names: Int32Array.from(inRows),
  };
  const lastBase = o.mode !== 'polis' ? undefined : prev.baseClusters?.map((c) => ({
    id: c.id,
    members: c.members.map((id) => matrix.rowOf.get(id)).filter((r): r is number => r !== undefined),
    x: c.x,
    y: c.y,
  }));
  const base = inRows.length > 0 ? kmeans(baseData, o.baseK, o.baseIters, lastBase) : [];

  const choice = chooseGroups(base, prev, o);
  const baseById = new Map(base.map((c) => [c.id, c]));
  const groupRows = choice.groups.map((g) => g.members.flatMap((bid) => baseById.get(bid)!.members).sort((a, b) => a - b));
  const G = groupRows.length;
  const tallies = tallyGroups(rating, groupRows);

  // Group-aware consensus: the product over groups of (A + 1) / (S + 2).
  const groupAwareConsensus: [string, number][] = [];
  const totals = new Map<string, VoteTally>();
  if (G > 0) {
    for (let j = 0; j < m; j++) {
      let product = 1;
      let A = 0;
      let D = 0;
      let S = 0;
      for (let g = 0; g < G; g++) {
        product *= (tallies.A[g * m + j]! + 1.0) / (tallies.S[g * m + j]! + 2.0);
        A += tallies.A[g * m + j]!;
        D += tallies.D[g * m + j]!;
        S += tallies.S[g * m + j]!;
      }
      groupAwareConsensus.push([colIds[j]!, product]);
      totals.set(colIds[j]!, { A, D, S });
    }
  }

  // Comment priorities, on the previous tick's group votes (Polis Q2); on a first tick, on this tick's.
  const priorTotals = prev.groupVoteTotals ?? totals;
  const commentPriorities: [string, number][] = [];
  for (let j = 0; j < m; j++) {
    if (rating.meta[j] === 1) {
      commentPriorities.push([colIds[j]!, 49]);
      continue;
    }
    const t = priorTotals.get(colIds[j]!) ?? { A: 0, D: 0, S: 0 };
    const P = t.S - (t.A + t.D);
    const importance = (1 - (P + 1) / (t.S + 2)) * (proj.extremity[j]! + 1) * ((t.A + 1) / (t.S + 2));
    const priority = importance * (1 + 8 * Math.pow(2, t.S / -5));
    commentPriorities.push([colIds[j]!, priority * priority]);
  }

  // Representative comments per group, and consensus over everyone; moderated-out comments excluded.
  const excluded = new Set<number>();
  for (let j = 0; j < m; j++) if (rating.modOut[j] === 1) excluded.add(j);
  const groupIds = choice.groups.map((g) => g.id);
  const repness = G > 0 ? selectRepComments(groupIds, colIds, groupRepnessStats(tallies.counts), excluded) : new Map<number, RepComment[]>();
  const consensus = selectConsensus(colIds, rating.colA, rating.colD, rating.colS, excluded);

  const result: MathResult = {
    tick,
    n,
    nComments: m,
    comments: [...colIds],
    participants: [...rowIds],
    clustered: inRows.map((r) => rowIds[r]!),
    moderatedOut: colIds.filter((_, j) => rating.modOut[j] === 1),
    metaComments: colIds.filter((_, j) => rating.meta[j] === 1),
    voteCounts: record(rowIds.map((id, r) => [id, rating.voteCount[r]!] as const)),
    pca: {
      center: Array.from(rating.center),
      comps: comps.map((c) => Array.from(c)),
      commentProjection: [Array.from(proj.cpx), Array.from(proj.cpy)],
      commentExtremity: Array.from(proj.extremity),
    },
    projections: record(rowIds.map((id, r) => [id, [proj.px[r]!, proj.py[r]!] as [number, number]] as const)),
    baseClusters: base.map((c) => ({ id: c.id, members: c.members.map((r) => rowIds[r]!), center: [c.x, c.y] })),
    groups: choice.groups.map((g, i): OpinionGroup => ({
      id: g.id,
      baseClusters: [...g.members],
      members: groupRows[i]!.map((r) => rowIds[r]!),
      center: [g.x, g.y],
    })),
    k: {
      chosen: choice.kSmoother?.smoothedK ?? 0,
      best: choice.bestK,
      silhouettes: record(choice.silhouettes.map(([k, s]) => [String(k), s] as const)),
    },
    groupVotes: record(
      choice.groups.map((g, gi) => [
        String(g.id),
        {
          memberCount: groupRows[gi]!.length,
          votes: record(colIds.map((id, j) => [id, { A: tallies.A[gi * m + j]!, D: tallies.D[gi * m + j]!, S: tallies.S[gi * m + j]! }] as const)),
        },
      ] as const),
    ),
    repness: record([...repness].map(([gid, list]) => [String(gid), list] as const)),
    consensus,
    groupAwareConsensus: record(groupAwareConsensus),
    commentPriorities: record(commentPriorities),
  };

  const state: MathState = {
    tick,
    options: o,
    matrix,
    comments,
    clustered,
    pca: comps.length > 0 ? { comments: colIds, comps } : prev.pca,
    baseClusters: base.map((c) => ({ id: c.id, members: c.members.map((r) => rowIds[r]!), x: c.x, y: c.y })),
    groupClusterings: new Map([...choice.clusterings].map(([k, cs]) => [k, cs.map((c) => ({ id: c.id, members: [...c.members], x: c.x, y: c.y }))])),
    kSmoother: choice.kSmoother,
    groupVoteTotals: G > 0 ? totals : prev.groupVoteTotals,
  };
  return { state, result };
}
