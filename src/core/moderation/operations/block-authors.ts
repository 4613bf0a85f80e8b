import type { ResourceDeps } from '../../comments/resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import { blockUser } from '../../identity/manage-users.js';
import type { UserActor } from '../../permissions/actor.js';
import { canModerate } from '../policy.js';

export type BlockAuthorsError = 'unknown_resource_type' | 'not_found' | 'no_author' | 'forbidden' | 'cannot_act_for_self';

/**
 * Blocks the accounts that wrote a piece of content, with a reason (moderators and administrators;
 * only administrators may block staff). Each account is blocked by the identity service's
 * `blockUser` (its sessions end; a private audit row keeps the reason and the account), then one
 * public audit row on the content records that its author was blocked, without naming the account.
 * Accounts already blocked are left as they are.
 */
export async function blockAuthors(
  deps: ResourceDeps,
  actor: UserActor,
  input: { resourceType: string; resourceId: string; reason: string },
): Promise<Result<{ blocked: number }, BlockAuthorsError>> {
  const { db, clock, resources } = deps;
  const adapter = resources.get(input.resourceType);
  if (!adapter) return fail('unknown_resource_type');
  const info = await adapter.describe(db, input.resourceId, actor, clock.now());
  if (!info) return fail('not_found');
  if (info.authorIds.length === 0) return fail('no_author');
  if (info.authorIds.includes(actor.id)) return fail('cannot_act_for_self');
  const authors = await db
    .selectFrom('users as u')
    .leftJoin('user_roles as r', (join) => join.onRef('r.user_id', '=', 'u.id').on('r.role', 'in', ['administrator', 'moderator']))
    .select(['u.id', 'u.blocked_at', 'r.role'])
    .where('u.id', 'in', info.authorIds)
    .execute();
  const decision = canModerate(actor, 'moderation.blockAuthor', { authorIsStaff: authors.some((a) => a.role !== null) });
  if (!decision.allow) return fail('forbidden');
  let blocked = 0;
  for (const id of new Set(authors.filter((a) => a.blocked_at === null).map((a) => a.id))) {
    const result = await blockUser({ db, clock }, actor, { userId: id, reason: input.reason });
    if (!result.ok) return result;
    blocked++;
  }
  await transact(db, async (trx) => {
    await writeAudit(
      trx,
      actor,
      { action: 'moderation.author_blocked', resourceType: input.resourceType, resourceId: input.resourceId, data: { reason: input.reason, accounts: blocked }, public: true },
      clock.now(),
    );
    return ok(null);
  });
  return ok({ blocked });
}
