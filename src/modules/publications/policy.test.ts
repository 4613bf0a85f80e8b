import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canPublication } from './policy.js';
import { validityOf } from './rules.js';

const DEPT = 'dept-1';
const user = (patch: Partial<UserActor> = {}): UserActor => ({ kind: 'user', id: 'u', displayName: 'U', roles: [], verified: true, areaId: null, blocked: false, memberships: [], posts: [], ...patch });
const post = (organizationId: string) => ({ id: 'p', title: 'Director', titleZh: null, organizationId, organizationSlug: 's', organizationName: 'D', organizationNameZh: null });

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user(),
  member: user({ memberships: [{ organizationId: DEPT, slug: 's', name: 'D', nameZh: null, sector: 'government', status: 'verified', role: 'member' }] }),
  official: user({ posts: [post(DEPT)] }),
  otherOfficial: user({ posts: [post('dept-2')] }),
  assistingOfficial: user({ posts: [post(DEPT)], assistedBy: { id: 'c', displayName: 'C' } }),
  moderator: user({ roles: ['moderator'] }),
  administrator: user({ roles: ['administrator'] }),
  blockedOfficial: user({ posts: [post(DEPT)], blocked: true }),
};

/** For each actor: read a draft, read a published one, create, manage. */
const expected: Record<string, [string, string, string, string]> = {
  visitor: ['not_authenticated', 'allow', 'not_authenticated', 'not_authenticated'],
  registered: ['not_an_official', 'allow', 'not_an_official', 'not_an_official'],
  member: ['not_an_official', 'allow', 'not_an_official', 'not_an_official'],
  official: ['allow', 'allow', 'allow', 'allow'],
  otherOfficial: ['not_an_official', 'allow', 'not_an_official', 'not_an_official'],
  assistingOfficial: ['not_an_official', 'allow', 'not_an_official', 'not_an_official'],
  moderator: ['not_an_official', 'allow', 'not_an_official', 'not_an_official'],
  administrator: ['allow', 'allow', 'allow', 'allow'],
  blockedOfficial: ['account_blocked', 'allow', 'account_blocked', 'account_blocked'],
};

test('who may read, create and manage publications', () => {
  const show = (d: { allow: boolean; reason?: string }) => (d.allow ? 'allow' : (d as { reason: string }).reason);
  for (const [name, actor] of Object.entries(actors)) {
    const got = [
      show(canPublication(actor, 'publication.read', { status: 'draft', departmentId: DEPT })),
      show(canPublication(actor, 'publication.read', { status: 'withdrawn', departmentId: DEPT })),
      show(canPublication(actor, 'publication.create', { departmentId: DEPT })),
      show(canPublication(actor, 'publication.manage', { status: 'published', departmentId: DEPT })),
    ];
    assert.deepEqual(got, expected[name], name);
  }
});

test('validity on a given day', () => {
  assert.equal(validityOf(null, null, '2026-03-01'), null);
  assert.equal(validityOf('2026-01-01', '2026-12-31', '2026-03-01'), 'in_force');
  assert.equal(validityOf('2026-01-01', '2026-12-31', '2026-12-31'), 'in_force', 'the last day is still in force');
  assert.equal(validityOf('2026-01-01', '2026-12-31', '2027-01-01'), 'expired');
  assert.equal(validityOf('2026-04-01', null, '2026-03-01'), 'not_yet');
  assert.equal(validityOf(null, '2026-02-01', '2026-03-01'), 'expired');
});
