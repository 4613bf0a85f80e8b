import {
  allow,
  definePolicy,
  deny,
  isRepresentativeOf,
  requireRole,

  signedIn,
  hasRole,
  type Decision,
} from './permissions/policy.js';
import type { Actor } from './permissions/actor.js';
import type { OrganizationStatus, Sector } from './tables.js';

export interface OrganizationRef {
  id: string;
  sector: Sector;
  status: OrganizationStatus;
}

function adminOrRepresentative(actor: Actor, org: OrganizationRef): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  if (hasRole(actor, 'administrator')) return allow;
  if (org.sector === 'government') return deny('requires_role');
  return isRepresentativeOf(actor, org.id) ? allow : deny('not_a_representative');
}

/** Who may do what with the core's own resources: identity, organizations, areas, census, audit. */
export const canCore = definePolicy<{
  'organization.register': null;
  'organization.createGovernment': null;
  'organization.update': OrganizationRef;
  'organization.manageMembers': OrganizationRef;
  'organization.verify': OrganizationRef;
  'organization.managePosts': OrganizationRef;
  'organization.readPending': OrganizationRef;
  'area.manage': null;
  'user.manage': null;
  'census.import': null;
  'audit.readPrivate': null;
  'resident.assist': null;
  'residency.verify': null;
  'profile.update': null;
  'attachment.upload': null;
}>({
  'attachment.upload': (actor) => signedIn(actor),
  'organization.register': (actor) => signedIn(actor),
  'organization.createGovernment': (actor) => requireRole(actor, 'administrator'),
  'organization.update': adminOrRepresentative,
  'organization.manageMembers': adminOrRepresentative,
  'organization.verify': (actor, org) => {
    const decision = requireRole(actor, 'administrator');
    if (!decision.allow) return decision;
    return org.status === 'pending' || org.status === 'rejected' ? allow : deny('forbidden');
  },
  'organization.managePosts': (actor, org) => {
    const decision = requireRole(actor, 'administrator');
    if (!decision.allow) return decision;
    return org.sector === 'government' ? allow : deny('forbidden');
  },
  // A pending or rejected organization is visible to its own members and to administrators.
  'organization.readPending': (actor, org) => {
    if (org.status === 'verified') return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (hasRole(actor, 'administrator')) return allow;
    return actor.kind === 'user' && actor.memberships.some((m) => m.organizationId === org.id) ? allow : deny('forbidden');
  },
  'area.manage': (actor) => requireRole(actor, 'administrator'),
  'user.manage': (actor) => requireRole(actor, 'administrator'),
  'census.import': (actor) => requireRole(actor, 'administrator'),
  'audit.readPrivate': (actor) => requireRole(actor, 'administrator'),
  // Staff-assisted participation: a clerk who holds a post enters acts for a resident present in person.
  'resident.assist': (actor) => {
    const decision = requireRole(actor, 'clerk');
    if (!decision.allow) return decision;
    return actor.kind === 'user' && actor.posts.length > 0 ? allow : deny('not_an_official');
  },
  'residency.verify': (actor) => signedIn(actor),
  'profile.update': (actor) => signedIn(actor),
});

