import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { rateRefusal } from '../rules.js';
import { officialsOf, questionPath } from '../queries/load-question.js';

/**
 * The asker says whether the answer resolved the question, once, with an optional public comment:
 * the department's record counts the share rated resolved. The department's officials are told.
 * That the actor is the asker is the route's check (`question.rate`).
 */
export async function rateAnswer(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; resolved: boolean; comment?: string | null },
): Promise<Result<null, 'not_found' | 'question_not_answered' | 'question_already_rated'>> {
  const now = clock.now();
  const comment = input.comment?.trim() || null;
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('questions').select(['id', 'state', 'title', 'rated_at', 'department_id', 'organization_id']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    const refusal = rateRefusal(row.state, row.rated_at);
    if (refusal) return fail(refusal);
    await trx.updateTable('questions').set({ rated_at: now, rating_resolved: input.resolved, rating_comment: comment, updated_at: now }).where('id', '=', row.id).execute();
    await notify(
      trx,
      await officialsOf(trx, row.department_id),
      { kind: 'question.rated', resourceType: 'question', resourceId: row.id, title: row.title, path: questionPath(row.id), data: { resolved: input.resolved } },
      now,
    );
    await writeAudit(
      trx,
      actor,
      { action: 'question.rated', resourceType: 'question', resourceId: row.id, organizationId: row.organization_id, data: { resolved: input.resolved, departmentId: row.department_id }, public: true },
      now,
    );
    return ok(null);
  });
}
