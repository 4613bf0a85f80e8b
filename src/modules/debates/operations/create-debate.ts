import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { follow } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { searchVector } from '../../../core/search/text-search.js';
import { loadProcess } from '../../processes/index.js';

export interface CreateDebateInput {
  processId: string;
  title: string;
  description: string;
  category?: string | null;
  /** On behalf of this organization (the actor represents it). */
  organizationId?: string | null;
  /** In the name of this post (the actor holds it). */
  postId?: string | null;
}

/**
 * Starts a debate in a process while its phase lets people start debates. The author follows it,
 * so they hear when it is closed. Who may write in whose name is the policy's check.
 */
export async function createDebate(
  { db, clock }: Deps,
  actor: Actor,
  input: CreateDebateInput,
): Promise<Result<{ id: string }, 'not_found' | 'debate_creation_closed' | 'organization_not_verified' | 'not_authenticated'>> {
  if (actor.kind !== 'user') return fail('not_authenticated');
  const now = clock.now();
  return transact(db, async (trx) => {
    const context = await loadProcess(trx, { id: input.processId }, now);
    if (!context || !context.process.components.includes('debates')) return fail('not_found');
    if (!context.isOpen('debates', 'create').open) return fail('debate_creation_closed');
    if (input.organizationId) {
      const org = await trx.selectFrom('organizations').select('status').where('id', '=', input.organizationId).executeTakeFirst();
      if (!org) return fail('not_found', { fields: [{ path: 'organizationId', code: 'not_found' }] });
      if (org.status !== 'verified') return fail('organization_not_verified', { fields: [{ path: 'organizationId', code: 'organization_not_verified' }] });
    }
    const title = input.title.trim();
    const description = input.description.trim();
    const category = input.category?.trim() || null;
    const row = await trx
      .insertInto('debates')
      .values({
        process_id: input.processId,
        title,
        description,
        category,
        author_id: actor.id,
        organization_id: input.organizationId ?? null,
        post_id: input.postId ?? null,
        created_at: now,
        tsv: searchVector(title, `${description} ${category ?? ''}`) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await follow(trx, actor.id, 'debate', row.id, now);
    const official = Boolean(input.postId || input.organizationId);
    await writeAudit(
      trx,
      actor,
      {
        action: 'debate.created',
        resourceType: 'debate',
        resourceId: row.id,
        postId: input.postId ?? null,
        organizationId: input.organizationId ?? null,
        // A resident's own debate is on its public page; the public audit log carries only acts in an organization's or a post's name.
        data: { title, processId: input.processId },
        public: official,
      },
      now,
    );
    return ok({ id: row.id });
  });
}
