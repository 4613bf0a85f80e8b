import type { Executor } from '../../../core/db/database.js';
import type { TimelineEntry } from '../schemas.js';

const KINDS: Record<string, TimelineEntry['kind']> = {
  'proposal.published': 'published',
  'proposal.updated': 'updated',
  'proposal.qualified': 'qualified',
  'proposal.evaluating': 'evaluating',
  'proposal.answered': 'answered',
  'proposal.withdrawn': 'withdrawn',
  'proposal.answer_overdue': 'answer_overdue',
  'moderation.hidden': 'hidden',
  'moderation.auto_hidden': 'hidden',
  'moderation.restored': 'restored',
};

/**
 * What happened to a proposal in public, in order, read from the public rows of the audit log (the
 * record that cannot be edited): publishing, qualifying with its due date, evaluation, the answer
 * with the post that signed it, withdrawal, and an answer going overdue.
 */
export async function proposalTimeline(db: Executor, proposalId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('posts as p', 'p.id', 'a.post_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['a.at', 'a.action', 'a.data', 'p.id as post_id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('a.resource_type', '=', 'proposal')
    .where('a.resource_id', '=', proposalId)
    .where('a.public', '=', true)
    .where('a.action', 'in', Object.keys(KINDS))
    .orderBy('a.seq')
    .execute();
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    return {
      at: new Date(r.at).toISOString(),
      kind: KINDS[r.action]!,
      state: typeof data.state === 'string' ? data.state : null,
      dueAt: typeof data.dueAt === 'string' ? data.dueAt : null,
      late: typeof data.late === 'boolean' ? data.late : null,
      supports: typeof data.supports === 'number' ? data.supports : null,
      post: r.post_id ? { id: r.post_id, title: r.title!, titleZh: r.title_zh } : null,
      department: r.org_id ? { id: r.org_id, slug: r.slug!, name: r.name!, nameZh: r.name_zh } : null,
    };
  });
}
