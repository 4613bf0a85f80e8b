import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type FieldError, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { setAttachments } from '../../../core/attachments/attachments.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { loadSupervisionSettings, routingFor } from '../settings.js';
import type { ComplaintCategory, Confidentiality } from '../tables.js';
import { findDepartment } from '../../../core/organizations/departments.js';
import { EVIDENCE_KINDS, MAX_COMPLAINT_FILES, notifyHandlers } from './common.js';

export interface FileComplaintInput {
  /** The accused department. */
  departmentId: string;
  /** The accused official post in it (optional). */
  postId?: string | null;
  category: ComplaintCategory;
  description: string;
  confidentiality: Confidentiality;
  /** Required with `public_summary`: a short text the public may read, without names. */
  publicSummary?: string | null;
  /** Uploaded evidence (POST /api/v1/attachments), in order. */
  attachmentIds?: string[];
}

/**
 * A registered person files a named complaint about a department (or an official post in it). It
 * goes to the supervisory body that handles that department (never to the department itself), with
 * the intake deadline in working days; the body's eligible handlers are told. The audit row holds
 * the case's facts but not its text, and is never public (it is the complainant's act).
 */
export async function fileComplaint({ db, clock }: Deps, actor: UserActor, input: FileComplaintInput): Promise<Result<{ id: string; number: number; dueAt: Date }, 'validation_failed' | 'no_supervisory_body'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const fields: FieldError[] = [];
    const department = await findDepartment(trx, input.departmentId);
    if (!department) fields.push({ path: 'departmentId', code: 'supervision_department_unknown' });
    if (input.postId) {
      const post = await trx.selectFrom('posts').select('organization_id').where('id', '=', input.postId).executeTakeFirst();
      if (!post || post.organization_id !== input.departmentId) fields.push({ path: 'postId', code: 'supervision_post_unknown' });
    }
    const summary = input.publicSummary?.trim() || null;
    if (input.confidentiality === 'public_summary' && !summary) fields.push({ path: 'publicSummary', code: 'supervision_summary_required' });
    if (fields.length > 0) return fail('validation_failed', { fields });
    const routing = await routingFor(trx, input.departmentId);
    if (!routing) return fail('no_supervisory_body');
    const settings = await loadSupervisionSettings(trx);
    const days = settings.deadlines.intake;
    const dueAt = deadlineFor(now, days, await loadCalendar(trx))!;
    const row = await trx
      .insertInto('supervision_complaints')
      .values({
        complainant_id: actor.id,
        department_id: input.departmentId,
        post_id: input.postId ?? null,
        category: input.category,
        description: input.description.trim(),
        confidentiality: input.confidentiality,
        public_summary: input.confidentiality === 'public_summary' ? summary : null,
        body_id: routing.bodyId,
        state: 'received',
        stage_started_at: now,
        stage_working_days: days,
        stage_due_at: dueAt,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('supervision_complaint_events').values({ complaint_id: row.id, kind: 'filed', author_id: actor.id, body_id: routing.bodyId, to_state: 'received', due_at: dueAt, created_at: now }).execute();
    const attached = await setAttachments(trx, actor, { ownerType: 'supervision_complaint', ownerId: row.id, ids: input.attachmentIds ?? [], max: MAX_COMPLAINT_FILES, now, kinds: EVIDENCE_KINDS });
    if (!attached.ok) return fail('validation_failed', { fields: [{ path: 'attachmentIds', code: attached.code, params: attached.params }] });
    await notifyHandlers(trx, { ...row, body_id: routing.bodyId, department_id: input.departmentId, complainant_id: actor.id }, 'supervision.complaint_received', now);
    await writeAudit(
      trx,
      actor,
      {
        action: 'supervision.complaint_filed',
        resourceType: 'supervision_complaint',
        resourceId: row.id,
        data: { number: row.number, category: input.category, departmentId: input.departmentId, bodyId: routing.bodyId, confidentiality: input.confidentiality, dueAt: dueAt.toISOString(), attachments: attached.value.length },
        public: false,
      },
      now,
    );
    return ok({ id: row.id, number: row.number, dueAt });
  });
}
