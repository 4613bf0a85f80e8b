import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar, escapeText, foldLine, icalDateTime } from './ical.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

test('TEXT values escape backslash, semicolon, comma and line breaks', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

test('UTC date-times in the basic format', () => {
  assert.equal(icalDateTime(new Date('2026-03-09T06:30:00.000Z')), '20260309T063000Z');
});

test('long lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original', () => {
  const line = `SUMMARY:${'听证会关于湖滨路步行区的公开听证'.repeat(6)} and some English text, too`;
  const folded = foldLine(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 3);
  for (const part of parts) assert.ok(octets(part) <= 75, `${octets(part)} octets: ${part}`);
  for (const part of parts.slice(1)) assert.ok(part.startsWith(' '));
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.equal(foldLine('SHORT:line'), 'SHORT:line');
  const exact = `X:${'a'.repeat(73)}`;
  assert.equal(foldLine(exact), exact);
  assert.equal(foldLine(`${exact}b`), `${exact}\r\n b`);
});

test('a calendar: CRLF everywhere, one VEVENT per event with UID, DTSTAMP, DTSTART/DTEND in UTC, LOCATION, URL', () => {
  const text = buildCalendar({
    productId: '-//Civitas//Hearings//EN',
    name: 'Public hearings',
    events: [
      {
        uid: 'hearing-1@example.org',
        stamp: new Date('2026-03-01T08:00:00Z'),
        start: new Date('2026-03-09T06:30:00Z'),
        end: new Date('2026-03-09T09:00:00Z'),
        summary: 'Fares; buses, ferries',
        description: 'Line one\nLine two',
        location: 'City Hall, Room 3',
        url: 'https://example.org/hearings/1',
        sequence: 2,
      },
      { uid: 'hearing-2@example.org', stamp: new Date(0), start: new Date(0), end: new Date(3_600_000), summary: 'Called off', status: 'CANCELLED' },
    ],
  });
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
  const lines = text.split('\r\n').slice(0, -1);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.ok(lines.includes('UID:hearing-1@example.org'));
  assert.ok(lines.includes('DTSTAMP:20260301T080000Z'));
  assert.ok(lines.includes('DTSTART:20260309T063000Z'));
  assert.ok(lines.includes('DTEND:20260309T090000Z'));
  assert.ok(lines.includes('SUMMARY:Fares\\; buses\\, ferries'));
  assert.ok(lines.includes('DESCRIPTION:Line one\\nLine two'));
  assert.ok(lines.includes('LOCATION:City Hall\\, Room 3'));
  assert.ok(lines.includes('URL:https://example.org/hearings/1'));
  assert.ok(lines.includes('SEQUENCE:2'));
  assert.ok(lines.includes('STATUS:CANCELLED'));
  for (const line of lines) assert.ok(octets(line) <= 75);
});
