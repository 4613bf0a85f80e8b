import type { Executor } from '../../../core/db/database.js';
import { deadlineStatus, type WorkingCalendar } from '../../../core/calendar/working-days.js';
import type { ComplaintRow } from './load-complaint.js';
import type { ComplaintSummary, Deadline } from '../schemas.js';

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

export interface PostRef {
  id: string;
  title: string;
  titleZh: string | null;
}

/** Organizations by id, as pages name them. */
export async function orgRefs(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, OrgRef>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, nameZh: r.name_zh }]));
}

export async function postRefs(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, PostRef>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('posts').select(['id', 'title', 'title_zh']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, titleZh: r.title_zh }]));
}

const UNKNOWN_ORG: OrgRef = { id: '', slug: '', name: '?', nameZh: null };

/** A deadline as pages show it, in working days from now. */
export function deadlineView(dueAt: Date | null, closed: boolean, now: Date, calendar: WorkingCalendar): Deadline {
  if (closed || !dueAt) return { state: 'closed', workingDays: 0, dueAt: dueAt?.toISOString() ?? null };
  const status = deadlineStatus(dueAt, now, calendar);
  return { state: status.state === 'overdue' ? 'overdue' : 'due', workingDays: status.workingDays, dueAt: dueAt.toISOString() };
}

export function presentComplaint(row: ComplaintRow, orgs: Map<string, OrgRef>, posts: Map<string, PostRef>, now: Date, calendar: WorkingCalendar): ComplaintSummary {
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    state: row.state,
    department: orgs.get(row.department_id) ?? UNKNOWN_ORG,
    post: row.post_id ? (posts.get(row.post_id) ?? null) : null,
    body: orgs.get(row.body_id) ?? UNKNOWN_ORG,
    confidentiality: row.confidentiality,
    createdAt: row.created_at.toISOString(),
    deadline: deadlineView(row.stage_due_at, row.closed_at !== null, now, calendar),
    escalated: row.escalated_at !== null,
    awaitingComplainant: row.awaiting_complainant,
    outcome: row.outcome,
  };
}

/** Complaints with their organizations and posts, presented. */
export async function presentComplaints(db: Executor, rows: ComplaintRow[], now: Date, calendar: WorkingCalendar): Promise<ComplaintSummary[]> {
  const [orgs, posts] = await Promise.all([orgRefs(db, rows.flatMap((r) => [r.department_id, r.body_id])), postRefs(db, rows.map((r) => r.post_id))]);
  return rows.map((r) => presentComplaint(r, orgs, posts, now, calendar));
}
