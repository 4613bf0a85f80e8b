// The building blocks, on small hand-made data and against the literal (dense) port of Polis's PCA.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanStartClusters, clusterStep, initClusters, kmeans, sameClustering, silhouette, type Cluster, type PointSet } from './clusters.js';
import { cold, createMathState, update } from './conversation.js';
import { replayClustered } from './history.js';
import { densePowerIterationPca, powerIterationPca, type CenteredMatrix } from './pca.js';
import { propTest, twoPropTest } from './repness.js';
import { loadConversation, sharedDataGate } from './test-support.js';
import type { VoteRecord, VoteValue } from './types.js';
import { applyVotes, canonicalMatrix, emptyVoteMatrix, UNVOTED } from './vote-matrix.js';

const limits = { maxParticipants: 1e6, maxComments: 1e6 };

function points(xy: [number, number][], weights?: number[]): PointSet {
  return {
    x: Float64Array.from(xy, (p) => p[0]),
    y: Float64Array.from(xy, (p) => p[1]),
    names: Int32Array.from(xy, (_, i) => i),
    ...(weights ? { weights: Float64Array.from(weights) } : {}),
  };
}

describe('statistics', () => {
  test('prop-test and two-prop-test as in stats.clj', () => {
    assert.equal(propTest(6, 6), Math.sqrt(7)); // 2·sqrt(7)·(7/7 − 0.5)
    assert.equal(propTest(0, 0), 1); // 2·sqrt(1)·(1/1 − 0.5): the +1 prior
    assert.ok(Math.abs(twoPropTest(1, 0, 1, 1) - 0.5 / Math.sqrt(0.75 * 0.25)) < 1e-15);
    assert.equal(twoPropTest(1, 1, 1, 1), 0, 'pooled proportion 1');
  });
});

describe('k-means', () => {
  test('starts from the first k distinct points, with ids 0..k-1', () => {
    const init = initClusters(points([[0, 0], [0, 0], [1, 0], [2, 0]]), 2);
    assert.deepEqual(init.map((c) => [c.id, c.x, c.y]), [[0, 0, 0], [1, 1, 0]]);
  });

  test('a point equidistant from two centres goes to the later one; empty clusters are dropped', () => {
    const data = points([[0.5, 0], [0, 0]]);
    const clusters: Cluster[] = [
      { id: 0, members: [], x: 0, y: 0 },
      { id: 1, members: [], x: 1, y: 0 },
      { id: 2, members: [], x: 50, y: 50 },
    ];
    const step = clusterStep(data, clusters);
    assert.deepEqual(step.map((c) => [c.id, c.members]), [[0, [1]], [1, [0]]]);
  });

  test('centres are weighted means when points carry weights', () => {
    const step = clusterStep(points([[0, 0], [3, 0]], [2, 1]), [{ id: 7, members: [], x: 1, y: 0 }]);
    assert.deepEqual(step.map((c) => [c.id, c.x, c.y]), [[7, 1, 0]]);
  });

  test('same-clustering compares sorted centres, on the shorter list only', () => {
    const a: Cluster[] = [{ id: 0, members: [], x: 1, y: 0 }, { id: 1, members: [], x: 0, y: 0 }];
    const b: Cluster[] = [{ id: 5, members: [], x: 0.005, y: 0 }];
    assert.equal(sameClustering(a, b), true);
    assert.equal(sameClustering(a, [{ id: 0, members: [], x: 0.02, y: 0 }]), false);
  });

  test('a warm start splits off the most distal point until there are min(k, distinct points) clusters', () => {
    const data = points([[0, 0], [1, 0], [10, 0]]);
    const start = cleanStartClusters(data, [{ id: 4, members: [0, 1, 2], x: 0, y: 0 }], 3);
    // (10,0) is farthest from the centre (11/3, 0); then (0,0) and (1,0) tie at 0.5 from (0.5, 0): the last wins.
    assert.deepEqual(
      start.map((c) => [c.id, c.members, c.x, c.y]),
      [
        [4, [0], 0, 0],
        [5, [2], 10, 0],
        [6, [1], 1, 0],
      ],
    );
  });

  test('k-means converges and returns clusters sorted by id', () => {
    const data = points([[0, 0], [0, 1], [10, 0], [10, 1], [0, 0.5]]);
    const clusters = kmeans(data, 2, 20);
    // Starts from (0,0) and (0,1); (10,0) first joins cluster 0, which ends on the right.
    assert.deepEqual(clusters.map((c) => [c.id, c.members]), [[0, [2, 3]], [1, [0, 1, 4]]]);
  });

  test('silhouette: members alone in their cluster score 0', () => {
    const data = points([[0, 0], [0, 1], [10, 0]]);
    const clusters: Cluster[] = [{ id: 0, members: [0, 1], x: 0, y: 0.5 }, { id: 1, members: [2], x: 10, y: 0 }];
    const b1 = Math.sqrt(101);
    const expected = ((10 - 1) / 10 + (b1 - 1) / b1 + 0) / 3;
    assert.ok(Math.abs(silhouette(data, clusters) - expected) < 1e-15);
  });
});

