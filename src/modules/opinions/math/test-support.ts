/**
 * Test support: where the shared Polis data lives (shared/data/polis beside the repository) and how
 * tests behave without it: they fail, unless CIVITAS_SKIP_SHARED_DATA=1 says to skip them.
 */
import fs from 'node:fs';
import { sharedDataDir, sharedDataSkip } from '../../../../test/helpers/shared-data.js';
import path from 'node:path';
import { readOpenData, type OpenDataConversation } from './opendata.js';
import { readPolisExport, readPolisMath, type PolisMath } from './polis-export.js';
import type { MathInput } from './types.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** shared/data/polis beside the repository (see test/helpers/shared-data.ts for where else it is looked for). */
export const polisDataDir = sharedDataDir('polis') ?? path.resolve(repoRoot, '..', 'shared', 'data', 'polis');

/** `{ skip }` for node:test: a message when the data is not on this machine (a throw when CIVITAS_REQUIRE_SHARED_DATA=1). */
export function sharedDataGate(): { skip: string | false } {
  return { skip: sharedDataSkip('polis') };
}

export function loadFixture(name: string): { input: MathInput; polis: PolisMath } {
  const dir = path.join(polisDataDir, 'fixtures', name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return { input: readPolisExport({ votes: read('votes.json'), comments: read('comments.json') }), polis: readPolisMath(read('math-pca2.json')) };
}

export function loadConversation(name: string, files: { votes?: boolean; participantsVotes?: boolean } = { votes: true, participantsVotes: true }): OpenDataConversation {
  const dir = path.join(polisDataDir, 'conversations', name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return readOpenData({
    comments: read('comments.csv'),
    votes: files.votes ? read('votes.csv') : undefined,
    participantsVotes: files.participantsVotes ? read('participants-votes.csv') : undefined,
  });
}

/** Adjusted Rand index of two labelings of the same items. */
export function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const joint = new Map<string, number>();
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  a.forEach((x, i) => {
    const y = b[i]!;
    joint.set(`${x},${y}`, (joint.get(`${x},${y}`) ?? 0) + 1);
    left.set(x, (left.get(x) ?? 0) + 1);
    right.set(y, (right.get(y) ?? 0) + 1);
  });
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const index = sum(joint);
  const expected = (sum(left) * sum(right)) / pairs(a.length);
  const max = (sum(left) + sum(right)) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
