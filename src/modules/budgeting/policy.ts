import { allow, definePolicy, deny, hasRole, isOfficialOf, isRepresentativeOf, requireVerified, signedIn, type Decision } from '../../core/permissions/policy.js';
import type { Actor } from '../../core/permissions/actor.js';
import type { ProjectState } from './tables.js';

/** What the policy needs to know about a budget. */
export interface BudgetRef {
  /** The process's responsible department. */
  departmentId: string;
  /** The budget's area and everything below it: whose residents vote (null: every verified resident). */
  voterAreaIds: string[] | null;
}

/** What the policy needs to know about a project. */
export interface ProjectRef {
  state: ProjectState;
  proposerUserId: string | null;
  proposerOrganizationId: string | null;
  departmentId: string;
}

/** A verified resident whose home area is not among the budget's areas. */
export function outsideVoterArea(actor: Actor, budget: Pick<BudgetRef, 'voterAreaIds'>): boolean {
  if (budget.voterAreaIds === null) return false;
  return actor.kind !== 'user' || actor.areaId === null || !budget.voterAreaIds.includes(actor.areaId);
}

/** A verified resident of the budget's area (a clerk assisting one acts as that resident). */
function residentOfArea(actor: Actor, budget: Pick<BudgetRef, 'voterAreaIds'>): Decision {
  const base = requireVerified(actor);
  if (!base.allow) return base;
  return outsideVoterArea(actor, budget) ? deny('forbidden') : allow;
}

function departmentOfficials(actor: Actor, ref: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return isOfficialOf(actor, ref.departmentId) ? allow : deny('not_an_official');
}

function departmentStaff(actor: Actor, ref: { departmentId: string }): Decision {
  const base = signedIn(actor);
  if (!base.allow) return base;
  return hasRole(actor, 'administrator') || isOfficialOf(actor, ref.departmentId) ? allow : deny('not_an_official');
}

/** The proposer, or a representative of the organization it was proposed for. */
export function isProposerOf(actor: Actor, project: Pick<ProjectRef, 'proposerUserId' | 'proposerOrganizationId'>): boolean {
  if (actor.kind !== 'user' || actor.blocked) return false;
  if (project.proposerUserId !== null && actor.id === project.proposerUserId) return true;
  return project.proposerOrganizationId !== null && isRepresentativeOf(actor, project.proposerOrganizationId);
}

/**
 * Who may do what in participatory budgets. Timing (is submission, review or voting open now?) is
 * not here but in `rules.ts`: this says who, the rules say when.
 */
export const canBudget = definePolicy<{
  'budget.create': { departmentId: string };
  'budget.update': BudgetRef;
  'budget.import': { departmentId: string };
  'budget.count': BudgetRef;
  'budget.vote': BudgetRef;
  'budget.enterPaperBallot': BudgetRef;
  'project.submit': BudgetRef & { organizationId: string | null };
  'project.promote': BudgetRef;
  'project.review': ProjectRef;
  'project.withdraw': ProjectRef;
  'project.implementation': ProjectRef;
}>({
  // Officials of the responsible department set budgets up; administrators too.
  'budget.create': departmentStaff,
  'budget.update': departmentStaff,
  // Pabulib files (exercises, replays of past elections): administrators and the department's officials.
  'budget.import': departmentStaff,
  // Counting is automatic once voting closes; the department (or an administrator) may start it sooner.
  'budget.count': departmentStaff,
  // Ballots are binding: verified residents of the budget's area, one ballot each.
  'budget.vote': residentOfArea,
  // Paper ballots from a polling station: the department's officials, and clerks who hold a post.
  'budget.enterPaperBallot': (actor, budget) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    if (isOfficialOf(actor, budget.departmentId)) return allow;
    if (hasRole(actor, 'clerk') && actor.kind === 'user' && actor.posts.length > 0) return allow;
    return deny('not_an_official');
  },
  // Verified residents of the area propose in their own name; representatives for their organization.
  'project.submit': (actor, { organizationId, ...budget }) => {
    if (organizationId === null) return residentOfArea(actor, budget);
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isRepresentativeOf(actor, organizationId) ? allow : deny('not_a_representative');
  },
  // Officials put accepted proposals on the ballot.
  'project.promote': departmentOfficials,
  'project.review': departmentOfficials,
  'project.withdraw': (actor, project) => {
    const base = signedIn(actor);
    if (!base.allow) return base;
    return isProposerOf(actor, project) ? allow : deny('forbidden');
  },
  'project.implementation': departmentOfficials,
});
