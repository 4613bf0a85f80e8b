import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, requireVerified, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { ProposalState } from './tables.js';

/** What the policy needs to know about a proposal. */
export interface ProposalRef {
  state: ProposalState;
  authorId: string;
  organizationId: string | null;
  coauthorIds: string[];
  hidden: boolean;
  /** The process's responsible department. */
  departmentId: string;
}

/**
 * The author, a listed co-author, or a representative of the organization it was proposed for.
 * A clerk assisting a resident acts as that resident.
 */
export function isAuthorOf(actor: Actor, proposal: Pick<ProposalRef, 'authorId' | 'organizationId' | 'coauthorIds'>): boolean {
  if (actor.kind !== 'user' || actor.blocked) return false;
  if (actor.id === proposal.authorId || proposal.coauthorIds.includes(actor.id)) return true;
  return proposal.organizationId !== null && isRepresentativeOf(actor, proposal.organizationId);
}

function authors(actor: Actor, proposal: ProposalRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isAuthorOf(actor, proposal) ? allow : deny('forbidden');
}

function departmentOfficials(actor: Actor, proposal: ProposalRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isOfficialOf(actor, proposal.departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what with proposals. Timing (is proposing or supporting open now?) and the state
 * machine are not here but in `rules.ts`: this says who, the rules say when.
 */
export const canProposal = definePolicy<{
  'proposal.read': ProposalRef;
  'proposal.create': { organizationId: string | null };
  'proposal.edit': ProposalRef;
  'proposal.publish': ProposalRef;
  'proposal.withdraw': ProposalRef;
  'proposal.support': ProposalRef;
  'proposal.answer': ProposalRef;
  'proposal.assignEvaluator': ProposalRef;
  'proposal.readNotes': ProposalRef;
  'proposal.writeNote': ProposalRef;
}>({
  // Drafts are their authors' alone; hidden proposals also stay readable to moderators and administrators.
  'proposal.read': (actor, proposal) => {
    if (proposal.state === 'draft') return authors(actor, proposal);
    if (!proposal.hidden) return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || isAuthorOf(actor, proposal)) return allow;
    return deny('forbidden');
  },
  // Verified residents propose in their own name; representatives on behalf of their organization.
  'proposal.create': (actor, { organizationId }) => {
    if (organizationId === null) return requireVerified(actor);
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
  'proposal.edit': authors,
  'proposal.publish': authors,
  'proposal.withdraw': authors,
  // Supports are binding: one verified resident, one support.
  'proposal.support': (actor) => requireVerified(actor),
  'proposal.answer': departmentOfficials,
  'proposal.assignEvaluator': departmentOfficials,
  'proposal.readNotes': (actor, proposal) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isOfficialOf(actor, proposal.departmentId) || hasRole(actor, 'administrator') ? allow : deny('not_an_official');
  },
  'proposal.writeNote': departmentOfficials,
});
