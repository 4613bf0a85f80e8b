import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCalendar, type Pause } from '../../core/calendar/working-days.js';
import { deadlineView, responseDueAt, shownState, veryOverdueDueAt } from './deadlines.js';

const at = (iso: string) => new Date(iso);
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to ? at(to) : null });

// March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9 ... Fri 13, Mon 16 ... Fri 20.
const plain = makeCalendar();
const holidays = makeCalendar({ holidays: ['2026-03-04', '2026-03-05'] });
const makeUp = makeCalendar({ holidays: ['2026-03-04', '2026-03-05'], extraWorkingDays: ['2026-03-07'] });
const oneHoliday = makeCalendar({ holidays: ['2026-03-04'] });
const shanghai = makeCalendar({ timeZone: 'Asia/Shanghai' });

const cases: { name: string; calendar: ReturnType<typeof makeCalendar>; received: string; days: number; extension?: number; pauses?: Pause[]; due: string | null }[] = [
  { name: 'five working days, no holidays', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5, due: '2026-03-10T00:00:00.000Z' },
  { name: 'across two holidays', calendar: holidays, received: '2026-03-02T10:00:00Z', days: 5, due: '2026-03-12T00:00:00.000Z' },
  { name: 'a make-up Saturday counts as a working day', calendar: makeUp, received: '2026-03-02T10:00:00Z', days: 5, due: '2026-03-11T00:00:00.000Z' },
  { name: 'received on a holiday: counting starts the next working day', calendar: oneHoliday, received: '2026-03-04T10:00:00Z', days: 3, due: '2026-03-10T00:00:00.000Z' },
  { name: 'a pause within one day moves nothing', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5, pauses: [pause('2026-03-03T09:00:00Z', '2026-03-03T17:00:00Z')], due: '2026-03-10T00:00:00.000Z' },
  {
    name: 'several pauses add their working days (2 + 1)', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5,
    pauses: [pause('2026-03-03T09:00:00Z', '2026-03-05T09:00:00Z'), pause('2026-03-09T09:00:00Z', '2026-03-10T09:00:00Z')], due: '2026-03-13T00:00:00.000Z',
  },
  { name: 'a pause spanning a holiday adds only its working days', calendar: oneHoliday, received: '2026-03-02T10:00:00Z', days: 5, pauses: [pause('2026-03-03T09:00:00Z', '2026-03-06T09:00:00Z')], due: '2026-03-13T00:00:00.000Z' },
  { name: 'a pause over a weekend adds only Monday', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5, pauses: [pause('2026-03-06T09:00:00Z', '2026-03-09T09:00:00Z')], due: '2026-03-11T00:00:00.000Z' },
  { name: 'an extension after a pause', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5, extension: 5, pauses: [pause('2026-03-03T09:00:00Z', '2026-03-05T09:00:00Z')], due: '2026-03-19T00:00:00.000Z' },
  { name: 'an extension across holidays and a make-up day', calendar: makeUp, received: '2026-03-02T10:00:00Z', days: 5, extension: 5, due: '2026-03-18T00:00:00.000Z' },
  { name: 'a running pause: no deadline', calendar: plain, received: '2026-03-02T10:00:00Z', days: 5, pauses: [pause('2026-03-03T09:00:00Z', null)], due: null },
  { name: 'in the calendar time zone (Asia/Shanghai): received Monday morning local', calendar: shanghai, received: '2026-03-01T20:00:00Z', days: 5, due: '2026-03-09T16:00:00.000Z' },
];

for (const c of cases) {
  test(`response deadline: ${c.name}`, () => {
    const due = responseDueAt({ receivedAt: at(c.received), workingDays: c.days, extensionDays: c.extension ?? 0, pauses: c.pauses ?? [] }, c.calendar);
    assert.equal(due?.toISOString() ?? null, c.due);
  });
}

test('very overdue comes the configured working days after the deadline, pauses included', () => {
  const facts = { receivedAt: at('2026-03-02T10:00:00Z'), workingDays: 5, extensionDays: 0, pauses: [pause('2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z')] };
  assert.equal(responseDueAt(facts, plain)!.toISOString(), '2026-03-11T00:00:00.000Z');
  assert.equal(veryOverdueDueAt(facts, 5, plain)!.toISOString(), '2026-03-18T00:00:00.000Z');
});

test('the state and the deadline as pages show them at each step', () => {
  const row = {
    state: 'awaiting_response' as const, due_at: at('2026-03-10T00:00:00Z'), very_overdue_due_at: at('2026-03-17T00:00:00Z'),
    responded_at: null, review_due_at: null, review_decided_at: null,
  };
  assert.equal(shownState(row, at('2026-03-09T12:00:00Z')), 'awaiting_response');
  assert.deepEqual(deadlineView(row, at('2026-03-05T12:00:00Z'), plain), { kind: 'response', state: 'due', workingDays: 2, dueAt: '2026-03-10T00:00:00.000Z', veryOverdue: false, late: null });
  assert.equal(shownState(row, at('2026-03-12T12:00:00Z')), 'overdue');
  assert.deepEqual(deadlineView(row, at('2026-03-12T12:00:00Z'), plain).workingDays, 3);
  assert.equal(shownState(row, at('2026-03-17T00:00:00Z')), 'very_overdue');
  assert.equal(deadlineView(row, at('2026-03-17T01:00:00Z'), plain).veryOverdue, true);
  assert.equal(deadlineView({ ...row, state: 'awaiting_clarification', due_at: null }, at('2026-03-05T12:00:00Z'), plain).state, 'paused');
  assert.equal(shownState({ ...row, state: 'awaiting_clarification', due_at: null }, at('2026-04-01T00:00:00Z')), 'awaiting_clarification', 'a paused request is never overdue');
  const answered = { ...row, state: 'refused' as const, responded_at: at('2026-03-10T02:00:00Z') };
  assert.deepEqual(deadlineView(answered, at('2026-03-20T00:00:00Z'), plain), { kind: 'response', state: 'closed', workingDays: 0, dueAt: '2026-03-10T00:00:00.000Z', veryOverdue: false, late: true });
  const review = { ...answered, state: 'internal_review' as const, review_due_at: at('2026-03-20T00:00:00Z') };
  assert.deepEqual(deadlineView(review, at('2026-03-16T12:00:00Z'), plain), { kind: 'review', state: 'due', workingDays: 3, dueAt: '2026-03-20T00:00:00.000Z', veryOverdue: false, late: null });
});
