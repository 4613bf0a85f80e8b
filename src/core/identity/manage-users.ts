import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { transact } from '../db/transact.js';
import { fail, ok, type Result } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../permissions/actor.js';
import type { StaffRole } from '../tables.js';
import { deleteUserSessions } from './sessions.js';

/** Replaces a user's staff roles; the last administrator cannot lose the role. */
export async function setUserRoles(
  { db, clock }: Deps,
  actor: Actor,
  input: { userId: string; roles: StaffRole[] },
): Promise<Result<{ roles: StaffRole[] }, 'not_found' | 'last_administrator'>> {
  const now = clock.now();
  const roles = [...new Set(input.roles)].sort();
  return transact(db, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', input.userId).forUpdate().executeTakeFirst();
    if (!user) return fail('not_found');
    await sql`select pg_advisory_xact_lock(7301003)`.execute(trx); // one role change at a time
    const before = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', input.userId).execute()).map((r) => r.role).sort();
    if (before.includes('administrator') && !roles.includes('administrator')) {
      // Another administrator who can still sign in must remain.
      const others = await trx
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('r.role', '=', 'administrator')
        .where('r.user_id', '!=', input.userId)
        .where('u.blocked_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (others.n < 1) return fail('last_administrator');
    }
    await trx.deleteFrom('user_roles').where('user_id', '=', input.userId).execute();
    if (roles.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: input.userId, role, granted_at: now, granted_by: actor.kind === 'user' ? actor.id : null })))
        .execute();
    }
    await writeAudit(trx, actor, { action: 'user.roles_changed', resourceType: 'user', resourceId: input.userId, data: { before, after: roles }, public: true }, now);
    return ok({ roles });
  });
}

/** Blocks an account with a reason: its sessions end and it can no longer sign in. */
export async function blockUser(
  { db, clock }: Deps,
  actor: Actor,
  input: { userId: string; reason: string },
): Promise<Result<null, 'not_found' | 'cannot_act_for_self'>> {
  if (actor.kind === 'user' && actor.id === input.userId) return fail('cannot_act_for_self');
  const now = clock.now();
  return transact(db, async (trx) => {
    const result = await trx.updateTable('users').set({ blocked_at: now, blocked_reason: input.reason }).where('id', '=', input.userId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return fail('not_found');
    await deleteUserSessions(trx, input.userId);
    await writeAudit(trx, actor, { action: 'user.blocked', resourceType: 'user', resourceId: input.userId, data: { reason: input.reason }, public: false }, now);
    return ok(null);
  });
}

export async function unblockUser({ db, clock }: Deps, actor: Actor, input: { userId: string }): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const result = await trx.updateTable('users').set({ blocked_at: null, blocked_reason: null }).where('id', '=', input.userId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return fail('not_found');
    await writeAudit(trx, actor, { action: 'user.unblocked', resourceType: 'user', resourceId: input.userId, public: false }, now);
    return ok(null);
  });
}
