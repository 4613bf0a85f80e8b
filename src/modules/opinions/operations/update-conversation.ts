import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { canOpinions } from '../policy.js';
import { loadConversation } from '../queries/load-conversation.js';
import { settingsColumns, type ConversationSettingsInput } from './create-conversation.js';
import { postIn } from './participant.js';

/**
 * Changes a conversation's topic, description or settings (who takes part, whether they write,
 * pre- or post-moderation). Audited with what changed. Moderation mode does not change the math:
 * unmoderated statements stay in it either way, as in Polis.
 */
export async function updateConversation(
  { db, clock }: Deps,
  actor: Actor,
  input: Partial<ConversationSettingsInput> & { id: string },
): Promise<Result<null, 'not_found' | DenyReason>> {
  const now = clock.now();
  const record = await loadConversation(db, input.id);
  if (!record) return fail('not_found');
  const decision = canOpinions(actor, 'conversation.update', record.ref);
  if (!decision.allow) return fail(decision.reason);
  const { id: _id, ...settings } = input;
  const columns = settingsColumns(settings);
  const changed = Object.keys(columns).filter((k) => (record.row as unknown as Record<string, unknown>)[k] !== (columns as Record<string, unknown>)[k]);
  if (changed.length === 0) return ok(null);
  return transact(db, async (trx) => {
    await trx.updateTable('opinion_conversations').set({ ...columns, updated_at: now }).where('id', '=', input.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'opinions.conversation_updated',
        resourceType: 'conversation',
        resourceId: input.id,
        postId: postIn(actor, record.ref.departmentId),
        data: { changed, ...Object.fromEntries(changed.filter((k) => ['residents_write', 'moderation', 'participation'].includes(k)).map((k) => [k, (columns as Record<string, unknown>)[k]])) },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
