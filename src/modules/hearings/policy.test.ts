import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canHearing, type HearingRef } from './policy.js';
import { cancelRefusal, drawRefusal, editRefusal, minutesRefusal, registrationRefusal, reportRefusal, stageOf, submitRefusal, withdrawRefusal, type HearingTiming } from './rules.js';

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
  representative: user('representative', { memberships: [membership] }),
  member: user('member', { memberships: [{ ...membership, role: 'member' }] }),
  official: user('official', { posts: [post] }),
  otherOfficial: user('other', { posts: [{ ...post, organizationId: 'dept-2' }] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  blocked: user('blocked', { verified: true, blocked: true, posts: [post], roles: ['administrator'] }),
  assistedResident: user('resident2', { verified: true, assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
  assistingOfficial: user('clerk', { verified: true, posts: [post], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

const hearing: HearingRef = { departmentId: DEPT, status: 'announced' };
const Y = true;
const n = false;
// role: [read, announce, update/cancel/draw/readRegistrations, register self, register for ORG, withdraw/submit/cosign, minutes/report]
const expected: Record<string, boolean[]> = {
  visitor: [Y, n, n, n, n, n, n],
  registered: [Y, n, n, n, n, Y, n],
  resident: [Y, n, n, Y, n, Y, n],
  representative: [Y, n, n, n, Y, Y, n],
  member: [Y, n, n, n, n, Y, n],
  official: [Y, Y, Y, n, n, Y, Y],
  otherOfficial: [Y, n, n, n, n, Y, n],
  moderator: [Y, n, n, n, n, Y, n],
  administrator: [Y, Y, Y, n, n, Y, n],
  blocked: [Y, n, n, n, n, n, n],
  assistedResident: [Y, n, n, Y, n, Y, n],
  assistingOfficial: [Y, n, n, Y, n, Y, n],
};

test('hearing policy: who may do what, as a table of role x action', () => {
  for (const [role, row] of Object.entries(expected)) {
    const actor = actors[role]!;
    const staffActions = ['hearing.update', 'hearing.cancel', 'hearing.draw', 'hearing.readRegistrations'] as const;
    const staff = staffActions.map((a) => canHearing(actor, a, hearing).allow);
    assert.ok(staff.every((s) => s === staff[0]), `${role}: staff actions disagree`);
    const registeredActs = (['hearing.withdrawRegistration', 'hearing.submit', 'hearing.cosign'] as const).map((a) => canHearing(actor, a, hearing).allow);
    assert.ok(registeredActs.every((s) => s === registeredActs[0]), `${role}: registered acts disagree`);
    const signing = (['hearing.recordMinutes', 'hearing.publishReport'] as const).map((a) => canHearing(actor, a, hearing).allow);
    assert.ok(signing.every((s) => s === signing[0]), `${role}: signed acts disagree`);
    const actual = [
      canHearing(actor, 'hearing.read', hearing).allow,
      canHearing(actor, 'hearing.announce', { departmentId: DEPT }).allow,
      staff[0]!,
      canHearing(actor, 'hearing.register', { organizationId: null }).allow,
      canHearing(actor, 'hearing.register', { organizationId: ORG }).allow,
      registeredActs[0]!,
      signing[0]!,
    ];
    assert.deepEqual(actual, row, role);
  }
});

test('hearing policy: deny reasons say what to do next', () => {
  const reason = (actor: Actor, d: ReturnType<typeof canHearing>) => (d.allow ? 'allow' : d.reason);
  assert.equal(reason(actors.visitor!, canHearing(actors.visitor!, 'hearing.register', { organizationId: null })), 'not_authenticated');
  assert.equal(reason(actors.registered!, canHearing(actors.registered!, 'hearing.register', { organizationId: null })), 'requires_verification');
  assert.equal(reason(actors.member!, canHearing(actors.member!, 'hearing.register', { organizationId: ORG })), 'not_a_representative');
  assert.equal(reason(actors.registered!, canHearing(actors.registered!, 'hearing.announce', { departmentId: DEPT })), 'not_an_official');
  assert.equal(reason(actors.otherOfficial!, canHearing(actors.otherOfficial!, 'hearing.announce', { departmentId: DEPT })), 'forbidden');
  assert.equal(reason(actors.administrator!, canHearing(actors.administrator!, 'hearing.publishReport', hearing)), 'not_an_official');
  assert.equal(reason(actors.blocked!, canHearing(actors.blocked!, 'hearing.update', hearing)), 'account_blocked');
});

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
function timing(extra: Partial<HearingTiming> = {}): HearingTiming {
  return { status: 'announced', registrationOpensAt: at(1), registrationClosesAt: at(5), startsAt: at(7), endsAt: at(7.1), drawnAt: null, reportPublishedAt: null, ...extra };
}

test('hearing rules: stages and what is refused when, as a table over time', () => {
  const h = timing();
  // moment: [stage, register, withdraw (registered), submit, draw, edit, minutes, report]
  const table: [number, string, ...(string | null)[]][] = [
    [0, 'announced', 'registration_not_open_yet', null, null, 'registration_still_open', null, 'hearing_not_held_yet', 'hearing_not_held_yet'],
    [2, 'registration_open', null, null, null, 'registration_still_open', null, 'hearing_not_held_yet', 'hearing_not_held_yet'],
    [6, 'registration_closed', 'registration_closed', null, null, null, null, 'hearing_not_held_yet', 'hearing_not_held_yet'],
    [7.05, 'in_session', 'registration_closed', 'hearing_already_held', 'submissions_closed', 'hearing_already_held', 'hearing_already_held', null, null],
    [9, 'held', 'registration_closed', 'hearing_already_held', 'submissions_closed', 'hearing_already_held', 'hearing_already_held', null, null],
  ];
  for (const [day, stage, register, withdraw, submit, draw, edit, minutes, report] of table) {
    const now = at(day);
    assert.deepEqual(
      [stageOf(h, now), registrationRefusal(h, now, null), withdrawRefusal(h, now, 'applied'), submitRefusal(h, now), drawRefusal(h, now), editRefusal(h, now), minutesRefusal(h, now), reportRefusal(h, now)],
      [stage, register, withdraw, submit, draw, edit, minutes, report],
      `day ${day}`,
    );
  }
  // A process whose phase does not open registration closes it; drawn places close it too.
  assert.equal(registrationRefusal(h, at(2), false), 'registration_closed');
  assert.equal(registrationRefusal(h, at(2), true), null);
  assert.equal(registrationRefusal(timing({ drawnAt: at(1.5) }), at(2), null), 'registration_closed');
  assert.equal(drawRefusal(timing({ drawnAt: at(6) }), at(6.5)), 'already_drawn');
  assert.equal(withdrawRefusal(h, at(2), null), 'not_registered');
  assert.equal(withdrawRefusal(h, at(2), 'withdrawn'), 'not_registered');
  const reported = timing({ reportPublishedAt: at(10) });
  assert.equal(stageOf(reported, at(11)), 'reported');
  assert.equal(reportRefusal(reported, at(11)), 'report_already_published');
  const cancelled = timing({ status: 'cancelled' });
  assert.equal(stageOf(cancelled, at(2)), 'cancelled');
  for (const refusal of [registrationRefusal(cancelled, at(2), null), submitRefusal(cancelled, at(2)), drawRefusal(cancelled, at(6)), cancelRefusal(cancelled, at(2)), minutesRefusal(cancelled, at(9))]) {
    assert.equal(refusal, 'hearing_cancelled');
  }
});
