import type { Executor } from '../../../core/db/database.js';
import type { TimelineEntry } from '../schemas.js';

const KINDS: Record<string, TimelineEntry['kind']> = {
  'problem_report.submitted': 'submitted',
  'problem_report.acknowledged': 'acknowledged',
  'problem_report.in_progress': 'in_progress',
  'problem_report.fixed': 'fixed',
  'problem_report.transferred': 'transferred',
  'problem_report.confirmed': 'confirmed',
  'problem_report.reopened': 'reopened',
  'problem_report.overdue': 'overdue',
  'moderation.hidden': 'hidden',
  'moderation.auto_hidden': 'hidden',
  'moderation.restored': 'restored',
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * What happened to a report in public, in order, read from the public rows of the audit log: the
 * filing with its department and due date, each status update with its note and the post that
 * signed it, transfers with their reason, confirmation, reopening and the deadline passing.
 */
export async function reportTimeline(db: Executor, reportId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('posts as p', 'p.id', 'a.post_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['a.at', 'a.action', 'a.data', 'p.id as post_id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('a.resource_type', '=', 'problem_report')
    .where('a.resource_id', '=', reportId)
    .where('a.public', '=', true)
    .where('a.action', 'in', Object.keys(KINDS))
    .orderBy('a.seq')
    .execute();
  const departmentIds = new Set<string>();
  for (const r of rows) {
    const data = (r.data ?? {}) as Record<string, unknown>;
    for (const key of ['departmentId', 'toDepartmentId']) {
      const id = str(data[key]);
      if (id) departmentIds.add(id);
    }
  }
  const departments = departmentIds.size > 0 ? await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', [...departmentIds]).execute() : [];
  const byId = new Map(departments.map((d) => [d.id, { id: d.id, slug: d.slug, name: d.name, nameZh: d.name_zh }]));
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    const kind = KINDS[r.action]!;
    const department = r.org_id
      ? { id: r.org_id, slug: r.slug!, name: r.name!, nameZh: r.name_zh }
      : kind === 'submitted' || kind === 'overdue'
        ? (byId.get(str(data.departmentId) ?? '') ?? null)
        : null;
    return {
      at: new Date(r.at).toISOString(),
      kind,
      note: str(data.note) ?? str(data.reason),
      dueAt: str(data.dueAt),
      late: typeof data.late === 'boolean' ? data.late : null,
      post: r.post_id ? { id: r.post_id, title: r.title!, titleZh: r.title_zh } : null,
      department,
      toDepartment: kind === 'transferred' ? (byId.get(str(data.toDepartmentId) ?? '') ?? null) : null,
    };
  });
}
