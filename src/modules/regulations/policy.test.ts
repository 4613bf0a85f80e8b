import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canRegulation } from './policy.js';

const DEPT = 'dept-1';
const ORG = 'org-1';

const user = (overrides: Partial<UserActor> = {}): UserActor => ({
  kind: 'user', id: 'u1', displayName: 'U', roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...overrides,
});
const membership = (role: 'representative' | 'member') => ({ organizationId: ORG, slug: 'o', name: 'O', nameZh: null, sector: 'society' as const, status: 'verified', role });
const postIn = (organizationId: string) => ({ id: `post-${organizationId}`, title: 'Director', titleZh: null, organizationId, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null });

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user(),
  resident: user({ verified: true }),
  representative: user({ memberships: [membership('representative')] }),
  member: user({ memberships: [membership('member')] }),
  official: user({ posts: [postIn(DEPT)] }),
  otherOfficial: user({ posts: [postIn('dept-2')] }),
  assistedOfficial: user({ verified: true, posts: [postIn(DEPT)], assistedBy: { id: 'c', displayName: 'C' } }),
  administrator: user({ roles: ['administrator'] }),
  blocked: user({ verified: true, blocked: true, posts: [postIn(DEPT)] }),
};

const N = 'not_an_official';
const table: [string, unknown, Record<string, true | string>][] = [
  ['regulation.read', { departmentId: DEPT, published: true }, { visitor: true, registered: true, resident: true, representative: true, member: true, official: true, otherOfficial: true, assistedOfficial: true, administrator: true, blocked: true }],
  ['regulation.read', { departmentId: DEPT, published: false }, { visitor: 'not_authenticated', registered: N, resident: N, representative: N, member: N, official: true, otherOfficial: N, assistedOfficial: N, administrator: true, blocked: 'account_blocked' }],
  ['regulation.manage', { departmentId: DEPT }, { visitor: 'not_authenticated', registered: N, resident: N, representative: N, member: N, official: true, otherOfficial: N, assistedOfficial: N, administrator: N, blocked: 'account_blocked' }],
  ['regulation.opinion', null, { visitor: 'not_authenticated', registered: 'requires_verification', resident: true, representative: 'requires_verification', member: 'requires_verification', official: 'requires_verification', otherOfficial: 'requires_verification', assistedOfficial: true, administrator: 'requires_verification', blocked: 'account_blocked' }],
  ['regulation.amend', { organizationId: null }, { visitor: 'not_authenticated', registered: 'requires_verification', resident: true, representative: 'requires_verification', member: 'requires_verification', official: 'requires_verification', otherOfficial: 'requires_verification', assistedOfficial: true, administrator: 'requires_verification', blocked: 'account_blocked' }],
  ['regulation.amend', { organizationId: ORG }, { visitor: 'not_authenticated', registered: 'not_a_representative', resident: 'not_a_representative', representative: true, member: 'not_a_representative', official: 'not_a_representative', otherOfficial: 'not_a_representative', assistedOfficial: 'not_a_representative', administrator: 'not_a_representative', blocked: 'account_blocked' }],
];

for (const [action, resource, expected] of table) {
  test(`${action} ${JSON.stringify(resource)}`, () => {
    const got: Record<string, true | string> = {};
    for (const [name, actor] of Object.entries(actors)) {
      const d = canRegulation(actor, action as 'regulation.read', resource as never);
      got[name] = d.allow ? true : d.reason;
    }
    assert.deepEqual(got, expected);
  });
}
