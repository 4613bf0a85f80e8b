import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { makeCalendar } from '../../core/calendar/working-days.js';
import { canReport, type ReportRef } from './policy.js';
import { open311Status, reporterRefusal, statusRefusal, transferRefusal } from './rules.js';
import { departmentRecord, median, reportDeadline } from './deadline.js';
import type { ReportState } from './tables.js';

const DEPT = 'dept-1';
function user(id: string, extra: Partial<UserActor> = {}): UserActor {
  return { kind: 'user', id, displayName: id, roles: [], verified: false, areaId: null, blocked: false, memberships: [], posts: [], ...extra };
}
const post = { id: 'post-1', title: 'Director', titleZh: null, organizationId: DEPT, organizationSlug: 'd', organizationName: 'D', organizationNameZh: null };

const actors: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  registered: user('registered'),
  reporter: user('reporter'),
  official: user('official', { posts: [post] }),
  otherOfficial: user('other', { posts: [{ ...post, organizationId: 'dept-2' }] }),
  moderator: user('moderator', { roles: ['moderator'] }),
  administrator: user('administrator', { roles: ['administrator'] }),
  blocked: user('blocked', { blocked: true }),
  blockedReporter: user('reporter', { blocked: true }),
  assistedOfficial: user('official', { posts: [post], assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
  assistedReporter: user('reporter', { assistedBy: { id: 'clerk', displayName: 'Clerk' } }),
};

function ref(extra: Partial<ReportRef> = {}): ReportRef {
  return { state: 'fixed', authorId: 'reporter', departmentId: DEPT, hidden: false, ...extra };
}

const Y = true;
const n = false;
// role: [read, read hidden, create, update status, transfer, read contact, confirm, reopen, manage categories, manage keys]
const expected: Record<string, boolean[]> = {
  visitor: [Y, n, n, n, n, n, n, n, n, n],
  registered: [Y, n, Y, n, n, n, n, n, n, n],
  reporter: [Y, Y, Y, n, n, n, Y, Y, n, n],
  official: [Y, Y, Y, Y, Y, Y, n, n, n, n],
  otherOfficial: [Y, n, Y, n, n, n, n, n, n, n],
  moderator: [Y, Y, Y, n, n, n, n, n, n, n],
  administrator: [Y, Y, Y, n, n, n, n, n, Y, Y],
  blocked: [Y, n, n, n, n, n, n, n, n, n],
  blockedReporter: [Y, n, n, n, n, n, n, n, n, n],
  // A clerk entering a report for a resident acts as the resident, never with the clerk's own post.
  assistedOfficial: [Y, n, Y, n, n, n, n, n, n, n],
  assistedReporter: [Y, Y, Y, n, n, n, Y, Y, n, n],
};

test('the policy table: who may read, file, update, transfer, see the contact, confirm or reopen, and administer', () => {
  const problems: string[] = [];
  for (const [name, actor] of Object.entries(actors)) {
    const got = [
      canReport(actor, 'report.read', ref()).allow,
      canReport(actor, 'report.read', ref({ hidden: true })).allow,
      canReport(actor, 'report.create', null).allow,
      canReport(actor, 'report.updateStatus', ref()).allow,
      canReport(actor, 'report.transfer', ref()).allow,
      canReport(actor, 'report.readContact', ref()).allow,
      canReport(actor, 'report.confirm', ref()).allow,
      canReport(actor, 'report.reopen', ref()).allow,
      canReport(actor, 'report.manageCategories', null).allow,
      canReport(actor, 'report.manageApiKeys', null).allow,
    ];
    if (JSON.stringify(got) !== JSON.stringify(expected[name])) problems.push(`${name}: ${JSON.stringify(got)} expected ${JSON.stringify(expected[name])}`);
  }
  assert.deepEqual(problems, []);
});

test('deny reasons: visitors must sign in, other people are forbidden, non-officials are told so', () => {
  assert.deepEqual(canReport(actors.visitor!, 'report.create', null), { allow: false, reason: 'not_authenticated' });
  assert.deepEqual(canReport(actors.registered!, 'report.confirm', ref()), { allow: false, reason: 'forbidden' });
  assert.deepEqual(canReport(actors.registered!, 'report.updateStatus', ref()), { allow: false, reason: 'not_an_official' });
  assert.deepEqual(canReport(actors.registered!, 'report.manageApiKeys', null), { allow: false, reason: 'requires_role' });
  assert.deepEqual(canReport(actors.official!, 'report.confirm', ref({ authorId: null })), { allow: false, reason: 'forbidden' }, 'Open311 reports have no reporter account');
});

test('the state machine: which status updates, transfers and reporter acts each state allows', () => {
  const states: ReportState[] = ['submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed', 'reopened'];
  const table = Object.fromEntries(
    states.map((s) => [
      s,
      [statusRefusal(s, 'acknowledged'), statusRefusal(s, 'in_progress'), statusRefusal(s, 'fixed'), transferRefusal(s), reporterRefusal(s), open311Status(s)],
    ]),
  );
  assert.deepEqual(table, {
    submitted: [null, null, null, null, 'report_not_fixed', 'open'],
    acknowledged: ['report_invalid_transition', null, null, null, 'report_not_fixed', 'open'],
    in_progress: ['report_invalid_transition', null, null, null, 'report_not_fixed', 'open'],
    fixed: ['report_closed', 'report_closed', 'report_closed', 'report_closed', null, 'closed'],
    confirmed: ['report_closed', 'report_closed', 'report_closed', 'report_closed', 'report_not_fixed', 'closed'],
    reopened: [null, null, null, null, 'report_not_fixed', 'open'],
  });
});

test('deadline and record arithmetic in working days', () => {
  const calendar = makeCalendar({ holidays: ['2026-03-04'] });
  const due = new Date('2026-03-06T00:00:00Z'); // end of Thursday 5 March
  assert.deepEqual(reportDeadline({ state: 'submitted', due_at: due, fixed_late: null }, new Date('2026-03-02T10:00:00Z'), calendar), { state: 'due', workingDays: 2, dueAt: due.toISOString(), fixedLate: null });
  assert.deepEqual(reportDeadline({ state: 'in_progress', due_at: due, fixed_late: null }, new Date('2026-03-09T10:00:00Z'), calendar), { state: 'overdue', workingDays: 2, dueAt: due.toISOString(), fixedLate: null });
  assert.deepEqual(reportDeadline({ state: 'confirmed', due_at: due, fixed_late: true }, new Date('2026-03-09T10:00:00Z'), calendar).fixedLate, true);
  assert.equal(median([]), null);
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  const at = (d: string) => new Date(`${d}T03:00:00Z`);
  const row = (state: ReportState, fixed: string | null, late: boolean | null, reopen = 0, dueDay = '2026-03-06') => ({
    state, assigned_at: at('2026-03-02'), due_at: at(dueDay), fixed_at: fixed ? at(fixed) : null, fixed_late: late, reopen_count: reopen,
  });
  const record = departmentRecord(
    [
      row('fixed', '2026-03-03', false), // 1 working day
      row('confirmed', '2026-03-05', false), // 2 (the 4th is a holiday)
      row('fixed', '2026-03-10', true, 1), // 6
      row('reopened', '2026-03-03', false, 1), // fixed once, reopened, open again: not fixed now
      row('submitted', null, null, 0, '2026-03-20'),
      row('acknowledged', null, null, 0, '2026-03-06'),
    ],
    new Date('2026-03-11T00:00:00Z'),
    calendar,
    2,
  );
  assert.deepEqual(record, {
    received: 6,
    open: 3,
    fixed: 3,
    fixedOnTime: 2,
    fixedOnTimeShare: 2 / 3,
    medianWorkingDaysToFix: 2,
    reopened: 2,
    reopenedShare: 2 / 4,
    overdueNow: 2,
    transferredAway: 2,
  });
  assert.deepEqual(departmentRecord([], new Date(), calendar), {
    received: 0, open: 0, fixed: 0, fixedOnTime: 0, fixedOnTimeShare: null, medianWorkingDaysToFix: null, reopened: 0, reopenedShare: null, overdueNow: 0, transferredAway: 0,
  });
});
