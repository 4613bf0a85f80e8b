import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { postIn } from './create-process.js';

/** Publishes a draft process: from now on the public sees it and its phases follow the clock. */
export async function publishProcess({ db, clock }: Deps, actor: Actor, input: { id: string }): Promise<Result<null, 'not_found' | 'process_not_draft' | 'process_has_no_phases'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const process = await trx.selectFrom('processes').select(['status', 'department_id', 'title']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!process) return fail('not_found');
    if (process.status !== 'draft') return fail('process_not_draft');
    const phases = await trx.selectFrom('process_phases').select('id').where('process_id', '=', input.id).execute();
    if (phases.length === 0) return fail('process_has_no_phases');
    await trx.updateTable('processes').set({ status: 'published', published_at: now }).where('id', '=', input.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'process.published', resourceType: 'process', resourceId: input.id, postId: postIn(actor, process.department_id), data: { title: process.title }, public: true },
      now,
    );
    return ok(null);
  });
}
