import { allow, definePolicy, deny, hasRole, isOfficialOf, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { PublicationStatus } from './tables.js';

/** What the policy needs to know about a publication. */
export interface PublicationRef {
  status: PublicationStatus;
  departmentId: string;
}

/**
 * Who acts for a department in the register: the officials holding a post in it (as for answering
 * questions), and administrators. A clerk assisting a resident acts as that resident, never as staff.
 */
export function actsForDepartment(actor: Actor, departmentId: string): boolean {
  return hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId);
}

function departmentStaff(actor: Actor, departmentId: string): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return actsForDepartment(actor, departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what in the publication register. What may happen in which state (publish a draft,
 * withdraw a published document) is in `rules.ts`: this says who, the rules say when.
 */
export const canPublication = definePolicy<{
  'publication.read': PublicationRef;
  'publication.create': { departmentId: string };
  'publication.manage': PublicationRef;
}>({
  // The register is public; a draft is seen only by its department (and administrators).
  'publication.read': (actor, publication) => {
    if (publication.status !== 'draft') return allow;
    return departmentStaff(actor, publication.departmentId);
  },
  'publication.create': (actor, { departmentId }) => departmentStaff(actor, departmentId),
  // Editing, publishing, withdrawing, deleting a draft: the department's officials and administrators.
  'publication.manage': (actor, publication) => departmentStaff(actor, publication.departmentId),
});
