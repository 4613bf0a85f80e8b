import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { visibleStatuses } from '../rules.js';
import type { NextStatement } from '../schemas.js';
import type { ModerationMode } from '../tables.js';

/**
 * Polis's choice of the next statement (`selectProbabilistically` in its server): each candidate
 * weighs its comment priority from the last math result, a missing or zero priority counting as 1;
 * a uniform pick before the map was first computed. `random` returns a number in [0, 1).
 */
export function pickWeighted<T extends { tid: number }>(candidates: readonly T[], priorities: Readonly<Record<string, number>> | null, random: () => number): T | null {
  if (candidates.length === 0) return null;
  const cumulative: number[] = [];
  let total = 0;
  for (const c of candidates) {
    const weight = priorities ? priorities[String(c.tid)] || 1 : 1;
    total += Number.isFinite(weight) && weight > 0 ? weight : 1;
    cumulative.push(total);
  }
  const r = random() * total;
  const at = cumulative.findIndex((upTo) => r < upTo);
  return candidates[at < 0 ? candidates.length - 1 : at]!;
}

export interface NextStatementQuery {
  conversationId: string;
  moderation: ModerationMode;
  /** The caller's participant number (null: a visitor or someone who never voted here). */
  pid: number | null;
  priorities: Readonly<Record<string, number>> | null;
  random?: () => number;
}

/** One statement the caller has not voted on yet (of those shown now), and how far they are. */
export async function nextStatement(db: Executor, q: NextStatementQuery): Promise<NextStatement> {
  const rows = await db
    .selectFrom('opinion_statements as s')
    .select(['s.tid'])
    .select(
      q.pid === null
        ? sql<boolean>`false`.as('voted')
        : sql<boolean>`exists (select 1 from opinion_votes v where v.conversation_id = s.conversation_id and v.pid = ${q.pid} and v.tid = s.tid)`.as('voted'),
    )
    .where('s.conversation_id', '=', q.conversationId)
    .where('s.status', 'in', visibleStatuses(q.moderation))
    .orderBy('s.tid')
    .execute();
  const unseen = rows.filter((r) => !r.voted);
  const chosen = pickWeighted(unseen, q.priorities, q.random ?? Math.random);
  const progress = { voted: rows.length - unseen.length, total: rows.length };
  if (!chosen) return { statement: null, progress };
  const s = await db
    .selectFrom('opinion_statements')
    .select(['id', 'tid', 'body', 'body_zh', 'is_seed'])
    .where('conversation_id', '=', q.conversationId)
    .where('tid', '=', chosen.tid)
    .executeTakeFirstOrThrow();
  return { statement: { id: s.id, number: s.tid, body: s.body, bodyZh: s.body_zh, isSeed: s.is_seed }, progress };
}
