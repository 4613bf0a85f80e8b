import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { answerRefusal, type AnswerTarget } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';
import { officialPostIn } from './proposal-input.js';

/**
 * The responsible department moves a proposal on: `evaluating` while it looks at it, then the
 * answer, `accepted` or `rejected` (a rejection must give its reasons). The answer is signed by
 * the official's post, public in the audit log with whether it came in time, and sent to followers.
 */
export async function answerProposal(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; state: AnswerTarget; answer?: string | null },
): Promise<Result<null, 'not_found' | 'validation_failed' | 'proposal_already_answered' | 'proposal_invalid_transition'>> {
  const answer = input.answer?.trim() || null;
  if (input.state === 'rejected' && !answer) return fail('validation_failed', { fields: [{ path: 'answer', code: 'validation.required' }] });
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'proposals.state', 'proposals.title', 'proposals.answer_due_at', 'processes.slug', 'processes.department_id'])
      .where('proposals.id', '=', input.id)
      .forUpdate('proposals')
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = answerRefusal(row.state, input.state);
    if (refusal) return fail(refusal);
    const postId = officialPostIn(actor, row.department_id);
    if (input.state === 'evaluating') {
      await trx.updateTable('proposals').set({ state: 'evaluating', evaluating_at: now, updated_at: now }).where('id', '=', row.id).execute();
    } else {
      await trx
        .updateTable('proposals')
        .set({ state: input.state, answer, answered_at: now, answer_post_id: postId, answered_by: actor.id, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    await notifyFollowers(
      trx,
      { kind: `proposal.${input.state}`, resourceType: 'proposal', resourceId: row.id, title: row.title, path: proposalPath(row.slug, row.id), data: { state: input.state } },
      now,
      actor.id,
    );
    const late = row.answer_due_at ? now.getTime() >= row.answer_due_at.getTime() : null;
    await writeAudit(
      trx,
      actor,
      {
        action: input.state === 'evaluating' ? 'proposal.evaluating' : 'proposal.answered',
        resourceType: 'proposal',
        resourceId: row.id,
        postId,
        data: input.state === 'evaluating' ? { from: row.state } : { from: row.state, state: input.state, answer, dueAt: row.answer_due_at?.toISOString() ?? null, late },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
