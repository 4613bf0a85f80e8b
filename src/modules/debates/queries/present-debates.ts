import type { Executor } from '../../../core/db/database.js';
import type { DebateStatus } from '../tables.js';

export interface DepartmentRef {
  id: string;
  slug: string;
  name: string;
  nameZh: string | null;
}

export interface PostRef {
  id: string;
  title: string;
  titleZh: string | null;
  department: DepartmentRef;
}

export interface AuthorView {
  displayName: string;
  organization: { id: string; slug: string; name: string; nameZh: string | null } | null;
  post: PostRef | null;
}

export interface CommentSummary {
  total: number;
  inFavour: number;
  against: number;
  neutral: number;
}

export interface DebateView {
  id: string;
  processId: string;
  title: string;
  description: string;
  category: string | null;
  status: DebateStatus;
  author: AuthorView;
  createdAt: string;
  hidden: boolean;
  conclusion: { text: string; closedAt: string; post: PostRef | null } | null;
  comments: CommentSummary;
}

export interface DebateRow {
  id: string;
  process_id: string;
  title: string;
  description: string;
  category: string | null;
  status: DebateStatus;
  author_id: string;
  organization_id: string | null;
  post_id: string | null;
  conclusion: string | null;
  closed_at: Date | null;
  closed_post_id: string | null;
  hidden_at: Date | null;
  created_at: Date;
}

export const debateColumns = [
  'd.id', 'd.process_id', 'd.title', 'd.description', 'd.category', 'd.status', 'd.author_id', 'd.organization_id', 'd.post_id',
  'd.conclusion', 'd.closed_at', 'd.closed_post_id', 'd.hidden_at', 'd.created_at',
] as const;

/** Posts with their departments, by id. */
export async function postsById(db: Executor, ids: string[]): Promise<Map<string, PostRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.title', 'p.title_zh', 'o.id as org_id', 'o.slug', 'o.name', 'o.name_zh'])
    .where('p.id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, titleZh: r.title_zh, department: { id: r.org_id, slug: r.slug, name: r.name, nameZh: r.name_zh } }]));
}

/** Visible comments on resources of one type: total and by stance, per resource id. */
export async function commentSummaries(db: Executor, resourceType: string, ids: string[]): Promise<Map<string, CommentSummary>> {
  const out = new Map<string, CommentSummary>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('comments')
    .select(['resource_id', 'stance', (eb) => eb.fn.countAll<string>().as('n')])
    .where('resource_type', '=', resourceType)
    .where('resource_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy(['resource_id', 'stance'])
    .execute();
  for (const row of rows) {
    const summary = out.get(row.resource_id) ?? { total: 0, inFavour: 0, against: 0, neutral: 0 };
    const n = Number(row.n);
    summary.total += n;
    if (row.stance === 'in_favour') summary.inFavour += n;
    else if (row.stance === 'against') summary.against += n;
    else if (row.stance === 'neutral') summary.neutral += n;
    out.set(row.resource_id, summary);
  }
  return out;
}

/** Debate rows as the API shows them: authors in whose name they wrote, conclusions signed by a post, comment counts. */
export async function presentDebates(db: Executor, rows: DebateRow[]): Promise<DebateView[]> {
  if (rows.length === 0) return [];
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(rows.map((r) => r.author_id))]).execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const orgIds = [...new Set(rows.map((r) => r.organization_id).filter((id): id is string => id !== null))];
  const orgs = orgIds.length
    ? await db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_zh']).where('id', 'in', orgIds).execute()
    : [];
  const orgById = new Map(orgs.map((o) => [o.id, { id: o.id, slug: o.slug, name: o.name, nameZh: o.name_zh }]));
  const posts = await postsById(db, rows.flatMap((r) => [r.post_id, r.closed_post_id]).filter((id): id is string => id !== null));
  const comments = await commentSummaries(db, 'debate', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    processId: r.process_id,
    title: r.title,
    description: r.description,
    category: r.category,
    status: r.status,
    author: {
      displayName: names.get(r.author_id) ?? '',
      organization: r.organization_id ? (orgById.get(r.organization_id) ?? null) : null,
      post: r.post_id ? (posts.get(r.post_id) ?? null) : null,
    },
    createdAt: r.created_at.toISOString(),
    hidden: r.hidden_at !== null,
    conclusion:
      r.status === 'closed' && r.conclusion && r.closed_at
        ? { text: r.conclusion, closedAt: r.closed_at.toISOString(), post: r.closed_post_id ? (posts.get(r.closed_post_id) ?? null) : null }
        : null,
    comments: comments.get(r.id) ?? { total: 0, inFavour: 0, against: 0, neutral: 0 },
  }));
}
