import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notify } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { addCalendarDays, localDate } from '../../../core/calendar/working-days.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { eligibleHandlers, loadSupervisionSettings } from '../settings.js';

const retention = systemActor('supervision.retention');

/**
 * Deletes concluded anonymous reports older than the retention period (the module setting), with
 * their keys, messages and files. Each deletion is audit-logged by the platform without content.
 */
export async function purgeConcludedReports({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const [settings, calendar] = await Promise.all([loadSupervisionSettings(db), loadCalendar(db)]);
  const cutoff = addCalendarDays(localDate(now, calendar), -settings.retentionDays);
  const rows = await db.selectFrom('supervision_reports').select('id').where('state', '=', 'concluded').where('concluded_on', '<', cutoff).limit(500).execute();
  let deleted = 0;
  for (const { id } of rows) {
    const result = await transact(db, async (trx) => {
      const row = await trx.selectFrom('supervision_reports').select(['id', 'seq', 'concluded_on', 'outcome', 'body_id']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) return ok(false);
      await trx.deleteFrom('supervision_reports').where('id', '=', row.id).execute();
      await writeAudit(
        trx,
        retention,
        { action: 'supervision.report_deleted', resourceType: 'supervision_report', resourceId: row.id, organizationId: row.body_id, data: { seq: row.seq, concludedOn: row.concluded_on, outcome: row.outcome, retentionDays: settings.retentionDays }, public: false },
        now,
      );
      return ok(true);
    });
    if (result.ok && result.value) deleted++;
  }
  // Unlocked keys of sessions that expired go too.
  await db.deleteFrom('supervision_key_unlocks').where('expires_at', '<=', now).execute();
  return deleted;
}

/**
 * Tells handlers, in one batch per run, that anonymous reports have something new (a new report or
 * a reporter's reply). Batching keeps the notification's time from dating what the reporter did.
 */
export async function noticeHandlers({ db, clock }: Deps): Promise<number> {
  const now = clock.now();
  const rows = await db.selectFrom('supervision_reports').select(['id', 'body_id', 'department_id']).where('unseen_by_handlers', '=', true).execute();
  if (rows.length === 0) return 0;
  const recipients = new Map<string, string>();
  for (const row of rows) for (const userId of await eligibleHandlers(db, row.body_id, row.department_id)) recipients.set(userId, row.body_id);
  const result = await transact(db, async (trx) => {
      for (const [userId, bodyId] of recipients) {
        await notify(trx, [userId], { kind: 'supervision.reports_waiting', resourceType: 'supervision_body', resourceId: bodyId, title: 'New reports or replies from reporters', path: '/supervision/queue', data: { titleZh: '新的举报或举报人回复' } }, now);
      }
      await trx.updateTable('supervision_reports').set({ unseen_by_handlers: false }).where('id', 'in', rows.map((r) => r.id)).execute();
      return ok(recipients.size);
  });
  return result.ok ? result.value : 0;
}

export const reportRetentionJob: JobDefinition = {
  name: 'supervision.retention',
  everyMs: 6 * 60 * 60_000,
  async run(deps) {
    await purgeConcludedReports(deps);
  },
};

export const reportNoticeJob: JobDefinition = {
  name: 'supervision.report-notices',
  everyMs: 60 * 60_000,
  async run(deps) {
    await noticeHandlers(deps);
  },
};
