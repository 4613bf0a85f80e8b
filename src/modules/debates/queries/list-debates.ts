import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchQuery } from '../../../core/search/text-search.js';
import { seesHidden } from '../policy.js';
import type { DebateStatus } from '../tables.js';
import { debateColumns, presentDebates, type DebateView } from './present-debates.js';

export interface DebateFilters {
  status?: DebateStatus | undefined;
  category?: string | undefined;
  q?: string | undefined;
  /** Only the actor's own debates. */
  mine?: boolean | undefined;
  sort?: 'newest' | 'most_commented' | undefined;
  limit: number;
  offset: number;
}

/**
 * The debates of one process the actor may see (hidden ones only for moderators and their
 * authors), filtered in SQL, with the total for paging and the categories in use.
 */
export async function listDebates(
  db: Executor,
  actor: Actor,
  processId: string,
  filters: DebateFilters,
): Promise<{ debates: DebateView[]; total: number; categories: string[] }> {
  let query = db.selectFrom('debates as d').where('d.process_id', '=', processId);
  if (!seesHidden(actor)) {
    const me = actor.kind === 'user' ? actor.id : null;
    query = query.where((eb) => (me ? eb.or([eb('d.hidden_at', 'is', null), eb('d.author_id', '=', me)]) : eb('d.hidden_at', 'is', null)));
  }
  if (filters.status) query = query.where('d.status', '=', filters.status);
  if (filters.category) query = query.where('d.category', '=', filters.category);
  if (filters.mine) query = actor.kind === 'user' ? query.where('d.author_id', '=', actor.id) : query.where(sql<boolean>`false`);
  const tsQuery = filters.q ? searchQuery(filters.q) : null;
  if (tsQuery) query = query.where((eb) => eb(eb.ref('d.tsv'), '@@', tsQuery as never));

  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  let ordered = query.select([...debateColumns]);
  if (filters.sort === 'most_commented') {
    ordered = ordered.orderBy(
      (eb) =>
        eb
          .selectFrom('comments as c')
          .select((c) => c.fn.countAll<string>().as('n'))
          .where('c.resource_type', '=', 'debate')
          .where('c.resource_id', '=', sql<string>`d.id::text`)
          .where('c.deleted_at', 'is', null)
          .where('c.hidden_at', 'is', null),
      'desc',
    );
  }
  const rows = await ordered.orderBy('d.created_at', 'desc').orderBy('d.id').limit(filters.limit).offset(filters.offset).execute();
  const categories = await db
    .selectFrom('debates')
    .select('category')
    .distinct()
    .where('process_id', '=', processId)
    .where('category', 'is not', null)
    .where('hidden_at', 'is', null)
    .orderBy('category')
    .execute();
  return { debates: await presentDebates(db, rows), total: Number(total), categories: categories.map((c) => c.category!).filter(Boolean) };
}
