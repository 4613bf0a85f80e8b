import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { loadProcess } from '../queries/load-process.js';
import { postIn } from './create-process.js';

/**
 * Officials move a process on to a later phase ahead of its dates (for example when submissions
 * close early by law). Only forward; audit-logged in public and told to the process's followers.
 */
export async function advancePhase(
  { db, clock }: Deps,
  actor: Actor,
  input: { id: string; phaseId: string },
): Promise<Result<{ phaseId: string }, 'not_found' | 'phase_not_ahead'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    await trx.selectFrom('processes').select('id').where('id', '=', input.id).forUpdate().executeTakeFirst();
    const context = await loadProcess(trx, { id: input.id }, now);
    if (!context) return fail('not_found');
    const target = context.phases.find((p) => p.id === input.phaseId);
    if (!target) return fail('not_found', { fields: [{ path: 'phaseId', code: 'not_found' }] });
    const currentPosition = context.current?.position ?? (context.stage === 'upcoming' ? 0 : Number.POSITIVE_INFINITY);
    if (target.position <= currentPosition || now.getTime() >= target.endsAt.getTime()) return fail('phase_not_ahead');
    await trx.updateTable('processes').set({ phase_override_id: target.id }).where('id', '=', input.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'process.phase_advanced',
        resourceType: 'process',
        resourceId: input.id,
        postId: postIn(actor, context.process.department_id),
        data: { from: context.current?.title ?? null, to: target.title, scheduledStart: target.startsAt.toISOString() },
        public: true,
      },
      now,
    );
    await notifyFollowers(
      trx,
      { kind: 'process.phase_advanced', resourceType: 'process', resourceId: input.id, title: context.process.title, path: `/processes/${context.process.slug}`, data: { phase: target.title } },
      now,
      actor.kind === 'user' ? actor.id : null,
    );
    return ok({ phaseId: target.id });
  });
}
