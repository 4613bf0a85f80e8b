import { allow, definePolicy, deny, hasRole, isOfficialOf, requireVerified, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { Participation } from './tables.js';

/** What the policy needs to know about a conversation. */
export interface ConversationRef {
  /** The process's responsible department. */
  departmentId: string;
  participation: Participation;
  /** Whether participants may add statements (staff always may, as seed statements). */
  residentsWrite: boolean;
}

/** The department's officials and administrators: they run the conversation. */
function departmentStaff(actor: Actor, ref: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return hasRole(actor, 'administrator') || isOfficialOf(actor, ref.departmentId) ? allow : deny('not_an_official');
}

/** Those who keep the statements in order: the department's officials, moderators and administrators. */
function moderators(actor: Actor, ref: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  if (hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || isOfficialOf(actor, ref.departmentId)) return allow;
  return deny('not_an_official');
}

/** Verified residents, or any registered person, as the conversation says. */
function participant(actor: Actor, ref: Pick<ConversationRef, 'participation'>): Decision {
  return ref.participation === 'verified' ? requireVerified(actor) : signedIn(actor);
}

/**
 * Who may do what in opinion maps. Votes here are opinions, not binding decisions, so the
 * conversation chooses between verified residents and any registered person. Timing (does the
 * process phase open voting or writing now?) is not here but in `rules.ts`. Results are public.
 */
export const canOpinions = definePolicy<{
  'conversation.create': { departmentId: string };
  'conversation.update': ConversationRef;
  'conversation.import': { departmentId: string };
  'conversation.seed': ConversationRef;
  'conversation.moderate': ConversationRef;
  'conversation.vote': ConversationRef;
  'conversation.write': ConversationRef;
}>({
  'conversation.create': departmentStaff,
  'conversation.update': departmentStaff,
  // Polis openData files (a conversation held elsewhere, or a past one): the department and administrators.
  'conversation.import': departmentStaff,
  // Seed statements start the conversation: the department's officials, moderators, administrators.
  'conversation.seed': moderators,
  'conversation.moderate': moderators,
  'conversation.vote': participant,
  'conversation.write': (actor, ref) => {
    const base = participant(actor, ref);
    if (!base.allow) return base;
    return ref.residentsWrite ? allow : deny('forbidden');
  },
});
