import type { Executor } from '../../../core/db/database.js';

export const TIMELINE_ACTIONS = [
  'commitment.created',
  'commitment.updated',
  'commitment.consultation_opened',
  'commitment.adopted',
  'commitment.dropped',
  'commitment.started',
  'commitment.progress_reported',
  'commitment.completed',
  'commitment.cancelled',
  'commitment.milestone_added',
  'commitment.milestone_updated',
] as const;

export interface TimelineEntry {
  at: string;
  /** The action without its prefix: `created`, `progress_reported`, `milestone_updated`, ... */
  kind: string;
  post: { id: string; title: string; titleZh: string | null; department: { id: string; slug: string; name: string; nameZh: string | null } | null } | null;
  /** Whether the platform acted (e.g. the automatic import of budget winners). */
  automatic: boolean;
  progress: number | null;
  spent: number | null;
  note: string | null;
  milestone: string | null;
  status: string | null;
  dueOn: string | null;
  previousDueOn: string | null;
  late: boolean | null;
  text: string | null;
  changes: string[];
  documents: number | null;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * What happened to a commitment, in order, from the public rows of the audit log (the record that
 * cannot be edited): registration, consultation, the decision, every progress report with the money
 * spent, milestones planned, reached or moved, completion or cancellation, each with the post that signed it.
 */
export async function commitmentTimeline(db: Executor, commitmentId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('posts as p', 'p.id', 'a.post_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['a.at', 'a.action', 'a.data', 'a.actor_role', 'p.id as post_id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('a.resource_type', '=', 'commitment')
    .where('a.resource_id', '=', commitmentId)
    .where('a.public', '=', true)
    .where('a.action', 'in', [...TIMELINE_ACTIONS])
    .orderBy('a.seq')
    .execute();
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    const kind = r.action.replace(/^commitment\./, '');
    return {
      at: new Date(r.at).toISOString(),
      kind,
      post: r.post_id ? { id: r.post_id, title: r.title!, titleZh: r.title_zh, department: r.org_id ? { id: r.org_id, slug: r.slug!, name: r.name!, nameZh: r.name_zh } : null } : null,
      automatic: r.actor_role === 'system',
      progress: num(data.progress),
      spent: num(data.spent),
      note: str(data.note),
      milestone: str(data.title) && kind.startsWith('milestone') ? str(data.title) : null,
      status: str(data.status),
      dueOn: str(data.dueOn),
      previousDueOn: str(data.previousDueOn),
      late: typeof data.late === 'boolean' ? data.late : null,
      text: str(data.decision) ?? str(data.reason),
      changes: data.changes && typeof data.changes === 'object' ? Object.keys(data.changes as object) : [],
      documents: num(data.documents),
    };
  });
}
