/**
 * Types of the opinion-map math (a port of the Polis math worker). Votes use the export convention
 * agree = +1, disagree = -1, pass = 0; Polis's internal sign is the opposite, which only flips the sign
 * of projections and centres (the axes of an opinion map have no meaningful sign).
 */

/** agree = 1, disagree = -1, pass = 0. */
export type VoteValue = -1 | 0 | 1;

/** One vote. `time` (ms) orders re-votes on the same comment: the latest wins. */
export interface VoteRecord {
  participant: string;
  comment: string;
  vote: VoteValue;
  time: number;
}

/**
 * A comment's moderation status. Comments moderated out (`moderated: -1`) and meta comments are zeroed
 * out of the PCA and never selected as representative or consensus comments.
 */
export interface CommentRecord {
  id: string;
  /** -1 rejected, 0 unmoderated, 1 accepted. Unmoderated comments stay in the math (as in Polis). */
  moderated: -1 | 0 | 1;
  isMeta: boolean;
}

/** Everything a full (cold) computation needs. */
export interface MathInput {
  votes: readonly VoteRecord[];
  comments: readonly CommentRecord[];
}

/** What changed since the last update: new or changed votes, new comments or moderation changes. */
export interface MathUpdate {
  votes?: readonly VoteRecord[];
  comments?: readonly CommentRecord[];
}

/** Tuning; the defaults are Polis's (`conversation.clj` 142-151). */
export interface MathOptions {
  /**
   * `reproducible` (default): a tick's result depends only on the current votes, moderation and set of
   * clustered participants (plus Polis's k smoother and its one-tick lag in comment priorities): the vote
   * matrix is kept in the order one batch would give, k-means starts from Polis's deterministic first-k
   * initialisation, and the PCA axes are computed to convergence (Lanczos, started from the previous
   * axes) and oriented so their components sum to > 0. An incremental computation then ends where a full
   * recomputation does, and anyone can reproduce published groups from an export.
   * `polis`: Polis's warm starts as they are: rows and columns in arrival order, base clusters and group
   * clusterings started from the previous tick's, axes keep the previous sign. Results depend on history;
   * seeded with Polis's stored math this reproduces Polis's output.
   */
  mode: 'reproducible' | 'polis';
  /**
   * `sparse` (default) computes XᵀXv from the votes alone; `dense` is the literal port of Polis's
   * `pca.clj` on the imputed dense matrix, kept as the reference for tests and benchmarks (same result).
   */
  pcaMethod: 'sparse' | 'dense';
  /** Power iterations per component on a polis-mode update (Polis: 100, i.e. at most 101 products). */
  pcaIters: number;
  /**
   * Cap on Polis's power iteration when there is no previous PCA. Polis starts cold from a random vector
   * and settles over many ticks; we find the settled axes by Lanczos from the all-ones vector, and run the
   * power iteration (from those) only in polis mode or when Lanczos did not converge.
   */
  coldPcaIters: number;
  baseK: number;
  baseIters: number;
  maxK: number;
  /** k-means iterations for group clusters; Polis passes 100 under a key kmeans ignores, so 20 apply (Q3). */
  groupIters: number;
  groupKBuffer: number;
  maxParticipants: number;
  maxComments: number;
  /** Participants join the clustering with at least min(this, number of comments) votes. */
  minVotes: number;
  /** Fewer clustered participants than this: the top voters are added (greedy fill). */
  greedyN: number;
}

/** A representative comment of a group (Polis `repness.clj` finalize-cmt-stats). */
export interface RepComment {
  comment: string;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
  repness: number;
  /** Stored as a 32-bit float, as Polis does. */
  repnessTest: number;
  repfulFor: 'agree' | 'disagree';
  /** Set on the group's best agreed comment, put first. */
  bestAgree?: true;
  nAgree?: number;
}

/** A consensus comment (`select-consensus-comments`). */
export interface ConsensusComment {
  comment: string;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
}

export interface VoteTally {
  /** agrees */
  A: number;
  /** disagrees */
  D: number;
  /** seen: any vote, pass included */
  S: number;
}

/** A base cluster: at most `baseK` of them, the units the groups are built from. */
export interface BaseCluster {
  id: number;
  members: string[];
  center: [number, number];
}

/** An opinion group. */
export interface OpinionGroup {
  id: number;
  /** ids of the base clusters in the group */
  baseClusters: number[];
  /** participant ids, in vote-matrix row order */
  members: string[];
  center: [number, number];
}

/** The result of one tick; plain JSON. Maps are keyed by comment, participant or group id. */
export interface MathResult {
  tick: number;
  /** number of participants (rows) and comments (columns) in the vote matrix */
  n: number;
  nComments: number;
  /** comment ids in column order; `pca.*` arrays are aligned with it */
  comments: string[];
  /** participant ids in row order */
  participants: string[];
  /** participants taken into clustering ("in-conv"), in row order */
  clustered: string[];
  moderatedOut: string[];
  metaComments: string[];
  /** non-empty votes per participant, passes and votes on moderated-out comments included */
  voteCounts: Record<string, number>;
  pca: {
    center: number[];
    comps: number[][];
    /** `[xs, ys]`: where a participant who only agreed with the comment would be */
    commentProjection: [number[], number[]];
    commentExtremity: number[];
  };
  /** every participant's position; only `clustered` ones are in groups */
  projections: Record<string, [number, number]>;
  baseClusters: BaseCluster[];
  groups: OpinionGroup[];
  /** the silhouette of each k tried, and the k in use after smoothing */
  k: { chosen: number; best: number; silhouettes: Record<string, number> };
  groupVotes: Record<string, { memberCount: number; votes: Record<string, VoteTally> }>;
  repness: Record<string, RepComment[]>;
  consensus: { agree: ConsensusComment[]; disagree: ConsensusComment[] };
  groupAwareConsensus: Record<string, number>;
  commentPriorities: Record<string, number>;
}
