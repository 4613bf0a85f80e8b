import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { detailColumns, phaseProblems, type ProcessInput } from './process-input.js';
import { insertPhases, postIn } from './create-process.js';

/**
 * Replaces a process's details and phases. Once published the department stays and the change is
 * public in the audit log with the fields that changed, so moved dates are visible to everyone.
 */
export async function updateProcess(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string } & Omit<ProcessInput, 'departmentId'>,
): Promise<Result<null, 'validation_failed' | 'not_found'>> {
  const problems = phaseProblems(input);
  if (problems.length > 0) return fail('validation_failed', { fields: problems });
  const now = clock.now();
  return transact(db, async (trx) => {
    const existing = await trx.selectFrom('processes').select(['id', 'status', 'department_id']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!existing) return fail('not_found');
    if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
      return fail('not_found', { fields: [{ path: 'areaId', code: 'not_found' }] });
    }
    if (input.postId) {
      const post = await trx.selectFrom('posts').select('organization_id').where('id', '=', input.postId).executeTakeFirst();
      if (!post || post.organization_id !== existing.department_id) return fail('not_found', { fields: [{ path: 'postId', code: 'not_found' }] });
    }
    await trx
      .updateTable('processes')
      .set({
        ...detailColumns(input),
        ...(input.postId !== undefined ? { post_id: input.postId } : {}),
        phase_override_id: null,
      })
      .where('id', '=', input.id)
      .execute();
    await insertPhases(trx, input.id, input.phases);
    await writeAudit(
      trx,
      actor,
      {
        action: 'process.updated',
        resourceType: 'process',
        resourceId: input.id,
        postId: postIn(actor, existing.department_id),
        data: { phases: input.phases.map((p) => ({ title: p.title, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() })) },
        public: existing.status === 'published',
      },
      now,
    );
    return ok(null);
  });
}
