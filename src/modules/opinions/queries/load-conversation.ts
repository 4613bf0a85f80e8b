import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { ConversationRef } from '../policy.js';
import type { OpinionConversationsTable } from '../tables.js';

/** A conversation's settings and bookkeeping, without its (large) math columns. */
export type ConversationRow = Omit<Selectable<OpinionConversationsTable>, 'math_state' | 'math_result'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export const conversationColumns = [
  'id', 'process_id', 'topic', 'topic_zh', 'description', 'description_zh', 'residents_write', 'moderation', 'participation',
  'imported_from', 'created_by', 'created_at', 'updated_at', 'next_pid', 'next_tid', 'math_dirty_since', 'math_pending_since',
  'math_tick', 'math_priorities', 'math_computed_at', 'math_millis',
] as const;

export interface ConversationRecord {
  row: ConversationRow;
  ref: ConversationRef;
}

export function refOf(row: Pick<ConversationRow, 'participation' | 'residents_write'>, departmentId: string): ConversationRef {
  return { departmentId, participation: row.participation, residentsWrite: row.residents_write };
}

/** A conversation with the reference the policy decides on (its process's department, its settings). */
export async function loadConversation(db: Executor, id: string): Promise<ConversationRecord | null> {
  if (!isUuid(id)) return null;
  const found = await db
    .selectFrom('opinion_conversations')
    .innerJoin('processes', 'processes.id', 'opinion_conversations.process_id')
    .select(conversationColumns.map((c) => `opinion_conversations.${c}` as const))
    .select('processes.department_id')
    .where('opinion_conversations.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;
  const { department_id: departmentId, ...row } = found;
  return { row, ref: refOf(row, departmentId) };
}

export interface ConversationCounts {
  /** Statements participants see now. */
  statements: number;
  /** People who voted. */
  participants: number;
  votes: number;
}

/** Counts per conversation, for lists and details. */
export async function conversationCounts(db: Executor, ids: string[]): Promise<Map<string, ConversationCounts>> {
  const out = new Map<string, ConversationCounts>(ids.map((id) => [id, { statements: 0, participants: 0, votes: 0 }]));
  if (ids.length === 0) return out;
  const [statements, votes] = await Promise.all([
    db
      .selectFrom('opinion_statements as s')
      .innerJoin('opinion_conversations as c', 'c.id', 's.conversation_id')
      .select(['s.conversation_id', sql<number>`count(*)::int`.as('n')])
      .where('s.conversation_id', 'in', ids)
      .where((eb) => eb.or([eb('s.status', '=', 'accepted'), eb.and([eb('s.status', '=', 'pending'), eb('c.moderation', '=', 'post')])]))
      .groupBy('s.conversation_id')
      .execute(),
    db
      .selectFrom('opinion_votes')
      .select(['conversation_id', sql<number>`count(*)::int`.as('votes'), sql<number>`count(distinct pid)::int`.as('participants')])
      .where('conversation_id', 'in', ids)
      .groupBy('conversation_id')
      .execute(),
  ]);
  for (const s of statements) out.get(s.conversation_id)!.statements = s.n;
  for (const v of votes) Object.assign(out.get(v.conversation_id)!, { votes: v.votes, participants: v.participants });
  return out;
}

/** The caller's participant number in a conversation, if they ever took part. */
export async function findPid(db: Executor, conversationId: string, userId: string): Promise<number | null> {
  const row = await db.selectFrom('opinion_participants').select('pid').where('conversation_id', '=', conversationId).where('user_id', '=', userId).executeTakeFirst();
  return row?.pid ?? null;
}
