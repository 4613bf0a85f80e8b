import { sql } from 'kysely';
import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { canProcess, loadProcess, type ProcessContext } from '../../processes/index.js';
import { holdMathClaim, markMathDirty, requestRecompute } from '../math-runner.js';
import { canOpinions } from '../policy.js';
import { loadConversation, type ConversationRecord } from '../queries/load-conversation.js';
import { isVisible, VOTE_VALUE, voteRefusal, type VoteName } from '../rules.js';
import { participantPid } from './participant.js';

export interface VoteInput {
  conversationId: string;
  statementId: string;
  vote: VoteName;
}

export type VoteFailure = 'not_found' | 'conversation_vote_closed' | 'statement_unavailable' | DenyReason;

export interface VoteRecorded {
  conversation: ConversationRecord;
  pid: number;
  tid: number;
  /** True when this replaced the participant's earlier vote on the statement. */
  replaced: boolean;
}

/**
 * Agree, disagree or pass on one statement while the process phase opens voting; a later vote on
 * the same statement replaces the earlier one. The participant gets their per-conversation number
 * on their first vote. One small transaction: the claim lock in shared mode (votes never wait for
 * each other), the vote upserted on its unique key (conversation, participant, statement), the
 * conversation marked for the math. No audit row: these votes are opinions, not binding decisions,
 * and one audit row each would queue every vote behind the audit chain's lock.
 */
export async function castVote(
  deps: Deps,
  actor: UserActor,
  input: VoteInput,
  /** The conversation and its process, when the caller (a route) has just loaded them. */
  loaded?: { record: ConversationRecord; context: ProcessContext },
): Promise<Result<VoteRecorded, VoteFailure>> {
  const { db, clock } = deps;
  const now = clock.now();
  const record = loaded?.record ?? (await loadConversation(db, input.conversationId));
  if (!record || record.row.id !== input.conversationId) return fail('not_found');
  const context = loaded?.context ?? (await loadProcess(db, { id: record.row.process_id }, now));
  if (!context || !canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return fail('not_found');
  const decision = canOpinions(actor, 'conversation.vote', record.ref);
  if (!decision.allow) return fail(decision.reason);
  const closed = voteRefusal(context.isOpen('opinions', 'vote').open);
  if (closed) return fail(closed);
  const statement = await db
    .selectFrom('opinion_statements')
    .select(['tid', 'status'])
    .where('id', '=', input.statementId)
    .where('conversation_id', '=', input.conversationId)
    .executeTakeFirst();
  if (!statement) return fail('not_found', { fields: [{ path: 'statementId', code: 'not_found' }] });
  if (!isVisible(statement.status, record.row.moderation)) return fail('statement_unavailable');
  const vote = VOTE_VALUE[input.vote];
  const result = await transact<VoteRecorded, VoteFailure>(db, async (trx) => {
    await holdMathClaim(trx, input.conversationId);
    // Someone who took part before: their number and the vote in one statement.
    let saved = await trx
      .insertInto('opinion_votes')
      .columns(['conversation_id', 'pid', 'tid', 'vote', 'voted_at'])
      .expression((eb) =>
        eb
          .selectFrom('opinion_participants')
          .select([
            sql<string>`${input.conversationId}::uuid`.as('conversation_id'),
            'pid',
            sql<number>`${statement.tid}::int4`.as('tid'),
            sql<number>`${vote}::int2`.as('vote'),
            sql<Date>`${now}::timestamptz`.as('voted_at'),
          ])
          .where('conversation_id', '=', input.conversationId)
          .where('user_id', '=', actor.id),
      )
      .onConflict((oc) => oc.columns(['conversation_id', 'pid', 'tid']).doUpdateSet({ vote, voted_at: now }))
      .returning(['pid', sql<boolean>`(xmax <> 0)`.as('replaced')])
      .executeTakeFirst();
    if (!saved) {
      const pid = await participantPid(trx, input.conversationId, actor.id, now);
      saved = await trx
        .insertInto('opinion_votes')
        .values({ conversation_id: input.conversationId, pid, tid: statement.tid, vote, voted_at: now })
        .onConflict((oc) => oc.columns(['conversation_id', 'pid', 'tid']).doUpdateSet({ vote, voted_at: now }))
        .returning(['pid', sql<boolean>`(xmax <> 0)`.as('replaced')])
        .executeTakeFirstOrThrow();
    }
    await markMathDirty(trx, input.conversationId, now);
    return ok({ conversation: record, pid: saved.pid, tid: statement.tid, replaced: saved.replaced });
  });
  if (result.ok) requestRecompute(deps, input.conversationId);
  return result;
}
