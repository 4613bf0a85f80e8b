import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { follow, notify } from '../../../core/notifications/notify.js';
import { searchVector } from '../../../core/search/text-search.js';
import { settingsOf } from '../settings.js';
import { normalizePseudonym, pseudonymProblem } from '../pseudonym.js';
import { officialsOf, requestPath } from '../queries/load-request.js';
import { appendMessage, storeDeadlines } from './common.js';
import { findDepartment } from '../../../core/organizations/departments.js';

export interface FileRequestInput {
  departmentId: string;
  /** On behalf of this organization (the actor represents it; the route checks). */
  organizationId?: string | null;
  /** Shown to the public instead of the requester's name. */
  pseudonym?: string | null;
  title: string;
  body: string;
}

/**
 * A registered person asks a department for information, in public. The request is the first
 * message of its correspondence; the response clock starts now with the department's period (its
 * settings in force today); the requester follows it and the department's officials are told.
 * A pseudonym must not identify the person and is not used by anyone else.
 */
export async function fileRequest(
  { db, clock }: Deps,
  actor: UserActor,
  input: FileRequestInput,
): Promise<Result<{ id: string; dueAt: Date }, 'validation_failed'>> {
  const now = clock.now();
  const title = input.title.trim();
  const body = input.body.trim();
  const organizationId = input.organizationId ?? null;
  const pseudonym = input.pseudonym ? normalizePseudonym(input.pseudonym) : null;
  return transact(db, async (trx) => {
    const fields: FieldError[] = [];
    const department = await findDepartment(trx, input.departmentId);
    if (!department) fields.push({ path: 'departmentId', code: 'request_department_not_found' });
    if (organizationId) {
      const org = await trx.selectFrom('organizations').select(['status', 'sector']).where('id', '=', organizationId).executeTakeFirst();
      if (!org || org.sector === 'government') fields.push({ path: 'organizationId', code: 'not_found' });
      else if (org.status !== 'verified') fields.push({ path: 'organizationId', code: 'organization_not_verified' });
    }
    if (pseudonym !== null) {
      const problem = organizationId ? 'pseudonym_with_organization' : pseudonymProblem(pseudonym, actor.displayName);
      if (problem) fields.push({ path: 'pseudonym', code: problem });
      else {
        const taken = await trx
          .selectFrom('information_requests')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['pseudonym']), '=', pseudonym.toLowerCase()))
          .where('author_id', '!=', actor.id)
          .executeTakeFirst();
        const name = await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['display_name']), '=', pseudonym.toLowerCase())).where('id', '!=', actor.id).executeTakeFirst();
        if (taken || name) fields.push({ path: 'pseudonym', code: 'pseudonym_taken' });
      }
    }
    if (fields.length > 0 || !department) return fail('validation_failed', { fields });
    const settings = await settingsOf(trx, department.id);
    const created = await trx
      .insertInto('information_requests')
      .values({
        department_id: department.id,
        author_id: actor.id,
        organization_id: organizationId,
        pseudonym,
        title,
        state: 'awaiting_response',
        created_at: now,
        updated_at: now,
        working_days: settings.responseWorkingDays,
        extension_working_days: settings.extensionWorkingDays,
        very_overdue_working_days: settings.veryOverdueWorkingDays,
        clock_started_at: now,
        due_at: now,
        very_overdue_due_at: now,
        tsv: searchVector(title, body) as never,
      })
      .returning(['id', 'clock_started_at', 'working_days', 'extension_working_days', 'very_overdue_working_days'])
      .executeTakeFirstOrThrow();
    await appendMessage(trx, { requestId: created.id, kind: 'request', body, authorId: actor.id }, now);
    const { dueAt } = await storeDeadlines(trx, { ...created, extended: false }, await loadCalendar(trx));
    await follow(trx, actor.id, 'information_request', created.id, now);
    await notify(
      trx,
      await officialsOf(trx, department.id),
      { kind: 'request.filed', resourceType: 'information_request', resourceId: created.id, title, path: requestPath(created.id), data: { dueAt: dueAt!.toISOString() } },
      now,
    );
    await writeAudit(
      trx,
      actor,
      {
        action: 'request.filed',
        resourceType: 'information_request',
        resourceId: created.id,
        organizationId,
        data: { title, departmentId: department.id, workingDays: settings.responseWorkingDays, dueAt: dueAt!.toISOString(), pseudonymous: pseudonym !== null },
        public: pseudonym === null,
      },
      now,
    );
    return ok({ id: created.id, dueAt: dueAt! });
  });
}
