import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { notify } from '../../../core/notifications/notify.js';
import { decideReviewRefusal, isDecision, needsGround, reviewRefusal, stateAfterReview } from '../rules.js';
import { settingsOf, supervisorOf } from '../settings.js';
import { loadRequest, officialsOf, requestPath } from '../queries/load-request.js';
import type { RefusalGround, RequestDecision, ReviewOutcome } from '../tables.js';
import { appendMessage, notifyRequesterAndFollowers, requesterActsPublic } from './common.js';
import { attachToMessage } from './department-actions.js';
import { officialPostIn } from '../../../core/organizations/departments.js';

/**
 * The requester appeals to the supervising department (configured per department; by default the
 * one supervisory body): against a refusal, a partial answer, "not held", or lateness. The review
 * has its own deadline (the department's review period in working days); both departments are told.
 */
export async function requestReview(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; body: string },
): Promise<Result<{ dueAt: Date; reviewDepartmentId: string }, 'not_found' | 'review_already_requested' | 'review_not_available'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = reviewRefusal(row.state, row.review_requested_at, row.due_at, now);
    if (refusal) return fail(refusal);
    const settings = await settingsOf(trx, row.department_id);
    const reviewer = await supervisorOf(trx, settings);
    const dueAt = deadlineFor(now, settings.reviewWorkingDays, await loadCalendar(trx))!;
    const grounds = isDecision(row.state) ? row.state : 'late';
    await trx
      .updateTable('information_requests')
      .set({
        state: 'internal_review', review_department_id: reviewer, review_from_state: row.state, review_requested_at: now,
        review_working_days: settings.reviewWorkingDays, review_due_at: dueAt, updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    const messageId = await appendMessage(trx, { requestId: row.id, kind: 'review_request', body: input.body.trim(), authorId: actor.id, data: { against: grounds, reviewDepartmentId: reviewer, dueAt: dueAt.toISOString() } }, now);
    const staff = [...(await officialsOf(trx, reviewer)), ...(await officialsOf(trx, row.department_id))];
    await notify(trx, staff, { kind: 'request.appealed', resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id), data: { dueAt: dueAt.toISOString() } }, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.review_requested',
        resourceType: 'information_request',
        resourceId: row.id,
        organizationId: row.organization_id,
        data: { title: row.title, messageId, against: grounds, reviewDepartmentId: reviewer, workingDays: settings.reviewWorkingDays, dueAt: dueAt.toISOString() },
        public: requesterActsPublic(row),
      },
      now,
    );
    return ok({ dueAt, reviewDepartmentId: reviewer });
  });
}

export interface DecideReviewInput {
  id: string;
  outcome: ReviewOutcome;
  /** The resulting state; needed only when the department never decided (an appeal against lateness). */
  state?: RequestDecision | null;
  /** A ground for what stays refused, from the department's published list (the department's own stands when upheld). */
  ground?: string | null;
  body: string;
  attachmentIds?: string[];
}

/**
 * The supervising department decides the internal review, with reasons, signed by its post:
 * upheld (the decision stands), partly upheld (part is released) or overturned (all is released);
 * the result sets the final state. The requester and followers are told.
 */
export async function decideReview(
  { db, clock }: Deps,
  actor: UserActor,
  input: DecideReviewInput,
): Promise<Result<{ state: RequestDecision }, 'not_found' | 'review_not_pending' | 'validation_failed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = decideReviewRefusal(row.state);
    if (refusal) return fail(refusal);
    const from = row.review_from_state!;
    const state = stateAfterReview(input.outcome, from, input.state ?? null);
    const fields: FieldError[] = [];
    if (!state) fields.push({ path: 'state', code: 'review_state_required' });
    let ground: RefusalGround | null = null;
    if (input.ground) {
      ground = (await settingsOf(trx, row.department_id)).refusalGrounds.find((g) => g.code === input.ground) ?? null;
      if (!ground) fields.push({ path: 'ground', code: 'refusal_ground_unknown' });
    } else if (state && needsGround(state)) {
      ground = row.refusal_ground;
      if (!ground) fields.push({ path: 'ground', code: 'refusal_ground_required' });
    }
    if (fields.length > 0 || !state) return fail('validation_failed', { fields });
    if (!needsGround(state)) ground = null;
    const reviewer = row.review_department_id!;
    const postId = officialPostIn(actor, reviewer);
    await trx
      .updateTable('information_requests')
      .set({ state, review_outcome: input.outcome, review_decided_at: now, review_ground: ground ? JSON.stringify(ground) : null, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const messageId = await appendMessage(
      trx,
      { requestId: row.id, kind: 'review_decision', body: input.body.trim(), authorId: actor.id, postId, departmentId: reviewer, data: { outcome: input.outcome, state, ground } },
      now,
    );
    const attached = await attachToMessage(trx, actor, messageId, input.attachmentIds ?? [], now);
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await notifyRequesterAndFollowers(trx, row, 'request.review_decided', now, actor.id, { outcome: input.outcome, state });
    await notify(trx, await officialsOf(trx, row.department_id), { kind: 'request.review_decided', resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id), data: { outcome: input.outcome } }, now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.review_decided',
        resourceType: 'information_request',
        resourceId: row.id,
        postId,
        data: {
          title: row.title, messageId, outcome: input.outcome, state, from, ground: ground?.code ?? null, reviewDepartmentId: reviewer,
          dueAt: row.review_due_at!.toISOString(), late: now.getTime() >= row.review_due_at!.getTime(),
        },
        public: true,
      },
      now,
    );
    return ok({ state });
  });
}
