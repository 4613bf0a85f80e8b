import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

/**
 * The table map of the whole platform. Core parts and modules add their tables with
 * `declare module` augmentation in their own `tables.ts`, so every operation sees one typed schema.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Tables {}

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
/** Either the database or an open transaction: operations accept both. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Closes the pool, the embedded database and releases its lock. */
  close(): Promise<void>;
}

// Dates stay calendar dates, counts become numbers (they never exceed 2^53 here).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Raised when another process owns the embedded database directory. */
export class DatabaseLockedError extends Error {}

/**
 * Opens the platform database: real PostgreSQL when `url` is given, otherwise embedded PGlite in
 * `dataDir` (or in memory for `memory://`). Both go through node-postgres and Kysely: one code path.
 */
export async function openDatabase(options: { url?: string; dataDir?: string; poolSize?: number }): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let releaseLock = () => {};
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDirectoryLock(dataDir);
  }
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } });
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite does not lock its directory, and two processes writing it would corrupt it. A lock file
 * holding the owner's process id keeps a second process out; a lock left by a dead process is taken over.
 */
const heldLocks = new Set<string>();

function acquireDirectoryLock(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir, 'civitas.lock');
  if (heldLocks.has(lockPath)) {
    throw new DatabaseLockedError(`The embedded database in ${path.resolve(dataDir)} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldLocks.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(lockPath);
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner}. ` +
            `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
        );
      }
      fs.unlinkSync(lockPath); // stale: its owner is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock ${path.resolve(dataDir)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
