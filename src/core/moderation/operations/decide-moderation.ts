import type { ResourceDeps } from '../../comments/resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import { notify } from '../../notifications/notify.js';
import type { UserActor } from '../../permissions/actor.js';
import type { ModerationDecision } from '../tables.js';

export interface DecideInput {
  resourceType: string;
  resourceId: string;
  decision: ModerationDecision;
  /** Told to the author and written in the public audit log: say why, without personal data. */
  reason: string;
}

export type DecideError = 'unknown_resource_type' | 'not_moderatable' | 'not_found' | 'moderation_no_change';

/**
 * A moderator's decision on content: `hide` hides it (or confirms an automatic hiding), `restore`
 * shows it again (or dismisses the reports on content that was never hidden). Either way the open
 * reports are resolved, the decision is audit-logged in public (without the reporters), and the
 * authors are told with the reason (about a restore only when the content had been hidden).
 * Deciding again without new reports changes nothing and is refused (`moderation_no_change`).
 */
export async function decideModeration(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: DecideInput,
): Promise<Result<{ state: 'visible' | 'hidden'; resolvedReports: number }, DecideError>> {
  const adapter = resources.get(input.resourceType);
  if (!adapter) return fail('unknown_resource_type');
  if (!adapter.setHidden) return fail('not_moderatable');
  const setHidden = adapter.setHidden.bind(adapter);
  const now = clock.now();
  return transact<{ state: 'visible' | 'hidden'; resolvedReports: number }, DecideError>(db, async (trx) => {
    const info = await adapter.describe(trx, input.resourceId, actor, now);
    if (!info) return fail('not_found');
    await trx
      .insertInto('moderation_items')
      .values({ resource_type: input.resourceType, resource_id: input.resourceId })
      .onConflict((oc) => oc.columns(['resource_type', 'resource_id']).doNothing())
      .execute();
    const item = await trx
      .selectFrom('moderation_items')
      .select(['state', 'open_reports', 'hidden_at'])
      .where('resource_type', '=', input.resourceType)
      .where('resource_id', '=', input.resourceId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const wasHidden = item.state === 'hidden';
    const hide = input.decision === 'hide';
    if (wasHidden === hide && item.open_reports === 0) return fail('moderation_no_change');

    if (hide && !wasHidden) await setHidden(trx, input.resourceId, now);
    if (!hide && wasHidden) await setHidden(trx, input.resourceId, null);
    const resolved = await trx
      .updateTable('reports')
      .set({ resolved_at: now, resolution: input.decision })
      .where('resource_type', '=', input.resourceType)
      .where('resource_id', '=', input.resourceId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    const resolvedReports = Number(resolved.numUpdatedRows);
    await trx
      .updateTable('moderation_items')
      .set({
        state: hide ? 'hidden' : 'visible',
        hidden_at: hide ? (item.hidden_at ?? now) : null,
        // Confirming an automatic hiding keeps the record that it was automatic.
        ...(hide && wasHidden ? {} : { hidden_automatically: false }),
        open_reports: 0,
        decision: input.decision,
        decision_reason: input.reason,
        decided_at: now,
        decided_by: actor.id,
      })
      .where('resource_type', '=', input.resourceType)
      .where('resource_id', '=', input.resourceId)
      .execute();

    if (hide || wasHidden) {
      await notify(
        trx,
        info.authorIds,
        { kind: hide ? 'moderation.hidden' : 'moderation.restored', resourceType: input.resourceType, resourceId: input.resourceId, title: info.title, path: info.path, data: { reason: input.reason } },
        now,
      );
    }
    await writeAudit(
      trx,
      actor,
      {
        action: hide ? 'moderation.hidden' : 'moderation.restored',
        resourceType: input.resourceType,
        resourceId: input.resourceId,
        data: { reason: input.reason, reports: resolvedReports, wasHidden },
        public: true,
      },
      now,
    );
    return ok({ state: hide ? 'hidden' : 'visible', resolvedReports });
  });
}
