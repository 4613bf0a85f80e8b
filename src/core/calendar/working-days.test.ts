import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, deadlineFor, deadlineStatus, endOfDay, isWorkingDay, makeCalendar, workingDaysBetween } from './working-days.js';

// 2026: Oct 1-7 National Day holidays in China, with make-up working days on Sunday Sep 27 and Saturday Oct 10.
const china = makeCalendar({
  timeZone: 'Asia/Shanghai',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-12-25'],
  extraWorkingDays: ['2026-09-27', '2026-10-10'],
});
const plain = makeCalendar();

test('weekends and holidays are rest days; make-up days are working days', () => {
  const cases: [string, boolean][] = [
    ['2026-11-23', true], // Monday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-10-01', false], // holiday on a Thursday
    ['2026-09-27', true], // make-up Sunday
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-03', false], // plain Saturday in the holiday week
  ];
  for (const [date, expected] of cases) assert.equal(isWorkingDay(date, china), expected, date);
});

test('adding working days: a table of cases', () => {
  const cases: [string, number, string, typeof china][] = [
    ['2026-11-23', 0, '2026-11-23', plain],
    ['2026-11-23', 1, '2026-11-24', plain], // Mon + 1 = Tue
    ['2026-11-27', 1, '2026-11-30', plain], // Fri + 1 = Mon
    ['2026-11-28', 1, '2026-11-30', plain], // Sat + 1 = Mon
    ['2026-11-23', 5, '2026-11-30', plain], // a full week
    ['2026-11-23', 20, '2026-12-21', plain], // 20 working days = 4 weeks
    ['2026-12-22', 3, '2026-12-28', china], // skips Christmas (holiday) and the weekend
    ['2026-09-30', 1, '2026-10-08', china], // over National Day
    ['2026-09-30', 2, '2026-10-09', china],
    ['2026-09-30', 3, '2026-10-10', china], // the make-up Saturday counts
    ['2026-09-25', 1, '2026-09-27', china], // Fri + 1 = the make-up Sunday
    ['2026-02-27', 1, '2026-03-02', plain], // across a month end
    ['2028-02-28', 1, '2028-02-29', plain], // a leap day is a Tuesday
  ];
  for (const [from, n, expected, cal] of cases) assert.equal(addWorkingDays(from, n, cal), expected, `${from} + ${n}`);
});

test('working days between two dates', () => {
  assert.equal(workingDaysBetween('2026-11-23', '2026-11-30', plain), 5);
  assert.equal(workingDaysBetween('2026-11-30', '2026-11-23', plain), -5);
  assert.equal(workingDaysBetween('2026-11-27', '2026-11-29', plain), 0);
  assert.equal(workingDaysBetween('2026-09-30', '2026-10-10', china), 3);
});

test('a deadline ends at midnight local time of the nth working day after receipt', () => {
  // Received Friday 2026-11-27 at 17:00 in Shanghai (09:00 UTC); 3 working days -> end of Wednesday Dec 2, local.
  const due = deadlineFor(new Date('2026-11-27T09:00:00Z'), 3, china)!;
  assert.equal(due.toISOString(), '2026-12-02T16:00:00.000Z');
  // Received late Friday night local time (still Friday there, already Friday UTC too).
  assert.equal(deadlineFor(new Date('2026-11-27T15:59:00Z'), 1, china)!.toISOString(), '2026-11-30T16:00:00.000Z');
  // One minute later it is Saturday in Shanghai: the count starts from Saturday.
  assert.equal(deadlineFor(new Date('2026-11-27T16:01:00Z'), 1, china)!.toISOString(), '2026-11-30T16:00:00.000Z');
  assert.equal(endOfDay('2026-03-28', makeCalendar({ timeZone: 'Europe/Berlin' })).toISOString(), '2026-03-28T23:00:00.000Z');
  // The night clocks change (Europe/Berlin springs forward on 2026-03-29).
  assert.equal(endOfDay('2026-03-29', makeCalendar({ timeZone: 'Europe/Berlin' })).toISOString(), '2026-03-29T22:00:00.000Z');
});

test('pauses push the deadline back by the working days they covered', () => {
  const received = new Date('2026-11-02T09:00:00Z'); // Monday
  const base = deadlineFor(received, 20, plain)!;
  assert.equal(base.toISOString(), '2026-12-01T00:00:00.000Z'); // end of Monday Nov 30
  // Paused from Wednesday to the next Wednesday: 5 working days.
  const paused = deadlineFor(received, 20, plain, [{ from: new Date('2026-11-04T10:00:00Z'), to: new Date('2026-11-11T10:00:00Z') }])!;
  assert.equal(paused.toISOString(), '2026-12-08T00:00:00.000Z');
  // A pause within one day moves nothing; a running pause has no deadline.
  assert.equal(deadlineFor(received, 20, plain, [{ from: new Date('2026-11-04T10:00:00Z'), to: new Date('2026-11-04T15:00:00Z') }])!.toISOString(), base.toISOString());
  assert.equal(deadlineFor(received, 20, plain, [{ from: new Date('2026-11-04T10:00:00Z'), to: null }]), null);
});

test('deadline status in working days, as pages show it', () => {
  const due = deadlineFor(new Date('2026-11-23T09:00:00Z'), 5, plain)!; // end of Mon Nov 30
  assert.deepEqual(deadlineStatus(due, new Date('2026-11-24T12:00:00Z'), plain), { state: 'due', workingDays: 4, dueAt: due });
  assert.deepEqual(deadlineStatus(due, new Date('2026-11-30T23:00:00Z'), plain), { state: 'due', workingDays: 0, dueAt: due });
  assert.deepEqual(deadlineStatus(due, new Date('2026-12-01T00:00:00Z'), plain), { state: 'overdue', workingDays: 1, dueAt: due });
  assert.deepEqual(deadlineStatus(due, new Date('2026-12-03T08:00:00Z'), plain), { state: 'overdue', workingDays: 3, dueAt: due });
  assert.deepEqual(deadlineStatus(null, new Date(), plain), { state: 'paused', workingDays: 0, dueAt: null });
});
