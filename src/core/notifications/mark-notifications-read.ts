import type { Deps } from '../deps.js';
import { ok, type Result } from '../errors.js';

/** Which of one's own notifications to mark as read: some by id, or all of them. */
export type MarkReadInput = { ids: number[]; all?: undefined } | { all: true; ids?: undefined };

/**
 * Marks a person's own notifications as read. Ids of other people's notifications are ignored,
 * never touched. Not audit-logged: personal, nothing binding. Returns how many changed and how
 * many stay unread.
 */
export async function markNotificationsRead({ db, clock }: Deps, userId: string, input: MarkReadInput): Promise<Result<{ marked: number; unread: number }>> {
  const now = clock.now();
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (!input.all) {
    if (input.ids.length === 0) return ok({ marked: 0, unread: await countUnread({ db }, userId) });
    query = query.where('id', 'in', input.ids);
  }
  const result = await query.executeTakeFirst();
  return ok({ marked: Number(result.numUpdatedRows), unread: await countUnread({ db }, userId) });
}

/** How many of a person's notifications are unread. */
export async function countUnread({ db }: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
