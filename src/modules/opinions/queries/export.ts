import type { Executor } from '../../../core/db/database.js';
import { writeOpenData, type MathResult, type OpenDataComment, type VoteRecord } from '../math/index.js';
import { isVisible, moderatedValue } from '../rules.js';
import type { ModerationMode } from '../tables.js';

export type ExportFile = 'comments.csv' | 'votes.csv' | 'participants-votes.csv';

/**
 * The conversation in Polis openData format (comments.csv, votes.csv, participants-votes.csv),
 * with participants under their per-conversation numbers only. Statements participants cannot see
 * (rejected, or waiting under pre-moderation) keep their row and moderation value, so the math can
 * be reproduced, but not their text. Group ids and group-informed consensus come from the last map.
 */
export async function exportOpenData(db: Executor, conversationId: string, moderation: ModerationMode): Promise<Record<ExportFile, string>> {
  const [statements, votes, conv] = await Promise.all([
    db
      .selectFrom('opinion_statements')
      .select(['tid', 'body', 'author_pid', 'is_seed', 'is_meta', 'status', 'created_at'])
      .where('conversation_id', '=', conversationId)
      .execute(),
    db.selectFrom('opinion_votes').select(['pid', 'tid', 'vote', 'voted_at']).where('conversation_id', '=', conversationId).execute(),
    db.selectFrom('opinion_conversations').select('math_result').where('id', '=', conversationId).executeTakeFirst(),
  ]);
  const comments: OpenDataComment[] = statements.map((s) => ({
    id: String(s.tid),
    moderated: moderatedValue(s.status),
    isMeta: s.is_meta,
    isSeed: s.is_seed,
    author: s.author_pid === null ? '' : String(s.author_pid),
    body: isVisible(s.status, moderation) ? s.body : '',
    time: s.created_at.getTime(),
  }));
  const records: VoteRecord[] = votes.map((v) => ({ participant: String(v.pid), comment: String(v.tid), vote: v.vote as -1 | 0 | 1, time: v.voted_at.getTime() }));
  // The numbers are already pseudonymous: they are exported as they are.
  const pseudonyms = new Map<string, string>();
  for (const v of records) pseudonyms.set(v.participant, v.participant);
  for (const c of comments) if (c.author !== '') pseudonyms.set(c.author, c.author);
  const result = (conv?.math_result ?? undefined) as MathResult | undefined;
  return writeOpenData({ comments, votes: records, pseudonyms, ...(result ? { result } : {}) });
}
