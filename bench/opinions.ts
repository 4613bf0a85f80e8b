/**
 * Benchmark of the opinion-map math on the Polis openData conversations in ../shared/data/polis, against
 * red-dwarf (the Python port of Polis's math, reference-times.md: measured on this kind of machine) and,
 * in this process, against the reference path: the literal dense port of Polis's PCA (impute, centre,
 * power iteration from the all-ones vector over every cell, deflation by rewriting every row).
 *
 *   npm run bench:opinions [-- --runs 7] [-- --only vtaiwan] [-- --no-baseline]
 *
 * Times are medians over the runs (min in brackets), files parsed once outside the timing:
 * - cold: `cold(input)`, from the vote records to the result (vote matrix included);
 * - update: `update(state, { votes: the last 10 })` on the state holding every earlier vote;
 * - reference: `cold(input, { pcaMethod: 'dense' })`.
 * Goals: cold at least 20x faster than red-dwarf on every conversation; an update under 50 ms on the
 * largest conversation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cold, createMathState, update, type MathState } from '../src/modules/opinions/math/conversation.js';
import { readOpenData } from '../src/modules/opinions/math/opendata.js';
import type { MathInput } from '../src/modules/opinions/math/types.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'polis');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, only: { type: 'string' }, 'no-baseline': { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));

/** red-dwarf's pipeline seconds per conversation, from the table in reference-times.md. */
function redDwarfSeconds(): Map<string, number> {
  const text = fs.readFileSync(path.join(dataDir, 'reference-times.md'), 'utf8');
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 9 || !/^\d+(\.\d+)?$/.test(cells[7] ?? '')) continue;
    out.set(cells[1]!, Number(cells[7]));
  }
  return out;
}

function measure(fn: () => unknown): { median: number; min: number } {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

const ms = (t: { median: number; min: number }) => `${t.median.toFixed(1)} (${t.min.toFixed(1)})`;

if (!fs.existsSync(path.join(dataDir, 'reference-times.md'))) {
  console.error(`no Polis data at ${dataDir}`);
  process.exit(1);
}
const reference = redDwarfSeconds();
const names = fs
  .readdirSync(path.join(dataDir, 'conversations'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!values.only || d.name.includes(values.only)))
  .map((d) => d.name)
  .sort();

console.log(`opinion-map math: ${runs} runs each, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('times in ms: median (min)\n');
const header = ['conversation', 'participants', 'comments', 'votes', 'cold', 'update (10 votes)', 'red-dwarf', 'red-dwarf / cold'];
if (!values['no-baseline']) header.push('reference (dense PCA)', 'reference / cold');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);

interface Row {
  name: string;
  votes: number;
  cold: { median: number; min: number };
  update: { median: number; min: number };
  ratio: number | undefined;
}
const inputs = new Map<string, MathInput>();
for (const name of names) {
  const dir = path.join(dataDir, 'conversations', name);
  const conversation = readOpenData({
    comments: fs.readFileSync(path.join(dir, 'comments.csv'), 'utf8'),
    votes: fs.readFileSync(path.join(dir, 'votes.csv'), 'utf8'),
  });
  inputs.set(name, { votes: conversation.votes, comments: conversation.comments });
}
// Warm the JIT on every conversation first, so that the first one measured is not the one paying for it.
for (const input of inputs.values()) for (let i = 0; i < 3; i++) cold(input);

const rows: Row[] = [];
for (const name of names) {
  const input = inputs.get(name)!;
  const result = cold(input);
  const coldTime = measure(() => cold(input));

  const byTime = [...input.votes].sort((a, b) => a.time - b.time);
  const last = byTime.slice(-10);
  const before: MathState = update(createMathState(), { votes: byTime.slice(0, -10), comments: input.comments }).state;
  const updateTime = measure(() => update(before, { votes: last }));

  const redDwarf = reference.get(name);
  const ratio = redDwarf === undefined ? undefined : (redDwarf * 1000) / coldTime.median;
  const cells = [
    name,
    String(result.n),
    String(result.nComments),
    String(input.votes.length),
    ms(coldTime),
    ms(updateTime),
    redDwarf === undefined ? '-' : String(redDwarf * 1000),
    ratio === undefined ? '-' : `${ratio.toFixed(0)}x`,
  ];
  if (!values['no-baseline']) {
    const dense = measure(() => cold(input, { pcaMethod: 'dense' }));
    cells.push(ms(dense), `${(dense.median / coldTime.median).toFixed(1)}x`);
  }
  console.log(`| ${cells.join(' | ')} |`);
  rows.push({ name, votes: input.votes.length, cold: coldTime, update: updateTime, ratio });
}

const largest = rows.reduce((a, b) => (b.votes > a.votes ? b : a), rows[0]!);
const slowest = rows.filter((r) => r.ratio !== undefined).reduce((a, b) => (b.ratio! < a.ratio! ? b : a));
console.log('');
console.log(`goal: cold >= 20x faster than red-dwarf: the smallest ratio is ${slowest.ratio!.toFixed(0)}x (${slowest.name}) ${slowest.ratio! >= 20 ? 'MET' : 'NOT MET'}`);
console.log(
  `goal: an update < 50 ms on the largest conversation (${largest.name}, ${largest.votes} votes): ${largest.update.median.toFixed(1)} ms ${largest.update.median < 50 ? 'MET' : 'NOT MET'}`,
);
