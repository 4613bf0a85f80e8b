/**
 * Two-component PCA as Polis's `pca.clj` computes it (power iteration with deflation), on a sparse
 * representation, plus a Lanczos solver that finds the same axes in far fewer products.
 *
 * Polis imputes every unvoted cell with its column mean and then centres on the column means, so an
 * unvoted cell is exactly 0 after centring: the centred matrix has non-zeros only where someone voted.
 * `XᵀXv` is therefore computed from the votes alone (O(votes) instead of O(participants × comments)),
 * and Polis's deflation (`factor-matrix`, subtracting each row's projection on the found component) is
 * applied as the projector P = I − ppᵀ/(p·p) on both sides: (XP)ᵀ(XP)v = P·XᵀX·(Pv).
 * `densePowerIterationPca` is the literal dense port, kept as the reference.
 */

/** The centred rating matrix in compressed-row form: only the cells that are not zero by construction. */
export interface CenteredMatrix {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/** XᵀX·v into `out` (Polis `xtxr`). */
function xtx(x: CenteredMatrix, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { rowStart, col, value } = x;
  for (let r = 0; r < x.rows; r++) {
    const start = rowStart[r]!;
    const end = rowStart[r + 1]!;
    let s = 0;
    for (let k = start; k < end; k++) s += value[k]! * v[col[k]!]!;
    if (s === 0) continue;
    for (let k = start; k < end; k++) out[col[k]!]! += s * value[k]!;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** v ← v − p·(p·v)/(p·p) for each found component p, in order (Polis `factor-matrix` / `proj-vec`). */
function deflate(v: Float64Array, found: readonly Float64Array[], norms: readonly number[]): void {
  for (let j = 0; j < found.length; j++) {
    const pp = norms[j]!;
    if (pp === 0) continue;
    const p = found[j]!;
    const coeff = dot(p, v) / pp;
    for (let i = 0; i < v.length; i++) v[i]! -= coeff * p[i]!;
  }
}

export interface PowerIterationStats {
  /** matrix-vector products per component */
  products: number[];
}

/**
 * The first `nComps` principal axes of the centred matrix (fewer when the matrix has fewer rows or
 * columns). Each starts from `starts[i]` (a previous axis, padded with 1s for new comments) or the
 * all-ones vector, and iterates `v ← normalise(XᵀXv)` until `iters` more products have been made or the
 * norm repeats exactly (Polis `power-iteration`).
 */
export function powerIterationPca(
  x: CenteredMatrix,
  nComps: number,
  iters: number,
  starts: readonly (Float64Array | null | undefined)[],
  stats?: PowerIterationStats,
): Float64Array[] {
  const m = x.cols;
  const count = Math.min(nComps, Math.min(x.rows, m));
  const found: Float64Array[] = [];
  const norms: number[] = [];
  const product = new Float64Array(m);
  const work = new Float64Array(m);
  for (let c = 0; c < count; c++) {
    let v = new Float64Array(m).fill(1);
    const start = starts[c];
    if (start && start.some((value) => value !== 0)) v.set(start.subarray(0, m));
    let next = new Float64Array(m);
    let last = 0;
    let products = 0;
    for (let left = iters; ; left--) {
      work.set(v);
      deflate(work, found, norms);
      xtx(x, work, product);
      deflate(product, found, norms);
      products++;
      let sq = 0;
      for (let i = 0; i < m; i++) sq += product[i]! * product[i]!;
      const eig = Math.sqrt(sq);
      if (eig > 0) {
        const inv = 1 / eig; // vectorz normalises by multiplying with the reciprocal
        for (let i = 0; i < m; i++) next[i] = product[i]! * inv;
      } else next.fill(0);
      [v, next] = [next, v];
      if (left <= 0 || eig === last) break;
      last = eig;
    }
    stats?.products.push(products);
    found.push(v);
    norms.push(dot(v, v));
  }
  return found;
}

/**
 * Eigenvalues and eigenvectors of the symmetric tridiagonal matrix with diagonal `diag` and off-diagonal
 * `off` (length k − 1), by the implicit QL algorithm; eigenvector i is column i of `vectors` (k × k,
 * row-major).
 */
export function tridiagonalEigen(diag: readonly number[], off: readonly number[]): { values: Float64Array; vectors: Float64Array } {
  const k = diag.length;
  const d = Float64Array.from(diag);
  const e = new Float64Array(k);
  for (let i = 0; i + 1 < k; i++) e[i] = off[i]!;
  const z = new Float64Array(k * k);
  for (let i = 0; i < k; i++) z[i * k + i] = 1;
  for (let l = 0; l < k; l++) {
    for (let iter = 0; iter < 60; iter++) {
      let m = l;
      for (; m < k - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        for (let row = 0; row < k; row++) {
          const zf = z[row * k + i + 1]!;
          z[row * k + i + 1] = s * z[row * k + i]! + c * zf;
          z[row * k + i] = c * z[row * k + i]! - s * zf;
        }
      }
      if (r === 0 && i >= l) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return { values: d, vectors: z };
}

/**
 * Gives an axis a definite sign: its components sum to more than 0 or, when they sum to about 0 (a
 * symmetric conversation), its first clearly non-zero component is positive. Power iteration from the
 * all-ones vector yields the first orientation.
 */
export function orientAxis(v: Float64Array): void {
  let sum = 0;
  let size = 0;
  for (const x of v) {
    sum += x;
    size += Math.abs(x);
  }
  let sign = 0;
  if (Math.abs(sum) > 1e-9 * size) sign = Math.sign(sum);
  else {
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    const first = v.find((x) => Math.abs(x) > 1e-6 * max);
    sign = first === undefined ? 1 : Math.sign(first);
  }
  if (sign < 0) for (let i = 0; i < v.length; i++) v[i] = 0 - v[i]!; // 0 - x keeps 0 positive
}

/**
 * The top `count` eigenvectors of XᵀX by Lanczos (with full reorthogonalisation) from `start` (default:
 * the all-ones vector), oriented as power iteration from the all-ones vector leaves them (components
 * summing to >= 0). `converged` when every Ritz pair's residual is below `tolerance` × the top Ritz value
 * (or the Krylov space was exhausted). Polis starts cold from a random vector and needs many ticks to
 * settle; this lands on the settled axes in a few dozen products instead of a few hundred.
 */
export function lanczosAxes(x: CenteredMatrix, count: number, start?: Float64Array, maxSteps = 80, tolerance = 1e-11): { vectors: Float64Array[]; converged: boolean } {
  const m = x.cols;
  const steps = Math.min(maxSteps, m);
  if (count <= 0 || steps === 0) return { vectors: [], converged: false };
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = new Float64Array(m).fill(1 / Math.sqrt(m));
  if (start && start.length === m) {
    const norm = Math.sqrt(dot(start, start));
    if (norm > 0) for (let i = 0; i < m; i++) q[i] = start[i]! / norm;
  }
  const active = new Uint8Array(m);
  for (let k = 0; k < x.col.length; k++) if (x.value[k] !== 0) active[x.col[k]!] = 1;
  const w = new Float64Array(m);
  let ritz: Float64Array[] = [];
  let ok = false;
  for (let j = 0; j < steps; j++) {
    basis.push(q);
    xtx(x, q, w);
    const a = dot(q, w);
    alpha.push(a);
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(b, w);
        for (let i = 0; i < m; i++) w[i]! -= c * b[i]!;
      }
    }
    const norm = Math.sqrt(dot(w, w));
    const k = basis.length;
    const done = norm <= 1e-14 * Math.max(Math.abs(a), 1) || k === steps;
    if (k >= count && (done || k % 2 === 0)) {
      const { values, vectors } = tridiagonalEigen(alpha, beta);
      const top = Array.from({ length: k }, (_, i) => i).sort((p, r) => values[r]! - values[p]!).slice(0, count);
      // Residual of a Ritz pair: |β_k · last component of its eigenvector|.
      const converged = top.every((i) => Math.abs(norm * vectors[(k - 1) * k + i]!) <= tolerance * Math.max(values[top[0]!]!, 1e-300));
      if (done || converged) {
        ok = converged || norm <= 1e-14 * Math.max(Math.abs(a), 1);
        ritz = top.map((i) => {
          const y = new Float64Array(m);
          for (let r = 0; r < k; r++) {
            const coeff = vectors[r * k + i]!;
            const b = basis[r]!;
            for (let c = 0; c < m; c++) y[c]! += coeff * b[c]!;
          }
          // Power iteration leaves exact zeros where XᵀX has an empty row (moderated-out comments, or
          // comments everyone voted alike on); the Krylov basis has rounding noise there.
          for (let c = 0; c < m; c++) if (!active[c]) y[c] = 0;
          orientAxis(y);
          return y;
        });
        break;
      }
    }
    if (done) break;
    beta.push(norm);
    q = new Float64Array(m);
    for (let i = 0; i < m; i++) q[i] = w[i]! / norm;
  }
  return { vectors: ritz, converged: ok && ritz.length === count };
}

/**
 * The literal port of Polis's `powerit-pca` on the dense centred matrix (`rows × cols`, row-major):
 * `xtxr` row by row and deflation by rewriting every row (`factor-matrix`). O(rows × cols) per product;
 * kept as the reference the sparse version is tested and benchmarked against.
 */
export function densePowerIterationPca(
  data: Float64Array,
  rows: number,
  cols: number,
  nComps: number,
  iters: number,
  starts: readonly (Float64Array | null | undefined)[],
): Float64Array[] {
  const x = Float64Array.from(data);
  const count = Math.min(nComps, Math.min(rows, cols));
  const found: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    let v = new Float64Array(cols).fill(1);
    const start = starts[c];
    if (start && start.some((value) => value !== 0)) v.set(start.subarray(0, cols));
    let last = 0;
    for (let left = iters; ; left--) {
      const product = new Float64Array(cols);
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let j = 0; j < cols; j++) s += v[j]! * x[r * cols + j]!;
        for (let j = 0; j < cols; j++) product[j]! += s * x[r * cols + j]!;
      }
      let sq = 0;
      for (let j = 0; j < cols; j++) sq += product[j]! * product[j]!;
      const eig = Math.sqrt(sq);
      const normed = new Float64Array(cols);
      if (eig > 0) for (let j = 0; j < cols; j++) normed[j] = product[j]! * (1 / eig);
      v = normed;
      if (left <= 0 || eig === last) break;
      last = eig;
    }
    found.push(v);
    const pp = dot(v, v);
    if (c + 1 < count && pp !== 0) {
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let j = 0; j < cols; j++) s += v[j]! * x[r * cols + j]!;
        const coeff = s / pp;
        for (let j = 0; j < cols; j++) x[r * cols + j]! -= coeff * v[j]!;
      }
    }
  }
  return found;
}
