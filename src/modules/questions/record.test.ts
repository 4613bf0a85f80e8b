import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCalendar } from '../../core/calendar/working-days.js';
import { lastMonths, median, monthlyRecord, outcomeOf, rankDepartments, recordTotals, workingDaysToAnswer, type RecordQuestion } from './record.js';
import { escapeXml, renderAtom } from '../../core/feeds/atom.js';

const calendar = makeCalendar({ timeZone: 'Asia/Shanghai', holidays: ['2026-03-04'] });
const now = new Date('2026-04-15T02:00:00Z');
// All times in March/April 2026, Shanghai (UTC+8); dueAt is the end of the due day there.
const due = (date: string) => new Date(`${date}T16:00:00Z`);

function q(created: string, dueDay: string, answered: string | null, state: RecordQuestion['state'], rating: boolean | null = null): RecordQuestion {
  return { createdAt: new Date(created), answerDueAt: due(dueDay), answeredAt: answered ? new Date(answered) : null, state, ratingResolved: rating };
}

const questions: RecordQuestion[] = [
  // Asked Mon 2 March, answered Tue 3 March (1 working day), on time, rated resolved.
  q('2026-03-02T01:00:00Z', '2026-03-20', '2026-03-03T03:00:00Z', 'answered', true),
  // Asked Mon 2 March, answered Mon 9 March: Tue 3, Thu 5, Fri 6, Mon 9 = 4 working days (Wed 4 is a holiday).
  q('2026-03-02T01:00:00Z', '2026-03-20', '2026-03-09T03:00:00Z', 'answered', false),
  // Answered after the end of its due day (Shanghai): late, 5 working days (Tue 10 March).
  q('2026-03-02T01:00:00Z', '2026-03-06', '2026-03-10T01:00:00Z', 'answered', true),
  // Declined.
  q('2026-03-10T01:00:00Z', '2026-03-31', '2026-03-11T01:00:00Z', 'declined'),
  // No answer, past due: overdue now.
  q('2026-03-16T01:00:00Z', '2026-04-03', null, 'published'),
  // No answer, due later: open.
  q('2026-04-10T01:00:00Z', '2026-04-30', null, 'transferred'),
];

test('each question has one outcome; answering on the due day is on time, the next day is late', () => {
  assert.deepEqual(questions.map((x) => outcomeOf(x, now)), ['answered_on_time', 'answered_on_time', 'answered_late', 'declined', 'overdue', 'open']);
  const dueDay = q('2026-03-02T01:00:00Z', '2026-03-06', '2026-03-06T15:59:59Z', 'answered');
  assert.equal(outcomeOf(dueDay, now), 'answered_on_time', '23:59:59 on the due day in Shanghai');
  assert.equal(outcomeOf({ ...dueDay, answeredAt: due('2026-03-06') }, now), 'answered_late', 'midnight after the due day');
});

test('working days to answer skip weekends and holidays; the median takes the middle', () => {
  assert.deepEqual(questions.slice(0, 3).map((x) => workingDaysToAnswer(x, calendar)), [1, 4, 5]);
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([6, 1, 4]), 4);
  assert.equal(median([1, 4, 6, 10]), 5);
});

test('totals: answered on time, the share on time of answered-or-overdue, the median, the share rated resolved', () => {
  assert.deepEqual(recordTotals(questions, now, calendar), {
    asked: 6,
    answered: 3,
    answeredOnTime: 2,
    answeredLate: 1,
    declined: 1,
    overdueNow: 1,
    open: 1,
    onTimeShare: 2 / 4,
    medianWorkingDays: 4,
    rated: 3,
    ratedResolved: 2,
    resolvedShare: 2 / 3,
  });
  const empty = recordTotals([], now, calendar);
  assert.equal(empty.onTimeShare, null);
  assert.equal(empty.medianWorkingDays, null);
  assert.equal(empty.resolvedShare, null);
});

test('months: by the month asked in the calendar time zone, late includes still overdue', () => {
  assert.deepEqual(lastMonths(now, calendar, 3), ['2026-02', '2026-03', '2026-04']);
  assert.deepEqual(lastMonths(new Date('2026-01-31T17:00:00Z'), calendar, 2), ['2026-01', '2026-02'], '1 a.m. on 1 February in Shanghai');
  const months = monthlyRecord(questions, now, calendar, 3);
  assert.deepEqual(months, [
    { month: '2026-02', asked: 0, answeredOnTime: 0, late: 0, declined: 0, open: 0 },
    { month: '2026-03', asked: 5, answeredOnTime: 2, late: 2, declined: 1, open: 0 },
    { month: '2026-04', asked: 1, answeredOnTime: 0, late: 0, declined: 0, open: 1 },
  ]);
  assert.equal(monthlyRecord(questions, now, calendar).length, 12);
});

test('ranking: on-time share, then resolved share, then median; nothing to judge comes last unranked; ties share a rank', () => {
  const totals = (onTimeShare: number | null, resolvedShare: number | null, medianWorkingDays: number | null, asked = 5) => ({
    asked, answered: 0, answeredOnTime: 0, answeredLate: 0, declined: 0, overdueNow: 0, open: 0, onTimeShare, medianWorkingDays, rated: 0, ratedResolved: 0, resolvedShare,
  });
  const ranked = rankDepartments([
    { department: { name: 'Empty' }, totals: totals(null, null, null, 0) },
    { department: { name: 'Slow' }, totals: totals(0.5, 1, 9) },
    { department: { name: 'Fast' }, totals: totals(0.5, 1, 2) },
    { department: { name: 'Best' }, totals: totals(1, 0, 12) },
    { department: { name: 'Twin' }, totals: totals(0.5, 1, 2) },
  ]);
  assert.deepEqual(ranked.map((r) => [r.department.name, r.rank]), [['Best', 1], ['Fast', 2], ['Twin', 2], ['Slow', 4], ['Empty', null]]);
});

test('Atom: text is escaped, characters XML cannot carry are dropped, entries carry what a reader needs', () => {
  assert.equal(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0001\u0008ok`), '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;ok');
  const xml = renderAtom({
    id: 'https://civitas.example/api/v1/questions/departments/parks/answers.atom',
    title: 'Answers: Parks & <Gardens>',
    selfLink: 'https://civitas.example/api/v1/questions/departments/parks/answers.atom?x=1&y=2',
    alternateLink: 'https://civitas.example/questions/departments/parks',
    updated: new Date('2026-03-03T03:00:00Z'),
    authorName: 'Parks',
    language: 'en',
    entries: [
      {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        title: '公园 & <script>',
        link: 'https://civitas.example/questions/1',
        published: new Date('2026-03-03T03:00:00Z'),
        updated: new Date('2026-03-03T03:00:00Z'),
        authorName: 'Director, Parks',
        content: 'Yes </content> we will',
        categories: ['answered'],
      },
    ],
  });
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/);
  assert.match(xml, /<title type="text">Answers: Parks &amp; &lt;Gardens&gt;<\/title>/);
  assert.match(xml, /href="https:\/\/civitas.example\/api\/v1\/questions\/departments\/parks\/answers.atom\?x=1&amp;y=2"/);
  assert.match(xml, /<content type="text">Yes &lt;\/content&gt; we will<\/content>/);
  assert.match(xml, /<updated>2026-03-03T03:00:00.000Z<\/updated>/);
  assert.equal((xml.match(/<entry>/g) ?? []).length, 1);
});
