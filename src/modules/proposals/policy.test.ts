import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canProposal, type ProposalRef } from './policy.js';
import { answerRefusal, editRefusal, publishRefusal, supportRefusal, withdrawRefusal } from './rules.js';
import type { ProposalState } from './tables.js';

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
  author: user('author', { verified: true }),
  coauthor: user('coauthor'),
  representative: user('representative', { memberships: [membership] }),
  official: user('official', { posts: [post] }),
  otherOfficial: user('other', { posts: [{ ...post, organizationId: 'dept-2' }] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  blocked: user('blocked', { verified: true, blocked: true }),
  assistedResident: user('resident2', { verified: true, assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

function ref(state: ProposalState, extra: Partial<ProposalRef> = {}): ProposalRef {
  return { state, authorId: 'author', organizationId: ORG, coauthorIds: ['coauthor'], hidden: false, departmentId: DEPT, ...extra };
}

const Y = true;
const n = false;
// role: [read published, read draft, read hidden, edit, support, answer, readNotes, writeNote]
const expected: Record<string, boolean[]> = {
  visitor: [Y, n, n, n, n, n, n, n],
  registered: [Y, n, n, n, n, n, n, n],
  resident: [Y, n, n, n, Y, n, n, n],
  author: [Y, Y, Y, Y, Y, n, n, n],
  coauthor: [Y, Y, Y, Y, n, n, n, n],
  representative: [Y, Y, Y, Y, n, n, n, n],
  official: [Y, n, n, n, n, Y, Y, Y],
  otherOfficial: [Y, n, n, n, n, n, n, n],
  moderator: [Y, n, Y, n, n, n, n, n],
  administrator: [Y, n, Y, n, n, n, Y, n],
  blocked: [Y, n, n, n, n, n, n, n],
  assistedResident: [Y, n, n, n, Y, n, n, n],
};

test('who may do what with a proposal, role by role', () => {
  for (const [role, row] of Object.entries(expected)) {
    const actor = actors[role]!;
    const got = [
      canProposal(actor, 'proposal.read', ref('published')).allow,
      canProposal(actor, 'proposal.read', ref('draft')).allow,
      canProposal(actor, 'proposal.read', ref('published', { hidden: true })).allow,
      canProposal(actor, 'proposal.edit', ref('published')).allow,
      canProposal(actor, 'proposal.support', ref('published')).allow,
      canProposal(actor, 'proposal.answer', ref('qualified')).allow,
      canProposal(actor, 'proposal.readNotes', ref('qualified')).allow,
      canProposal(actor, 'proposal.writeNote', ref('qualified')).allow,
    ];
    assert.deepEqual(got, row, role);
  }
});

test('deny reasons are the codes the API returns', () => {
  assert.deepEqual(canProposal(actors.visitor!, 'proposal.support', ref('published')), { allow: false, reason: 'not_authenticated' });
  assert.deepEqual(canProposal(actors.registered!, 'proposal.support', ref('published')), { allow: false, reason: 'requires_verification' });
  assert.deepEqual(canProposal(actors.blocked!, 'proposal.support', ref('published')), { allow: false, reason: 'account_blocked' });
  assert.deepEqual(canProposal(actors.resident!, 'proposal.answer', ref('published')), { allow: false, reason: 'not_an_official' });
  assert.deepEqual(canProposal(actors.resident!, 'proposal.edit', ref('published')), { allow: false, reason: 'forbidden' });
  assert.deepEqual(canProposal(actors.registered!, 'proposal.create', { organizationId: null }), { allow: false, reason: 'requires_verification' });
  assert.deepEqual(canProposal(actors.registered!, 'proposal.create', { organizationId: ORG }), { allow: false, reason: 'not_a_representative' });
  assert.equal(canProposal(actors.representative!, 'proposal.create', { organizationId: ORG }).allow, true);
  assert.equal(canProposal(actors.resident!, 'proposal.create', { organizationId: null }).allow, true);
});

test('the state machine: answers, supports, edits, publishing and withdrawing by state', () => {
  const states: ProposalState[] = ['draft', 'published', 'qualified', 'evaluating', 'accepted', 'rejected', 'withdrawn'];
  const table = states.map((s) => [
    s,
    answerRefusal(s, 'evaluating'),
    answerRefusal(s, 'accepted'),
    supportRefusal(s, true),
    withdrawRefusal(s),
    publishRefusal(s, true),
  ]);
  assert.deepEqual(table, [
    ['draft', 'proposal_invalid_transition', 'proposal_invalid_transition', 'proposal_not_supportable', 'proposal_not_withdrawable', null],
    ['published', null, null, null, null, 'proposal_not_draft'],
    ['qualified', null, null, null, null, 'proposal_not_draft'],
    ['evaluating', 'proposal_invalid_transition', null, null, null, 'proposal_not_draft'],
    ['accepted', 'proposal_already_answered', 'proposal_already_answered', 'proposal_not_supportable', 'proposal_not_withdrawable', 'proposal_not_draft'],
    ['rejected', 'proposal_already_answered', 'proposal_already_answered', 'proposal_not_supportable', 'proposal_not_withdrawable', 'proposal_not_draft'],
    ['withdrawn', 'proposal_invalid_transition', 'proposal_invalid_transition', 'proposal_not_supportable', 'proposal_not_withdrawable', 'proposal_not_draft'],
  ]);
  assert.equal(supportRefusal('published', false), 'supporting_closed');
  assert.equal(publishRefusal('draft', false), 'proposing_closed');
  const published = new Date('2026-03-02T09:00:00Z');
  assert.equal(editRefusal('published', published, 60, new Date('2026-03-02T09:59:59Z')), null);
  assert.equal(editRefusal('published', published, 60, new Date('2026-03-02T10:00:00Z')), 'edit_window_closed');
  assert.equal(editRefusal('published', published, 0, published), 'edit_window_closed');
  assert.equal(editRefusal('draft', null, 0, published), null);
  assert.equal(editRefusal('qualified', published, 60, published), 'edit_window_closed', 'a qualified proposal is what people supported');
});
