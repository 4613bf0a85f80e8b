/**
 * Polis's k-means on 2-D points (`clusters.clj`): deterministic first-k-distinct initialisation, warm
 * starts from a previous clustering (`clean-start-clusters`), empty clusters dropped, convergence when
 * every sorted centre moved less than 0.01, and the silhouette used to choose the number of groups.
 * Ties go where Clojure's `min-key`/`max-key` send them: to the last candidate.
 */

/** Points to cluster: `names[i]` is the caller's id of point i (a matrix row, or a base-cluster id). */
export interface PointSet {
  x: Float64Array;
  y: Float64Array;
  names: Int32Array;
  /** optional weight of each point (member counts when clustering base clusters) */
  weights?: Float64Array;
}

export interface Cluster {
  id: number;
  /** point names */
  members: number[];
  x: number;
  y: number;
}

/** A relative margin for rounding in distance bounds. */
const NEAR = 1 + 1e-12;

function distance(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}

/** The first k distinct points, in order, with ids 0..k-1 (`init-clusters`). */
export function initClusters(data: PointSet, k: number): Cluster[] {
  const out: Cluster[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < data.names.length && out.length < k; i++) {
    const px = data.x[i]!;
    const py = data.y[i]!;
    const key = `${px + 0},${py + 0}`; // +0 turns -0 into 0, which compare equal
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: out.length, members: [], x: px, y: py });
  }
  return out;
}

function countDistinct(data: PointSet): number {
  const seen = new Set<string>();
  for (let i = 0; i < data.names.length; i++) seen.add(`${data.x[i]! + 0},${data.y[i]! + 0}`);
  return seen.size;
}

/** Weighted (or plain) mean of the given point indices; undefined when there are none. */
function meanOf(data: PointSet, indices: readonly number[]): [number, number] | undefined {
  if (indices.length === 0) return undefined;
  let sx = 0;
  let sy = 0;
  let sw = 0;
  const w = data.weights;
  for (const i of indices) {
    const wi = w ? w[i]! : 1;
    sx += wi * data.x[i]!;
    sy += wi * data.y[i]!;
    sw += wi;
  }
  return [sx / sw, sy / sw];
}

/**
 * The index of the centre closest to (px, py) as Clojure's `min-key` picks it: the smallest distance,
 * and among equal distances the last centre. Centres are searched outwards in x order (`byX`, centre
 * indices sorted by x; `xs` their x values in that order), stopping once the x gap alone exceeds the best
 * distance found (with a margin for rounding, so no centre at an equal distance is missed).
 */
function closest(px: number, py: number, cx: Float64Array, cy: Float64Array, byX: Int32Array, xs: Float64Array): number {
  const nc = byX.length;
  let lo = 0;
  let hi = nc;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < px) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestD = Infinity;
  let left = lo - 1;
  let right = lo;
  while (left >= 0 || right < nc) {
    const dl = left >= 0 ? px - xs[left]! : Infinity;
    const dr = right < nc ? xs[right]! - px : Infinity;
    let c: number;
    if (dl <= dr) {
      if (dl > bestD * NEAR) break;
      c = byX[left--]!;
    } else {
      if (dr > bestD * NEAR) break;
      c = byX[right++]!;
    }
    const dx = px - cx[c]!;
    const dy = py - cy[c]!;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < bestD || (d === bestD && c > best) || best < 0) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** Assign every point to its closest centre, drop empty clusters, move centres to their means (`cluster-step`). */
export function clusterStep(data: PointSet, clusters: readonly Cluster[]): Cluster[] {
  const nc = clusters.length;
  const cx = new Float64Array(nc);
  const cy = new Float64Array(nc);
  for (let c = 0; c < nc; c++) {
    cx[c] = clusters[c]!.x;
    cy[c] = clusters[c]!.y;
  }
  const byX = Int32Array.from(clusters.keys()).sort((a, b) => cx[a]! - cx[b]! || a - b);
  const xs = Float64Array.from(byX, (c) => cx[c]!);
  const n = data.names.length;
  const owner = new Int32Array(n);
  const size = new Int32Array(nc);
  for (let i = 0; i < n; i++) {
    const c = closest(data.x[i]!, data.y[i]!, cx, cy, byX, xs);
    owner[i] = c;
    size[c]!++;
  }
  const sx = new Float64Array(nc);
  const sy = new Float64Array(nc);
  const sw = new Float64Array(nc);
  const members: number[][] = clusters.map(() => []);
  const w = data.weights;
  for (let i = 0; i < n; i++) {
    const c = owner[i]!;
    const wi = w ? w[i]! : 1;
    sx[c]! += wi * data.x[i]!;
    sy[c]! += wi * data.y[i]!;
    sw[c]! += wi;
    members[c]!.push(data.names[i]!);
  }
  const out: Cluster[] = [];
  for (let c = 0; c < nc; c++) {
    if (size[c] === 0) continue;
    out.push({ id: clusters[c]!.id, members: members[c]!, x: sx[c]! / sw[c]!, y: sy[c]! / sw[c]! });
  }
  return out;
}

function lexicographic(a: Cluster, b: Cluster): number {
  return a.x - b.x || a.y - b.y;
}

/** Centres sorted and compared pairwise (a shorter list is compared on its length only, as Clojure's zip does). */
export function sameClustering(a: readonly Cluster[], b: readonly Cluster[], threshold = 0.01): boolean {
  const sa = [...a].sort(lexicographic);
  const sb = [...b].sort(lexicographic);
  const len = Math.min(sa.length, sb.length);
  for (let i = 0; i < len; i++) {
    if (!(distance(sa[i]!.x, sa[i]!.y, sb[i]!.x, sb[i]!.y) < threshold)) return false;
  }
  return true;
}

