import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { holdMathClaim, markMathDirty, requestRecompute } from '../math-runner.js';
import { canOpinions } from '../policy.js';
import { loadConversation } from '../queries/load-conversation.js';
import { postIn, reserveTids } from './participant.js';
import { findDuplicate, keysOf, type SeedStatementInput } from './statement-input.js';

/**
 * Staff (the department's officials, moderators, administrators) add seed statements, in English
 * and optionally Chinese, at any time: accepted at once, audited, never attributed to a participant.
 */
export async function seedStatements(
  deps: Deps,
  actor: Actor,
  input: { conversationId: string; statements: SeedStatementInput[] },
): Promise<Result<{ statements: { id: string; number: number }[] }, 'not_found' | 'validation_failed' | 'statement_duplicate' | DenyReason>> {
  const { db, clock } = deps;
  const now = clock.now();
  const record = await loadConversation(db, input.conversationId);
  if (!record) return fail('not_found');
  const decision = canOpinions(actor, 'conversation.seed', record.ref);
  if (!decision.allow) return fail(decision.reason);
  const { keys, problems } = keysOf(input.statements, (i) => `statements.${i}.body`);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  const result = await transact(db, async (trx) => {
    await holdMathClaim(trx, input.conversationId);
    const duplicateOf = async (skip: ReadonlySet<string> = new Set()) => {
      for (const [i, key] of keys.entries()) {
        if (skip.has(key)) continue;
        const existing = await findDuplicate(trx, input.conversationId, key);
        if (existing) {
          const params = { number: existing.tid, text: existing.body };
          return fail('statement_duplicate', { params, fields: [{ path: `statements.${i}.body`, code: 'statement_duplicate', params }] });
        }
      }
      return null;
    };
    const found = await duplicateOf();
    if (found) return found;
    const first = await reserveTids(trx, input.conversationId, input.statements.length);
    const rows = await trx
      .insertInto('opinion_statements')
      .values(
        input.statements.map((s, i) => ({
          conversation_id: input.conversationId,
          tid: first + i,
          body: s.body.trim(),
          body_zh: s.bodyZh?.trim() || null,
          body_key: keys[i]!,
          author_user_id: actor.kind === 'user' ? actor.id : null,
          is_seed: true,
          status: 'accepted' as const,
          created_at: now,
        })),
      )
      // A statement written at the same moment with the same text: refused like any duplicate.
      .onConflict((oc) => oc.columns(['conversation_id', 'body_key']).where('body_key', 'is not', null).doNothing())
      .returning(['id', 'tid', 'body_key'])
      .execute();
    if (rows.length < input.statements.length) {
      const inserted = new Set(rows.map((r) => r.body_key ?? ''));
      return (await duplicateOf(inserted)) ?? fail('statement_duplicate', { params: { number: 0, text: '' } });
    }
    await markMathDirty(trx, input.conversationId, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'opinions.statements_seeded',
        resourceType: 'conversation',
        resourceId: input.conversationId,
        postId: postIn(actor, record.ref.departmentId),
        data: { numbers: rows.map((r) => r.tid) },
        public: true,
      },
      now,
    );
    return ok({ statements: rows.map((r) => ({ id: r.id, number: r.tid })).sort((a, b) => a.number - b.number) });
  });
  if (result.ok) requestRecompute(deps, input.conversationId);
  return result;
}
