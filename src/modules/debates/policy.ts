import type { Actor } from '../../core/permissions/actor.js';
import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, requireVerified, signedIn } from '../../core/permissions/policy.js';

/** The process a debate lives in, as the policy needs it. */
export interface DebateProcessRef {
  departmentId: string;
}

export interface DebateAuthorship {
  /** Start the debate on behalf of this organization (its representatives). */
  organizationId: string | null;
  /** Start the debate in the name of this post (its holder). */
  postId: string | null;
}

/** Moderators and administrators see hidden content, to review it. */
export function seesHidden(actor: Actor): boolean {
  return hasRole(actor, 'moderator') || hasRole(actor, 'administrator');
}

/**
 * Who may do what with debates. When (the process phase, a closed debate) is the operations'
 * concern; this says who: verified residents, representatives for their organization and officials
 * in their post's name start debates; officials of the process's department close them.
 */
export const canDebate = definePolicy<{
  'debate.create': DebateAuthorship;
  'debate.read': { authorId: string; hidden: boolean };
  'debate.close': DebateProcessRef;
}>({
  'debate.create': (actor, { organizationId, postId }) => {
    if (postId) {
      const base = signedIn(actor);
      if (!base.allow) return base;
      return actor.kind === 'user' && !actor.assistedBy && actor.posts.some((p) => p.id === postId) ? allow : deny('not_an_official');
    }
    if (organizationId) {
      const base = signedIn(actor);
      if (!base.allow) return base;
      return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
    }
    return requireVerified(actor);
  },
  'debate.read': (actor, { authorId, hidden }) => {
    if (!hidden || seesHidden(actor)) return allow;
    return actor.kind === 'user' && actor.id === authorId ? allow : deny('forbidden');
  },
  'debate.close': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isOfficialOf(actor, departmentId) ? allow : deny('not_an_official');
  },
});
