import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { proposalPath } from '../queries/load-proposal.js';
import { officialPostIn } from './proposal-input.js';

/** Officials of the responsible department ask a colleague (who holds a post there) to evaluate a proposal. */
export async function assignEvaluator(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; userId: string },
): Promise<Result<null, 'not_found' | 'evaluator_not_official'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'proposals.title', 'processes.slug', 'processes.department_id'])
      .where('proposals.id', '=', input.id)
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const post = await trx.selectFrom('posts').select('id').where('organization_id', '=', row.department_id).where('holder_user_id', '=', input.userId).executeTakeFirst();
    if (!post) return fail('evaluator_not_official', { fields: [{ path: 'userId', code: 'evaluator_not_official' }] });
    const inserted = await trx
      .insertInto('proposal_evaluators')
      .values({ proposal_id: row.id, user_id: input.userId, assigned_by: actor.id, assigned_at: now })
      .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return ok(null);
    if (input.userId !== actor.id) {
      await notify(trx, [input.userId], { kind: 'proposal.evaluator_assigned', resourceType: 'proposal', resourceId: row.id, title: row.title, path: proposalPath(row.slug, row.id) }, now);
    }
    await writeAudit(
      trx,
      actor,
      { action: 'proposal.evaluator_assigned', resourceType: 'proposal', resourceId: row.id, postId: officialPostIn(actor, row.department_id), data: { evaluatorId: input.userId }, public: false },
      now,
    );
    return ok(null);
  });
}

/** Takes an evaluator off a proposal (idempotent). */
export async function unassignEvaluator(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; userId: string },
): Promise<Result<null, 'not_found'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await trx
      .selectFrom('proposals')
      .innerJoin('processes', 'processes.id', 'proposals.process_id')
      .select(['proposals.id', 'processes.department_id'])
      .where('proposals.id', '=', input.id)
      .executeTakeFirst();
    if (!row) return fail('not_found');
    const deleted = await trx.deleteFrom('proposal_evaluators').where('proposal_id', '=', row.id).where('user_id', '=', input.userId).returning('user_id').executeTakeFirst();
    if (deleted) {
      await writeAudit(
        trx,
        actor,
        { action: 'proposal.evaluator_unassigned', resourceType: 'proposal', resourceId: row.id, postId: officialPostIn(actor, row.department_id), data: { evaluatorId: input.userId }, public: false },
        now,
      );
    }
    return ok(null);
  });
}
