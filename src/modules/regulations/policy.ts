import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, requireVerified, signedIn } from '../../core/permissions/policy.js';

export interface RegulationRef {
  departmentId: string;
  published: boolean;
}

/**
 * Who may do what with draft regulations. When (the consultation phase) is the operations' concern.
 * The department's officials draft, publish versions and answer with the report in their post's
 * name; administrators may also read unpublished drafts; verified residents support or oppose
 * clauses; residents and representatives (for their organization) propose alternative wording.
 */
export const canRegulation = definePolicy<{
  'regulation.read': RegulationRef;
  'regulation.manage': { departmentId: string };
  'regulation.opinion': null;
  'regulation.amend': { organizationId: string | null };
}>({
  'regulation.read': (actor, { departmentId, published }) => {
    if (published) return allow;
    const base = signedIn(actor);
    if (!base.allow) return base;
    return hasRole(actor, 'administrator') || isOfficialOf(actor, departmentId) ? allow : deny('not_an_official');
  },
  'regulation.manage': (actor, { departmentId }) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isOfficialOf(actor, departmentId) ? allow : deny('not_an_official');
  },
  'regulation.opinion': (actor) => requireVerified(actor),
  'regulation.amend': (actor, { organizationId }) => {
    if (!organizationId) return requireVerified(actor);
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
});
