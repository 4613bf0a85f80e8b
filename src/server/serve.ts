import { createLiveHub } from '../core/live/hub.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { OffsetClock, systemClock, type Clock } from '../core/clock.js';
import { buildApp } from './app.js';
import { modules } from './modules.js';
import { openPlatform, seedDemoIfWanted } from './platform.js';
import { runAllJobs, startScheduler } from '../core/jobs/scheduler.js';
import { attachmentStoreFor } from '../core/attachments/store.js';

const WEB_DIR = path.resolve('dist/web');

/** Builds the web app with Vite when the build is missing (first `npm start` on a fresh clone). */
async function buildWebIfMissing(log: (line: string) => void): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  log('building the web app (first start; takes a minute)');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  log('web app built');
}

/** Starts the platform: database, migrations, demo seed, web build, HTTP server; stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, log: (line: string) => void): Promise<void> {
  if (config.SERVE_WEB) await buildWebIfMissing(log);
  const database = await openPlatform(config, log);
  const offset = config.TEST_CLOCK ? new OffsetClock() : null;
  const clock: Clock = offset ?? systemClock;
  if (offset) log('TEST_CLOCK is on: POST /__test/clock moves this server\'s clock ahead (tests only)');
  await seedDemoIfWanted(config, database, clock, log);
  const live = createLiveHub();
  const files = attachmentStoreFor(config);
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  const testClock = offset ? { advance: (ms: number) => offset.advance(ms), runJobs: () => runAllJobs({ db: database.db, clock, live, files, modules }, jobs) } : undefined;
  const app = await buildApp({ config, database, clock, modules, webDir: WEB_DIR, live, files, testClock });
  const stopJobs = startScheduler({ db: database.db, clock, live, files, modules }, modules.flatMap((m) => m.jobs ?? []), (job, error) =>
    app.log.error({ err: error, job }, 'job failed'),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app.close();
    await stopJobs();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
  log(`Civitas is running at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${database.engine === 'pglite' ? `embedded database in ${path.resolve(config.DATA_DIR)}` : 'PostgreSQL'})`);
}
