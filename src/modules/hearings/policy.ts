import { allow, definePolicy, deny, hasRole, isOfficial, isOfficialOf, isRepresentativeOf, requireVerified, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { HearingStatus } from './tables.js';

/** What the policy needs to know about a hearing. */
export interface HearingRef {
  /** The department that holds the hearing and answers for it. */
  departmentId: string;
  status: HearingStatus;
}

/** Officials of the department, and administrators (who act without a post). */
function departmentStaff(actor: Actor, hearing: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return hasRole(actor, 'administrator') || isOfficialOf(actor, hearing.departmentId) ? allow : deny('not_an_official');
}

/** Officials of the department only: acts the department signs in the name of a post (minutes, the response report). */
function departmentOfficials(actor: Actor, hearing: HearingRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isOfficialOf(actor, hearing.departmentId) ? allow : deny('not_an_official');
}

/**
 * Who may do what with hearings. Timing (is registration open? has the hearing been held?) is not
 * here but in `rules.ts`: this says who, the rules say when. Written questions, co-signatures and
 * withdrawing need one's own registration, which the operations look up.
 */
export const canHearing = definePolicy<{
  'hearing.read': HearingRef;
  'hearing.announce': { departmentId: string };
  'hearing.update': HearingRef;
  'hearing.cancel': HearingRef;
  'hearing.draw': HearingRef;
  'hearing.readRegistrations': HearingRef;
  'hearing.register': { organizationId: string | null };
  'hearing.withdrawRegistration': HearingRef;
  'hearing.submit': HearingRef;
  'hearing.cosign': HearingRef;
  'hearing.recordMinutes': HearingRef;
  'hearing.publishReport': HearingRef;
}>({
  // Hearings are public from the moment they are announced, cancelled ones too.
  'hearing.read': () => allow,
  'hearing.announce': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId)) return allow;
    return isOfficial(actor) ? deny('forbidden') : deny('not_an_official');
  },
  'hearing.update': departmentStaff,
  'hearing.cancel': departmentStaff,
  'hearing.draw': departmentStaff,
  'hearing.readRegistrations': departmentStaff,
  // Verified residents apply in their own name (one person, one chance in the draw); representatives for their organization.
  'hearing.register': (actor, { organizationId }) => {
    if (organizationId === null) return requireVerified(actor);
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
  'hearing.withdrawRegistration': (actor) => signedIn(actor),
  'hearing.submit': (actor) => signedIn(actor),
  'hearing.cosign': (actor) => signedIn(actor),
  'hearing.recordMinutes': departmentOfficials,
  'hearing.publishReport': departmentOfficials,
});
