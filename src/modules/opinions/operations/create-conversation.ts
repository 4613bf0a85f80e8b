import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import type { DenyReason } from '../../../core/permissions/policy.js';
import { loadProcess } from '../../processes/index.js';
import { canOpinions } from '../policy.js';
import type { ModerationMode, Participation } from '../tables.js';
import { postIn, reserveTids } from './participant.js';
import { keysOf, type SeedStatementInput } from './statement-input.js';

export interface ConversationSettingsInput {
  topic: string;
  topicZh?: string | null;
  description?: string;
  descriptionZh?: string | null;
  residentsWrite?: boolean;
  moderation?: ModerationMode;
  participation?: Participation;
}

export interface CreateConversationInput extends ConversationSettingsInput {
  processId: string;
  /** Statements to start with: accepted at once, written in the department's name. */
  seeds?: SeedStatementInput[];
}

/** The columns of the settings (only those given). */
export function settingsColumns(input: Partial<ConversationSettingsInput>) {
  const out: {
    topic?: string;
    topic_zh?: string | null;
    description?: string;
    description_zh?: string | null;
    residents_write?: boolean;
    moderation?: ModerationMode;
    participation?: Participation;
  } = {};
  if (input.topic !== undefined) out.topic = input.topic.trim();
  if (input.topicZh !== undefined) out.topic_zh = input.topicZh?.trim() || null;
  if (input.description !== undefined) out.description = input.description.trim();
  if (input.descriptionZh !== undefined) out.description_zh = input.descriptionZh?.trim() || null;
  if (input.residentsWrite !== undefined) out.residents_write = input.residentsWrite;
  if (input.moderation !== undefined) out.moderation = input.moderation;
  if (input.participation !== undefined) out.participation = input.participation;
  return out;
}

/**
 * Opens a conversation (an opinion map) in a process that has the `opinions` component, with its
 * seed statements, in the name of the process's department. Audited with the seeds.
 */
export async function createConversation(
  { db, clock }: Deps,
  actor: Actor,
  input: CreateConversationInput,
): Promise<Result<{ id: string }, 'not_found' | 'conversation_not_in_process' | 'validation_failed' | DenyReason>> {
  const now = clock.now();
  const context = await loadProcess(db, { id: input.processId }, now);
  if (!context) return fail('not_found');
  if (!context.process.components.includes('opinions')) return fail('conversation_not_in_process');
  const decision = canOpinions(actor, 'conversation.create', { departmentId: context.process.department_id });
  if (!decision.allow) return fail(decision.reason);
  const seeds = input.seeds ?? [];
  const { keys, problems } = keysOf(seeds, (i) => `seeds.${i}.body`);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  return transact(db, async (trx) => {
    const created = await trx
      .insertInto('opinion_conversations')
      .values({
        process_id: context.process.id,
        topic: input.topic.trim(),
        ...settingsColumns(input),
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (seeds.length > 0) {
      const first = await reserveTids(trx, created.id, seeds.length);
      await trx
        .insertInto('opinion_statements')
        .values(
          seeds.map((s, i) => ({
            conversation_id: created.id,
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
        .execute();
    }
    await writeAudit(
      trx,
      actor,
      {
        action: 'opinions.conversation_created',
        resourceType: 'conversation',
        resourceId: created.id,
        postId: postIn(actor, context.process.department_id),
        data: { topic: input.topic.trim(), processId: context.process.id, seeds: seeds.length, moderation: input.moderation ?? 'post', participation: input.participation ?? 'verified' },
        public: true,
      },
      now,
    );
    return ok({ id: created.id });
  });
}
