/**
 * An iCalendar (RFC 5545) feed of hearings: pure text building, no database. Lines end in CRLF,
 * lines longer than 75 octets are folded (CRLF and one space, never inside a UTF-8 character),
 * TEXT values escape backslash, semicolon, comma and line breaks, and times are UTC ("Z" form).
 */

export interface CalendarEvent {
  /** Globally unique and stable across edits (RFC 5545 3.8.4.7). */
  uid: string;
  /** When this version of the event was last changed. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** Bumped on every change, so calendar programs replace their copy. */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
  categories?: string[];
}

export interface Calendar {
  /** The product that made the feed (PRODID). */
  productId: string;
  /** Shown as the calendar's name by most programs (X-WR-CALNAME). */
  name: string;
  events: CalendarEvent[];
}

/** A UTC date-time: 20260302T090000Z. */
export function icalDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Escapes a TEXT value: backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; a continuation line holds 74 after its leading space.
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** The whole feed as one VCALENDAR, CRLF line endings, ending with CRLF. */
export function buildCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', calendar.productId),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(calendar.name)),
  ];
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT');
    lines.push(property('UID', event.uid));
    lines.push(`DTSTAMP:${icalDateTime(event.stamp)}`);
    lines.push(`DTSTART:${icalDateTime(event.start)}`);
    lines.push(`DTEND:${icalDateTime(event.end)}`);
    lines.push(property('SUMMARY', escapeText(event.summary)));
    if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
    if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
    if (event.url) lines.push(property('URL', event.url));
    if (event.categories && event.categories.length > 0) lines.push(property('CATEGORIES', event.categories.map(escapeText).join(',')));
    lines.push(`SEQUENCE:${event.sequence ?? 0}`);
    lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
