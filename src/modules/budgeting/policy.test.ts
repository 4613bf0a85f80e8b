import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canBudget, type BudgetRef, type ProjectRef } from './policy.js';

const DEPT = 'dept-1';
const ORG = 'org-1';
const HOOD = 'hood-1';
function user(id: string, extra: Partial<UserActor> = {}): UserActor {
  return { kind: 'user', id, displayName: id, roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...extra };
}
const post = { id: 'post-1', title: 'Director', titleZh: null, organizationId: DEPT, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };
const otherPost = { ...post, id: 'post-2', organizationId: 'dept-2' };
const membership = { organizationId: ORG, slug: 'o', name: 'O', nameZh: null, sector: 'society' as const, status: 'verified', role: 'representative' as const };

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user('registered'),
  resident: user('resident', { verified: true, areaId: HOOD }),
  residentElsewhere: user('elsewhere', { verified: true, areaId: 'hood-9' }),
  proposer: user('proposer', { verified: true, areaId: HOOD }),
  representative: user('representative', { memberships: [membership] }),
  official: user('official', { posts: [post] }),
  otherOfficial: user('other', { posts: [otherPost] }),
  clerkWithPost: user('clerk', { roles: ['clerk'], posts: [otherPost] }),
  clerkWithoutPost: user('clerk2', { roles: ['clerk'] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  blocked: user('blocked', { verified: true, areaId: HOOD, blocked: true }),
  assistedResident: user('resident2', { verified: true, areaId: HOOD, assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
  assistedOfficial: user('official2', { verified: true, areaId: HOOD, posts: [post], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

const budget: BudgetRef = { departmentId: DEPT, voterAreaIds: ['district-1', HOOD] };
const project: ProjectRef = { state: 'submitted', proposerUserId: 'proposer', proposerOrganizationId: ORG, departmentId: DEPT };

const Y = true;
const n = false;
// role: [create, update, import, count, vote, vote (no area limit), paper ballot, submit, submit for ORG, promote, review, withdraw, implementation]
const expected: Record<string, boolean[]> = {
  visitor: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  registered: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  resident: [n, n, n, n, Y, Y, n, Y, n, n, n, n, n],
  residentElsewhere: [n, n, n, n, n, Y, n, n, n, n, n, n, n],
  proposer: [n, n, n, n, Y, Y, n, Y, n, n, n, Y, n],
  representative: [n, n, n, n, n, n, n, n, Y, n, n, Y, n],
  official: [Y, Y, Y, Y, n, n, Y, n, n, Y, Y, n, Y],
  otherOfficial: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  clerkWithPost: [n, n, n, n, n, n, Y, n, n, n, n, n, n],
  clerkWithoutPost: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  moderator: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  administrator: [Y, Y, Y, Y, n, n, n, n, n, n, n, n, n],
  blocked: [n, n, n, n, n, n, n, n, n, n, n, n, n],
  assistedResident: [n, n, n, n, Y, Y, n, Y, n, n, n, n, n],
  // A clerk acting for a resident who holds a post acts as the resident, never as the official.
  assistedOfficial: [n, n, n, n, Y, Y, n, Y, n, n, n, n, n],
};

test('who may do what in a participatory budget, role by role', () => {
  for (const [role, row] of Object.entries(expected)) {
    const actor = actors[role]!;
    const got = [
      canBudget(actor, 'budget.create', { departmentId: DEPT }).allow,
      canBudget(actor, 'budget.update', budget).allow,
      canBudget(actor, 'budget.import', { departmentId: DEPT }).allow,
      canBudget(actor, 'budget.count', budget).allow,
      canBudget(actor, 'budget.vote', budget).allow,
      canBudget(actor, 'budget.vote', { ...budget, voterAreaIds: null }).allow,
      canBudget(actor, 'budget.enterPaperBallot', budget).allow,
      canBudget(actor, 'project.submit', { ...budget, organizationId: null }).allow,
      canBudget(actor, 'project.submit', { ...budget, organizationId: ORG }).allow,
      canBudget(actor, 'project.promote', budget).allow,
      canBudget(actor, 'project.review', project).allow,
      canBudget(actor, 'project.withdraw', project).allow,
      canBudget(actor, 'project.implementation', project).allow,
    ];
    assert.deepEqual(got, row, role);
  }
});

test('refusals carry the reason the page explains', () => {
  const reason = (actor: Actor, action: 'budget.vote' | 'budget.enterPaperBallot') => {
    const d = canBudget(actor, action, budget);
    return d.allow ? null : d.reason;
  };
  assert.equal(reason(actors.visitor!, 'budget.vote'), 'not_authenticated');
  assert.equal(reason(actors.registered!, 'budget.vote'), 'requires_verification');
  assert.equal(reason(actors.residentElsewhere!, 'budget.vote'), 'forbidden');
  assert.equal(reason(actors.blocked!, 'budget.vote'), 'account_blocked');
  assert.equal(reason(actors.clerkWithoutPost!, 'budget.enterPaperBallot'), 'not_an_official');
});
