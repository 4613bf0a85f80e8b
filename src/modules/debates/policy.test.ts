import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canDebate } from './policy.js';

const DEPT = 'dept-1';
const ORG = 'org-1';
const POST = 'post-1';

const user = (overrides: Partial<UserActor> = {}): UserActor => ({
  kind: 'user', id: 'u1', displayName: 'U', roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...overrides,
});
const membership = (role: 'representative' | 'member') => ({ organizationId: ORG, slug: 'o', name: 'O', nameZh: null, sector: 'society' as const, status: 'verified', role });
const post = { id: POST, title: 'Director', titleZh: null, organizationId: DEPT, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user(),
  resident: user({ verified: true }),
  blockedResident: user({ verified: true, blocked: true }),
  representative: user({ memberships: [membership('representative')] }),
  member: user({ memberships: [membership('member')] }),
  official: user({ posts: [post] }),
  assistedOfficial: user({ posts: [post], verified: true, assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
  moderator: user({ roles: ['moderator'] }),
  administrator: user({ roles: ['administrator'] }),
};

type Row = [action: string, resource: Parameters<typeof canDebate>[2], expected: Record<string, true | string>];
const self = { organizationId: null, postId: null };
const table: Row[] = [
  ['debate.create', self, { visitor: 'not_authenticated', registered: 'requires_verification', resident: true, blockedResident: 'account_blocked', representative: 'requires_verification', member: 'requires_verification', official: 'requires_verification', assistedOfficial: true, moderator: 'requires_verification', administrator: 'requires_verification' }],
  ['debate.create', { organizationId: ORG, postId: null }, { visitor: 'not_authenticated', registered: 'not_a_representative', resident: 'not_a_representative', blockedResident: 'account_blocked', representative: true, member: 'not_a_representative', official: 'not_a_representative', assistedOfficial: 'not_a_representative', moderator: 'not_a_representative', administrator: 'not_a_representative' }],
  ['debate.create', { organizationId: null, postId: POST }, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', blockedResident: 'account_blocked', representative: 'not_an_official', member: 'not_an_official', official: true, assistedOfficial: 'not_an_official', moderator: 'not_an_official', administrator: 'not_an_official' }],
  ['debate.close', { departmentId: DEPT }, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', blockedResident: 'account_blocked', representative: 'not_an_official', member: 'not_an_official', official: true, assistedOfficial: 'not_an_official', moderator: 'not_an_official', administrator: 'not_an_official' }],
  ['debate.read', { authorId: 'someone', hidden: false }, { visitor: true, registered: true, resident: true, blockedResident: true, representative: true, member: true, official: true, assistedOfficial: true, moderator: true, administrator: true }],
  ['debate.read', { authorId: 'u1', hidden: true }, { visitor: 'forbidden', registered: true, resident: true, blockedResident: true, representative: true, member: true, official: true, assistedOfficial: true, moderator: true, administrator: true }],
  ['debate.read', { authorId: 'someone', hidden: true }, { visitor: 'forbidden', registered: 'forbidden', resident: 'forbidden', blockedResident: 'forbidden', representative: 'forbidden', member: 'forbidden', official: 'forbidden', assistedOfficial: 'forbidden', moderator: true, administrator: true }],
];

for (const [action, resource, expected] of table) {
  test(`${action} ${JSON.stringify(resource)}`, () => {
    const got: Record<string, true | string> = {};
    for (const [name, actor] of Object.entries(actors)) {
      const d = canDebate(actor, action as 'debate.create', resource as never);
      got[name] = d.allow ? true : d.reason;
    }
    assert.deepEqual(got, expected);
  });
}