describe('vote matrix', () => {
  const votes: VoteRecord[] = [
    { participant: '2', comment: '1', vote: 1, time: 5 },
    { participant: '1', comment: '1', vote: -1, time: 3 },
    { participant: '1', comment: '0', vote: 0, time: 9 },
    { participant: '1', comment: '0', vote: 1, time: 1 },
    { participant: '3', comment: '0', vote: -1, time: 2 },
  ];

  test('rows and columns in Polis poll order (tid, pid, created); the latest vote wins', () => {
    const m = applyVotes(emptyVoteMatrix(), votes, limits);
    assert.deepEqual(m.colIds, ['0', '1']);
    assert.deepEqual(m.rowIds, ['1', '3', '2']);
    assert.equal(m.cells[0 * m.stride + 0], 0, 'the vote at time 9 replaced the one at time 1');
    assert.equal(m.cells[2 * m.stride + 0], UNVOTED);
  });

  test('a matrix grown in batches has the order of one built at once once made canonical', () => {
    const once = applyVotes(emptyVoteMatrix(), votes, limits);
    const grown = canonicalMatrix(applyVotes(applyVotes(emptyVoteMatrix(), votes.slice(0, 2), limits), votes.slice(2), limits));
    assert.deepEqual([grown.rowIds, grown.colIds], [once.rowIds, once.colIds]);
    for (let r = 0; r < once.rowIds.length; r++) {
      for (let j = 0; j < once.colIds.length; j++) assert.equal(grown.cells[r * grown.stride + j], once.cells[r * once.stride + j]);
    }
    assert.equal(canonicalMatrix(once), once);
  });

  test('participants and comments beyond the limits are ignored', () => {
    const m = applyVotes(emptyVoteMatrix(), votes, { maxParticipants: 2, maxComments: 1 });
    assert.deepEqual([m.rowIds, m.colIds], [['1', '3'], ['0']]);
  });
});

describe('who is clustered', () => {
  test('replaying history keeps early joiners: all comments voted while there were few, or the top-up to 15', () => {
    const votes: VoteRecord[] = [{ participant: 'early', comment: 'c0', vote: 1, time: 0 }];
    for (let p = 0; p < 20; p++) for (let c = 0; c < 8; c++) votes.push({ participant: `p${p}`, comment: `c${c}`, vote: 1, time: 10 + p * 8 + c });
    const replayed = replayClustered(votes);
    assert.ok(replayed.includes('early'));
    assert.equal(replayed.length, 21);
    const final = cold({ votes, comments: [] });
    assert.ok(!final.clustered.includes('early'), 'from the final votes alone, one vote of 8 is not enough');
    assert.ok(cold({ votes, comments: [] }, {}, { clustered: replayed }).clustered.includes('early'));
  });

  test('fewer than 15 qualified: the top voters are added', () => {
    const votes: VoteRecord[] = [];
    for (let p = 0; p < 20; p++) for (let c = 0; c < (p < 3 ? 8 : p % 5); c++) votes.push({ participant: `p${p}`, comment: `c${c}`, vote: 1, time: p * 10 + c });
    const r = cold({ votes, comments: [] });
    assert.equal(r.clustered.length, 15);
    for (const p of ['p0', 'p1', 'p2', 'p4', 'p9', 'p14', 'p19']) assert.ok(r.clustered.includes(p), p);
  });
});

