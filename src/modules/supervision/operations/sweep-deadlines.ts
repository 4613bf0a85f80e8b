import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { conflictingDepartments, loadSupervisionSettings, routingFor } from '../settings.js';
import { stageDeadlineKey } from '../rules.js';
import { notifyComplainant, notifyHandlers } from './common.js';

const sweeper = systemActor('supervision.deadlines');
const OPEN = ['received', 'preliminary_review', 'accepted', 'investigating'] as const;

/**
 * Every open complaint whose current stage passed its deadline, without anyone acting: when the
 * department has a higher supervisory body and the case was not escalated yet, it goes up there
 * with the stage's deadline starting again (the complainant and the higher body's handlers are
 * told); otherwise it is flagged overdue (handlers and complainant told). Each is audit-logged by
 * the platform. Idempotent: a flagged stage is not flagged again. Returns what it did.
 */
export async function sweepComplaintDeadlines({ db, clock }: Deps): Promise<{ escalated: number; overdue: number }> {
  const now = clock.now();
  const due = await db
    .selectFrom('supervision_complaints')
    .select('id')
    .where('state', 'in', [...OPEN])
    .where('overdue_at', 'is', null)
    .where('stage_due_at', '<=', now)
    .orderBy('stage_due_at')
    .limit(500)
    .execute();
  const counts = { escalated: 0, overdue: 0 };
  for (const { id } of due) {
    const result = await transact(db, async (trx) => {
      const row = await trx.selectFrom('supervision_complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row || !(OPEN as readonly string[]).includes(row.state) || row.overdue_at || !row.stage_due_at || row.stage_due_at > now) return ok(null);
      const routing = row.escalated_at ? null : await routingFor(trx, row.department_id);
      const conflicts = new Set([row.department_id, ...(await conflictingDepartments(trx, row.department_id))]);
      const higher = routing?.higherBodyId && routing.higherBodyId !== row.body_id && !conflicts.has(routing.higherBodyId) ? routing.higherBodyId : null;
      const isPublic = row.confidentiality === 'public_summary';
      if (higher) {
        const key = stageDeadlineKey(row.state)!;
        const days = (await loadSupervisionSettings(trx)).deadlines[key];
        const dueAt = deadlineFor(now, days, await loadCalendar(trx))!;
        await trx
          .updateTable('supervision_complaints')
          .set({ body_id: higher, escalated_from_body_id: row.body_id, escalated_at: now, stage_started_at: now, stage_working_days: days, stage_due_at: dueAt, updated_at: now })
          .where('id', '=', row.id)
          .execute();
        await trx
          .insertInto('supervision_complaint_events')
          .values({ complaint_id: row.id, kind: 'escalated', body_id: higher, from_state: row.state, to_state: row.state, due_at: dueAt, created_at: now })
          .execute();
        await notifyComplainant(trx, row, 'supervision.escalated', now);
        await notifyHandlers(trx, { ...row, body_id: higher }, 'supervision.escalated', now);
        await writeAudit(
          trx,
          sweeper,
          {
            action: 'supervision.complaint_escalated',
            resourceType: 'supervision_complaint',
            resourceId: row.id,
            data: { number: row.number, state: row.state, fromBodyId: row.body_id, toBodyId: higher, missedDueAt: row.stage_due_at.toISOString(), dueAt: dueAt.toISOString() },
            public: isPublic,
          },
          now,
        );
        return ok('escalated' as const);
      }
      await trx.updateTable('supervision_complaints').set({ overdue_at: now }).where('id', '=', row.id).execute();
      await trx.insertInto('supervision_complaint_events').values({ complaint_id: row.id, kind: 'overdue', body_id: row.body_id, from_state: row.state, due_at: row.stage_due_at, created_at: now }).execute();
      await notifyComplainant(trx, row, 'supervision.overdue', now);
      await notifyHandlers(trx, row, 'supervision.overdue', now);
      await writeAudit(
        trx,
        sweeper,
        { action: 'supervision.complaint_overdue', resourceType: 'supervision_complaint', resourceId: row.id, data: { number: row.number, state: row.state, bodyId: row.body_id, dueAt: row.stage_due_at.toISOString() }, public: isPublic },
        now,
      );
      return ok('overdue' as const);
    });
    if (result.ok && result.value) counts[result.value]++;
  }
  return counts;
}

/** Anonymous reports past their deadline are flagged (a flag only: no time is recorded). */
export async function flagOverdueReports({ db, clock }: Deps): Promise<number> {
  const result = await db
    .updateTable('supervision_reports')
    .set({ overdue: true })
    .where('state', '!=', 'concluded')
    .where('overdue', '=', false)
    .where('due_at', '<=', clock.now())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const supervisionDeadlinesJob: JobDefinition = {
  name: 'supervision.deadlines',
  everyMs: 10 * 60_000,
  async run(deps) {
    await sweepComplaintDeadlines(deps);
    await flagOverdueReports(deps);
  },
};
