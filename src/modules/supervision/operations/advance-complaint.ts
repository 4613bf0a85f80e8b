import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { loadSupervisionSettings } from '../settings.js';
import { STAGE_ACTIONS, stageDeadlineKey, type StageAction } from '../rules.js';
import type { ComplaintOutcome } from '../tables.js';
import { notifyComplainant } from './common.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

export interface AdvanceComplaintInput {
  id: string;
  action: StageAction;
  /** Dismissal: the reasons; conclusion: the findings. Shown to the complainant. */
  text?: string | null;
  outcome?: ComplaintOutcome | null;
  /** Conclusion: the measures taken. */
  measures?: string | null;
}

/**
 * A handler moves a complaint to its next stage: opens the preliminary review, accepts it for
 * investigation or dismisses it (with reasons), starts the investigation, or concludes it (outcome,
 * findings, measures). Each open stage gets its own working-day deadline. That the actor is a
 * handler of the case is the route's check (`complaint.handle`). The audit row names the stage, not
 * the text, and is public only when the complainant chose a public summary.
 */
export async function advanceComplaint(
  { db, clock }: Deps,
  actor: UserActor,
  input: AdvanceComplaintInput,
): Promise<Result<{ state: string; dueAt: Date | null }, 'not_found' | 'complaint_wrong_stage' | 'validation_failed'>> {
  const now = clock.now();
  const step = STAGE_ACTIONS[input.action];
  const text = input.text?.trim() || null;
  if (input.action === 'dismiss' && !text) return fail('validation_failed', { fields: [{ path: 'text', code: 'too_small' }] });
  if (input.action === 'conclude') {
    const fields = [];
    if (!input.outcome) fields.push({ path: 'outcome', code: 'required' });
    if (!text) fields.push({ path: 'text', code: 'too_small' });
    if (!input.measures?.trim() && input.outcome !== 'not_substantiated') fields.push({ path: 'measures', code: 'too_small' });
    if (fields.length > 0) return fail('validation_failed', { fields });
  }
  return transact(db, async (trx) => {
    const row = await trx.selectFrom('supervision_complaints').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found');
    if (row.state !== step.from) return fail('complaint_wrong_stage');
    const key = stageDeadlineKey(step.to);
    let dueAt: Date | null = null;
    let days = row.stage_working_days;
    if (key) {
      days = (await loadSupervisionSettings(trx)).deadlines[key];
      dueAt = deadlineFor(now, days, await loadCalendar(trx))!;
    }
    const late = row.stage_due_at !== null && now.getTime() >= row.stage_due_at.getTime();
    const postId = officialPostIn(actor, row.body_id);
    const closing = input.action === 'dismiss' || input.action === 'conclude';
    await trx
      .updateTable('supervision_complaints')
      .set({
        state: step.to,
        stage_started_at: now,
        stage_working_days: days,
        stage_due_at: dueAt,
        overdue_at: null,
        updated_at: now,
        ...(closing
          ? {
              closed_at: now,
              decision: text,
              outcome: input.action === 'conclude' ? input.outcome! : null,
              measures: input.action === 'conclude' ? input.measures?.trim() || null : null,
              decided_post_id: postId,
              decided_by: actor.id,
              awaiting_complainant: false,
            }
          : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('supervision_complaint_events')
      .values({ complaint_id: row.id, kind: 'stage', author_id: actor.id, post_id: postId, body_id: row.body_id, from_state: row.state, to_state: step.to, text: closing ? text : null, due_at: dueAt, created_at: now })
      .execute();
    await notifyComplainant(trx, row, 'supervision.stage', now, { state: step.to });
    await writeAudit(
      trx,
      actor,
      {
        action: `supervision.complaint_${input.action}`,
        resourceType: 'supervision_complaint',
        resourceId: row.id,
        postId,
        data: { number: row.number, from: row.state, to: step.to, bodyId: row.body_id, late, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}), ...(input.action === 'conclude' ? { outcome: input.outcome } : {}) },
        public: row.confidentiality === 'public_summary',
      },
      now,
    );
    return ok({ state: step.to, dueAt });
  });
}
