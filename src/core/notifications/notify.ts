import type { Tx } from '../db/database.js';
import { enqueue } from '../outbox.js';

export interface NotificationInput {
  /** A stable kind, also the i18n key of the message (`proposal.answered`, `moderation.hidden`, ...). */
  kind: string;
  resourceType: string;
  resourceId: string;
  /** The resource's title as it was at the time. */
  title: string;
  /** Web path to open. */
  path: string;
  /** Parameters of the message (a state, a reason, a deadline); never secrets. */
  data?: Record<string, unknown>;
}

/**
 * Notifies people in the same transaction as the change: an in-app notification each, and one
 * outbox message that the mail job turns into e-mails after commit (per each person's preference).
 */
export async function notify(trx: Tx, userIds: string[], input: NotificationInput, now: Date): Promise<number> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  const rows = await trx
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        kind: input.kind,
        resource_type: input.resourceType,
        resource_id: input.resourceId,
        title: input.title,
        path: input.path,
        data: JSON.stringify(input.data ?? {}),
        created_at: now,
      })),
    )
    .returning('id')
    .execute();
  await enqueue(trx, 'notifications.email', { ids: rows.map((r) => Number(r.id)) }, now);
  return rows.length;
}

/** Notifies everyone who follows a resource, except the person who acted. */
export async function notifyFollowers(trx: Tx, input: NotificationInput, now: Date, exceptUserId?: string | null): Promise<number> {
  let query = trx.selectFrom('follows').select('user_id').where('resource_type', '=', input.resourceType).where('resource_id', '=', input.resourceId);
  if (exceptUserId) query = query.where('user_id', '!=', exceptUserId);
  const followers = await query.execute();
  return notify(trx, followers.map((f) => f.user_id), input, now);
}

/** Makes a person follow a resource (idempotent); used when they author, support or comment on it. */
export async function follow(trx: Tx, userId: string, resourceType: string, resourceId: string, now: Date): Promise<void> {
  await trx
    .insertInto('follows')
    .values({ user_id: userId, resource_type: resourceType, resource_id: resourceId, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

