import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { RequestState } from './tables.js';

/** What the policy needs to know about a request. */
export interface RequestRef {
  state: RequestState;
  authorId: string;
  organizationId: string | null;
  hidden: boolean;
  departmentId: string;
  /** The supervising department that has (or had) the request's internal review. */
  reviewDepartmentId: string | null;
}

/** The requester: the person who asked, or a representative of the organization it was asked for. */
export function isRequesterOf(actor: Actor, request: Pick<RequestRef, 'authorId' | 'organizationId'>): boolean {
  if (actor.kind !== 'user' || actor.blocked) return false;
  if (actor.id === request.authorId) return true;
  return request.organizationId !== null && isRepresentativeOf(actor, request.organizationId);
}

/** Staff of the department the request is addressed to (officials holding a post in it). */
export function isDepartmentStaff(actor: Actor, request: Pick<RequestRef, 'departmentId'>): boolean {
  return isOfficialOf(actor, request.departmentId);
}

function requesters(actor: Actor, request: RequestRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isRequesterOf(actor, request) ? allow : deny('forbidden');
}

function departmentStaff(actor: Actor, request: RequestRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isDepartmentStaff(actor, request) ? allow : deny('not_an_official');
}

/**
 * Who may do what with information requests. The state machine (may it still be answered, extended,
 * appealed?) is in `rules.ts`: this says who, the rules say when.
 */
export const canRequest = definePolicy<{
  'request.read': RequestRef;
  'request.file': { organizationId: string | null };
  'request.respond': RequestRef;
  'request.redact': RequestRef;
  'request.publish': RequestRef;
  'request.clarify': RequestRef;
  'request.withdraw': RequestRef;
  'request.classify': RequestRef;
  'request.appeal': RequestRef;
  'request.decideReview': RequestRef;
  'request.seeIdentity': RequestRef;
  'request.seeOriginal': RequestRef;
  'department.configureRequests': { departmentId: string };
}>({
  // Requests and their correspondence are public; hidden ones stay readable to moderators, administrators, the requester and the department.
  'request.read': (actor, request) => {
    if (!request.hidden) return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'moderator') || hasRole(actor, 'administrator') || isRequesterOf(actor, request) || isDepartmentStaff(actor, request)) return allow;
    return deny('forbidden');
  },
  // Any registered person asks in their own name; representatives on behalf of their organization.
  'request.file': (actor, { organizationId }) => {
    const base = signedIn(actor);
    if (!base.allow || organizationId === null) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
  // Replying, asking for clarification, extending: officials of the department asked.
  'request.respond': departmentStaff,
  // Redacting personal data: the department's officials, moderators and administrators.
  'request.redact': (actor, request) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (isDepartmentStaff(actor, request) || hasRole(actor, 'moderator') || hasRole(actor, 'administrator')) return allow;
    return deny('not_an_official');
  },
  'request.publish': departmentStaff,
  'request.clarify': requesters,
  'request.withdraw': requesters,
  'request.classify': requesters,
  'request.appeal': requesters,
  // The internal review: officials of the supervising department it went to.
  'request.decideReview': (actor, request) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return request.reviewDepartmentId !== null && isOfficialOf(actor, request.reviewDepartmentId) ? allow : deny('not_an_official');
  },
  // The real identity behind a pseudonym: the department (and the supervising department once it reviews), and the requester.
  'request.seeIdentity': (actor, request) => {
    if (isRequesterOf(actor, request) || isDepartmentStaff(actor, request)) return allow;
    if (request.reviewDepartmentId !== null && isOfficialOf(actor, request.reviewDepartmentId)) return allow;
    return deny('forbidden');
  },
  // The original of redacted text: the department's staff and the requester only.
  'request.seeOriginal': (actor, request) => (isRequesterOf(actor, request) || isDepartmentStaff(actor, request) ? allow : deny('forbidden')),
  'department.configureRequests': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId) ? allow : deny('not_an_official');
  },
});
