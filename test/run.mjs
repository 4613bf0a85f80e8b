#!/usr/bin/env node
// Runs the test suite with node:test through tsx, listing the test files explicitly (node 20 finds
// no .ts files by itself) and failing when a suite ran no test at all.
//   node test/run.mjs unit      every *.test.ts under src/ and test/ except test/browser/
//   node test/run.mjs browser   test/browser/*.test.ts (skipped with a message when Chromium is missing, except in CI)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const mode = process.argv[2] ?? 'unit';
const filter = process.argv.slice(3);
const root = path.resolve(import.meta.dirname, '..');

function collect(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || (mode === 'unit' && full === path.join(root, 'test', 'browser'))) continue;
      collect(full, out);
    } else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

let files = mode === 'browser' ? collect(path.join(root, 'test', 'browser')) : [...collect(path.join(root, 'src')), ...collect(path.join(root, 'test'))];
if (filter.length > 0) files = files.filter((f) => filter.some((word) => f.includes(word)));
files.sort();
if (files.length === 0) {
  console.error(`no ${mode} test files found`);
  process.exit(1);
}

if (mode === 'browser') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (process.env.CI) {
      console.error(`browser tests need Chromium at ${chromium} (apt-get install -y chromium fonts-wqy-microhei)`);
      process.exit(1);
    }
    console.log(`Skipping browser tests: no Chromium at ${chromium}. Install it with: apt-get install -y chromium fonts-wqy-microhei`);
    process.exit(0);
  }
}

const tapFile = path.join(os.tmpdir(), `civitas-tap-${process.pid}.txt`);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)';
console.log(`Running ${files.length} ${mode} test file(s) on ${engine}`);
// Unit test files wait on the database much of the time (PostgreSQL works in its own processes), so
// more files run at once than there are cores; browser journeys run one at a time.
const cores = os.availableParallelism();
const concurrency = mode === 'browser' ? 1 : Math.min(4, process.env.DATABASE_URL ? cores * 2 : cores + 1);
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
fs.rmSync(tapFile, { force: true });
const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
const tests = count('tests');
const passed = count('pass');
const failed = count('fail') + count('cancelled');
const skipped = count('skipped');
console.log(`\n${mode}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (tests === 0) {
  console.error(`${mode} suite ran no test: failing`);
  process.exit(1);
}
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
