/**
 * The rules of a comment's life that depend on its state and the time, as pure functions: the
 * operations refuse with these codes and the list's `abilities` use the same functions, so the
 * UI never offers what the server would refuse.
 */
import type { Stance } from './tables.js';

/** Top-level comments have depth 0; replies to a comment of depth 3 are refused (`thread_too_deep`). */
export const MAX_COMMENT_DEPTH = 3;

export interface CommentState {
  authorId: string;
  depth: number;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

type Gone = 'comment_deleted' | 'comment_hidden';

function gone(comment: CommentState): Gone | null {
  if (comment.deletedAt) return 'comment_deleted';
  if (comment.hiddenAt) return 'comment_hidden';
  return null;
}

/** When the author's edit window ends. */
export function editDeadline(comment: Pick<CommentState, 'createdAt'>, editMinutes: number): Date {
  return new Date(comment.createdAt.getTime() + editMinutes * 60_000);
}

/** Why the author cannot edit the comment now (null: they can). Hidden comments cannot be edited around moderation. */
export function editBlocker(comment: CommentState, now: Date, editMinutes: number, commentingOpen: boolean): Gone | 'comment_edit_window_closed' | 'commenting_closed' | null {
  const g = gone(comment);
  if (g) return g;
  if (now.getTime() >= editDeadline(comment, editMinutes).getTime()) return 'comment_edit_window_closed';
  if (!commentingOpen) return 'commenting_closed';
  return null;
}

/** Why the author cannot delete the comment (null: they can, at any time, even after commenting closed). */
export function deleteBlocker(comment: Pick<CommentState, 'deletedAt'>): 'comment_deleted' | null {
  return comment.deletedAt ? 'comment_deleted' : null;
}

/** Why nobody can reply to this comment now. */
export function replyBlocker(parent: CommentState, commentingOpen: boolean): Gone | 'thread_too_deep' | 'commenting_closed' | null {
  const g = gone(parent);
  if (g) return g;
  if (parent.depth >= MAX_COMMENT_DEPTH) return 'thread_too_deep';
  if (!commentingOpen) return 'commenting_closed';
  return null;
}

/** Why this person cannot vote on this comment now. */
export function voteBlocker(comment: CommentState, voterId: string, commentingOpen: boolean): Gone | 'cannot_vote_own_comment' | 'commenting_closed' | null {
  const g = gone(comment);
  if (g) return g;
  if (comment.authorId === voterId) return 'cannot_vote_own_comment';
  if (!commentingOpen) return 'commenting_closed';
  return null;
}

/**
 * Where the resource asks for a stance, top-level comments must take one and replies may; where it
 * does not, no comment may carry one.
 */
export function stanceProblem(stanceAccepted: boolean, isReply: boolean, stance: Stance | null | undefined): 'stance_required' | 'stance_not_accepted' | null {
  if (!stanceAccepted) return stance ? 'stance_not_accepted' : null;
  if (!stance && !isReply) return 'stance_required';
  return null;
}
