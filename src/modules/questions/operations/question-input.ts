import type { Tx } from '../../../core/db/database.js';
import type { FieldError } from '../../../core/errors.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { searchVector } from '../../../core/search/text-search.js';
import { follow, notify } from '../../../core/notifications/notify.js';
import { findDepartment } from '../../../core/organizations/departments.js';
import { loadSettingsOf } from '../settings.js';
import { officialsOf, questionPath } from '../queries/load-question.js';

export interface NewQuestion {
  parentId: string | null;
  departmentId: string;
  postId: string | null;
  organizationId: string | null;
  title: string;
  body: string;
  areaId: string | null;
  category: string | null;
}

/**
 * Inserts a published question with its deadline (the department's working days, from today, on
 * the working-day calendar): the asker follows it and the department's officials are told. Returns
 * its id and due date; the caller writes the audit row.
 */
export async function insertQuestion(trx: Tx, actor: UserActor, q: NewQuestion, now: Date) {
  const settings = await loadSettingsOf(trx, q.departmentId);
  const dueAt = deadlineFor(now, settings.answerWorkingDays, await loadCalendar(trx))!;
  const row = await trx
    .insertInto('questions')
    .values({
      parent_id: q.parentId,
      department_id: q.departmentId,
      post_id: q.postId,
      author_id: actor.id,
      organization_id: q.organizationId,
      title: q.title,
      body: q.body,
      area_id: q.areaId,
      category: q.category,
      state: 'published',
      created_at: now,
      updated_at: now,
      working_days: settings.answerWorkingDays,
      clock_started_at: now,
      answer_due_at: dueAt,
      tsv: searchVector(q.title, q.body) as never,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await follow(trx, actor.id, 'question', row.id, now);
  await notify(
    trx,
    await officialsOf(trx, q.departmentId),
    { kind: 'question.asked', resourceType: 'question', resourceId: row.id, title: q.title, path: questionPath(row.id), data: { dueAt: dueAt.toISOString() } },
    now,
  );
  return { id: row.id, dueAt, workingDays: settings.answerWorkingDays };
}

/** Checks the department, the post in it, the area and the organization; returns field errors. */
export async function checkQuestionTargets(
  trx: Tx,
  input: { departmentId: string; postId?: string | null; areaId?: string | null; organizationId?: string | null },
): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const department = await findDepartment(trx, input.departmentId);
  if (!department) fields.push({ path: 'departmentId', code: 'department_not_found' });
  if (input.postId) {
    const post = await trx.selectFrom('posts').select('organization_id').where('id', '=', input.postId).executeTakeFirst();
    if (!post || post.organization_id !== input.departmentId) fields.push({ path: 'postId', code: 'post_not_in_department' });
  }
  if (input.areaId && !(await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
    fields.push({ path: 'areaId', code: 'not_found' });
  }
  if (input.organizationId) {
    const org = await trx.selectFrom('organizations').select(['status', 'sector']).where('id', '=', input.organizationId).executeTakeFirst();
    if (!org || org.sector === 'government') fields.push({ path: 'organizationId', code: 'not_found' });
    else if (org.status !== 'verified') fields.push({ path: 'organizationId', code: 'organization_not_verified' });
  }
  return fields;
}
