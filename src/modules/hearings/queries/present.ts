import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import { deadlineStatus, type WorkingCalendar } from '../../../core/calendar/working-days.js';
import type { Deadline, HearingSummary } from '../schemas.js';
import { stageOf } from '../rules.js';
import { timingOf, type HearingRow } from './load-hearing.js';

/** The response report's deadline as pages show it, computed now from the working-day calendar. */
export function reportDeadline(row: Pick<HearingRow, 'status' | 'report_due_at' | 'report_published_at'>, now: Date, calendar: WorkingCalendar): Deadline | null {
  if (row.status === 'cancelled') return null;
  const dueAt = row.report_due_at.toISOString();
  if (row.report_published_at) return { state: 'answered', workingDays: 0, dueAt, answeredLate: row.report_published_at.getTime() > row.report_due_at.getTime() };
  const status = deadlineStatus(row.report_due_at, now, calendar);
  return { state: status.state === 'overdue' ? 'overdue' : 'due', workingDays: status.workingDays, dueAt, answeredLate: null };
}

type OrgRef = { id: string; slug: string; name: string; nameZh: string | null };
type ProcessRef = { id: string; slug: string; title: string; titleZh: string | null };

/** Departments, processes and applicant counts of some hearings, for their summaries. */
export async function summaryContext(db: Executor, rows: HearingRow[]) {
  const departmentIds = [...new Set(rows.map((r) => r.department_id))];
  const processIds = [...new Set(rows.flatMap((r) => (r.process_id ? [r.process_id] : [])))];
  const hearingIds = rows.map((r) => r.id);
  const [departments, processes, counts] = await Promise.all([
    departmentIds.length ? db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', departmentIds).execute() : [],
    processIds.length ? db.selectFrom('processes').select(['id', 'slug', 'title', 'title_zh']).where('id', 'in', processIds).execute() : [],
    hearingIds.length
      ? db
          .selectFrom('hearing_registrations')
          .select(['hearing_id', sql<number>`count(*)::int`.as('n')])
          .where('hearing_id', 'in', hearingIds)
          .where('status', '!=', 'withdrawn')
          .groupBy('hearing_id')
          .execute()
      : [],
  ]);
  return {
    departments: new Map<string, OrgRef>(departments.map((d) => [d.id, { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh }])),
    processes: new Map<string, ProcessRef>(processes.map((p) => [p.id, { id: p.id, slug: p.slug, title: p.title, titleZh: p.title_zh }])),
    applicants: new Map(counts.map((c) => [c.hearing_id, c.n])),
  };
}

export function presentSummary(row: HearingRow, ctx: Awaited<ReturnType<typeof summaryContext>>, now: Date, calendar: WorkingCalendar): HearingSummary {
  return {
    id: row.id,
    title: row.title,
    titleZh: row.title_zh,
    department: ctx.departments.get(row.department_id)!,
    areaId: row.area_id,
    process: row.process_id ? (ctx.processes.get(row.process_id) ?? null) : null,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    location: row.location,
    locationZh: row.location_zh,
    onlineUrl: row.online_url,
    stage: stageOf(timingOf(row), now),
    registrationOpensAt: row.registration_opens_at.toISOString(),
    registrationClosesAt: row.registration_closes_at.toISOString(),
    seats: row.seats,
    speakingSlots: row.speaking_slots,
    applicants: ctx.applicants.get(row.id) ?? 0,
    deadline: reportDeadline(row, now, calendar),
  };
}
