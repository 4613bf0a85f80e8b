import { allow, definePolicy, deny, isRepresentativeOf, signedIn } from '../permissions/policy.js';
import type { Actor } from '../permissions/actor.js';
import { isModerator } from '../moderation/policy.js';

/**
 * Who may do what with comments. Commenting needs a signed-in, unblocked account (verification is
 * not needed: comments are speech, not binding acts). Speaking for an organization needs its
 * representative; speaking as an official needs the post (and no staff assistance). Only the author
 * edits or deletes; moderators, administrators and the author read a hidden comment.
 * Whether the resource is open, and the edit window, are states checked by the operations (see rules.ts).
 */
export const canComment = definePolicy<{
  'comment.create': { organizationId?: string | null; postId?: string | null };
  'comment.edit': { authorId: string };
  'comment.delete': { authorId: string };
  'comment.vote': null;
  'comment.readHidden': { authorId: string };
}>({
  'comment.create': (actor, as) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (as.organizationId && !isRepresentativeOf(actor, as.organizationId)) return deny('not_a_representative');
    if (as.postId && !(actor.kind === 'user' && !actor.assistedBy && actor.posts.some((p) => p.id === as.postId))) return deny('not_an_official');
    return allow;
  },
  'comment.edit': (actor, comment) => ownComment(actor, comment.authorId),
  'comment.delete': (actor, comment) => ownComment(actor, comment.authorId),
  'comment.vote': (actor) => signedIn(actor),
  'comment.readHidden': (actor, comment) => (isModerator(actor) || (actor.kind === 'user' && actor.id === comment.authorId) ? allow : deny('forbidden')),
});

function ownComment(actor: Actor, authorId: string) {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return actor.kind === 'user' && actor.id === authorId ? allow : deny('forbidden');
}
