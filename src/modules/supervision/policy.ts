import { allow, definePolicy, deny, isOfficialOf, requireRole, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';

/**
 * Who is kept away from a case: the accused department, the departments the administrator put in a
 * conflict with it, and the accused post's holder. Membership counts as well as holding a post.
 */
export interface Accused {
  /** The accused (or concerned) department; null for an anonymous report that names none. */
  departmentId: string | null;
  /** Departments in a configured conflict with it. */
  conflictingDepartmentIds: readonly string[];
  /** The holder of the accused post, when one was named. */
  postHolderId?: string | null;
}

/** What the policy needs to know about a named complaint. */
export interface ComplaintRef extends Accused {
  complainantId: string;
  /** The supervisory body handling it now. */
  bodyId: string;
}

/** What the policy needs to know about an anonymous report. */
export interface ReportRef extends Accused {
  bodyId: string;
}

/**
 * THE conflict rule: whether the actor belongs to the accused side (a post or membership in the
 * accused department or in a department in conflict with it, or the accused post itself). Such a
 * person may never see or handle the case, whatever else they are (a handler of the supervisory
 * body, an administrator).
 */
export function isOnAccusedSide(actor: Actor, accused: Accused): boolean {
  if (actor.kind !== 'user') return false;
  if (accused.postHolderId && actor.id === accused.postHolderId) return true;
  const excluded = new Set<string>([...(accused.departmentId ? [accused.departmentId] : []), ...accused.conflictingDepartmentIds]);
  if (excluded.size === 0) return false;
  return actor.posts.some((p) => excluded.has(p.organizationId)) || actor.memberships.some((m) => excluded.has(m.organizationId));
}

/**
 * A handler of a case: holds a post in the supervisory body handling it, acts in person (not a clerk
 * entering it for someone), is not blocked, is not on the accused side and did not file it.
 */
export function isHandlerOf(actor: Actor, ref: { bodyId: string; complainantId?: string } & Accused): boolean {
  if (actor.kind !== 'user' || actor.blocked || actor.assistedBy) return false;
  if (!isOfficialOf(actor, ref.bodyId)) return false;
  if (ref.complainantId && actor.id === ref.complainantId) return false;
  return !isOnAccusedSide(actor, ref);
}

/** The person who filed the complaint (a clerk assisting them acts as them). */
export function isComplainantOf(actor: Actor, ref: Pick<ComplaintRef, 'complainantId'>): boolean {
  return actor.kind === 'user' && !actor.blocked && actor.id === ref.complainantId;
}

function handlers(actor: Actor, ref: ComplaintRef | ReportRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isHandlerOf(actor, ref) ? allow : deny('forbidden');
}

/**
 * Who may do what in supervision. Cases are never public: a complaint is read by its complainant and
 * its handlers, a report only by its handlers (the reporter comes back with the receipt, which is
 * not an account). Administrators configure routing and conflicts but read no case by that role.
 */
export const canSupervision = definePolicy<{
  'complaint.file': null;
  'complaint.read': ComplaintRef;
  'complaint.handle': ComplaintRef;
  'complaint.respond': ComplaintRef;
  /** The handlers' tools (queue, supervision key): post holders of any supervisory body. */
  'supervision.work': { supervisoryBodyIds: readonly string[] };
  'supervision.configure': null;
  'report.handle': ReportRef;
}>({
  'complaint.file': (actor) => signedIn(actor),
  'complaint.read': (actor, ref) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isComplainantOf(actor, ref) || isHandlerOf(actor, ref) ? allow : deny('forbidden');
  },
  'complaint.handle': handlers,
  'complaint.respond': (actor, ref) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isComplainantOf(actor, ref) ? allow : deny('forbidden');
  },
  'supervision.work': (actor, { supervisoryBodyIds }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (actor.kind === 'user' && actor.assistedBy) return deny('forbidden');
    return supervisoryBodyIds.length > 0 && isOfficialOf(actor, [...supervisoryBodyIds]) ? allow : deny('not_an_official');
  },
  'supervision.configure': (actor) => requireRole(actor, 'administrator'),
  'report.handle': handlers,
});
