import { allow, definePolicy, deny, hasRole, signedIn, type Decision } from '../permissions/policy.js';
import type { Actor } from '../permissions/actor.js';

/** Moderators and administrators keep discussions civil; both work the moderation queue. */
export function isModerator(actor: Actor): boolean {
  return hasRole(actor, 'moderator') || hasRole(actor, 'administrator');
}

function requireModerator(actor: Actor): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isModerator(actor) ? allow : deny('requires_role');
}

/**
 * Who may report content and work the moderation queue.
 * - Anyone signed in and not blocked may report (verification is not needed).
 * - Moderators and administrators read the queue and decide (hide, restore).
 * - Blocking the author of reported content: moderators may block accounts without staff roles;
 *   only administrators may block a moderator or an administrator. Nobody blocks themself.
 * - The threshold and the comment edit window are set by administrators.
 */
export const canModerate = definePolicy<{
  'report.create': null;
  'moderation.read': null;
  'moderation.decide': null;
  'moderation.blockAuthor': { authorIsStaff: boolean };
  'moderation.configure': null;
}>({
  'report.create': (actor) => signedIn(actor),
  'moderation.read': requireModerator,
  'moderation.decide': requireModerator,
  'moderation.blockAuthor': (actor, target) => {
    const decision = requireModerator(actor);
    if (!decision.allow) return decision;
    if (target.authorIsStaff && !hasRole(actor, 'administrator')) return deny('forbidden');
    return allow;
  },
  'moderation.configure': (actor) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return hasRole(actor, 'administrator') ? allow : deny('requires_role');
  },
});
