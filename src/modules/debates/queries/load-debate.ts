import type { Executor } from '../../../core/db/database.js';
import { debateColumns, presentDebates, type DebateView } from './present-debates.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One debate as the API shows it, with the raw fields the policy needs; null when it does not exist. */
export async function loadDebate(db: Executor, id: string): Promise<{ view: DebateView; authorId: string } | null> {
  if (!UUID.test(id)) return null;
  const row = await db.selectFrom('debates as d').select([...debateColumns]).where('d.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [view] = await presentDebates(db, [row]);
  return { view: view!, authorId: row.author_id };
}
