import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { holdMathClaim, markMathDirty, requestRecompute } from '../math-runner.js';
import { canOpinions } from '../policy.js';
import { loadConversation } from '../queries/load-conversation.js';
import type { StatementStatus } from '../tables.js';
import { postIn } from './participant.js';

export interface ModerateInput {
  conversationId: string;
  statementId: string;
  decision: 'accept' | 'reject';
  /** Mark (or unmark) it as a statement about the conversation itself, kept out of the map. */
  meta?: boolean;
}

/**
 * A moderator (or the department, or an administrator) accepts or rejects a statement. Accepted
 * statements are shown under pre-moderation too; rejected ones are hidden and "moderated out" of
 * the math (their column no longer moves anyone on the map). Audited; the map is recomputed.
 */
export async function moderateStatement(
  deps: Deps,
  actor: Actor,
  input: ModerateInput,
): Promise<Result<{ id: string; status: StatementStatus; isMeta: boolean }, 'not_found' | DenyReason>> {
  const { db, clock } = deps;
  const now = clock.now();
  const record = await loadConversation(db, input.conversationId);
  if (!record) return fail('not_found');
  const decision = canOpinions(actor, 'conversation.moderate', record.ref);
  if (!decision.allow) return fail(decision.reason);
  const status: StatementStatus = input.decision === 'accept' ? 'accepted' : 'rejected';
  const result = await transact(db, async (trx) => {
    await holdMathClaim(trx, input.conversationId);
    const statement = await trx
      .selectFrom('opinion_statements')
      .select(['id', 'tid', 'status', 'is_meta'])
      .where('id', '=', input.statementId)
      .where('conversation_id', '=', input.conversationId)
      .forUpdate()
      .executeTakeFirst();
    if (!statement) return fail('not_found');
    const isMeta = input.meta ?? statement.is_meta;
    if (statement.status === status && statement.is_meta === isMeta) return ok({ id: statement.id, status, isMeta, changed: false });
    await trx
      .updateTable('opinion_statements')
      .set({ status, is_meta: isMeta, moderated_by: actor.kind === 'user' ? actor.id : null, moderated_at: now })
      .where('id', '=', statement.id)
      .execute();
    await markMathDirty(trx, input.conversationId, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'opinions.statement_moderated',
        resourceType: 'conversation',
        resourceId: input.conversationId,
        postId: postIn(actor, record.ref.departmentId),
        data: { number: statement.tid, decision: input.decision, from: statement.status, meta: isMeta },
        public: true,
      },
      now,
    );
    return ok({ id: statement.id, status, isMeta, changed: true });
  });
  if (!result.ok) return result;
  if (result.value.changed) requestRecompute(deps, input.conversationId);
  return ok({ id: result.value.id, status: result.value.status, isMeta: result.value.isMeta });
}
