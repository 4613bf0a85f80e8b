/**
 * The vote matrix: one row per participant, one column per comment, in first-seen order (Polis
 * `named_matrix.clj`). Immutable: applying votes returns a new matrix, so a previous math state stays valid.
 */
import type { VoteRecord } from './types.js';

/** The value of a cell nobody voted in. */
export const UNVOTED = -128;

export interface VoteMatrix {
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly rowOf: ReadonlyMap<string, number>;
  readonly colOf: ReadonlyMap<string, number>;
  /** row-major, `stride` cells per row; `UNVOTED` or -1/0/1 (agree = 1) */
  readonly cells: Int8Array;
  readonly stride: number;
}

export function emptyVoteMatrix(): VoteMatrix {
  return { rowIds: [], colIds: [], rowOf: new Map(), colOf: new Map(), cells: new Int8Array(0), stride: 0 };
}

const INTEGER = /^-?\d{1,15}$/;

/**
 * Orders ids numerically when both are integers (Polis ids are), otherwise by code units, so that
 * openData conversations are read in Polis's order and any other ids in a stable one.
 */
export function compareIds(a: string, b: string): number {
  const an = INTEGER.test(a);
  const bn = INTEGER.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct ids of a list, each list item's index into them, and each distinct id's rank in `compareIds` order. */
interface Interned {
  ids: string[];
  of: Int32Array;
  rank: Int32Array;
}

/** Each id's rank in `compareIds` order. */
function rankOf(ids: readonly string[]): Int32Array {
  const numeric = ids.map((id) => (INTEGER.test(id) ? Number(id) : NaN));
  const sorted = ids.map((_, k) => k);
  sorted.sort((x, y) => {
    const a = numeric[x]!;
    const b = numeric[y]!;
    if (a === a && b === b) return a - b; // both integers
    if ((a === a) !== (b === b)) return a === a ? -1 : 1;
    return ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0;
  });
  const rank = new Int32Array(ids.length);
  sorted.forEach((k, r) => (rank[k] = r));
  return rank;
}

/** The participants and comments of a batch of votes, interned in one pass. */
function internVotes(votes: readonly VoteRecord[]): { participants: Interned; comments: Interned } {
  const pIndex = new Map<string, number>();
  const cIndex = new Map<string, number>();
  const pIds: string[] = [];
  const cIds: string[] = [];
  const pOf = new Int32Array(votes.length);
  const cOf = new Int32Array(votes.length);
  // Votes often come grouped by comment or participant: remember the last of each.
  let lastC = '';
  let lastCk = -1;
  let lastP = '';
  let lastPk = -1;
  for (let i = 0; i < votes.length; i++) {
    const v = votes[i]!;
    const c = v.comment;
    if (c !== lastC || lastCk < 0) {
      let k = cIndex.get(c);
      if (k === undefined) {
        k = cIds.length;
        cIndex.set(c, k);
        cIds.push(c);
      }
      lastC = c;
      lastCk = k;
    }
    cOf[i] = lastCk;
    const p = v.participant;
    if (p !== lastP || lastPk < 0) {
      let k = pIndex.get(p);
      if (k === undefined) {
        k = pIds.length;
        pIndex.set(p, k);
        pIds.push(p);
      }
      lastP = p;
      lastPk = k;
    }
    pOf[i] = lastPk;
  }
  return { participants: { ids: pIds, of: pOf, rank: rankOf(pIds) }, comments: { ids: cIds, of: cOf, rank: rankOf(cIds) } };
}

/** A stable sort of indices 0..n-1 by unsigned 32-bit keys: counting passes over 11-bit digits. */
function radixOrder(key: Uint32Array): Int32Array {
  const n = key.length;
  let src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  let dst = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) if (key[i]! > max) max = key[i]!;
  const count = new Int32Array(2049);
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 11) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((key[i]! >>> shift) & 0x7ff) + 1]!++;
    for (let b = 1; b <= 2048; b++) count[b]! += count[b - 1]!;
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      dst[count[(key[v]! >>> shift) & 0x7ff]!++] = v;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

interface PollOrder {
  /** vote indices in poll order */
  order: Int32Array;
  participants: Interned;
  comments: Interned;
}

/**
 * Polis's poll order, `ORDER BY tid, pid, created` (ties: input order): a stable sort on
 * (comment rank, participant rank), then by time within the rare runs of re-votes on one cell.
 */
function pollOrder(votes: readonly VoteRecord[]): PollOrder {
  const V = votes.length;
  const { comments, participants } = internVotes(votes);
  const width = participants.ids.length;
  let order: Int32Array;
  if (comments.ids.length * width < 2 ** 32) {
    const key = new Uint32Array(V);
    for (let i = 0; i < V; i++) key[i] = comments.rank[comments.of[i]!]! * width + participants.rank[participants.of[i]!]!;
    order = radixOrder(key);
  } else {
    const key = (i: number) => comments.rank[comments.of[i]!]! * width + participants.rank[participants.of[i]!]!;
    order = Int32Array.from(
      Array.from({ length: V }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b),
    );
  }
  // Re-votes on one cell are adjacent now; order each run by time (stable).
  const cOf = comments.of;
  const pOf = participants.of;
  for (let s = 0; s < V; ) {
    let e = s + 1;
    const first = order[s]!;
    while (e < V && cOf[order[e]!] === cOf[first] && pOf[order[e]!] === pOf[first]) e++;
    if (e - s > 1) {
      const run = Array.from(order.subarray(s, e)).sort((a, b) => votes[a]!.time - votes[b]!.time || a - b);
      order.set(run, s);
    }
    s = e;
  }
  return { order, participants, comments };
}

