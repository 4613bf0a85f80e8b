import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { ModerationList } from '../schemas.js';
import type { ModerationMode, StatementStatus } from '../tables.js';

/**
 * The moderators' queue: statements by status (waiting ones oldest first, others newest first),
 * with their votes so far and the counts per status. Authors are not named, only whether a
 * participant wrote it.
 */
export async function moderationQueue(
  db: Executor,
  conversationId: string,
  moderation: ModerationMode,
  query: { status?: StatementStatus; limit: number; offset: number },
): Promise<ModerationList> {
  const status = query.status ?? 'pending';
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('opinion_statements as s')
      .select(['s.id', 's.tid', 's.body', 's.body_zh', 's.is_seed', 's.is_meta', 's.status', 's.author_pid', 's.author_user_id', 's.created_at', 's.moderated_at'])
      .select([
        sql<number>`(select count(*)::int from opinion_votes v where v.conversation_id = s.conversation_id and v.tid = s.tid and v.vote = 1)`.as('agree'),
        sql<number>`(select count(*)::int from opinion_votes v where v.conversation_id = s.conversation_id and v.tid = s.tid and v.vote = -1)`.as('disagree'),
        sql<number>`(select count(*)::int from opinion_votes v where v.conversation_id = s.conversation_id and v.tid = s.tid and v.vote = 0)`.as('pass'),
      ])
      .where('s.conversation_id', '=', conversationId)
      .where('s.status', '=', status)
      .orderBy('s.tid', status === 'pending' ? 'asc' : 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    db
      .selectFrom('opinion_statements')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('conversation_id', '=', conversationId)
      .groupBy('status')
      .execute(),
  ]);
  const byStatus = { pending: 0, accepted: 0, rejected: 0 };
  for (const c of counts) byStatus[c.status] = c.n;
  return {
    statements: rows.map((r) => ({
      id: r.id,
      number: r.tid,
      body: r.body,
      bodyZh: r.body_zh,
      isSeed: r.is_seed,
      isMeta: r.is_meta,
      status: r.status,
      byParticipant: !r.is_seed && r.author_user_id !== null,
      createdAt: r.created_at.toISOString(),
      moderatedAt: r.moderated_at?.toISOString() ?? null,
      votes: { agree: r.agree, disagree: r.disagree, pass: r.pass },
    })),
    counts: byStatus,
    moderation,
  };
}
