import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canQuestion, type QuestionRef } from './policy.js';
import { cosignRefusal, followUpRefusal, rateRefusal, respondRefusal, stateAfterTransfer } from './rules.js';
import type { QuestionState } from './tables.js';

const DEPT = 'dept-1';
const ORG = 'org-1';
function user(id: string, extra: Partial<UserActor> = {}): UserActor {
  return { kind: 'user', id, displayName: id, roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...extra };
}
const post = { id: 'post-1', title: 'Director', titleZh: null, organizationId: DEPT, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };
const membership = { organizationId: ORG, slug: 'o', name: 'O', nameZh: null, sector: 'society' as const, status: 'verified', role: 'representative' as const };

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user('registered'),
  resident: user('resident', { verified: true }),
  asker: user('asker'),
  representative: user('representative', { memberships: [membership] }),
  member: user('member', { memberships: [{ ...membership, role: 'member' }] }),
  official: user('official', { posts: [post] }),
  otherOfficial: user('other', { posts: [{ ...post, organizationId: 'dept-2' }] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  blocked: user('blocked', { verified: true, blocked: true }),
  assistedResident: user('resident2', { verified: true, assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
  assistingOfficial: user('official2', { posts: [post], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

function ref(state: QuestionState, extra: Partial<QuestionRef> = {}): QuestionRef {
  return { state, authorId: 'asker', organizationId: ORG, hidden: false, departmentId: DEPT, ...extra };
}

const Y = true;
const n = false;
// role: [read, read hidden, ask, ask for ORG, cosign, respond, rate, follow up, configure DEPT]
const expected: Record<string, boolean[]> = {
  visitor: [Y, n, n, n, n, n, n, n, n],
  registered: [Y, n, Y, n, Y, n, n, n, n],
  resident: [Y, n, Y, n, Y, n, n, n, n],
  asker: [Y, Y, Y, n, n, n, Y, Y, n],
  representative: [Y, Y, Y, Y, n, n, Y, Y, n],
  member: [Y, n, Y, n, Y, n, n, n, n],
  official: [Y, n, Y, n, Y, Y, n, n, Y],
  otherOfficial: [Y, n, Y, n, Y, n, n, n, n],
  moderator: [Y, Y, Y, n, Y, n, n, n, n],
  administrator: [Y, Y, Y, n, Y, n, n, n, Y],
  blocked: [Y, n, n, n, n, n, n, n, n],
  assistedResident: [Y, n, Y, n, Y, n, n, n, n],
  // A clerk assisting someone acts as that person, never with their own post.
  assistingOfficial: [Y, n, Y, n, Y, n, n, n, n],
};

test('who may do what with a question, role by role', () => {
  for (const [role, row] of Object.entries(expected)) {
    const actor = actors[role]!;
    const got = [
      canQuestion(actor, 'question.read', ref('published')).allow,
      canQuestion(actor, 'question.read', ref('published', { hidden: true })).allow,
      canQuestion(actor, 'question.ask', { organizationId: null }).allow,
      canQuestion(actor, 'question.ask', { organizationId: ORG }).allow,
      canQuestion(actor, 'question.cosign', ref('published')).allow,
      canQuestion(actor, 'question.respond', ref('published')).allow,
      canQuestion(actor, 'question.rate', ref('answered')).allow,
      canQuestion(actor, 'question.followUp', ref('answered')).allow,
      canQuestion(actor, 'department.configureQuestions', { departmentId: DEPT }).allow,
    ];
    assert.deepEqual(got, row, role);
  }
});

test('after a transfer, only the receiving department may respond', () => {
  assert.equal(canQuestion(actors.official!, 'question.respond', ref('transferred', { departmentId: 'dept-2' })).allow, false);
  assert.equal(canQuestion(actors.otherOfficial!, 'question.respond', ref('transferred', { departmentId: 'dept-2' })).allow, true);
});

test('deny reasons are the codes the API returns', () => {
  assert.deepEqual(canQuestion(actors.visitor!, 'question.ask', { organizationId: null }), { allow: false, reason: 'not_authenticated' });
  assert.deepEqual(canQuestion(actors.blocked!, 'question.cosign', ref('published')), { allow: false, reason: 'account_blocked' });
  assert.deepEqual(canQuestion(actors.registered!, 'question.ask', { organizationId: ORG }), { allow: false, reason: 'not_a_representative' });
  assert.deepEqual(canQuestion(actors.resident!, 'question.respond', ref('published')), { allow: false, reason: 'not_an_official' });
  assert.deepEqual(canQuestion(actors.resident!, 'question.rate', ref('answered')), { allow: false, reason: 'forbidden' });
  assert.deepEqual(canQuestion(actors.asker!, 'question.cosign', ref('published')), { allow: false, reason: 'forbidden' });
  assert.deepEqual(canQuestion(actors.registered!, 'question.read', ref('published', { hidden: true })), { allow: false, reason: 'forbidden' });
  assert.deepEqual(canQuestion(actors.registered!, 'department.configureQuestions', { departmentId: DEPT }), { allow: false, reason: 'not_an_official' });
});

test('the state machine: responding, co-signing, rating and following up, state by state', () => {
  const states: QuestionState[] = ['published', 'transferred', 'overdue', 'answered', 'declined'];
  const table = states.map((s) => [s, respondRefusal(s), cosignRefusal(s), rateRefusal(s, null), followUpRefusal(s, false, false)]);
  assert.deepEqual(table, [
    ['published', null, null, 'question_not_answered', 'question_not_answered'],
    ['transferred', null, null, 'question_not_answered', 'question_not_answered'],
    ['overdue', null, null, 'question_not_answered', 'question_not_answered'],
    ['answered', 'question_already_answered', 'question_closed', null, null],
    ['declined', 'question_already_answered', 'question_closed', 'question_not_answered', null],
  ]);
  assert.equal(rateRefusal('answered', new Date()), 'question_already_rated');
  assert.equal(followUpRefusal('answered', false, true), 'follow_up_exists');
  assert.equal(followUpRefusal('answered', true, false), 'follow_up_not_allowed');
  const due = new Date('2026-03-11T16:00:00Z');
  assert.equal(stateAfterTransfer(due, new Date('2026-03-11T15:59:59Z')), 'transferred');
  assert.equal(stateAfterTransfer(due, due), 'overdue', 'a transfer keeping the clock keeps a late question overdue');
});
