import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { canProcess, loadProcess } from '../../processes/index.js';
import { holdMathClaim, markMathDirty, requestRecompute } from '../math-runner.js';
import { canOpinions } from '../policy.js';
import { loadConversation } from '../queries/load-conversation.js';
import { isVisible, statementKey, voteRefusal, writeRefusal } from '../rules.js';
import type { StatementStatus } from '../tables.js';
import { participantPid, reserveTids } from './participant.js';
import { findDuplicate } from './statement-input.js';

export type WriteFailure = 'not_found' | 'conversation_write_closed' | 'statement_empty' | 'statement_duplicate' | DenyReason;

/**
 * A participant adds a statement while the process phase opens writing. The same text (after
 * normalization) already in the conversation is refused with `statement_duplicate`, naming the
 * statement to vote on instead. Under pre-moderation it waits hidden for a moderator; under
 * post-moderation it is shown at once. As in Polis, the author agrees with their own statement
 * (when voting is open), so it is never put to them again. Not audited: like votes, statements
 * are opinions, and the audit chain must not serialize them.
 */
export async function writeStatement(
  deps: Deps,
  actor: UserActor,
  input: { conversationId: string; body: string },
): Promise<Result<{ id: string; number: number; status: StatementStatus; visible: boolean }, WriteFailure>> {
  const { db, clock } = deps;
  const now = clock.now();
  const record = await loadConversation(db, input.conversationId);
  if (!record) return fail('not_found');
  const context = await loadProcess(db, { id: record.row.process_id }, now);
  if (!context || !canProcess(actor, 'process.read', { departmentId: context.process.department_id, status: context.process.status }).allow) return fail('not_found');
  const decision = canOpinions(actor, 'conversation.write', record.ref);
  if (!decision.allow) return fail(decision.reason);
  const closed = writeRefusal(context.isOpen('opinions', 'write').open);
  if (closed) return fail(closed);
  const body = input.body.trim();
  const key = statementKey(body);
  if (key === '') return fail('statement_empty', { fields: [{ path: 'body', code: 'statement_empty' }] });
  const autoAgree = voteRefusal(context.isOpen('opinions', 'vote').open) === null && canOpinions(actor, 'conversation.vote', record.ref).allow;
  const duplicate = (existing: { tid: number; body: string }) => {
    const params = { number: existing.tid, text: existing.body };
    return fail('statement_duplicate', { params, fields: [{ path: 'body', code: 'statement_duplicate', params }] });
  };
  const result = await transact(db, async (trx) => {
    await holdMathClaim(trx, input.conversationId);
    const existing = await findDuplicate(trx, input.conversationId, key);
    if (existing) return duplicate(existing);
    const pid = await participantPid(trx, input.conversationId, actor.id, now);
    const tid = await reserveTids(trx, input.conversationId, 1);
    const row = await trx
      .insertInto('opinion_statements')
      .values({
        conversation_id: input.conversationId,
        tid,
        body,
        body_key: key,
        author_pid: pid,
        author_user_id: actor.id,
        status: 'pending',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['conversation_id', 'body_key']).where('body_key', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const other = await findDuplicate(trx, input.conversationId, key);
      return other ? duplicate(other) : fail('statement_duplicate', { params: { number: 0, text: body } });
    }
    if (autoAgree) {
      await trx
        .insertInto('opinion_votes')
        .values({ conversation_id: input.conversationId, pid, tid, vote: 1, voted_at: now })
        .onConflict((oc) => oc.columns(['conversation_id', 'pid', 'tid']).doUpdateSet({ vote: 1, voted_at: now }))
        .execute();
    }
    await markMathDirty(trx, input.conversationId, now);
    return ok({ id: row.id, number: tid, status: 'pending' as const, visible: isVisible('pending', record.row.moderation) });
  });
  if (result.ok) requestRecompute(deps, input.conversationId);
  return result;
}
