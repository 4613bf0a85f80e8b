import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/database.js';
import { transact } from '../db/transact.js';
import { ok, type Result } from '../errors.js';
import type { UserActor } from '../permissions/actor.js';
import { follow } from './notify.js';

export interface FollowTarget {
  resourceType: string;
  resourceId: string;
}

export interface FollowState {
  following: boolean;
  followers: number;
}

/** Whether a person follows a resource, and how many people do. */
export async function readFollowState(db: Executor, userId: string | null, target: FollowTarget): Promise<FollowState> {
  const row = await db
    .selectFrom('follows')
    .select([
      sql<number>`count(*)::int`.as('followers'),
      sql<boolean>`coalesce(bool_or(user_id = ${userId ?? null}::uuid), false)`.as('following'),
    ])
    .where('resource_type', '=', target.resourceType)
    .where('resource_id', '=', target.resourceId)
    .executeTakeFirstOrThrow();
  return { following: row.following, followers: row.followers };
}

/**
 * Follows a resource the caller has already been shown (the route checks visibility through the
 * resource's adapter). Idempotent. Not audit-logged: a personal preference, nothing binding.
 */
export async function followResource({ db, clock }: Deps, actor: UserActor, target: FollowTarget): Promise<Result<FollowState>> {
  return transact(db, async (trx) => {
    await follow(trx, actor.id, target.resourceType, target.resourceId, clock.now());
    return ok(await readFollowState(trx, actor.id, target));
  });
}

/** Stops following a resource (idempotent; works even when the resource is no longer visible). */
export async function unfollowResource({ db }: Deps, actor: UserActor, target: FollowTarget): Promise<Result<FollowState>> {
  return transact(db, async (trx) => {
    await trx
      .deleteFrom('follows')
      .where('user_id', '=', actor.id)
      .where('resource_type', '=', target.resourceType)
      .where('resource_id', '=', target.resourceId)
      .execute();
    return ok(await readFollowState(trx, actor.id, target));
  });
}
