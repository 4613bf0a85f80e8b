import { allow, definePolicy, deny, hasRole, isOfficialOf, requireRole, requireVerified, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';

/** What the policy needs to know about a commitment. */
export interface CommitmentRef {
  departmentId: string;
  /** The commitment's area and everything below it: whose residents take part (null: every verified resident). */
  residentAreaIds: string[] | null;
}

/** A verified resident whose home area is not among the commitment's areas. */
export function outsideResidentArea(actor: Actor, ref: Pick<CommitmentRef, 'residentAreaIds'>): boolean {
  if (ref.residentAreaIds === null) return false;
  return actor.kind !== 'user' || actor.areaId === null || !ref.residentAreaIds.includes(actor.areaId);
}

/** A verified resident of the commitment's area (a clerk assisting one acts as that resident). */
function residentOfArea(actor: Actor, ref: CommitmentRef): Decision {
  const base = requireVerified(actor);
  if (!base.allow) return base;
  return outsideResidentArea(actor, ref) ? deny('forbidden') : allow;
}

/** The responsible department's officials, and administrators. */
function departmentStaff(actor: Actor, ref: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return hasRole(actor, 'administrator') || isOfficialOf(actor, ref.departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what with commitments and programs. Everything is public; the state machine (when may
 * it be consulted on, decided, reported, rated) is in `rules.ts`: this says who, the rules say when.
 */
export const canCommitment = definePolicy<{
  /** Registering a commitment for a department: its officials, or an administrator. */
  'commitment.create': { departmentId: string };
  /** Editing, consulting, deciding, reporting progress and milestones, cancelling. */
  'commitment.manage': CommitmentRef;
  /** Approving a program in consultation, rating a commitment: verified residents of its area. */
  'commitment.approve': CommitmentRef;
  'commitment.rate': CommitmentRef;
  /** The image-project formula. */
  'accountability.configure': null;
}>({
  'commitment.create': departmentStaff,
  'commitment.manage': departmentStaff,
  'commitment.approve': residentOfArea,
  'commitment.rate': residentOfArea,
  'accountability.configure': (actor) => requireRole(actor, 'administrator'),
});

/** Whether the actor may register commitments for some department (to show the "register" button). */
export function mayRegisterAny(actor: Actor): boolean {
  return actor.kind === 'user' && !actor.blocked && (hasRole(actor, 'administrator') || (!actor.assistedBy && actor.posts.length > 0));
}