/** Polis polls votes `ORDER BY tid, pid, created`; rows and columns appear in that first-seen order. */
export function sortVotesAsPolis(votes: readonly VoteRecord[]): VoteRecord[] {
  return Array.from(pollOrder(votes).order, (i) => votes[i]!);
}

export interface ApplyVotesLimits {
  maxParticipants: number;
  maxComments: number;
}

/**
 * Adds a batch of votes: sorted as Polis polls them, new participants and comments appended in first-seen
 * order, and the last vote on a cell wins. Votes from new participants or on new comments beyond the
 * limits are ignored (Polis `:customs`).
 */
export function applyVotes(matrix: VoteMatrix, batch: readonly VoteRecord[], limits: ApplyVotesLimits): VoteMatrix {
  if (batch.length === 0) return matrix;
  for (const v of batch) {
    if (v.vote !== 1 && v.vote !== -1 && v.vote !== 0) throw new RangeError(`a vote must be -1, 0 or 1, got ${String(v.vote)}`);
  }
  const { order, participants, comments } = pollOrder(batch);
  const rowIds = [...matrix.rowIds];
  const colIds = [...matrix.colIds];
  // Row and column of each distinct participant and comment of the batch; -1 until placed.
  const rowOfP = Int32Array.from(participants.ids, (id) => matrix.rowOf.get(id) ?? -1);
  const colOfC = Int32Array.from(comments.ids, (id) => matrix.colOf.get(id) ?? -1);
  const at = new Int32Array(batch.length * 2).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const p = participants.of[i]!;
    const c = comments.of[i]!;
    if ((rowOfP[p] === -1 && rowIds.length >= limits.maxParticipants) || (colOfC[c] === -1 && colIds.length >= limits.maxComments)) continue;
    if (rowOfP[p] === -1) {
      rowOfP[p] = rowIds.length;
      rowIds.push(participants.ids[p]!);
    }
    if (colOfC[c] === -1) {
      colOfC[c] = colIds.length;
      colIds.push(comments.ids[c]!);
    }
    at[2 * k] = rowOfP[p]!;
    at[2 * k + 1] = colOfC[c]!;
  }
  const rowOf = new Map(matrix.rowOf);
  for (let r = matrix.rowIds.length; r < rowIds.length; r++) rowOf.set(rowIds[r]!, r);
  const colOf = new Map(matrix.colOf);
  for (let j = matrix.colIds.length; j < colIds.length; j++) colOf.set(colIds[j]!, j);
  const stride = colIds.length <= matrix.stride ? matrix.stride : Math.max(colIds.length, Math.ceil(matrix.stride * 1.5), 8);
  const cells = new Int8Array(rowIds.length * stride).fill(UNVOTED);
  if (stride === matrix.stride) cells.set(matrix.cells.subarray(0, matrix.rowIds.length * stride));
  else {
    for (let r = 0; r < matrix.rowIds.length; r++) {
      cells.set(matrix.cells.subarray(r * matrix.stride, r * matrix.stride + matrix.colIds.length), r * stride);
    }
  }
  for (let k = 0; k < order.length; k++) {
    const r = at[2 * k]!;
    if (r >= 0) cells[r * stride + at[2 * k + 1]!] = batch[order[k]!]!.vote;
  }
  return { rowIds, colIds, rowOf, colOf, cells, stride };
}

/**
 * The matrix in the order a single batch of all its votes would give it: comments by id, participants by
 * the first comment they voted on, then by id (Polis polls `ORDER BY tid, pid`). Rows and columns
 * otherwise appear in the order votes arrived, so this is what makes a matrix grown by many updates
 * identical to one built at once. Returns the same matrix when it is already in that order.
 */
export function canonicalMatrix(matrix: VoteMatrix): VoteMatrix {
  const n = matrix.rowIds.length;
  const m = matrix.colIds.length;
  const colRank = rankOf(matrix.colIds);
  const colOrder = new Int32Array(m);
  colRank.forEach((rank, j) => (colOrder[rank] = j));
  const firstRank = new Int32Array(n).fill(m);
  const { cells, stride } = matrix;
  for (let r = 0; r < n; r++) {
    const base = r * stride;
    let best = m;
    for (let j = 0; j < m; j++) if (cells[base + j] !== UNVOTED && colRank[j]! < best) best = colRank[j]!;
    firstRank[r] = best;
  }
  const idRank = rankOf(matrix.rowIds);
  const rowOrder = Array.from({ length: n }, (_, r) => r).sort((a, b) => firstRank[a]! - firstRank[b]! || idRank[a]! - idRank[b]!);
  if (rowOrder.every((r, i) => r === i) && colOrder.every((j, i) => j === i)) return matrix;
  const rowIds = rowOrder.map((r) => matrix.rowIds[r]!);
  const colIds = Array.from(colOrder, (j) => matrix.colIds[j]!);
  const out = new Int8Array(n * stride).fill(UNVOTED);
  for (let i = 0; i < n; i++) {
    const from = rowOrder[i]! * stride;
    const to = i * stride;
    for (let j = 0; j < m; j++) out[to + j] = cells[from + colOrder[j]!]!;
  }
  return {
    rowIds,
    colIds,
    rowOf: new Map(rowIds.map((id, r) => [id, r])),
    colOf: new Map(colIds.map((id, j) => [id, j])),
    cells: out,
    stride,
  };
}
