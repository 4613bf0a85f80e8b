import type { Tx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/permissions/actor.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { follow, notify } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { searchVector } from '../../../core/search/text-search.js';
import { routeReport } from '../queries/route-report.js';
import { reportPath, reportTitle, reportTitleZh } from '../queries/load-report.js';

export interface ActiveCategory {
  id: string;
  code: string;
  name: string;
  name_zh: string | null;
  department_id: string;
  working_days: number;
}

export interface FiledReport {
  id: string;
  departmentId: string;
  dueAt: Date;
}

/**
 * Files a report inside the caller's transaction, whoever sent it (a resident on the web or an
 * Open311 client): routes it by category and area to a department, starts the fix deadline in
 * working days, tells the department's officials and writes the public audit row (never with the
 * reporter's personal data).
 */
export async function fileReport(
  trx: Tx,
  actor: Actor,
  now: Date,
  input: {
    category: ActiveCategory;
    areaId: string | null;
    description: string;
    latitude: number | null;
    longitude: number | null;
    address: string | null;
    authorId: string | null;
    showName: boolean;
    source: 'web' | 'open311';
    apiKeyId: string | null;
    mediaUrl: string | null;
    /** The organization an Open311 key belongs to, named in the audit row. */
    organizationId: string | null;
  },
): Promise<FiledReport> {
  const departmentId = await routeReport(trx, input.category, input.areaId);
  const calendar = await loadCalendar(trx);
  const dueAt = deadlineFor(now, input.category.working_days, calendar)!;
  const row = await trx
    .insertInto('problem_reports')
    .values({
      category_id: input.category.id,
      department_id: departmentId,
      area_id: input.areaId,
      description: input.description,
      latitude: input.latitude,
      longitude: input.longitude,
      address: input.address,
      author_id: input.authorId,
      show_name: input.showName,
      source: input.source,
      api_key_id: input.apiKeyId,
      media_url: input.mediaUrl,
      state: 'submitted',
      assigned_at: now,
      due_at: dueAt,
      created_at: now,
      updated_at: now,
      tsv: searchVector(`${input.category.name} ${input.address ?? ''}`, input.description) as never,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.authorId) await follow(trx, input.authorId, 'problem_report', row.id, now);
  const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', departmentId).where('holder_user_id', 'is not', null).execute();
  const title = reportTitle(input, input.category.name);
  const titleZh = reportTitleZh(input, input.category.name_zh);
  await notify(
    trx,
    officials.map((o) => o.holder_user_id!).filter((id) => id !== input.authorId),
    { kind: 'problem_report.received', resourceType: 'problem_report', resourceId: row.id, title, path: reportPath(row.id), data: { dueAt: dueAt.toISOString(), titleZh } },
    now,
  );
  await writeAudit(
    trx,
    actor,
    {
      action: 'problem_report.submitted',
      resourceType: 'problem_report',
      resourceId: row.id,
      organizationId: input.organizationId,
      data: { title, categoryCode: input.category.code, departmentId, areaId: input.areaId, source: input.source, dueAt: dueAt.toISOString() },
      public: true,
    },
    now,
  );
  return { id: row.id, departmentId, dueAt };
}
