import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteBlocker, editBlocker, MAX_COMMENT_DEPTH, replyBlocker, stanceProblem, voteBlocker, type CommentState } from './rules.js';
import { canComment } from './policy.js';
import { canModerate } from '../moderation/policy.js';
import { visitor, type Actor, type UserActor } from '../permissions/actor.js';

const t0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const comment = (over: Partial<CommentState> = {}): CommentState => ({ authorId: 'a', depth: 0, createdAt: t0, deletedAt: null, hiddenAt: null, ...over });

test('edit window: open until the configured minutes have passed, closed for deleted, hidden or closed resources', () => {
  const cases: [CommentState, Date, number, boolean, string | null][] = [
    [comment(), minutes(0), 15, true, null],
    [comment(), minutes(14.99), 15, true, null],
    [comment(), minutes(15), 15, true, 'comment_edit_window_closed'],
    [comment(), minutes(60), 120, true, null],
    [comment(), minutes(0), 0, true, 'comment_edit_window_closed'],
    [comment(), minutes(1), 15, false, 'commenting_closed'],
    [comment({ deletedAt: t0 }), minutes(1), 15, true, 'comment_deleted'],
    [comment({ hiddenAt: t0 }), minutes(1), 15, true, 'comment_hidden'],
  ];
  for (const [c, now, window, open, expected] of cases) assert.equal(editBlocker(c, now, window, open), expected, JSON.stringify({ c, now, window, open }));
});

test('replies: depth limited to MAX_COMMENT_DEPTH, never to deleted or hidden comments, only while open', () => {
  assert.equal(MAX_COMMENT_DEPTH, 3);
  for (let depth = 0; depth < MAX_COMMENT_DEPTH; depth++) assert.equal(replyBlocker(comment({ depth }), true), null);
  assert.equal(replyBlocker(comment({ depth: MAX_COMMENT_DEPTH }), true), 'thread_too_deep');
  assert.equal(replyBlocker(comment({ deletedAt: t0 }), true), 'comment_deleted');
  assert.equal(replyBlocker(comment({ hiddenAt: t0 }), true), 'comment_hidden');
  assert.equal(replyBlocker(comment(), false), 'commenting_closed');
});

test('votes: never on one’s own, deleted or hidden comment, only while open', () => {
  assert.equal(voteBlocker(comment(), 'b', true), null);
  assert.equal(voteBlocker(comment(), 'a', true), 'cannot_vote_own_comment');
  assert.equal(voteBlocker(comment({ deletedAt: t0 }), 'b', true), 'comment_deleted');
  assert.equal(voteBlocker(comment({ hiddenAt: t0 }), 'b', true), 'comment_hidden');
  assert.equal(voteBlocker(comment(), 'b', false), 'commenting_closed');
  assert.equal(deleteBlocker(comment()), null);
  assert.equal(deleteBlocker(comment({ deletedAt: t0 })), 'comment_deleted');
});

test('stance: required on top-level comments where asked, optional on replies, refused where not asked', () => {
  const cases: [boolean, boolean, 'in_favour' | null, string | null][] = [
    [true, false, 'in_favour', null],
    [true, false, null, 'stance_required'],
    [true, true, null, null],
    [true, true, 'in_favour', null],
    [false, false, null, null],
    [false, false, 'in_favour', 'stance_not_accepted'],
    [false, true, 'in_favour', 'stance_not_accepted'],
  ];
  for (const [asked, reply, stance, expected] of cases) assert.equal(stanceProblem(asked, reply, stance), expected, JSON.stringify({ asked, reply, stance }));
});

const base: UserActor = { kind: 'user', id: 'u', displayName: 'U', roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [] };
const post = { id: 'post-1', title: 'Director', titleZh: null, organizationId: 'dept', organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };
const actors: Record<string, Actor> = {
  visitor,
  registered: base,
  author: { ...base, id: 'author' },
  representative: { ...base, memberships: [{ organizationId: 'org-1', slug: 'o', name: 'O', nameZh: null, sector: 'society', status: 'verified', role: 'representative' }] },
  member: { ...base, memberships: [{ organizationId: 'org-1', slug: 'o', name: 'O', nameZh: null, sector: 'society', status: 'verified', role: 'member' }] },
  official: { ...base, posts: [post] },
  assistedOfficial: { ...base, posts: [post], assistedBy: { id: 'c', displayName: 'Clerk' } },
  moderator: { ...base, roles: ['moderator'] },
  administrator: { ...base, roles: ['administrator'] },
  blocked: { ...base, blocked: true },
};

type Row = { check: (a: Actor) => { allow: boolean }; allowed: string[]; label: string };
const rows: Row[] = [
  { label: 'comment', check: (a) => canComment(a, 'comment.create', {}), allowed: ['registered', 'author', 'representative', 'member', 'official', 'assistedOfficial', 'moderator', 'administrator'] },
  { label: 'comment for an organization', check: (a) => canComment(a, 'comment.create', { organizationId: 'org-1' }), allowed: ['representative'] },
  { label: 'comment as an official', check: (a) => canComment(a, 'comment.create', { postId: 'post-1' }), allowed: ['official'] },
  { label: 'edit', check: (a) => canComment(a, 'comment.edit', { authorId: 'author' }), allowed: ['author'] },
  { label: 'delete', check: (a) => canComment(a, 'comment.delete', { authorId: 'author' }), allowed: ['author'] },
  { label: 'vote', check: (a) => canComment(a, 'comment.vote', null), allowed: ['registered', 'author', 'representative', 'member', 'official', 'assistedOfficial', 'moderator', 'administrator'] },
  { label: 'read hidden', check: (a) => canComment(a, 'comment.readHidden', { authorId: 'author' }), allowed: ['author', 'moderator', 'administrator'] },
  { label: 'report', check: (a) => canModerate(a, 'report.create', null), allowed: ['registered', 'author', 'representative', 'member', 'official', 'assistedOfficial', 'moderator', 'administrator'] },
  { label: 'read queue', check: (a) => canModerate(a, 'moderation.read', null), allowed: ['moderator', 'administrator'] },
  { label: 'decide', check: (a) => canModerate(a, 'moderation.decide', null), allowed: ['moderator', 'administrator'] },
  { label: 'block a resident author', check: (a) => canModerate(a, 'moderation.blockAuthor', { authorIsStaff: false }), allowed: ['moderator', 'administrator'] },
  { label: 'block a staff author', check: (a) => canModerate(a, 'moderation.blockAuthor', { authorIsStaff: true }), allowed: ['administrator'] },
  { label: 'configure', check: (a) => canModerate(a, 'moderation.configure', null), allowed: ['administrator'] },
];

test('comment and moderation policies as a table of actor x action', () => {
  const problems: string[] = [];
  for (const row of rows) {
    for (const [name, actor] of Object.entries(actors)) {
      const allowed = row.check(actor).allow;
      if (allowed !== row.allowed.includes(name)) problems.push(`${row.label}: ${name} ${allowed ? 'allowed' : 'refused'}`);
    }
  }
  assert.deepEqual(problems, []);
});
