import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import type { Actor } from '../../../core/permissions/actor.js';

/**
 * Closes a debate with the department's conclusion, in the name of the official's post in the
 * process's department. A closed debate takes no more comments; its followers are told.
 */
export async function closeDebate(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string; conclusion: string },
): Promise<Result<null, 'not_found' | 'debate_closed' | 'not_an_official'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const debate = await trx
      .selectFrom('debates as d')
      .innerJoin('processes as p', 'p.id', 'd.process_id')
      .select(['d.id', 'd.title', 'd.status', 'p.department_id', 'p.slug'])
      .where('d.id', '=', input.id)
      .forUpdate('d')
      .executeTakeFirst();
    if (!debate) return fail('not_found');
    if (debate.status === 'closed') return fail('debate_closed');
    const post = actor.kind === 'user' ? actor.posts.find((p) => p.organizationId === debate.department_id) : undefined;
    if (!post || actor.kind !== 'user') return fail('not_an_official');
    const conclusion = input.conclusion.trim();
    await trx
      .updateTable('debates')
      .set({ status: 'closed', conclusion, closed_at: now, closed_by: actor.id, closed_post_id: post.id })
      .where('id', '=', debate.id)
      .execute();
    await notifyFollowers(
      trx,
      { kind: 'debate.closed', resourceType: 'debate', resourceId: debate.id, title: debate.title, path: `/processes/${debate.slug}/debates/${debate.id}` },
      now,
      actor.id,
    );
    await writeAudit(
      trx,
      actor,
      { action: 'debate.closed', resourceType: 'debate', resourceId: debate.id, postId: post.id, data: { title: debate.title, conclusion }, public: true },
      now,
    );
    return ok(null);
  });
}
