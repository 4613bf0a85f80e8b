import type { Deps } from '../../../core/deps.js';
import type { Executor } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor, localDate } from '../../../core/calendar/working-days.js';
import { seal, unwrapForHandler } from '../crypto.js';
import { canSupervision, type ReportRef } from '../policy.js';
import { conflictingDepartments, loadSupervisionSettings } from '../settings.js';
import type { ReportOutcome } from '../tables.js';
import { aad, shareWithHandlers, storeMessage } from './report-store.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/** What the policy needs about a report (its body, the department concerned and its conflicts). */
export async function reportRef(db: Executor, row: { body_id: string; department_id: string | null }): Promise<ReportRef> {
  return { bodyId: row.body_id, departmentId: row.department_id, conflictingDepartmentIds: row.department_id ? await conflictingDepartments(db, row.department_id) : [] };
}

/** The report key, unwrapped with the handler's private key; `report_no_access` when it was not wrapped for them yet. */
export async function openForHandler(db: Executor, actor: UserActor, reportId: string, privateKey: Buffer): Promise<Result<Buffer, 'report_no_access'>> {
  const wrap = await db.selectFrom('supervision_report_keys').select('wrapped').where('report_id', '=', reportId).where('user_id', '=', actor.id).executeTakeFirst();
  const key = wrap ? unwrapForHandler(wrap.wrapped, privateKey, reportId) : null;
  return key ? ok(key) : fail('report_no_access');
}

async function lockReport(db: Executor, id: string) {
  return db.selectFrom('supervision_reports').select(['id', 'seq', 'state', 'body_id', 'department_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * A handler writes to the reporter: a message, or a question the report then waits on (the reporter
 * sees it when they come back with the receipt). A report still `received` is now under review.
 */
export async function messageReporter(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; key: Buffer; text: string; question: boolean },
): Promise<Result<null, 'not_found' | 'report_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockReport(trx, input.id);
    if (!row) return fail('not_found');
    if (row.state === 'concluded') return fail('report_closed');
    const calendar = await loadCalendar(trx);
    const day = localDate(now, calendar);
    await storeMessage(trx, { reportId: row.id, author: 'handler', kind: input.question ? 'question' : 'message', handlerId: actor.id, text: input.text.trim(), key: input.key, day });
    const review = row.state === 'received' ? await reviewDeadline(trx, now) : null;
    await trx
      .updateTable('supervision_reports')
      .set({ updated_on: day, ...(input.question ? { awaiting_reporter: true } : {}), ...(review ? { state: 'reviewing', due_at: review, overdue: false } : {}) })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(
      trx,
      actor,
      { action: input.question ? 'supervision.report_question' : 'supervision.report_message', resourceType: 'supervision_report', resourceId: row.id, postId: officialPostIn(actor, row.body_id), data: { seq: row.seq }, public: false },
      now,
    );
    return ok(null);
  });
}

async function reviewDeadline(db: Executor, now: Date): Promise<Date> {
  const days = (await loadSupervisionSettings(db)).deadlines.reportConclusion;
  return deadlineFor(now, days, await loadCalendar(db))!;
}

/** A handler acknowledges a report: it is under review, with the conclusion deadline. */
export async function reviewReport({ db, clock }: Deps, actor: UserActor, input: { id: string }): Promise<Result<null, 'not_found' | 'complaint_wrong_stage'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockReport(trx, input.id);
    if (!row) return fail('not_found');
    if (row.state !== 'received') return fail('complaint_wrong_stage');
    const day = localDate(now, await loadCalendar(trx));
    await trx.updateTable('supervision_reports').set({ state: 'reviewing', due_at: await reviewDeadline(trx, now), overdue: false, updated_on: day }).where('id', '=', row.id).execute();
    await writeAudit(trx, actor, { action: 'supervision.report_review', resourceType: 'supervision_report', resourceId: row.id, postId: officialPostIn(actor, row.body_id), data: { seq: row.seq }, public: false }, now);
    return ok(null);
  });
}

/** A handler concludes a report with an outcome and a conclusion the reporter reads (sealed). */
export async function concludeReport(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; key: Buffer; outcome: ReportOutcome; text: string },
): Promise<Result<null, 'not_found' | 'report_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const row = await lockReport(trx, input.id);
    if (!row) return fail('not_found');
    if (row.state === 'concluded') return fail('report_closed');
    const day = localDate(now, await loadCalendar(trx));
    await trx
      .updateTable('supervision_reports')
      .set({ state: 'concluded', outcome: input.outcome, concluded_on: day, updated_on: day, awaiting_reporter: false, conclusion: seal(input.key, Buffer.from(input.text.trim(), 'utf8'), aad.conclusion(row.id)) })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(
      trx,
      actor,
      { action: 'supervision.report_concluded', resourceType: 'supervision_report', resourceId: row.id, postId: officialPostIn(actor, row.body_id), data: { seq: row.seq, outcome: input.outcome }, public: false },
      now,
    );
    return ok(null);
  });
}

/**
 * "Grant access": the handler re-wraps the key of every report they can open for the eligible
 * colleagues of its body who have a key but no access yet (new handlers). Returns how many wraps.
 */
export async function shareAccess({ db, clock }: Deps, actor: UserActor, privateKey: Buffer, bodyIds: string[]): Promise<Result<{ reports: number; grants: number }, never>> {
  const now = clock.now();
  if (bodyIds.length === 0) return ok({ reports: 0, grants: 0 });
  const rows = await db
    .selectFrom('supervision_reports as r')
    .innerJoin('supervision_report_keys as k', (join) => join.onRef('k.report_id', '=', 'r.id').on('k.user_id', '=', actor.id))
    .select(['r.id', 'r.body_id', 'r.department_id', 'k.wrapped'])
    .where('r.body_id', 'in', bodyIds)
    .execute();
  let grants = 0;
  let reports = 0;
  return transact(db, async (trx) => {
    for (const row of rows) {
      if (!canSupervision(actor, 'report.handle', await reportRef(trx, row)).allow) continue;
      const key = unwrapForHandler(row.wrapped, privateKey, row.id);
      if (!key) continue;
      const added = await shareWithHandlers(trx, row, key);
      if (added > 0) reports++;
      grants += added;
    }
    if (grants > 0) {
      await writeAudit(trx, actor, { action: 'supervision.report_access_shared', resourceType: 'supervision_key', resourceId: actor.id, data: { reports, grants }, public: false }, now);
    }
    return ok({ reports, grants });
  });
}