/** Index of each point name in the data. */
function indexByName(data: PointSet): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < data.names.length; i++) map.set(data.names[i]!, i);
  return map;
}

function recenter(data: PointSet, at: Map<number, number>, clusters: readonly Cluster[]): Cluster[] {
  const out: Cluster[] = [];
  for (const clst of clusters) {
    const indices: number[] = [];
    for (const name of clst.members) {
      const i = at.get(name);
      if (i !== undefined) indices.push(i);
    }
    const center = meanOf(data, indices);
    // Polis would produce a NaN centre (or fail) for a cluster none of whose members is left; drop it.
    if (center) out.push({ ...clst, x: center[0], y: center[1] });
  }
  return out;
}

/**
 * Prepares a previous clustering as the start of a new one (`clean-start-clusters`): recentre on the new
 * positions, merge clusters with identical centres, then split off the most distal point until there are
 * min(k, number of distinct points) clusters.
 */
export function cleanStartClusters(data: PointSet, last: readonly Cluster[], k: number): Cluster[] {
  if (last.length === 0) return initClusters(data, k);
  const at = indexByName(data);
  let clusters = recenter(data, at, last);
  if (clusters.length === 0) {
    // Nothing left: one cluster of everything (`safe-recenter-clusters`).
    const all = Array.from(data.names);
    const center = meanOf(data, all.map((_, i) => i));
    if (!center) return [];
    clusters = [{ id: Math.max(-1, ...last.map((c) => c.id)) + 1, members: all, x: center[0], y: center[1] }];
  }
  // uniqify-clusters: a cluster whose centre equals an earlier one's is merged into it.
  const uniq: Cluster[] = [];
  for (const clst of clusters) {
    const j = uniq.findIndex((u) => u.x === clst.x && u.y === clst.y);
    if (j < 0) uniq.push(clst);
    else {
      const other = uniq[j]!;
      const id = other.members.length > clst.members.length ? other.id : clst.id;
      uniq[j] = { id, members: [...other.members, ...clst.members], x: other.x, y: other.y };
    }
  }
  const possible = Math.min(k, countDistinct(data));
  clusters = uniq;
  for (;;) {
    clusters = recenter(data, at, clusters);
    if (possible <= clusters.length || clusters.length === 0) return clusters;
    // most-distal: the point farthest from its closest centre (ties: last).
    let outDist = -Infinity;
    let outName = -1;
    let outIndex = -1;
    for (let i = 0; i < data.names.length; i++) {
      const px = data.x[i]!;
      const py = data.y[i]!;
      let near = Infinity;
      for (let c = 0; c < clusters.length; c++) {
        const d = distance(px, py, clusters[c]!.x, clusters[c]!.y);
        if (c === 0 || !(near < d)) near = d;
      }
      if (i === 0 || !(outDist > near)) {
        outDist = near;
        outName = data.names[i]!;
        outIndex = i;
      }
    }
    if (!(outDist > 0)) return clusters;
    const newId = Math.max(...clusters.map((c) => c.id)) + 1;
    clusters = clusters.map((c) => (c.members.includes(outName) ? { ...c, members: c.members.filter((m) => m !== outName) } : c));
    clusters.push({ id: newId, members: [outName], x: data.x[outIndex]!, y: data.y[outIndex]! });
  }
}

/**
 * k-means (`kmeans`): from `last` (warm start) when given and non-empty, else from the first k distinct
 * points; at most `maxIters + 1` steps. The result is sorted by id.
 */
export function kmeans(data: PointSet, k: number, maxIters: number, last?: readonly Cluster[] | null): Cluster[] {
  let clusters = last && last.length > 0 ? cleanStartClusters(data, last, k) : initClusters(data, k);
  for (let left = maxIters; ; left--) {
    const next = clusterStep(data, clusters);
    if (left <= 0 || sameClustering(clusters, next)) {
      clusters = next;
      break;
    }
    clusters = next;
  }
  return clusters.sort((a, b) => a.id - b.id);
}

/**
 * Mean silhouette of a clustering of the points (unweighted Euclidean distances between points): for each
 * member, (b − a)/max(a, b) with a the mean distance to the rest of its cluster and b the smallest mean
 * distance to another cluster; 0 for a member alone in its cluster (`clusters.clj` silhouette).
 */
export function silhouette(data: PointSet, clusters: readonly Cluster[]): number {
  const at = indexByName(data);
  const memberIdx = clusters.map((c) => c.members.map((m) => at.get(m)).filter((i): i is number => i !== undefined));
  let total = 0;
  let count = 0;
  for (let own = 0; own < clusters.length; own++) {
    for (const i of memberIdx[own]!) {
      count++;
      const px = data.x[i]!;
      const py = data.y[i]!;
      let a: number | undefined;
      let b: number | undefined;
      let singleton = false;
      for (let c = 0; c < clusters.length; c++) {
        const idx = memberIdx[c]!;
        const others = c === own ? idx.filter((j) => j !== i) : idx;
        if (c === own && others.length === 0) {
          singleton = true;
          break;
        }
        let sum = 0;
        for (const j of others) sum += distance(px, py, data.x[j]!, data.y[j]!);
        const mean = sum / others.length;
        if (c === own) a = mean;
        else b = b === undefined ? mean : Math.min(mean, b);
      }
      // A singleton scores 0; so does a lone cluster, where Polis would fail for want of a nearest other.
      if (singleton || a === undefined || b === undefined) continue;
      total += (b - a) / Math.max(b, a);
    }
  }
  return count === 0 ? 0 : total / count;
}
