import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canRequest, type RequestRef } from './policy.js';
import { mergeSpans, phraseSpans, publicText, spanFits } from './redaction.js';
import { pseudonymProblem } from './pseudonym.js';
import { extendRefusal, reviewRefusal, stateAfterReview } from './rules.js';

const user = (id: string, extra: Partial<UserActor> = {}): UserActor => ({ kind: 'user', id, displayName: id, roles: [], verified: true, areaId: null, blocked: false, memberships: [], posts: [], ...extra });
const post = (organizationId: string) => ({ id: `p-${organizationId}`, title: 'Director', titleZh: null, organizationId, organizationSlug: organizationId, organizationName: organizationId, organizationNameZh: null });

const ref: RequestRef = { state: 'internal_review', authorId: 'asker', organizationId: null, hidden: false, departmentId: 'dept', reviewDepartmentId: 'super' };
const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  asker: user('asker'),
  other: user('other'),
  official: user('official', { posts: [post('dept')] }),
  reviewer: user('reviewer', { posts: [post('super')] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  assistedOfficial: user('official2', { posts: [post('dept')], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

const table: [string, string[]][] = [
  ['request.respond', ['official']],
  ['request.publish', ['official']],
  ['request.redact', ['official', 'moderator', 'administrator']],
  ['request.clarify', ['asker']],
  ['request.withdraw', ['asker']],
  ['request.classify', ['asker']],
  ['request.appeal', ['asker']],
  ['request.decideReview', ['reviewer']],
  ['request.seeIdentity', ['asker', 'official', 'reviewer']],
  ['request.seeOriginal', ['asker', 'official']],
];

for (const [action, allowed] of table) {
  test(`policy: ${action} is for ${allowed.join(', ')} only`, () => {
    for (const [name, actor] of Object.entries(actors)) {
      assert.equal(canRequest(actor, action as 'request.respond', ref).allow, allowed.includes(name), `${name} ${action}`);
    }
  });
}

test('policy: hidden requests stay readable to moderators, the requester and the department only', () => {
  const hidden = { ...ref, hidden: true };
  const readers = Object.entries(actors).filter(([, a]) => canRequest(a, 'request.read', hidden).allow).map(([n]) => n).sort();
  assert.deepEqual(readers, ['administrator', 'asker', 'moderator', 'official']);
});

test('redaction helpers: merge, phrases, bounds, public text', () => {
  assert.deepEqual(mergeSpans([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 7, end: 10 }, { start: 2, end: 3 }]), [{ start: 0, end: 3 }, { start: 5, end: 10 }]);
  assert.deepEqual(phraseSpans('Ann met Ann', 'Ann'), [{ start: 0, end: 3 }, { start: 8, end: 11 }]);
  assert.equal(spanFits('abc', { start: 1, end: 4 }), false);
  assert.equal(spanFits('a😀b', { start: 2, end: 3 }), false, 'never cuts a surrogate pair');
  assert.equal(publicText('Call Ann on 123', [{ start: 5, end: 8 }, { start: 12, end: 15 }]), 'Call [redacted] on [redacted]');
  assert.equal(publicText('张三住在湖边', [{ start: 0, end: 2 }], '[已隐去]'), '[已隐去]住在湖边');
});

test('pseudonym rules', () => {
  assert.equal(pseudonymProblem('Lake Walker', 'Ana Li'), null);
  assert.equal(pseudonymProblem('湖边居民', 'Ana Li'), null);
  assert.equal(pseudonymProblem('ana@example.com', 'Ana Li'), 'pseudonym_invalid');
  assert.equal(pseudonymProblem('ana li', 'Ana Li'), 'pseudonym_reveals_identity');
  assert.equal(pseudonymProblem('www.ana.com', 'Ana Li'), 'pseudonym_reveals_identity');
});

test('state rules: extension once and in time; review once; the state a review leaves', () => {
  const now = new Date('2026-03-05T00:00:00Z');
  const due = new Date('2026-03-10T00:00:00Z');
  assert.equal(extendRefusal('awaiting_response', null, due, 20, now), null);
  assert.equal(extendRefusal('awaiting_response', now, due, 20, now), 'extension_used');
  assert.equal(extendRefusal('awaiting_response', null, due, 20, due), 'extension_too_late');
  assert.equal(extendRefusal('awaiting_response', null, due, 0, now), 'extension_not_available');
  assert.equal(extendRefusal('awaiting_clarification', null, null, 20, now), 'request_not_awaiting_response');
  assert.equal(reviewRefusal('refused', null, due, now), null);
  assert.equal(reviewRefusal('successful', null, due, now), 'review_not_available');
  assert.equal(reviewRefusal('awaiting_response', null, due, now), 'review_not_available');
  assert.equal(reviewRefusal('awaiting_response', null, due, due), null, 'late');
  assert.equal(reviewRefusal('refused', now, due, now), 'review_already_requested');
  assert.equal(stateAfterReview('upheld', 'refused', null), 'refused');
  assert.equal(stateAfterReview('partly_upheld', 'refused', null), 'partially_successful');
  assert.equal(stateAfterReview('overturned', 'not_held', null), 'successful');
  assert.equal(stateAfterReview('upheld', 'awaiting_response', null), null);
});