describe('a two-camp conversation', () => {
  // Camp A agrees with comments 0-4 and disagrees with 5-9; camp B the opposite; everyone agrees with 10.
  const votes: VoteRecord[] = [];
  for (let p = 0; p < 30; p++) {
    const campA = p % 3 !== 0;
    for (let c = 0; c < 11; c++) {
      const vote: VoteValue = c === 10 ? 1 : (c < 5) === campA ? 1 : -1;
      votes.push({ participant: `u${p}`, comment: `k${c}`, vote, time: p * 100 + c });
    }
  }
  const result = cold({ votes, comments: [] });

  test('finds the two camps', () => {
    assert.equal(result.groups.length, 2);
    const campB = Array.from({ length: 10 }, (_, i) => `u${i * 3}`);
    const groups = result.groups.map((g) => [...g.members].sort());
    assert.ok(groups.some((g) => g.length === campB.length && campB.every((p) => g.includes(p))));
  });

  test('repness, consensus and group-aware consensus', () => {
    for (const g of result.groups) {
      const reps = result.repness[String(g.id)]!;
      assert.ok(reps.length > 0 && reps.length <= 5);
      assert.equal(reps[0]!.bestAgree, true);
      const firstDisagree = reps.findIndex((r) => r.repfulFor === 'disagree');
      if (firstDisagree >= 0) assert.ok(reps.slice(firstDisagree).every((r) => r.repfulFor === 'disagree'), 'agrees come first');
    }
    assert.equal(result.consensus.agree[0]!.comment, 'k10', 'everyone agrees with k10');
    // Camp A, two thirds of everyone, disagrees with k5-k9; equal scores keep comment order.
    assert.deepEqual(result.consensus.disagree.map((c) => c.comment), ['k5', 'k6', 'k7', 'k8', 'k9']);
    const best = Object.entries(result.groupAwareConsensus).sort((a, b) => b[1] - a[1])[0]!;
    assert.equal(best[0], 'k10');
  });

  test('is the same whatever order the votes come in, and from a replay of ticks', () => {
    const shuffled = [...votes].reverse();
    assert.deepEqual(cold({ votes: shuffled, comments: [] }), result);
    let state = createMathState();
    for (let i = 0; i < votes.length; i += 37) state = update(state, { votes: votes.slice(i, i + 37) }).state;
    for (let i = 0; i < 4; i++) state = update(state, {}).state;
    const last = update(state, {}).result;
    assert.deepEqual(
      last.groups.map((g) => [g.id, g.members]),
      result.groups.map((g) => [g.id, g.members]),
    );
    last.groups.forEach((g, i) => assert.ok(Math.hypot(g.center[0] - result.groups[i]!.center[0], g.center[1] - result.groups[i]!.center[1]) < 1e-9));
    assert.deepEqual(last.repness, result.repness);
  });
});

describe('sparse PCA', { skip: sharedDataGate().skip }, () => {
  test('equals the literal dense port of Polis powerit-pca on a real conversation', () => {
    const conversation = loadConversation('15-per-hour-seattle', { votes: true });
    const m = applyVotes(emptyVoteMatrix(), conversation.votes, limits);
    const modOut = new Set(conversation.comments.filter((c) => c.moderated === -1 || c.isMeta).map((c) => c.id));
    const n = m.rowIds.length;
    const cols = m.colIds.length;
    const sum = new Float64Array(cols);
    const count = new Float64Array(cols);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < cols; j++) {
        const v = m.cells[r * m.stride + j]!;
        if (v !== UNVOTED && !modOut.has(m.colIds[j]!)) {
          sum[j]! += v;
          count[j]!++;
        }
      }
    }
    const dense = new Float64Array(n * cols);
    const rowStart = new Int32Array(n + 1);
    const col: number[] = [];
    const value: number[] = [];
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < cols; j++) {
        const v = m.cells[r * m.stride + j]!;
        if (v === UNVOTED || modOut.has(m.colIds[j]!)) continue;
        dense[r * cols + j] = v - sum[j]! / count[j]!;
        col.push(j);
        value.push(v - sum[j]! / count[j]!);
      }
      rowStart[r + 1] = col.length;
    }
    const sparse: CenteredMatrix = { rows: n, cols, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
    const a = powerIterationPca(sparse, 2, 100, []);
    const b = densePowerIterationPca(dense, n, cols, 2, 100, []);
    for (let c = 0; c < 2; c++) {
      for (let j = 0; j < cols; j++) assert.ok(Math.abs(a[c]![j]! - b[c]![j]!) < 1e-9, `comp ${c}[${j}]`);
    }
    // The whole pipeline gives the same groups with either.
    const viaDense = cold(conversation, { pcaMethod: 'dense' });
    const viaSparse = cold(conversation);
    assert.deepEqual(
      viaDense.groups.map((g) => g.members),
      viaSparse.groups.map((g) => g.members),
    );
    assert.deepEqual(viaDense.repness, viaSparse.repness);
  });
});
