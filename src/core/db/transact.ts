import type { Db, Tx } from './database.js';
import type { Failure, Result } from '../errors.js';

class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super('rollback');
  }
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `work` in one transaction. A failure result rolls everything back (never a partial write)
 * and is returned as a value; serialization failures and deadlocks are retried a few times.
 */
export async function transact<T, C extends string>(db: Db, work: (trx: Tx) => Promise<Result<T, C>>): Promise<Result<T, C>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const result = await work(trx);
        if (!result.ok) throw new Rollback(result);
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.failure as Failure<C>;
      const code = (error as { code?: string }).code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}
