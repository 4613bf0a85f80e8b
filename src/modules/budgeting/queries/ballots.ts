import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { voterKeys } from '../secrecy.js';
import type { StoredSelection } from '../tables.js';

/** The caller's own ballot, found by the key their account gives (nobody else can compute it without the secret). */
export async function ownBallot(db: Executor, budgetId: string, userId: string): Promise<{ projectId: string; points: number | null }[] | null> {
  const keys = await voterKeys(db, budgetId);
  const row = await db.selectFrom('budget_ballots').select('selections').where('budget_id', '=', budgetId).where('voter_key', '=', keys.forUser(userId)).executeTakeFirst();
  if (!row) return null;
  return (row.selections as StoredSelection[]).map((s) => ({ projectId: s.p, points: s.n ?? null }));
}

/** Whether the user took part (participation is recorded apart from the ballot, without it). */
export async function hasVoted(db: Executor, budgetId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('budget_participation').select('user_id').where('budget_id', '=', budgetId).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row);
}

/** The published receipt hashes of a counted budget, sorted (so their order says nothing), a page at a time. */
export async function publishedReceipts(db: Executor, budgetId: string, page: { limit: number; offset: number; hash?: string }) {
  const [rows, total, found] = await Promise.all([
    db.selectFrom('budget_ballots').select('receipt_hash').where('budget_id', '=', budgetId).orderBy('receipt_hash').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('budget_ballots').select(sql<number>`count(*)::int`.as('n')).where('budget_id', '=', budgetId).executeTakeFirstOrThrow(),
    page.hash
      ? db.selectFrom('budget_ballots').select('id').where('budget_id', '=', budgetId).where('receipt_hash', '=', page.hash.toLowerCase()).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { receipts: rows.map((r) => r.receipt_hash), total: total.n, found: page.hash ? Boolean(found) : null };
}
