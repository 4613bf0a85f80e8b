/**
 * Saving and restoring a math state, so that a restart continues warm (as Polis restores its stored math
 * in `load-or-init`) instead of recomputing cold and losing the clustering history.
 */
import { defaultMathOptions, type MathState, type StoredCluster } from './conversation.js';
import type { CommentRecord, MathOptions, VoteTally } from './types.js';
import type { VoteMatrix } from './vote-matrix.js';

const FORMAT = 'civitas-opinion-math/1';

interface SavedState {
  format: typeof FORMAT;
  tick: number;
  options: MathOptions;
  matrix: { rowIds: string[]; colIds: string[]; stride: number; cells: string };
  comments: CommentRecord[];
  clustered: string[];
  pca: { comments: string[]; comps: number[][] } | null;
  baseClusters: StoredCluster<string>[] | null;
  groupClusterings: [number, StoredCluster<number>[]][];
  kSmoother: MathState['kSmoother'];
  groupVoteTotals: [string, VoteTally][] | null;
}

/** A JSON text of the state (vote cells base64-encoded). */
export function serializeMathState(state: MathState): string {
  const { matrix } = state;
  const saved: SavedState = {
    format: FORMAT,
    tick: state.tick,
    options: state.options,
    matrix: {
      rowIds: [...matrix.rowIds],
      colIds: [...matrix.colIds],
      stride: matrix.stride,
      cells: Buffer.from(matrix.cells.buffer, matrix.cells.byteOffset, matrix.rowIds.length * matrix.stride).toString('base64'),
    },
    comments: [...state.comments.values()],
    clustered: [...state.clustered],
    pca: state.pca ? { comments: [...state.pca.comments], comps: state.pca.comps.map((c) => Array.from(c)) } : null,
    baseClusters: state.baseClusters ? state.baseClusters.map((c) => ({ ...c, members: [...c.members] })) : null,
    groupClusterings: [...state.groupClusterings].map(([k, cs]) => [k, cs.map((c) => ({ ...c, members: [...c.members] }))]),
    kSmoother: state.kSmoother,
    groupVoteTotals: state.groupVoteTotals ? [...state.groupVoteTotals] : null,
  };
  return JSON.stringify(saved);
}

export class MathStateFormatError extends Error {}

/** Restores a state saved by `serializeMathState`. */
export function deserializeMathState(text: string): MathState {
  const saved = JSON.parse(text) as SavedState;
  if (saved?.format !== FORMAT) throw new MathStateFormatError(`not a saved opinion-math state (${String(saved?.format)})`);
  const bytes = Buffer.from(saved.matrix.cells, 'base64');
  const cells = new Int8Array(bytes.byteLength);
  cells.set(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (cells.length !== saved.matrix.rowIds.length * saved.matrix.stride) throw new MathStateFormatError('vote cells do not fit the matrix');
  const matrix: VoteMatrix = {
    rowIds: saved.matrix.rowIds,
    colIds: saved.matrix.colIds,
    rowOf: new Map(saved.matrix.rowIds.map((id, i) => [id, i])),
    colOf: new Map(saved.matrix.colIds.map((id, i) => [id, i])),
    cells,
    stride: saved.matrix.stride,
  };
  return {
    tick: saved.tick,
    options: { ...defaultMathOptions, ...saved.options },
    matrix,
    comments: new Map(saved.comments.map((c) => [c.id, c])),
    clustered: new Set(saved.clustered),
    pca: saved.pca ? { comments: saved.pca.comments, comps: saved.pca.comps.map((c) => Float64Array.from(c)) } : null,
    baseClusters: saved.baseClusters,
    groupClusterings: new Map(saved.groupClusterings),
    kSmoother: saved.kSmoother,
    groupVoteTotals: saved.groupVoteTotals ? new Map(saved.groupVoteTotals) : null,
  };
}
