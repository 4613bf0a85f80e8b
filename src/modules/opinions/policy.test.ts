import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { visitor } from '../../core/permissions/actor.js';
import { canOpinions, type ConversationRef } from './policy.js';

const DEPT = 'dept-1';
const OTHER = 'dept-2';

function user(extra: Partial<UserActor> = {}): UserActor {
  return { kind: 'user', id: 'u', displayName: 'U', roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...extra };
}
const post = (organizationId: string) => ({ id: 'p', title: 'Director', titleZh: null, organizationId, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null });

const actors: Record<string, Actor> = {
  visitor,
  registered: user(),
  resident: user({ verified: true }),
  official: user({ posts: [post(DEPT)] }),
  otherOfficial: user({ posts: [post(OTHER)], verified: true }),
  moderator: user({ roles: ['moderator'] }),
  administrator: user({ roles: ['administrator'] }),
  blocked: user({ verified: true, blocked: true, roles: ['administrator'], posts: [post(DEPT)] }),
  assistedResident: user({ verified: true, roles: ['administrator'], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

const verified: ConversationRef = { departmentId: DEPT, participation: 'verified', residentsWrite: true };
const registered: ConversationRef = { departmentId: DEPT, participation: 'registered', residentsWrite: true };
const staffWrites: ConversationRef = { departmentId: DEPT, participation: 'registered', residentsWrite: false };

type Row = [action: Parameters<typeof canOpinions>[1], ref: ConversationRef, expected: Record<keyof typeof actors, true | string>];

// Each row: who is allowed (true) and the deny reason everyone else gets.
const table: Row[] = [
  ['conversation.create', verified, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', official: true, otherOfficial: 'not_an_official', moderator: 'not_an_official', administrator: true, blocked: 'account_blocked', assistedResident: 'not_an_official' }],
  ['conversation.update', verified, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', official: true, otherOfficial: 'not_an_official', moderator: 'not_an_official', administrator: true, blocked: 'account_blocked', assistedResident: 'not_an_official' }],
  ['conversation.import', verified, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', official: true, otherOfficial: 'not_an_official', moderator: 'not_an_official', administrator: true, blocked: 'account_blocked', assistedResident: 'not_an_official' }],
  ['conversation.seed', verified, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', official: true, otherOfficial: 'not_an_official', moderator: true, administrator: true, blocked: 'account_blocked', assistedResident: 'not_an_official' }],
  ['conversation.moderate', verified, { visitor: 'not_authenticated', registered: 'not_an_official', resident: 'not_an_official', official: true, otherOfficial: 'not_an_official', moderator: true, administrator: true, blocked: 'account_blocked', assistedResident: 'not_an_official' }],
  ['conversation.vote', verified, { visitor: 'not_authenticated', registered: 'requires_verification', resident: true, official: 'requires_verification', otherOfficial: true, moderator: 'requires_verification', administrator: 'requires_verification', blocked: 'account_blocked', assistedResident: true }],
  ['conversation.vote', registered, { visitor: 'not_authenticated', registered: true, resident: true, official: true, otherOfficial: true, moderator: true, administrator: true, blocked: 'account_blocked', assistedResident: true }],
  ['conversation.write', verified, { visitor: 'not_authenticated', registered: 'requires_verification', resident: true, official: 'requires_verification', otherOfficial: true, moderator: 'requires_verification', administrator: 'requires_verification', blocked: 'account_blocked', assistedResident: true }],
  ['conversation.write', registered, { visitor: 'not_authenticated', registered: true, resident: true, official: true, otherOfficial: true, moderator: true, administrator: true, blocked: 'account_blocked', assistedResident: true }],
  ['conversation.write', staffWrites, { visitor: 'not_authenticated', registered: 'forbidden', resident: 'forbidden', official: 'forbidden', otherOfficial: 'forbidden', moderator: 'forbidden', administrator: 'forbidden', blocked: 'account_blocked', assistedResident: 'forbidden' }],
];

test('who may do what in opinion maps: roles x settings x actions', () => {
  const problems: string[] = [];
  for (const [action, ref, expected] of table) {
    for (const [name, actor] of Object.entries(actors)) {
      const decision = canOpinions(actor, action, ref);
      const got = decision.allow ? true : decision.reason;
      if (got !== expected[name]) problems.push(`${action} ${ref.participation}/${ref.residentsWrite ? 'write' : 'no-write'} ${name}: ${String(got)}, expected ${String(expected[name])}`);
    }
  }
  assert.deepEqual(problems, []);
});
