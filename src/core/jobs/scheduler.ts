import { sql } from 'kysely';
import type { Deps } from '../deps.js';

/**
 * A periodic job: deadline sweeps, digests, outbox delivery. `run` must be idempotent: it looks at
 * what is due at `deps.clock.now()` and does it once, so running it twice, or after a crash, is safe.
 */
export interface JobDefinition {
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<void>;
}

function lockKey(name: string): number {
  let h = 7_301_100;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Runs a job if no other process is running it right now (a PostgreSQL advisory lock held for the
 * run), so several app processes never run the same sweep at once.
 */
export async function runJobOnce(deps: Deps, job: JobDefinition): Promise<boolean> {
  return deps.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(job.name)}) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return false;
    try {
      await job.run({ ...deps, db: conn });
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${lockKey(job.name)})`.execute(conn);
    }
  });
}

/** Runs every job once, in order: what tests call after moving the clock. */
export async function runAllJobs(deps: Deps, jobs: JobDefinition[]): Promise<void> {
  for (const job of jobs) await runJobOnce(deps, job);
}

/** Starts the jobs on timers; returns a function that stops them and waits for running ones. */
export function startScheduler(deps: Deps, jobs: JobDefinition[], onError: (job: string, error: unknown) => void): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    return setInterval(() => {
      if (busy) return;
      busy = true;
      const run = runJobOnce(deps, job)
        .catch((error) => onError(job.name, error))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.everyMs);
  });
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
