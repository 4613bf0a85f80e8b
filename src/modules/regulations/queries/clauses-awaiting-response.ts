import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';

/**
 * The clauses a response report must answer: those that received visible comments or alternative
 * wording since the regulation's last report (or ever, before the first one).
 */
export async function clausesAwaitingResponse(db: Executor, regulationId: string): Promise<string[]> {
  const last = await db
    .selectFrom('regulation_reports')
    .select((eb) => eb.fn.max('published_at').as('at'))
    .where('regulation_id', '=', regulationId)
    .executeTakeFirst();
  const since = last?.at ? new Date(last.at as Date | string) : null;
  let commented = db
    .selectFrom('comments as c')
    .innerJoin('regulation_clauses as rc', (join) => join.on('c.anchor', '=', sql<string>`rc.id::text`))
    .select('rc.id')
    .where('rc.regulation_id', '=', regulationId)
    .where('c.resource_type', '=', 'regulation')
    .where('c.resource_id', '=', regulationId)
    .where('c.deleted_at', 'is', null)
    .where('c.hidden_at', 'is', null);
  if (since) commented = commented.where('c.created_at', '>', since);
  let amended = db
    .selectFrom('regulation_alternatives as a')
    .select('a.clause_id as id')
    .where('a.regulation_id', '=', regulationId)
    .where('a.hidden_at', 'is', null);
  if (since) amended = amended.where('a.created_at', '>', since);
  const rows = await commented.union(amended).execute();
  return [...new Set(rows.map((r) => r.id))];
}
