import type { Actor } from './actor.js';
import type { StaffRole } from '../tables.js';

/** Why an action is refused; each reason is also an error code with a message in both languages. */
export type DenyReason =
  | 'not_authenticated'
  | 'account_blocked'
  | 'requires_verification'
  | 'requires_role'
  | 'not_a_member'
  | 'not_a_representative'
  | 'not_an_official'
  | 'forbidden';

export type Decision = { allow: true } | { allow: false; reason: DenyReason };

export const allow: Decision = { allow: true };
export function deny(reason: DenyReason): Decision {
  return { allow: false, reason };
}

/** A policy: for each action, a pure rule over the actor and the resource it concerns. */
export type PolicyRules<R extends Record<string, unknown>> = {
  [A in keyof R]: (actor: Actor, resource: R[A]) => Decision;
};

/**
 * Builds a typed `can(actor, action, resource)` from a table of rules. The core defines its own;
 * each module's `policy.ts` builds one the same way from the shared predicates below, and the
 * server joins them into one map for abilities.
 */
export function definePolicy<R extends Record<string, unknown>>(rules: PolicyRules<R>) {
  return function can<A extends keyof R & string>(actor: Actor, action: A, resource: R[A]): Decision {
    return rules[action](actor, resource);
  };
}

// Shared predicates, the vocabulary every policy is written in.

/** A signed-in, unblocked user; staff-assisted acts count as the resident's. */
export function signedIn(actor: Actor): Decision {
  if (actor.kind !== 'user') return deny('not_authenticated');
  if (actor.blocked) return deny('account_blocked');
  return allow;
}

export function hasRole(actor: Actor, role: StaffRole): boolean {
  return actor.kind === 'user' && !actor.blocked && !actor.assistedBy && actor.roles.includes(role);
}

export function requireRole(actor: Actor, role: StaffRole): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return hasRole(actor, role) ? allow : deny('requires_role');
}

/** Binding acts (votes, supports, ratings) need a resident verified against the census. */
export function requireVerified(actor: Actor): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return actor.kind === 'user' && actor.verified ? allow : deny('requires_verification');
}

export function isRepresentativeOf(actor: Actor, organizationId: string): boolean {
  return (
    actor.kind === 'user' &&
    !actor.blocked &&
    actor.memberships.some((m) => m.organizationId === organizationId && m.role === 'representative')
  );
}

export function isMemberOf(actor: Actor, organizationId: string): boolean {
  return actor.kind === 'user' && !actor.blocked && actor.memberships.some((m) => m.organizationId === organizationId);
}

/** Holds a post in the department (or, with `includeDescendants`, in one of the given ids). */
export function isOfficialOf(actor: Actor, departmentIds: string | string[]): boolean {
  const ids = Array.isArray(departmentIds) ? departmentIds : [departmentIds];
  return actor.kind === 'user' && !actor.blocked && !actor.assistedBy && actor.posts.some((p) => ids.includes(p.organizationId));
}

export function isOfficial(actor: Actor): boolean {
  return actor.kind === 'user' && !actor.blocked && !actor.assistedBy && actor.posts.length > 0;
}

export function firstDenial(...decisions: Decision[]): Decision {
  return decisions.find((d) => !d.allow) ?? allow;
}
