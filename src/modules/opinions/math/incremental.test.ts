// Incremental updates: warm-started ticks end where a full recomputation does; state is immutable and
// can be saved and restored; moderation changes apply.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cold, createMathState, update, type MathState } from './conversation.js';
import { deserializeMathState, serializeMathState } from './state-io.js';
import { loadConversation, sharedDataGate } from './test-support.js';
import type { MathResult, VoteRecord } from './types.js';

const gate = sharedDataGate();

/** Per-comment values keyed by comment id, so that column order does not matter. */
function byComment(result: MathResult, values: readonly number[]): Map<string, number> {
  return new Map(result.comments.map((id, j) => [id, values[j]!]));
}

function assertCloseMaps(a: Map<string, number>, b: Map<string, number>, tol: number, what: string): void {
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), what);
  for (const [k, v] of a) assert.ok(Math.abs(v - b.get(k)!) <= tol, `${what}[${k}]: ${v} vs ${b.get(k)}`);
}

/**
 * "The same result" as a full recomputation:
 * - exactly equal: participants and comments (and their order), the clustered set, vote counts, base
 *   clusters (ids and members), groups (ids and members), the k in use, group votes, repness (every field),
 *   consensus, group-aware consensus, moderated-out and meta comments;
 * - within 1e-6: PCA centre and axes, comment projections and extremity, participant projections, base and
 *   group centres, silhouettes, comment priorities (they depend on extremity).
 * The power iteration starts from the previous axes instead of the all-ones vector and stops when the norm
 * repeats exactly, so the axes agree to about 1e-9, not to the last bit.
 */
function assertSameResult(incremental: MathResult, full: MathResult): void {
  const exact = (r: MathResult) => ({
    participants: r.participants,
    comments: r.comments,
    clustered: r.clustered,
    voteCounts: r.voteCounts,
    baseClusters: r.baseClusters.map((b) => ({ id: b.id, members: b.members })),
    groups: r.groups.map((g) => ({ id: g.id, baseClusters: g.baseClusters, members: g.members })),
    k: [r.k.chosen, r.k.best],
    groupVotes: r.groupVotes,
    repness: r.repness,
    consensus: r.consensus,
    groupAwareConsensus: r.groupAwareConsensus,
    moderatedOut: r.moderatedOut,
    metaComments: r.metaComments,
  });
  assert.deepEqual(exact(incremental), exact(full));
  const tol = 1e-6;
  assertCloseMaps(byComment(incremental, incremental.pca.center), byComment(full, full.pca.center), tol, 'center');
  for (const c of [0, 1]) {
    assertCloseMaps(byComment(incremental, incremental.pca.comps[c]!), byComment(full, full.pca.comps[c]!), tol, `comps[${c}]`);
    assertCloseMaps(
      byComment(incremental, incremental.pca.commentProjection[c]!),
      byComment(full, full.pca.commentProjection[c]!),
      tol,
      `commentProjection[${c}]`,
    );
  }
  assertCloseMaps(byComment(incremental, incremental.pca.commentExtremity), byComment(full, full.pca.commentExtremity), tol, 'extremity');
  for (const [p, [x, y]] of Object.entries(full.projections)) {
    const [u, v] = incremental.projections[p]!;
    assert.ok(Math.abs(u - x) <= tol && Math.abs(v - y) <= tol, `projection of ${p}`);
  }
  [...incremental.baseClusters, ...incremental.groups].forEach((c, i) => {
    const d = [...full.baseClusters, ...full.groups][i]!;
    assert.ok(Math.abs(c.center[0] - d.center[0]) <= tol && Math.abs(c.center[1] - d.center[1]) <= tol, `centre ${i}`);
  });
  assertCloseMaps(new Map(Object.entries(incremental.k.silhouettes)), new Map(Object.entries(full.k.silhouettes)), tol, 'silhouettes');
  assertCloseMaps(new Map(Object.entries(incremental.commentPriorities)), new Map(Object.entries(full.commentPriorities)), tol, 'priorities');
}

