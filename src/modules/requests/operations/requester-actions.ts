import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { notify } from '../../../core/notifications/notify.js';
import { clarifyRefusal, classifyRefusal, withdrawRefusal } from '../rules.js';
import { loadRequest, officialsOf, requestPath } from '../queries/load-request.js';
import type { RequestDecision } from '../tables.js';
import { appendMessage, requesterActsPublic, storeDeadlines } from './common.js';
import { endPause } from './department-actions.js';

/**
 * The requester answers the department's request for clarification: the pause ends, the clock runs
 * again from where it stopped (the deadline moves by the working days it was paused), and the
 * department is told.
 */
export async function clarifyRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; body: string },
): Promise<Result<{ dueAt: Date }, 'not_found' | 'request_not_awaiting_clarification'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = clarifyRefusal(row.state);
    if (refusal) return fail(refusal);
    await endPause(trx, row.id, now);
    await trx.updateTable('information_requests').set({ state: 'awaiting_response', due_at: now, updated_at: now }).where('id', '=', row.id).execute();
    const { dueAt } = await storeDeadlines(trx, { ...row, extended: row.extended_at !== null }, await loadCalendar(trx));
    const messageId = await appendMessage(trx, { requestId: row.id, kind: 'clarification', body: input.body.trim(), authorId: actor.id }, now);
    await notify(trx, await officialsOf(trx, row.department_id), { kind: 'request.clarified', resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id), data: { dueAt: dueAt!.toISOString() } }, now);
    await writeAudit(
      trx,
      actor,
      { action: 'request.clarified', resourceType: 'information_request', resourceId: row.id, organizationId: row.organization_id, data: { title: row.title, messageId, dueAt: dueAt!.toISOString() }, public: requesterActsPublic(row) },
      now,
    );
    return ok({ dueAt: dueAt! });
  });
}

/** The requester withdraws a request the department has not decided yet (a running pause ends). */
export async function withdrawRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; reason?: string | null },
): Promise<Result<null, 'not_found' | 'request_not_withdrawable'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = withdrawRefusal(row.state);
    if (refusal) return fail(refusal);
    if (await endPause(trx, row.id, now)) {
      await trx.updateTable('information_requests').set({ state: 'awaiting_response', due_at: now }).where('id', '=', row.id).execute();
      await storeDeadlines(trx, { ...row, extended: row.extended_at !== null }, await loadCalendar(trx));
    }
    await trx.updateTable('information_requests').set({ state: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', row.id).execute();
    const messageId = await appendMessage(trx, { requestId: row.id, kind: 'withdrawal', body: input.reason?.trim() ?? '', authorId: actor.id }, now);
    await notify(trx, await officialsOf(trx, row.department_id), { kind: 'request.withdrawn', resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id) }, now);
    await writeAudit(
      trx,
      actor,
      { action: 'request.withdrawn', resourceType: 'information_request', resourceId: row.id, organizationId: row.organization_id, data: { title: row.title, messageId, from: row.state }, public: requesterActsPublic(row) },
      now,
    );
    return ok(null);
  });
}

/**
 * The requester says what they think the outcome is (Alaveteli's classification), kept beside the
 * department's decision; pages show both when they differ. It can be changed later.
 */
export async function classifyRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: { id: string; classification: RequestDecision },
): Promise<Result<null, 'not_found' | 'request_not_answered'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadRequest(trx, input.id, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = classifyRefusal(row.state);
    if (refusal) return fail(refusal);
    await trx.updateTable('information_requests').set({ classification: input.classification, classified_at: now, updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.classified',
        resourceType: 'information_request',
        resourceId: row.id,
        organizationId: row.organization_id,
        data: { title: row.title, classification: input.classification, state: row.state, previous: row.classification },
        public: requesterActsPublic(row),
      },
      now,
    );
    return ok(null);
  });
}
