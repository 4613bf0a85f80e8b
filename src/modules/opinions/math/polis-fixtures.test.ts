// Acceptance against the production Polis math worker's own output (fixtures/*/math-pca2.json, in Polis's
// internal sign: agree = -1, so centre, projections and cluster positions are negated before comparing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cold } from './conversation.js';
import type { PolisMath } from './polis-export.js';
import { loadFixture, sharedDataGate } from './test-support.js';
import type { MathResult } from './types.js';

const gate = sharedDataGate();
const TOL = 1e-6;

type Raw = {
  pca: { center: number[]; comps: number[][]; 'comment-projection': number[][]; 'comment-extremity': number[] };
  'base-clusters': { id: number[]; members: number[][]; x: number[]; y: number[] };
  'group-clusters': { id: number; members: number[]; center: number[] }[];
  repness: Record<string, Record<string, number | string | boolean>[]>;
  consensus: Record<'agree' | 'disagree', Record<string, number>[]>;
  'group-aware-consensus': Record<string, number>;
  'comment-priorities': Record<string, number>;
};

function close(actual: number | undefined, expected: number, what: string, tol = TOL): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tol, `${what}: ${actual} vs Polis ${expected}`);
}

/** Signs that align our axes with Polis's (the sign of a principal axis is arbitrary). */
function axisSigns(result: MathResult, raw: Raw): [number, number] {
  const sign = (c: number) => Math.sign(result.pca.comps[c]!.reduce((s, x, j) => s + x * raw.pca.comps[c]![j]!, 0)) || 1;
  return [sign(0), sign(1)];
}

/** PCA centre and axes, comment projections and extremity, participant projections. */
function assertPcaMatches(result: MathResult, polis: PolisMath): void {
  const raw = polis.raw as unknown as Raw;
  assert.deepEqual(result.comments, polis.tids);
  const [s0, s1] = axisSigns(result, raw);
  result.pca.center.forEach((x, j) => close(x, -raw.pca.center[j]!, `center[${j}]`));
  result.pca.comps.forEach((comp, c) => comp.forEach((x, j) => close(x * (c === 0 ? s0 : s1), raw.pca.comps[c]![j]!, `comps[${c}][${j}]`)));
  result.pca.commentProjection[0].forEach((x, j) => close(-x * s0, raw.pca['comment-projection'][0]![j]!, `comment x[${j}]`));
  result.pca.commentProjection[1].forEach((y, j) => close(-y * s1, raw.pca['comment-projection'][1]![j]!, `comment y[${j}]`));
  result.pca.commentExtremity.forEach((e, j) => close(e, raw.pca['comment-extremity'][j]!, `extremity[${j}]`));
  // Polis stores no participant positions, but below 100 clustered participants each base cluster is one
  // participant, at that participant's position.
  const base = raw['base-clusters'];
  let compared = 0;
  base.members.forEach((members, i) => {
    if (members.length !== 1) return;
    const p = result.projections[String(members[0])]!;
    close(-p[0] * s0, base.x[i]!, `x of participant ${members[0]}`);
    close(-p[1] * s1, base.y[i]!, `y of participant ${members[0]}`);
    compared++;
  });
  assert.ok(compared >= 20, `compared ${compared} participant positions`);
}

function assertConsensusMatches(result: MathResult, raw: Raw): void {
  for (const kind of ['agree', 'disagree'] as const) {
    assert.deepEqual(
      result.consensus[kind].map((c) => [c.comment, c.nSuccess, c.nTrials]),
      raw.consensus[kind].map((c) => [String(c['tid']), c['n-success'], c['n-trials']]),
      `consensus ${kind}`,
    );
    result.consensus[kind].forEach((c, i) => {
      close(c.pSuccess, raw.consensus[kind][i]!['p-success']!, `consensus ${kind} p-success`);
      close(c.pTest, raw.consensus[kind][i]!['p-test']!, `consensus ${kind} p-test`);
    });
  }
}

function assertPerCommentMatches(ours: Record<string, number>, theirs: Record<string, number>, what: string): void {
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(theirs).sort(), `${what}: comments`);
  for (const [tid, value] of Object.entries(theirs)) close(ours[tid], value, `${what}[${tid}]`);
}