function splitByTime(votes: readonly VoteRecord[], at: number): [VoteRecord[], VoteRecord[]] {
  const sorted = [...votes].sort((a, b) => a.time - b.time);
  const cut = Math.floor(sorted.length * at);
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

describe('incremental updates', { skip: gate.skip }, () => {
  for (const name of ['scoop-hivemind.biodiversity', 'bg2050-volunteers']) {
    test(`${name}: first half cold, second half as an update, converges to the full recomputation`, () => {
      const conversation = loadConversation(name, { votes: true });
      const [first, second] = splitByTime(conversation.votes, 0.5);
      const full = cold(conversation);
      let { state, result } = update(createMathState(), { votes: first, comments: conversation.comments });
      ({ state, result } = update(state, { votes: second }));
      // Polis's k smoother switches k only after the same best k has won 4 ticks in a row, and comment
      // priorities use the previous tick's group votes: 3 more ticks without new votes let both settle.
      for (let tick = 0; tick < state.options.groupKBuffer - 1; tick++) ({ state, result } = update(state, {}));
      assert.equal(result.tick, full.tick + 4);
      assertSameResult({ ...result, tick: full.tick }, full);
    });
  }

  test('the k smoother holds the previous k until the new best has won 4 ticks in a row', () => {
    const conversation = loadConversation('bg2050-volunteers', { votes: true });
    const [first, second] = splitByTime(conversation.votes, 0.5);
    let { state, result } = update(createMathState(), { votes: first, comments: conversation.comments });
    const before = result.k.chosen;
    const ks: [number, number][] = [];
    for (let tick = 0; tick < 5; tick++) {
      ({ state, result } = update(state, tick === 0 ? { votes: second } : {}));
      ks.push([result.k.best, result.k.chosen]);
    }
    const best = ks[0]![0];
    assert.notEqual(before, best, 'the best k changes between the halves in this conversation');
    assert.deepEqual(ks, [[best, before], [best, before], [best, before], [best, best], [best, best]]);
  });

  test('an update after 10 new votes, from a saved and restored state, equals one from the live state', () => {
    const conversation = loadConversation('scoop-hivemind.biodiversity', { votes: true });
    const [most, last] = splitByTime(conversation.votes, 0.999);
    const ten = last.slice(0, 10);
    const { state } = update(createMathState(), { votes: most, comments: conversation.comments });
    const restored = deserializeMathState(serializeMathState(state));
    const live = update(state, { votes: ten });
    const again = update(restored, { votes: ten });
    assert.deepEqual(again.result, live.result);
    assert.equal(serializeMathState(again.state), serializeMathState(live.state));
  });

  test('updates do not change the state they start from', () => {
    const conversation = loadConversation('london.youth.policing', { votes: true });
    const [first, second] = splitByTime(conversation.votes, 0.5);
    const { state } = update(createMathState(), { votes: first, comments: conversation.comments });
    const saved = serializeMathState(state);
    const a = update(state, { votes: second });
    assert.equal(serializeMathState(state), saved);
    const b = update(state, { votes: second });
    assert.deepEqual(b.result, a.result);
  });

  test('polis mode keeps base clusters and groups from tick to tick, as Polis does', () => {
    const conversation = loadConversation('scoop-hivemind.biodiversity', { votes: true });
    const [first, second] = splitByTime(conversation.votes, 0.6);
    let state: MathState = createMathState({ mode: 'polis' });
    let result: MathResult;
    ({ state, result } = update(state, { votes: first, comments: conversation.comments }));
    const firstBase = new Map(result.baseClusters.map((b) => [b.id, new Set(b.members)]));
    ({ state, result } = update(state, { votes: second.slice(0, 50) }));
    // Warm-started: most base clusters keep their id and members.
    const kept = result.baseClusters.filter((b) => {
      const was = firstBase.get(b.id);
      return was !== undefined && b.members.every((p) => was.has(p));
    }).length;
    assert.ok(kept >= 80, `${kept} of 100 base clusters kept`);
  });
});

describe('moderation', { skip: gate.skip }, () => {
  test('moderating a comment out zeroes it and removes it from repness and consensus; moderating it back restores', () => {
    const conversation = loadConversation('scoop-hivemind.biodiversity', { votes: true });
    const { state, result } = update(createMathState(), { votes: conversation.votes, comments: conversation.comments });
    const target = result.consensus.agree[0]!.comment;
    const original = conversation.comments.find((c) => c.id === target)!;
    const out = update(state, { comments: [{ ...original, moderated: -1 }] });
    assert.ok(out.result.moderatedOut.includes(target));
    assert.ok(!out.result.consensus.agree.some((c) => c.comment === target));
    assert.ok(!Object.values(out.result.repness).some((list) => list.some((r) => r.comment === target)));
    const j = out.result.comments.indexOf(target);
    assert.equal(out.result.pca.center[j], 0);
    assert.equal(out.result.pca.comps[0]![j], 0);
    assert.deepEqual(out.result.voteCounts, result.voteCounts, 'the votes still count as votes');
    assert.ok(target in out.result.groupAwareConsensus, 'group-aware consensus is given for every comment');
    const back = update(out.state, { comments: [original] });
    assert.deepEqual(back.result.consensus, result.consensus);
    const meta = update(state, { comments: [{ ...original, isMeta: true }] });
    assert.ok(meta.result.metaComments.includes(target) && meta.result.moderatedOut.includes(target));
    assert.equal(meta.result.commentPriorities[target], 49);
  });
});
