import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Catalog, Locale } from '../i18n/locale.js';
import { localizedTitle, renderNotification } from './render-message.js';

export interface ListNotificationsInput {
  unread?: boolean;
  /** Only notifications listed after this one (the `nextBefore` of the previous page). */
  before?: number;
  limit: number;
}

/**
 * One page of a person's own notifications, newest first (by time, then id), each with its
 * message in `locale`. The cursor is the id of the last one shown.
 */
export async function listNotifications(db: Executor, catalog: Catalog, locale: Locale, userId: string, input: ListNotificationsInput) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'resource_type', 'resource_id', 'title', 'path', 'data', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (input.unread) query = query.where('read_at', 'is', null);
  if (input.before !== undefined) {
    const cursor = input.before;
    query = query.where(
      sql<boolean>`(created_at, id) < (select c.created_at, c.id from notifications c where c.id = ${cursor} and c.user_id = ${userId})`,
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  return {
    notifications: page.map((n) => {
      const text = { kind: n.kind, title: n.title, data: n.data ?? {} };
      return {
        id: Number(n.id),
        kind: n.kind,
        resourceType: n.resource_type,
        resourceId: n.resource_id,
        title: localizedTitle(text, locale),
        path: n.path,
        message: renderNotification(catalog, locale, text),
        data: n.data ?? {},
        createdAt: n.created_at.toISOString(),
        readAt: n.read_at ? n.read_at.toISOString() : null,
      };
    }),
    nextBefore: rows.length > input.limit ? Number(page[page.length - 1]!.id) : null,
  };
}
