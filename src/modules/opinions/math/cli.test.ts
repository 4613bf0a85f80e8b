// `civitas opinions analyze <folder>` on openData and fixture folders.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runOpinionsCli } from './cli.js';
import { loadFixture, polisDataDir, sharedDataGate } from './test-support.js';

const gate = sharedDataGate();

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await runOpinionsCli(args, { stdout: (text) => (out += text), stderr: (line) => err.push(line) });
  return { code, out, err };
}

describe('civitas opinions analyze', { skip: gate.skip }, () => {
  test('an openData folder: groups, repness, consensus, group-aware consensus and the math time', async () => {
    const { code, out } = await run(['analyze', path.join(polisDataDir, 'conversations', 'bg2050-volunteers')]);
    assert.equal(code, 0);
    const json = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['groups', 'repness', 'consensus', 'groupAwareConsensus', 'seconds']);
    const groups = json['groups'] as { id: number; members: string[] }[];
    assert.deepEqual(groups.map((g) => g.members.length), [100, 8]);
    assert.ok(typeof json['seconds'] === 'number' && json['seconds'] > 0 && json['seconds'] < 10);
    assert.equal(Object.keys(json['groupAwareConsensus'] as object).length, 371);
  });

  test('a folder with participants-votes.csv and no votes.csv', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-opinions-'));
    try {
      const from = path.join(polisDataDir, 'conversations', 'london.youth.policing');
      for (const file of ['comments.csv', 'participants-votes.csv']) fs.copyFileSync(path.join(from, file), path.join(dir, file));
      const { code, out } = await run(['analyze', dir, '--history', 'final']);
      assert.equal(code, 0);
      const groups = (JSON.parse(out) as { groups: { members: string[] }[] }).groups;
      assert.equal(groups.reduce((s, g) => s + g.members.length, 0), 24);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a fixture folder with --polis-state gives Polis's groups", async () => {
    const { code, out } = await run(['analyze', path.join(polisDataDir, 'fixtures', 'above-100-ptpts'), '--polis-state']);
    assert.equal(code, 0);
    const groups = (JSON.parse(out) as { groups: { id: number; members: string[] }[] }).groups;
    const { polis } = loadFixture('above-100-ptpts');
    assert.deepEqual(
      groups.map((g) => ({ id: g.id, members: [...g.members].sort() })),
      polis.groups.map((g) => ({ id: g.id, members: [...g.members].sort() })),
    );
  });

  test('--full prints the whole result', async () => {
    const { code, out } = await run(['analyze', path.join(polisDataDir, 'fixtures', 'below-100-ptpts'), '--full']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as Record<string, unknown>;
    for (const key of ['pca', 'projections', 'baseClusters', 'groups', 'commentPriorities', 'seconds']) assert.ok(key in json, key);
  });
});

describe('civitas opinions usage', () => {
  test('bad arguments exit 2 with the usage; an unreadable folder exits 1', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['analyze'])).code, 2);
    assert.equal((await run(['analyze', '/no/such/folder'])).code, 2);
    assert.equal((await run(['analyze', '.', '--history', 'sometimes'])).code, 2);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-opinions-'));
    try {
      const { code, err } = await run(['analyze', empty]);
      assert.equal(code, 1);
      assert.match(err.join('\n'), /neither comments.csv/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
