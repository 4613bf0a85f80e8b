import type { Executor, Tx } from './db/database.js';

/**
 * Side effects after commit (e-mail, recomputation, indexing): written in the same transaction as
 * the change, delivered later by a job, so a failing mail server never rolls back a vote.
 */
export async function enqueue(trx: Tx, topic: string, payload: Record<string, unknown>, now: Date, availableAt: Date = now): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload), created_at: now, available_at: availableAt })
    .execute();
}

export interface OutboxMessage {
  id: number;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Delivers due messages of one topic, oldest first. A handler that throws is retried later with
 * backoff (1 min, 2, 4, ... up to a day); each message is marked done once its handler succeeds.
 * Rows are claimed with SKIP LOCKED, so several processes can share the work. The handler gets the
 * claiming transaction: its own writes (e.g. "e-mailed at") must go through it, because a job's
 * `db` is a single connection that this transaction holds. Writes it made before throwing are kept.
 */
export async function deliver(
  db: Executor,
  topic: string,
  now: Date,
  handler: (message: OutboxMessage, trx: Tx) => Promise<void>,
  batch = 50,
): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['id', 'payload', 'attempts'])
        .where('topic', '=', topic)
        .where('done_at', 'is', null)
        .where('available_at', '<=', now)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      try {
        await handler({ id: Number(row.id), payload: row.payload as Record<string, unknown>, attempts: row.attempts }, trx);
        await trx.updateTable('outbox').set({ done_at: now, attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
        return true;
      } catch (error) {
        const delay = Math.min(24 * 60, 2 ** row.attempts) * 60_000;
        await trx
          .updateTable('outbox')
          .set({ attempts: row.attempts + 1, last_error: String((error as Error)?.message ?? error).slice(0, 500), available_at: new Date(now.getTime() + delay) })
          .where('id', '=', row.id)
          .execute();
        return false;
      }
    });
    if (done === null) break;
    if (done) delivered++;
  }
  return delivered;
}
