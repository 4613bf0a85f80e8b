import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../permissions/actor.js';
import { canModerate } from '../../moderation/policy.js';
import { canComment } from '../policy.js';
import { deleteBlocker, editBlocker, editDeadline, replyBlocker, voteBlocker, type CommentState } from '../rules.js';
import type { Stance } from '../tables.js';

export type CommentOrder = 'oldest' | 'newest' | 'most_voted';

export interface CommentAuthor {
  displayName: string;
  /** Set when the author wrote on behalf of an organization they represent. */
  organization: { id: string; slug: string; name: string; nameZh: string | null } | null;
  /** Set when the author wrote as an official: the post's title and its department. */
  post: { id: string; title: string; titleZh: string | null; department: { id: string; slug: string; name: string; nameZh: string | null } } | null;
}

export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
  vote: boolean;
  reply: boolean;
  report: boolean;
}

export interface ListedComment {
  id: string;
  parentId: string | null;
  depth: number;
  anchor: string | null;
  /** `hidden` and `deleted` comments show a placeholder; a hidden comment's text is shown to moderators and its author only. */
  state: 'visible' | 'hidden' | 'deleted';
  body: string | null;
  stance: Stance | null;
  author: CommentAuthor | null;
  own: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Until when the author may edit (only for the author). */
  editableUntil: string | null;
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
  abilities: CommentAbilities;
}

export interface ListCommentsInput {
  resourceType: string;
  resourceId: string;
  /** Only the comments on this anchor; undefined: every comment of the resource. */
  anchor?: string;
  order: CommentOrder;
  limit: number;
  offset: number;
  commentingOpen: boolean;
  editMinutes: number;
  now: Date;
}

/**
 * The comment thread of a resource as the actor sees it: top-level comments in the asked order
 * (paged), each followed by its replies oldest first (depth-first), with placeholders for hidden
 * and deleted comments (a deleted comment without replies left is not shown at all), and what the
 * actor may do with each comment.
 */
export async function listComments(db: Executor, actor: Actor, input: ListCommentsInput): Promise<{ comments: ListedComment[]; totalThreads: number }> {
  const me = actor.kind === 'user' ? actor.id : null;
  let query = db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('posts as p', 'p.id', 'c.post_id')
    .leftJoin('organizations as d', 'd.id', 'p.organization_id')
    .select([
      'c.id', 'c.seq', 'c.parent_id', 'c.depth', 'c.anchor', 'c.stance', 'c.body', 'c.author_id', 'c.created_at', 'c.edited_at', 'c.deleted_at', 'c.hidden_at',
      'c.upvotes', 'c.downvotes', 'u.display_name',
      'o.id as org_id', 'o.slug as org_slug', 'o.name as org_name', 'o.name_zh as org_name_zh',
      'p.id as post_id', 'p.title as post_title', 'p.title_zh as post_title_zh',
      'd.id as dept_id', 'd.slug as dept_slug', 'd.name as dept_name', 'd.name_zh as dept_name_zh',
    ])
    .where('c.resource_type', '=', input.resourceType)
    .where('c.resource_id', '=', input.resourceId);
  if (input.anchor !== undefined) query = query.where('c.anchor', '=', input.anchor);
  const rows = await query.orderBy('c.created_at').orderBy('c.seq').execute();

  const myVotes = new Map<string, number>();
  const myReports = new Set<string>();
  if (me && rows.length > 0) {
    const onResource = db.selectFrom('comments').where('resource_type', '=', input.resourceType).where('resource_id', '=', input.resourceId);
    const [votes, reports] = await Promise.all([
      db.selectFrom('comment_votes').select(['comment_id', 'value']).where('user_id', '=', me).where('comment_id', 'in', onResource.select('id')).execute(),
      db
        .selectFrom('reports')
        .select('resource_id')
        .where('reporter_id', '=', me)
        .where('resource_type', '=', 'comment')
        .where('resource_id', 'in', onResource.select(sql<string>`id::text`.as('id')))
        .execute(),
    ]);
    for (const v of votes) myVotes.set(v.comment_id, v.value);
    for (const r of reports) myReports.add(r.resource_id);
  }

  // Threads: children by parent, oldest first (rows are already in that order). Replies share their parent's anchor.
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  // A deleted comment is kept only while replies below it are shown.
  const shown = new Map<string, boolean>();
  const isShown = (row: (typeof rows)[number]): boolean => {
    const cached = shown.get(row.id);
    if (cached !== undefined) return cached;
    const anyChild = (children.get(row.id) ?? []).map(isShown).some(Boolean);
    const result = row.deleted_at === null || anyChild;
    shown.set(row.id, result);
    return result;
  };

  const top = (children.get(null) ?? []).filter(isShown);
  const score = (r: (typeof rows)[number]) => r.upvotes - r.downvotes;
  if (input.order === 'newest') top.reverse();
  else if (input.order === 'most_voted') top.sort((a, b) => score(b) - score(a) || a.created_at.getTime() - b.created_at.getTime() || a.seq - b.seq);
  const page = top.slice(input.offset, input.offset + input.limit);

  const canReport = canModerate(actor, 'report.create', null).allow;
  const canVote = canComment(actor, 'comment.vote', null).allow;
  const canReply = canComment(actor, 'comment.create', {}).allow;
  const out: ListedComment[] = [];
  const present = (row: (typeof rows)[number]) => {
    const state: ListedComment['state'] = row.deleted_at ? 'deleted' : row.hidden_at ? 'hidden' : 'visible';
    const own = me !== null && row.author_id === me;
    const seeText = state === 'visible' || (state === 'hidden' && canComment(actor, 'comment.readHidden', { authorId: row.author_id }).allow);
    const comment: CommentState = { authorId: row.author_id, depth: row.depth, createdAt: row.created_at, deletedAt: row.deleted_at, hiddenAt: row.hidden_at };
    out.push({
      id: row.id,
      parentId: row.parent_id,
      depth: row.depth,
      anchor: row.anchor,
      state,
      body: seeText ? row.body : null,
      stance: seeText ? row.stance : null,
      author: seeText
        ? {
            displayName: row.display_name,
            organization: row.org_id ? { id: row.org_id, slug: row.org_slug!, name: row.org_name!, nameZh: row.org_name_zh } : null,
            post:
              row.post_id && row.dept_id
                ? { id: row.post_id, title: row.post_title!, titleZh: row.post_title_zh, department: { id: row.dept_id, slug: row.dept_slug!, name: row.dept_name!, nameZh: row.dept_name_zh } }
                : null,
          }
        : null,
      own,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
      editableUntil: own && state === 'visible' ? editDeadline(comment, input.editMinutes).toISOString() : null,
      upvotes: row.upvotes,
      downvotes: row.downvotes,
      myVote: (myVotes.get(row.id) ?? 0) as -1 | 0 | 1,
      abilities: {
        edit: own && canComment(actor, 'comment.edit', { authorId: row.author_id }).allow && editBlocker(comment, input.now, input.editMinutes, input.commentingOpen) === null,
        delete: own && canComment(actor, 'comment.delete', { authorId: row.author_id }).allow && deleteBlocker(comment) === null,
        vote: me !== null && canVote && voteBlocker(comment, me, input.commentingOpen) === null,
        reply: canReply && replyBlocker(comment, input.commentingOpen) === null,
        report: canReport && !own && state === 'visible' && !myReports.has(row.id),
      },
    });
    for (const child of children.get(row.id) ?? []) if (isShown(child)) present(child);
  };
  for (const row of page) present(row);
  return { comments: out, totalThreads: top.length };
}
