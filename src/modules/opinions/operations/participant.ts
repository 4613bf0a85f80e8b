import { sql } from 'kysely';
import type { Tx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { LOCKS, lockKey } from '../math-runner.js';

/**
 * The caller's participant number in the conversation, handed out on first use. Concurrent first
 * votes of one person wait for each other (an advisory lock on person and conversation), so each
 * person gets one number and no number is skipped; other people never wait.
 */
export async function participantPid(trx: Tx, conversationId: string, userId: string, now: Date): Promise<number> {
  const find = () =>
    trx.selectFrom('opinion_participants').select('pid').where('conversation_id', '=', conversationId).where('user_id', '=', userId).executeTakeFirst();
  const found = await find();
  if (found) return found.pid;
  await sql`select pg_advisory_xact_lock(${LOCKS.participant}::int4, ${lockKey(`${conversationId}/${userId}`)}::int4)`.execute(trx);
  const again = await find();
  if (again) return again.pid;
  const counter = await trx
    .updateTable('opinion_conversations')
    .set((eb) => ({ next_pid: eb('next_pid', '+', 1) }))
    .where('id', '=', conversationId)
    .returning('next_pid')
    .executeTakeFirstOrThrow();
  const pid = counter.next_pid - 1;
  await trx.insertInto('opinion_participants').values({ conversation_id: conversationId, pid, user_id: userId, created_at: now }).execute();
  return pid;
}

/** Reserves `count` statement numbers; returns the first. */
export async function reserveTids(trx: Tx, conversationId: string, count: number): Promise<number> {
  const counter = await trx
    .updateTable('opinion_conversations')
    .set((eb) => ({ next_tid: eb('next_tid', '+', count) }))
    .where('id', '=', conversationId)
    .returning('next_tid')
    .executeTakeFirstOrThrow();
  return counter.next_tid - count;
}

/** The post the actor acts in for a department, if they hold one there (for the audit log). */
export function postIn(actor: Actor, departmentId: string): string | null {
  return actor.kind === 'user' ? (actor.posts.find((p) => p.organizationId === departmentId)?.id ?? null) : null;
}
