import type { Executor } from '../../../core/db/database.js';
import type { TimelineEntry } from '../schemas.js';

const KINDS: Record<string, TimelineEntry['kind']> = {
  'question.asked': 'asked',
  'question.transferred': 'transferred',
  'question.answered': 'answered',
  'question.declined': 'declined',
  'question.answer_overdue': 'answer_overdue',
  'question.rated': 'rated',
  'question.followed_up': 'followed_up',
  'moderation.hidden': 'hidden',
  'moderation.auto_hidden': 'hidden',
  'moderation.restored': 'restored',
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);

/**
 * What happened to a question in public, in order, read from the public rows of the audit log (the
 * record that cannot be edited): asking with its due date, transfers with their reasons and whether
 * the clock restarted, the answer or decline with the post that signed it, the overdue flag, the
 * rating and the follow-up.
 */
export async function questionTimeline(db: Executor, questionId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('posts as p', 'p.id', 'a.post_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['a.at', 'a.action', 'a.data', 'p.id as post_id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('a.resource_type', '=', 'question')
    .where('a.resource_id', '=', questionId)
    .where('a.public', '=', true)
    .where('a.action', 'in', Object.keys(KINDS))
    .orderBy('a.seq')
    .execute();
  const departmentIds = new Set<string>();
  for (const r of rows) {
    const data = (r.data ?? {}) as Record<string, unknown>;
    for (const key of ['from', 'to', 'departmentId']) {
      const id = str(data[key]);
      if (id && /^[0-9a-f-]{36}$/i.test(id)) departmentIds.add(id);
    }
  }
  const departments = departmentIds.size > 0
    ? new Map((await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', [...departmentIds]).execute()).map((o) => [o.id, { id: o.id, slug: o.slug, name: o.name, nameZh: o.name_zh }]))
    : new Map<string, { id: string; slug: string; name: string; nameZh: string | null }>();
  const dept = (v: unknown) => {
    const id = str(v);
    return id ? (departments.get(id) ?? null) : null;
  };
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    const kind = KINDS[r.action]!;
    return {
      at: new Date(r.at).toISOString(),
      kind,
      post: r.post_id ? { id: r.post_id, title: r.title!, titleZh: r.title_zh } : null,
      department: r.org_id ? { id: r.org_id, slug: r.slug!, name: r.name!, nameZh: r.name_zh } : kind === 'asked' ? dept(data.departmentId) : null,
      fromDepartment: kind === 'transferred' ? dept(data.from) : null,
      toDepartment: kind === 'transferred' ? dept(data.to) : null,
      reason: kind === 'transferred' ? str(data.reason) : null,
      dueAt: str(data.dueAt),
      late: bool(data.late),
      restarted: bool(data.restarted),
      resolved: bool(data.resolved),
      followUpId: kind === 'followed_up' ? str(data.followUpId) : null,
    };
  });
}
