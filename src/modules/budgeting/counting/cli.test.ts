import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPbCli } from './cli.js';

// `civitas pb tally`, run as a user would.
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
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

const approvalFile = [
  'META',
  'key;value',
  'description;CLI test',
  'budget;9',
  'vote_type;approval',
  'PROJECTS',
  'project_id;cost;name',
  'a;7;"Seven; expensive"',
  'b;3;Three',
  'c;20;Too dear',
  'VOTES',
  'voter_id;vote',
  '1;a,b',
  '2;a,b',
  '3;a,b,c',
].join('\n');

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-pb-'));
  fs.writeFileSync(path.join(dir, 'small.pb'), approvalFile);
  fs.writeFileSync(path.join(dir, 'ranked.pb'), approvalFile.replace('vote_type;approval', 'vote_type;ordinal'));
  fs.writeFileSync(path.join(dir, 'broken.pb'), approvalFile.replace('3;a,b,c', '3;a,zz'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('civitas pb tally, spawned: JSON on success, exit 2 for an unknown rule, exit 1 for ordinal ballots', async () => {
  const [run, unknown, ranked] = await Promise.all([
    civitas('pb', 'tally', path.join(dir, 'small.pb'), '--rule', 'mes_cost'),
    civitas('pb', 'tally', path.join(dir, 'small.pb'), '--rule', 'borda'),
    civitas('pb', 'tally', path.join(dir, 'ranked.pb'), '--rule', 'greedy_cost'),
  ]);
  assert.equal(run.code, 0, run.stderr);
  const output = JSON.parse(run.stdout) as { selected: string[]; cost: number; seconds: number };
  assert.deepEqual(Object.keys(output), ['selected', 'cost', 'seconds']);
  assert.deepEqual(output.selected, ['a']);
  assert.equal(output.cost, 7);
  assert.ok(output.seconds >= 0 && output.seconds < 5);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule "borda"/);
  assert.match(unknown.stderr, /mes_cost_add1/);
  assert.match(unknown.stderr, /phragmen/);
  assert.equal(ranked.code, 1);
  assert.match(ranked.stderr, /ordinal/);
  assert.match(ranked.stderr, /approval/);
});

/** runPbCli in this process, capturing what it prints. */
async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runPbCli(args, { stdout: (text) => (stdout += text), stderr: (line) => (stderr += `${line}\n`) });
  return { code, stdout, stderr };
}

test('pb tally --explain adds the parameters, the rounds and why the others were not selected', async () => {
  const run = await inProcess('tally', path.join(dir, 'small.pb'), '--rule', 'mes_cost_add1', '--explain', '--param', 'start=floor', '--param', 'tieBreaking=cost');
  assert.equal(run.code, 0, run.stderr);
  const output = JSON.parse(run.stdout) as Record<string, unknown> & { params: Record<string, unknown>; rounds: Array<{ project: string; rho: string }>; notSelected: unknown[] };
  assert.equal(output.params.start, 'floor');
  assert.equal(output.params.tieBreaking, 'cost');
  assert.equal(output.rule, 'mes_cost_add1');
  assert.ok(typeof output.endowment === 'number');
  assert.equal(output.rounds[0]!.project, 'b');
  assert.ok(output.notSelected.some((n) => (n as { project: string }).project === 'c'));
});

test('pb tally: malformed or missing files exit 1 saying why; wrong usage exits 2', async () => {
  const broken = await inProcess('tally', path.join(dir, 'broken.pb'), '--rule', 'greedy_cost');
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /line 15: voter 3 votes for unknown project "zz"/);
  const missing = await inProcess('tally', path.join(dir, 'nowhere.pb'), '--rule', 'greedy_cost');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read/);
  const usage = await inProcess('tally', path.join(dir, 'small.pb'));
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--rule/);
  const badParam = await inProcess('tally', path.join(dir, 'small.pb'), '--rule', 'mes_cost_add1', '--param', 'stop=whenever');
  assert.equal(badParam.code, 2);
  assert.match(badParam.stderr, /stop must be one of/);
  const noCommand = await inProcess();
  assert.equal(noCommand.code, 2);
  assert.match(noCommand.stderr, /civitas pb tally/);
});
