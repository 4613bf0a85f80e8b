import type { Executor } from '../../../core/db/database.js';
import type { ReportDecision } from '../tables.js';

export interface PostRef {
  id: string;
  title: string;
  titleZh: string | null;
  department: { id: string; slug: string; name: string; nameZh: string | null };
}

/** Posts with their departments, by id. */
export async function postsById(db: Executor, ids: (string | null)[]): Promise<Map<string, PostRef>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('p.id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, titleZh: r.title_zh, department: { id: r.org_id, slug: r.slug, name: r.name, nameZh: r.name_zh } }]));
}

export interface VersionRow {
  id: string;
  number: number;
  status: 'draft' | 'published';
  title: string;
  title_zh: string | null;
  introduction: string;
  introduction_zh: string | null;
  change_note: string | null;
  change_note_zh: string | null;
  published_at: Date | null;
  post_id: string | null;
  updated_at: Date;
}

/** The versions of a regulation, oldest first; the unpublished draft only when asked. */
export async function versionsOf(db: Executor, regulationId: string, includeDraft: boolean): Promise<VersionRow[]> {
  let query = db
    .selectFrom('regulation_versions')
    .select(['id', 'number', 'status', 'title', 'title_zh', 'introduction', 'introduction_zh', 'change_note', 'change_note_zh', 'published_at', 'post_id', 'updated_at'])
    .where('regulation_id', '=', regulationId);
  if (!includeDraft) query = query.where('status', '=', 'published');
  return query.orderBy('number').execute();
}

export function presentVersion(v: VersionRow, posts: Map<string, PostRef>) {
  return {
    number: v.number,
    status: v.status,
    title: v.title,
    titleZh: v.title_zh,
    changeNote: v.change_note,
    changeNoteZh: v.change_note_zh,
    publishedAt: v.published_at?.toISOString() ?? null,
    post: v.post_id ? (posts.get(v.post_id) ?? null) : null,
  };
}

/** Visible comments per clause (anchor) of a regulation; the key '' counts comments on the whole regulation. */
export async function commentCounts(db: Executor, regulationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['anchor', (eb) => eb.fn.countAll<string>().as('n')])
    .where('resource_type', '=', 'regulation')
    .where('resource_id', '=', regulationId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy('anchor')
    .execute();
  return new Map(rows.map((r) => [r.anchor ?? '', Number(r.n)]));
}

/** Visible alternative wordings per clause of a regulation. */
export async function alternativeCounts(db: Executor, regulationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('regulation_alternatives')
    .select(['clause_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('regulation_id', '=', regulationId)
    .where('hidden_at', 'is', null)
    .groupBy('clause_id')
    .execute();
  return new Map(rows.map((r) => [r.clause_id, Number(r.n)]));
}

/** The clauses of one version with their counts, whether each is in the current version, and the caller's opinion. */
export async function clauseViews(db: Executor, regulationId: string, versionId: string, currentVersionId: string | null, userId: string | null) {
  const rows = await db
    .selectFrom('regulation_clause_texts as t')
    .innerJoin('regulation_clauses as c', 'c.id', 't.clause_id')
    .select(['t.clause_id', 't.position', 't.label', 't.label_zh', 't.body', 't.body_zh', 'c.supports', 'c.opposes'])
    .where('t.version_id', '=', versionId)
    .orderBy('t.position')
    .execute();
  const ids = rows.map((r) => r.clause_id);
  const comments = await commentCounts(db, regulationId);
  const alternatives = await alternativeCounts(db, regulationId);
  const current = new Set(
    currentVersionId === versionId
      ? ids
      : currentVersionId && ids.length
        ? (await db.selectFrom('regulation_clause_texts').select('clause_id').where('version_id', '=', currentVersionId).where('clause_id', 'in', ids).execute()).map((r) => r.clause_id)
        : [],
  );
  const mine = new Map<string, number>();
  if (userId && ids.length) {
    const opinions = await db.selectFrom('regulation_opinions').select(['clause_id', 'value']).where('user_id', '=', userId).where('clause_id', 'in', ids).execute();
    for (const o of opinions) mine.set(o.clause_id, o.value);
  }
  return {
    clauses: rows.map((r) => ({
      id: r.clause_id,
      position: r.position,
      label: r.label,
      labelZh: r.label_zh,
      text: r.body,
      textZh: r.body_zh,
      counts: { comments: comments.get(r.clause_id) ?? 0, supports: r.supports, opposes: r.opposes, alternatives: alternatives.get(r.clause_id) ?? 0 },
      myOpinion: mine.has(r.clause_id) ? (mine.get(r.clause_id) === 1 ? ('support' as const) : ('oppose' as const)) : null,
      current: current.has(r.clause_id),
    })),
    generalComments: comments.get('') ?? 0,
  };
}

/** The published response reports of a regulation, oldest first, each clause named by its label in the consulted version. */
export async function reportsOf(db: Executor, regulationId: string) {
  const reports = await db
    .selectFrom('regulation_reports as r')
    .innerJoin('regulation_versions as v', 'v.id', 'r.version_id')
    .select(['r.id', 'r.version_id', 'v.number', 'r.summary', 'r.summary_zh', 'r.published_at', 'r.post_id'])
    .where('r.regulation_id', '=', regulationId)
    .orderBy('r.published_at')
    .execute();
  if (reports.length === 0) return [];
  const items = await db
    .selectFrom('regulation_report_items')
    .selectAll()
    .where('report_id', 'in', reports.map((r) => r.id))
    .execute();
  // A clause's label: from the consulted version, else from the latest version that has it.
  const labels = await db
    .selectFrom('regulation_clause_texts as t')
    .innerJoin('regulation_versions as v', 'v.id', 't.version_id')
    .select(['t.clause_id', 't.version_id', 't.label', 't.label_zh', 't.position', 'v.number'])
    .where('v.regulation_id', '=', regulationId)
    .where('v.status', '=', 'published')
    .orderBy('v.number')
    .execute();
  const comments = await commentCounts(db, regulationId);
  const alternatives = await alternativeCounts(db, regulationId);
  const posts = await postsById(db, reports.map((r) => r.post_id));
  return reports.map((report) => {
    const labelOf = (clauseId: string) => {
      const candidates = labels.filter((l) => l.clause_id === clauseId);
      return candidates.find((l) => l.version_id === report.version_id) ?? candidates[candidates.length - 1];
    };
    const position = (clauseId: string) => labelOf(clauseId)?.position ?? Number.MAX_SAFE_INTEGER;
    return {
      id: report.id,
      versionNumber: report.number,
      summary: report.summary,
      summaryZh: report.summary_zh,
      publishedAt: report.published_at.toISOString(),
      post: posts.get(report.post_id) ?? null,
      items: items
        .filter((i) => i.report_id === report.id)
        .sort((a, b) => position(a.clause_id) - position(b.clause_id))
        .map((i) => ({
          clauseId: i.clause_id,
          label: labelOf(i.clause_id)?.label ?? '',
          labelZh: labelOf(i.clause_id)?.label_zh ?? null,
          decision: i.decision as ReportDecision,
          reasoning: i.reasoning,
          reasoningZh: i.reasoning_zh,
          change: i.change,
          changeZh: i.change_zh,
          counts: { comments: comments.get(i.clause_id) ?? 0, alternatives: alternatives.get(i.clause_id) ?? 0 },
        })),
    };
  });
}
