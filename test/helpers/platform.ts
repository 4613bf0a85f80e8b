import { createLiveHub } from '../../src/core/live/hub.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/core/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/core/db/database.js';
import { migrate } from '../../src/core/db/migrate.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Deps } from '../../src/core/deps.js';
import type { App } from '../../src/core/http/context.js';
import type { ModuleManifest } from '../../src/core/module.js';
import { buildApp } from '../../src/server/app.js';
import { modules } from '../../src/server/modules.js';
import { runAllJobs } from '../../src/core/jobs/scheduler.js';
import { attachmentStoreFor } from '../../src/core/attachments/store.js';

/** Which engine this test run uses: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const engineUnderTest = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** A connection string for child processes (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, empty, migrated database for one test file: an in-memory PGlite, or a new database on
 * the PostgreSQL server of DATABASE_URL that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let url: string | null = null;
  let drop = async () => {};
  if (base) {
    // Named after the run's own database, so a run can drop whatever its crashed tests left behind.
    const baseName = decodeURIComponent(new URL(base).pathname.slice(1)) || 'civitas';
    const name = `${baseName.replace(/[^a-z0-9_]/gi, '_').slice(0, 40)}_t_${randomBytes(6).toString('hex')}`.toLowerCase();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(base);
    target.pathname = `/${name}`;
    url = target.toString();
    handle = await openDatabase({ url, poolSize: 20 });
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    handle = await openDatabase({ dataDir: 'memory://' });
  }
  await migrate(handle.db, modules.map((m) => ({ module: m.name, migrations: m.migrations })));
  return { handle, url, drop };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', SERVE_WEB: 'false', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', SEED_DEMO: 'false', ...overrides });
}

export interface TestPlatform {
  app: App;
  deps: Deps;
  clock: ManualClock;
  database: TestDatabase;
  config: Config;
  /** Runs every module's periodic jobs once at the clock's current time (deadline sweeps, deliveries). */
  runJobs(): Promise<void>;
  close(): Promise<void>;
}

/** The whole platform on a fresh database with a hand-set clock, for API tests through app.inject. */
export async function createTestPlatform(
  configOverrides: Record<string, string> = {},
  options: { extraModules?: ModuleManifest[] } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase();
  // Test-only modules (e.g. a resource type for comments before a module provides one) come after the real ones.
  const extra = options.extraModules ?? [];
  if (extra.length > 0) await migrate(database.handle.db, extra.map((m) => ({ module: m.name, migrations: m.migrations })));
  const all = [...modules, ...extra];
  const clock = new ManualClock();
  const config = testConfig(configOverrides);
  const live = createLiveHub();
  const files = attachmentStoreFor(config);
  const app = await buildApp({ config, database: database.handle, clock, modules: all, logger: false, live, files });
  await app.ready();
  return {
    app,
    deps: { db: database.handle.db, clock, live, files, modules: all },
    clock,
    database,
    config,
    runJobs: () => runAllJobs({ db: database.handle.db, clock, live, files, modules: all }, all.flatMap((m) => m.jobs ?? [])),
    async close() {
      await app.close();
      await database.handle.close();
      await database.drop();
    },
  };
}
