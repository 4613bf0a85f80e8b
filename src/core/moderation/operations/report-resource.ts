import type { ResourceDeps } from '../../comments/resource-deps.js';
import { transact } from '../../db/transact.js';
import { fail, ok, type Result } from '../../errors.js';
import { writeAudit } from '../../audit/audit-log.js';
import { notify } from '../../notifications/notify.js';
import { systemActor, type UserActor } from '../../permissions/actor.js';
import type { ReportReason } from '../tables.js';
import { readModerationThreshold } from '../settings.js';

export interface ReportInput {
  resourceType: string;
  resourceId: string;
  reason: ReportReason;
  details?: string | null;
}

export type ReportError = 'unknown_resource_type' | 'not_moderatable' | 'not_found' | 'cannot_report_own' | 'already_reported';

/** The platform itself hides content once enough people reported it: the public audit row names no reporter. */
const thresholdActor = systemActor('moderation threshold');

/**
 * Reports content the reporter can see (one report per person per resource). When the reports not
 * yet resolved by a moderator reach the threshold (setting `moderation_threshold`), the content is
 * hidden pending review, in the same transaction: the adapter hides it, a public audit row records
 * it (acted by the platform, not by the reporter), and the authors are told.
 *
 * Concurrent reports are counted exactly: the resource's moderation row is upserted first, and its
 * row lock orders the reports, so the content is hidden exactly once, by the report that reaches the threshold.
 */
export async function reportResource(
  { db, clock, resources }: ResourceDeps,
  actor: UserActor,
  input: ReportInput,
): Promise<Result<{ hidden: boolean }, ReportError>> {
  const adapter = resources.get(input.resourceType);
  if (!adapter) return fail('unknown_resource_type', { fields: [{ path: 'resourceType', code: 'unknown_resource_type' }] });
  if (!adapter.setHidden) return fail('not_moderatable', { fields: [{ path: 'resourceType', code: 'not_moderatable' }] });
  const setHidden = adapter.setHidden.bind(adapter);
  const now = clock.now();
  return transact<{ hidden: boolean }, ReportError>(db, async (trx) => {
    const info = await adapter.describe(trx, input.resourceId, actor, now);
    if (!info) return fail('not_found');
    if (info.authorIds.includes(actor.id)) return fail('cannot_report_own');
    const inserted = await trx
      .insertInto('reports')
      .values({
        resource_type: input.resourceType,
        resource_id: input.resourceId,
        reporter_id: actor.id,
        reason: input.reason,
        details: input.details?.trim() || null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['resource_type', 'resource_id', 'reporter_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return fail('already_reported');
    const item = await trx
      .insertInto('moderation_items')
      .values({ resource_type: input.resourceType, resource_id: input.resourceId, open_reports: 1, total_reports: 1, first_reported_at: now, last_reported_at: now })
      .onConflict((oc) =>
        oc.columns(['resource_type', 'resource_id']).doUpdateSet((eb) => ({
          open_reports: eb('moderation_items.open_reports', '+', 1),
          total_reports: eb('moderation_items.total_reports', '+', 1),
          first_reported_at: eb.fn.coalesce('moderation_items.first_reported_at', eb.val(now)),
          last_reported_at: now,
        })),
      )
      .returning(['open_reports', 'state'])
      .executeTakeFirstOrThrow();
    const threshold = await readModerationThreshold(trx);
    const hide = item.state === 'visible' && item.open_reports >= threshold;
    if (hide) {
      await setHidden(trx, input.resourceId, now);
      await trx
        .updateTable('moderation_items')
        .set({ state: 'hidden', hidden_at: now, hidden_automatically: true })
        .where('resource_type', '=', input.resourceType)
        .where('resource_id', '=', input.resourceId)
        .execute();
      await notify(
        trx,
        info.authorIds,
        { kind: 'moderation.auto_hidden', resourceType: input.resourceType, resourceId: input.resourceId, title: info.title, path: info.path, data: { reports: item.open_reports } },
        now,
      );
    }
    // Audit rows last (they hold the chain lock until commit). Who reported what stays private.
    await writeAudit(trx, actor, { action: 'moderation.reported', resourceType: input.resourceType, resourceId: input.resourceId, data: { reason: input.reason }, public: false }, now);
    if (!hide) return ok({ hidden: false });
    await writeAudit(
      trx,
      thresholdActor,
      { action: 'moderation.auto_hidden', resourceType: input.resourceType, resourceId: input.resourceId, data: { reports: item.open_reports, threshold }, public: true },
      now,
    );
    return ok({ hidden: true });
  });
}
