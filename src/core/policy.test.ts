import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canCore, type OrganizationRef } from './policy.js';
import { visitor, type Actor, type UserActor } from './permissions/actor.js';
import { requireVerified } from './permissions/policy.js';

const ORG = 'org-1';
const DEPT = 'dept-1';
const base: UserActor = { kind: 'user', id: 'u', displayName: 'U', roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [] };
const membership = (role: 'representative' | 'member') => ({ organizationId: ORG, slug: 'o', name: 'O', nameZh: null, sector: 'society' as const, status: 'verified', role });
const post = { id: 'p', title: 'Director', titleZh: null, organizationId: DEPT, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };

const actors: Record<string, Actor> = {
  visitor,
  registered: base,
  verified: { ...base, verified: true },
  representative: { ...base, memberships: [membership('representative')] },
  member: { ...base, memberships: [membership('member')] },
  official: { ...base, posts: [post] },
  moderator: { ...base, roles: ['moderator'] },
  clerk: { ...base, roles: ['clerk'], posts: [post] },
  clerkWithoutPost: { ...base, roles: ['clerk'] },
  administrator: { ...base, roles: ['administrator'] },
  blockedAdministrator: { ...base, roles: ['administrator'], blocked: true },
  assistedAdministrator: { ...base, roles: ['administrator'], verified: true, assistedBy: { id: 'c', displayName: 'Clerk' } },
};

const society: OrganizationRef = { id: ORG, sector: 'society', status: 'verified' };
const pending: OrganizationRef = { id: ORG, sector: 'society', status: 'pending' };
const department: OrganizationRef = { id: DEPT, sector: 'government', status: 'verified' };

// Each row: an action on a resource, and exactly the actors allowed; everyone else is refused with the given reason for visitors.
const table: { action: Parameters<typeof canCore>[1]; resource: OrganizationRef | null; allowed: string[] }[] = [
  { action: 'organization.register', resource: null, allowed: ['registered', 'verified', 'representative', 'member', 'official', 'moderator', 'clerk', 'clerkWithoutPost', 'administrator', 'assistedAdministrator'] },
  { action: 'organization.createGovernment', resource: null, allowed: ['administrator'] },
  { action: 'organization.update', resource: society, allowed: ['representative', 'administrator'] },
  { action: 'organization.update', resource: department, allowed: ['administrator'] },
  { action: 'organization.manageMembers', resource: society, allowed: ['representative', 'administrator'] },
  { action: 'organization.verify', resource: pending, allowed: ['administrator'] },
  { action: 'organization.verify', resource: society, allowed: [] },
  { action: 'organization.managePosts', resource: department, allowed: ['administrator'] },
  { action: 'organization.managePosts', resource: society, allowed: [] },
  { action: 'organization.readPending', resource: pending, allowed: ['representative', 'member', 'administrator'] },
  { action: 'organization.readPending', resource: society, allowed: Object.keys(actors) },
  { action: 'area.manage', resource: null, allowed: ['administrator'] },
  { action: 'user.manage', resource: null, allowed: ['administrator'] },
  { action: 'census.import', resource: null, allowed: ['administrator'] },
  { action: 'audit.readPrivate', resource: null, allowed: ['administrator'] },
  { action: 'resident.assist', resource: null, allowed: ['clerk'] },
  { action: 'residency.verify', resource: null, allowed: ['registered', 'verified', 'representative', 'member', 'official', 'moderator', 'clerk', 'clerkWithoutPost', 'administrator', 'assistedAdministrator'] },
];

for (const row of table) {
  test(`${row.action} on ${row.resource ? `${row.resource.sector}/${row.resource.status}` : 'platform'}`, () => {
    for (const [name, actor] of Object.entries(actors)) {
      const decision = canCore(actor, row.action as never, row.resource as never);
      assert.equal(decision.allow, row.allowed.includes(name), `${name} should ${row.allowed.includes(name) ? '' : 'not '}be allowed`);
      if (!decision.allow && name === 'visitor') assert.equal(decision.reason, 'not_authenticated');
      if (!decision.allow && name.startsWith('blocked')) assert.equal(decision.reason, 'account_blocked');
    }
  });
}

test('binding acts need a verified resident', () => {
  assert.deepEqual(requireVerified(visitor), { allow: false, reason: 'not_authenticated' });
  assert.deepEqual(requireVerified(base), { allow: false, reason: 'requires_verification' });
  assert.deepEqual(requireVerified({ ...base, verified: true }), { allow: true });
  assert.deepEqual(requireVerified({ ...base, verified: true, blocked: true }), { allow: false, reason: 'account_blocked' });
});