/** Group ids and members, repness, group-aware consensus. */
function assertGroupsMatch(result: MathResult, polis: PolisMath): void {
  const raw = polis.raw as unknown as Raw;
  assert.deepEqual(
    result.groups.map((g) => ({ id: g.id, baseClusters: g.baseClusters, members: [...g.members].sort() })),
    polis.groups.map((g) => ({ id: g.id, baseClusters: g.baseClusters, members: [...g.members].sort() })),
  );
  const [s0, s1] = axisSigns(result, raw);
  result.groups.forEach((g, i) => {
    close(-g.center[0] * s0, raw['group-clusters'][i]!.center[0]!, `group ${g.id} x`);
    close(-g.center[1] * s1, raw['group-clusters'][i]!.center[1]!, `group ${g.id} y`);
  });
  assert.deepEqual(Object.keys(result.repness).sort(), Object.keys(raw.repness).sort());
  for (const [gid, list] of Object.entries(raw.repness)) {
    const ours = result.repness[gid]!;
    assert.deepEqual(
      ours.map((r) => [r.comment, r.repfulFor, r.nSuccess, r.nTrials, r.bestAgree ?? false, r.nAgree ?? null]),
      list.map((r) => [String(r['tid']), r['repful-for'], r['n-success'], r['n-trials'], r['best-agree'] ?? false, r['n-agree'] ?? null]),
      `repness of group ${gid}`,
    );
    ours.forEach((r, i) => {
      const theirs = list[i]!;
      close(r.pSuccess, theirs['p-success'] as number, `group ${gid} p-success`);
      close(r.pTest, theirs['p-test'] as number, `group ${gid} p-test`);
      close(r.repness, theirs['repness'] as number, `group ${gid} repness`);
      // Polis prints the 32-bit float; compare it as one.
      assert.equal(r.repnessTest, Math.fround(theirs['repness-test'] as number), `group ${gid} repness-test`);
    });
  }
  assertPerCommentMatches(result.groupAwareConsensus, raw['group-aware-consensus'], 'group-aware consensus');
}

describe('Polis fixtures', { skip: gate.skip }, () => {
  for (const name of ['below-100-ptpts', '25ptpt-3gp-no-strict-with-meta']) {
    test(`${name}: a cold run with Polis's clustered set reproduces its PCA, projections, extremity, consensus and priorities`, () => {
      const { input, polis } = loadFixture(name);
      const result = cold(input, {}, { clustered: polis.inConv });
      assert.deepEqual([...result.clustered].sort(), [...polis.inConv].sort());
      assertPcaMatches(result, polis);
      assertConsensusMatches(result, polis.raw as unknown as Raw);
      // Priorities sum group votes over all groups, so they do not depend on how the clustered are grouped.
      assertPerCommentMatches(result.commentPriorities, (polis.raw as unknown as Raw)['comment-priorities'], 'priorities');
      // Each clustered participant is a base cluster of their own here, as in Polis.
      assert.equal(result.baseClusters.length, polis.inConv.length);
    });

    test(`${name}: restarted from Polis's stored math, as Polis restarts, everything equals Polis's output`, () => {
      const { input, polis } = loadFixture(name);
      // Polis's group clustering depends on its history (k-means warm-started tick after tick); its restart
      // path restores clustered participants, PCA axes and base clusters. Given those, the groups, repness
      // and everything else come out as Polis computed them.
      const result = cold(input, { mode: 'polis' }, polis.seed);
      assertPcaMatches(result, polis);
      assertGroupsMatch(result, polis);
      assertConsensusMatches(result, polis.raw as unknown as Raw);
      assertPerCommentMatches(result.commentPriorities, (polis.raw as unknown as Raw)['comment-priorities'], 'priorities');
    });
  }

  for (const name of ['150ptpt-3gp-no-strict-no-meta', 'above-100-ptpts']) {
    test(`${name}: given Polis's clustered set and base clusters, base clusters and group labels equal Polis's`, () => {
      const { input, polis } = loadFixture(name);
      const raw = polis.raw as unknown as Raw;
      const result = cold(input, { mode: 'polis' }, polis.seed);
      assert.ok(polis.inConv.length > 100, 'more than 100 clustered: base clusters hold several participants');
      const [s0, s1] = axisSigns(result, raw);
      assert.deepEqual(
        result.baseClusters.map((b) => ({ id: b.id, members: [...b.members].sort() })),
        raw['base-clusters'].id.map((id, i) => ({ id, members: raw['base-clusters'].members[i]!.map(String).sort() })),
      );
      result.baseClusters.forEach((b, i) => {
        close(-b.center[0] * s0, raw['base-clusters'].x[i]!, `base ${b.id} x`);
        close(-b.center[1] * s1, raw['base-clusters'].y[i]!, `base ${b.id} y`);
      });
      assertGroupsMatch(result, polis);
      assertConsensusMatches(result, raw);
      assertPerCommentMatches(result.commentPriorities, raw['comment-priorities'], 'priorities');
    });
  }
});
