import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/database.js';
import { createTestDatabase, type TestDatabase } from './helpers/platform.js';

// The civitas command, run as a user would, against its own database (a PGlite directory, or a fresh PostgreSQL database).
let dir: string;
let pgDatabase: TestDatabase | null = null;
let env: Record<string, string>;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civitas-cli-'));
  if (process.env.DATABASE_URL) {
    pgDatabase = await createTestDatabase();
    await pgDatabase.handle.close();
    env = { DATABASE_URL: pgDatabase.url! };
  } else {
    env = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
  }
});
after(async () => {
  await pgDatabase?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function civitas(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/civitas.js', ...args], { env: { ...process.env, ...env, SEED_DEMO: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('migrate, seed the demo, import a census, create an administrator, verify the audit log', async () => {
  const migrate = await civitas('migrate');
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.match(migrate.stderr, /up to date/);

  const seed = await civitas('seed-demo');
  assert.equal(seed.code, 0, seed.stderr);
  assert.match(seed.stderr, /seeding areas/);
  const again = await civitas('seed-demo');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already has content/);

  const csv = path.join(dir, 'census.csv');
  fs.writeFileSync(csv, 'document_number,birth_date,area\nCLI-1,1990-01-01,maple-heights\nCLI-2,1990-02-30,maple-heights\nCLI-3,1991-01-01,maple-heights\n');
  const census = await civitas('census', 'import', csv);
  assert.equal(census.code, 1, 'a file with rejected lines exits 1');
  assert.match(census.stderr, /importing census: 2\/2 \(100%\)/);
  assert.match(census.stderr, /3 lines, 2 new, 0 updated, 1 rejected/);
  assert.match(census.stderr, /line 3: census_bad_date/);

  const admin = await civitas('create-admin', '--email', 'chief@example.org', '--name', 'Chief');
  assert.equal(admin.code, 0, admin.stderr);
  assert.match(admin.stdout, /^password: \S{16,}/m);
  const promote = await civitas('create-admin', '--email', 'resident@lakeview.demo');
  assert.equal(promote.code, 0);
  assert.match(promote.stderr, /is now an administrator/);

  const verify = await civitas('audit', 'verify');
  assert.equal(verify.code, 0, verify.stderr);
  assert.match(verify.stdout, /audit log intact: \d+ rows, head [0-9a-f]{64}/);

  // A database administrator edits row 7 behind the application's back.
  const handle = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR });
  await handle.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`update audit_log set data = '{"edited": true}'::jsonb where seq = 7`.execute(trx);
  });
  await handle.close();
  const broken = await civitas('audit', 'verify');
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /audit log BROKEN at row 7: edited/);
});

test('unknown commands and bad configuration give clear messages', async () => {
  const unknown = await civitas('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command: frobnicate/);
  const help = await civitas('help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /census import <file.csv>/);
  const badPort = await new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/civitas.js', 'migrate'], { env: { ...process.env, ...env, PORT: 'abc' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
  assert.equal(badPort.code, 2);
  assert.match(badPort.stderr, /PORT="abc"/);
});
