// Acceptance on Polis openData exports: groups against the group-id Polis exported, group-aware consensus
// against its group-informed-consensus column; and reading/writing the openData formats.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from './cli.js';
import { cold } from './conversation.js';
import { formatCsv, parseCsv } from './csv.js';
import { readOpenData, writeOpenData, type OpenDataComment } from './opendata.js';
import { adjustedRandIndex, loadConversation, sharedDataGate } from './test-support.js';
import type { MathResult, VoteRecord } from './types.js';

const gate = sharedDataGate();

function groupOf(result: MathResult): Map<string, number> {
  const map = new Map<string, number>();
  for (const g of result.groups) for (const p of g.members) map.set(p, g.id);
  return map;
}

describe('openData conversations', { skip: gate.skip }, () => {
  for (const name of ['austria-climate.5twd2jsnkf.2022-08-08', 'bg2050-volunteers', 'scoop-hivemind.biodiversity']) {
    test(`${name}: groups agree with Polis's exported group-id (ARI >= 0.9)`, () => {
      const conversation = loadConversation(name);
      const { result } = analyze(conversation, {}, 'replay');
      const ours = groupOf(result);
      const both = [...conversation.groups.keys()].filter((p) => ours.has(p));
      assert.ok(both.length >= 0.99 * conversation.groups.size, `${both.length} of ${conversation.groups.size} Polis-clustered participants are clustered`);
      const ari = adjustedRandIndex(
        both.map((p) => ours.get(p)!),
        both.map((p) => conversation.groups.get(p)!),
      );
      assert.ok(ari >= 0.9, `ARI ${ari}`);
    });
  }

  test('bg2050-volunteers: group-aware consensus equals the exported group-informed-consensus on >= 99 % of comments', () => {
    const conversation = loadConversation('bg2050-volunteers');
    const { result } = analyze(conversation, {}, 'replay');
    const exported = conversation.comments.filter((c) => c.groupInformedConsensus !== undefined);
    assert.ok(exported.length > 300);
    const equal = exported.filter((c) => Math.abs((result.groupAwareConsensus[c.id] ?? NaN) - c.groupInformedConsensus!) <= 1e-6);
    assert.ok(equal.length >= 0.99 * exported.length, `${equal.length} of ${exported.length}`);
  });

  test('participants-votes.csv alone gives the same matrix, hence the same groups as votes.csv', () => {
    const fromVotes = loadConversation('scoop-hivemind.biodiversity', { votes: true });
    const fromMatrix = loadConversation('scoop-hivemind.biodiversity', { participantsVotes: true });
    assert.equal(fromMatrix.votes.length, new Set(fromVotes.votes.map((v) => `${v.participant}/${v.comment}`)).size);
    const a = cold(fromVotes);
    const b = cold(fromMatrix);
    assert.deepEqual(b.groups, a.groups);
    assert.deepEqual(b.repness, a.repness);
    assert.deepEqual(b.groupAwareConsensus, a.groupAwareConsensus);
  });

  test('an export written back reads as the same conversation, with pseudonymous participants', () => {
    const original = loadConversation('london.youth.policing');
    const before = cold(original);
    const files = writeOpenData({ comments: original.comments, votes: original.votes, result: before });
    const again = readOpenData({ comments: files['comments.csv'], votes: files['votes.csv'], participantsVotes: files['participants-votes.csv'] });
    // Same votes up to renaming participants; the renaming is a bijection.
    const rename = new Map<string, string>();
    const key = (v: VoteRecord, p: string) => `${p}|${v.comment}|${v.vote}|${v.time}`;
    const sortedOriginal = [...original.votes].sort((x, y) => x.time - y.time || x.comment.localeCompare(y.comment));
    const sortedAgain = [...again.votes].sort((x, y) => x.time - y.time || x.comment.localeCompare(y.comment));
    assert.equal(sortedAgain.length, sortedOriginal.length);
    sortedOriginal.forEach((v, i) => {
      const w = sortedAgain[i]!;
      if (!rename.has(v.participant)) rename.set(v.participant, w.participant);
      assert.equal(key(w, w.participant), key(v, rename.get(v.participant)!));
    });
    assert.equal(new Set(rename.values()).size, rename.size);
    assert.deepEqual([...rename.values()].map(Number).sort((x, y) => x - y), [...rename.values()].map((_, i) => i));
    // Comments keep their moderation, text and counts; group-informed consensus is ours.
    for (const c of original.comments) {
      const d = again.comments.find((x) => x.id === c.id)!;
      assert.deepEqual([d.moderated, d.isMeta, d.body, d.time, d.agrees, d.disagrees], [c.moderated, c.isMeta, c.body, c.time, c.agrees, c.disagrees]);
      assert.equal(d.groupInformedConsensus, before.groupAwareConsensus[c.id]);
    }
    // The groups written are the groups computed, and recomputing from the export gives them again.
    const after = cold(again);
    const renamedBefore = before.groups.map((g) => g.members.map((p) => rename.get(p)!).sort());
    assert.deepEqual(after.groups.map((g) => [...g.members].sort()), renamedBefore);
    for (const g of before.groups) for (const p of g.members) assert.equal(again.groups.get(rename.get(p)!), g.id);
  });
});

describe('openData formats', () => {
  test('CSV fields with commas, quotes and line breaks survive a round trip', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"', 'two\nlines', ''],
      ['1', '', '', 'x', 'é'],
    ];
    assert.deepEqual(parseCsv(formatCsv(rows)), rows);
    assert.deepEqual(parseCsv('h1,h2\r\n"q ""x"", y",2\r\n'), [['h1', 'h2'], ['q "x", y', '2']]);
  });

  test('the older comments.csv layout (with datetime, without is-meta) and re-votes are read', () => {
    const comments = formatCsv([
      ['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'],
      [1000, 'Mon', 0, 5, 1, 0, 1, 'First, "quoted"'],
      [2000, 'Mon', 1, 5, 0, 1, -1, 'Second'],
    ]);
    const votes = formatCsv([
      ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
      [3000, 'x', 0, 7, -1],
      [4000, 'x', 0, 7, 1],
      [3500, 'x', 1, 7, -1],
    ]);
    const conversation = readOpenData({ comments, votes });
    assert.deepEqual(
      conversation.comments.map((c: OpenDataComment) => [c.id, c.moderated, c.isMeta, c.body]),
      [
        ['0', 1, false, 'First, "quoted"'],
        ['1', -1, false, 'Second'],
      ],
    );
    assert.equal(conversation.votes.length, 3);
    const result = cold(conversation);
    assert.equal(result.voteCounts['7'], 2);
    assert.deepEqual(result.moderatedOut, ['1']);
    assert.equal(result.pca.center[0], 1, 'the later vote (agree) wins');
  });

  test('a bad vote value is refused with the line', () => {
    const votes = formatCsv([
      ['timestamp', 'comment-id', 'voter-id', 'vote'],
      [1, 0, 0, 2],
    ]);
    assert.throws(() => readOpenData({ comments: 'comment-id,moderated\n0,1\n', votes }), /votes.csv line 2: a vote must be -1, 0 or 1/);
  });
});
