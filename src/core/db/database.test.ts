import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DatabaseLockedError, openDatabase } from './database.js';

test('the embedded database refuses a second owner of its directory', { skip: process.env.DATABASE_URL ? 'PGlite only' : false }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-lock-'));
  const first = await openDatabase({ dataDir: dir });
  try {
    await assert.rejects(openDatabase({ dataDir: dir }), DatabaseLockedError);
    // Another process is refused too, with a message that says what to do.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${path.resolve('src/core/db/database.ts')}').then(m => m.openDatabase({ dataDir: '${dir}' })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 3);
    assert.match(stderr, /in use by process \d+/);
  } finally {
    await first.close();
  }
  // Released on close: a new owner may open it, and sees what the first wrote.
  const second = await openDatabase({ dataDir: dir });
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a lock left by a dead process is taken over', { skip: process.env.DATABASE_URL ? 'PGlite only' : false }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-lock-'));
  fs.writeFileSync(path.join(dir, 'civitas.lock'), '999999999');
  const db = await openDatabase({ dataDir: dir });
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
