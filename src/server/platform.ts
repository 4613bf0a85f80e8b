import type { Config } from '../core/config.js';
import { openDatabase, type DatabaseHandle } from '../core/db/database.js';
import { migrate } from '../core/db/migrate.js';
import type { Clock } from '../core/clock.js';
import { modules } from './modules.js';
import { isEmpty, seedDemo } from './demo.js';

/** Opens the configured database and brings its schema up to date: the first step of every command. */
export async function openPlatform(config: Config, log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const report = await migrate(
      database.db,
      modules.map((m) => ({ module: m.name, migrations: m.migrations })),
      (name) => log(`migrating ${name}`),
    );
    if (report.applied.length > 0) log(`applied ${report.applied.length} migration(s)`);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Seeds the demo municipality when asked to, or when SEED_DEMO=auto and the database is empty. */
export async function seedDemoIfWanted(config: Config, database: DatabaseHandle, clock: Clock, log: (line: string) => void): Promise<boolean> {
  if (config.SEED_DEMO === 'false') return false;
  const deps = { db: database.db, clock };
  if (!(await isEmpty(deps))) return false;
  log('seeding the demo municipality (first start)');
  await seedDemo(deps, modules, (step) => log(`  demo: ${step}`));
  return true;
}
