import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runHearingsCli } from './cli.js';
import { drawHearing, hearingDrawSeed } from './sortition.js';

// `civitas hearings draw`, run as a user checking a published draw would.
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
let dir: string;

function civitas(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/civitas.js', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: path.join(dir, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runHearingsCli(args, { stdout: (text) => (stdout += text), stderr: (line) => (stderr += `${line}\n`) });
  return { code, stdout, stderr };
}

const hearingId = '0b6f4b9e-1d2c-4e8a-9f00-2a4c6e8a0b1c';
const applicants = Array.from({ length: 12 }, (_, n) => ({ id: `app-${n}`, stratum: n % 2 ? 'north-district' : 'other', speak: n % 3 === 0 }));
const publicValue = 'Lottery 2026-03-14: 03 11 19 27 33 + 08';

/** A record as GET /api/v1/hearings/:id/draw publishes it. */
function record(result?: unknown) {
  const seed = hearingDrawSeed({ hearingId, publicValue, applicantIds: applicants.map((a) => a.id) });
  const drawn = drawHearing({ seed, applicants, seats: 5, speakingSlots: 2, stratification: { mode: 'proportional' } });
  return {
    algorithm: 'civitas-sortition-v1', hearingId, status: 'drawn', lot: true, publicSource: 'The lottery of 14 March', publicValue, seed,
    seats: 5, speakingSlots: 2, stratification: { mode: 'proportional', quotas: null }, applicants, applicantCount: applicants.length,
    result: result ?? { speakers: drawn.speakers, seats: drawn.seats }, drawnAt: '2026-03-15T02:00:00.000Z', post: null, strata: [],
  };
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-hearings-'));
  fs.writeFileSync(path.join(dir, 'draw.json'), JSON.stringify(record()));
  const tampered = record();
  const seats = (tampered.result as { seats: { selected: string[]; waiting: string[] } }).seats;
  [seats.selected[0], seats.waiting[0]] = [seats.waiting[0]!, seats.selected[0]!];
  fs.writeFileSync(path.join(dir, 'tampered.json'), JSON.stringify(tampered));
  fs.writeFileSync(path.join(dir, 'plain.json'), JSON.stringify({ seed: 'test-seed', applicants: 'abcdefghij'.split('').map((id) => ({ id, stratum: 'x' })), seats: 3 }));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ "seed": ');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('civitas hearings draw, spawned: a published draw re-runs and matches (exit 0); wrong usage exits 2', async () => {
  const [run, usage] = await Promise.all([civitas('hearings', 'draw', path.join(dir, 'draw.json')), civitas('hearings', 'tally')]);
  assert.equal(run.code, 0, run.stderr);
  const output = JSON.parse(run.stdout) as { matches: boolean; seedMatches: boolean; seed: string; speakers: { selected: string[] }; seats: { selected: string[] } };
  assert.equal(output.matches, true);
  assert.equal(output.seedMatches, true);
  assert.equal(output.seed, record().seed);
  assert.equal(output.speakers.selected.length, 2);
  assert.equal(output.seats.selected.length, 5);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /civitas hearings draw <file\.json>/);
});

test('hearings draw: a tampered result or seed is caught (exit 1); a plain draw prints its result', async () => {
  const tampered = await inProcess('draw', path.join(dir, 'tampered.json'));
  assert.equal(tampered.code, 1);
  assert.equal(JSON.parse(tampered.stdout).matches, false);
  assert.match(tampered.stderr, /does not match/);

  const wrongSeed = { ...record(), seed: 'f'.repeat(64) };
  fs.writeFileSync(path.join(dir, 'seed.json'), JSON.stringify(wrongSeed));
  const seed = await inProcess('draw', path.join(dir, 'seed.json'));
  assert.equal(seed.code, 1);
  assert.equal(JSON.parse(seed.stdout).seedMatches, false);

  const plain = await inProcess('draw', path.join(dir, 'plain.json'));
  assert.equal(plain.code, 0, plain.stderr);
  assert.deepEqual(JSON.parse(plain.stdout).selected, ['d', 'f', 'b']);
});

test('hearings draw: unreadable, malformed or incomplete files exit 1 saying why', async () => {
  const broken = await inProcess('draw', path.join(dir, 'broken.json'));
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /broken\.json/);
  const missing = await inProcess('draw', path.join(dir, 'nowhere.json'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read/);
  const { publicValue: _v, seed: _s, ...withoutValue } = record();
  fs.writeFileSync(path.join(dir, 'pending.json'), JSON.stringify({ ...withoutValue, result: null }));
  const pending = await inProcess('draw', path.join(dir, 'pending.json'));
  assert.equal(pending.code, 1);
  assert.match(pending.stderr, /publicValue/);
  fs.writeFileSync(path.join(dir, 'dupes.json'), JSON.stringify({ seed: 's', applicants: [{ id: 'a' }, { id: 'a' }], seats: 1 }));
  const dupes = await inProcess('draw', path.join(dir, 'dupes.json'));
  assert.equal(dupes.code, 1);
  assert.match(dupes.stderr, /twice/);
  assert.equal((await inProcess()).code, 2);
});
