/**
 * The one working-day calendar every legal deadline is computed from. Pure: no database, no clock.
 *
 * Dates are civil dates (`YYYY-MM-DD`) in the installation's time zone. Saturdays and Sundays are
 * rest days unless listed as extra working days (make-up days, as China's holiday schedule has);
 * listed holidays are rest days even on a weekday.
 */

export interface WorkingCalendar {
  timeZone: string;
  /** Rest days that fall on weekdays (public holidays). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (make-up days). */
  extraWorkingDays: ReadonlySet<string>;
}

export function makeCalendar(input: { timeZone?: string; holidays?: Iterable<string>; extraWorkingDays?: Iterable<string> } = {}): WorkingCalendar {
  return {
    timeZone: input.timeZone ?? 'UTC',
    holidays: new Set(input.holidays ?? []),
    extraWorkingDays: new Set(input.extraWorkingDays ?? []),
  };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkingDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The civil date of an instant in the calendar's time zone. */
export function localDate(instant: Date, calendar: WorkingCalendar): string {
  return localParts(instant, calendar.timeZone).date;
}

/** The instant at which a civil date ends (midnight after it) in the calendar's time zone. */
export function endOfDay(date: string, calendar: WorkingCalendar): Date {
  const next = addCalendarDays(date, 1);
  // Guess midnight UTC, then correct by the zone's offset at that moment (twice, for DST edges).
  let guess = Date.parse(`${next}T00:00:00Z`);
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), calendar.timeZone);
    const seen = Date.parse(`${p.date}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}Z`);
    guess -= seen - Date.parse(`${next}T00:00:00Z`);
  }
  return new Date(guess);
}

/** The nth working day after `date` (n >= 1); n = 0 gives `date` itself. */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (from === to) return 0;
  const sign = dayNumber(to) > dayNumber(from) ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  for (let d = addCalendarDays(start, 1); dayNumber(d) <= dayNumber(end); d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, calendar)) count++;
  }
  return sign * count;
}

/** A span during which a deadline's clock stops (e.g. while the requester is asked to clarify). */
export interface Pause {
  from: Date;
  /** Null while the pause is still running. */
  to: Date | null;
}

/**
 * The deadline of something received at `receivedAt` that must be answered within `workingDays`:
 * the end of the nth working day after the day of receipt. Each pause pushes the deadline back by
 * the working days it covered (a pause within one day moves nothing); a running pause gives null.
 */
export function deadlineFor(receivedAt: Date, workingDays: number, calendar: WorkingCalendar, pauses: Pause[] = []): Date | null {
  if (pauses.some((p) => p.to === null)) return null;
  let extra = 0;
  for (const pause of pauses) {
    extra += Math.max(0, workingDaysBetween(localDate(pause.from, calendar), localDate(pause.to!, calendar), calendar));
  }
  const dueDate = addWorkingDays(localDate(receivedAt, calendar), workingDays + extra, calendar);
  return endOfDay(dueDate, calendar);
}

export interface DeadlineStatus {
  /** "due": working days left (0 means due today); "overdue": working days past the deadline. */
  state: 'due' | 'overdue' | 'paused';
  workingDays: number;
  dueAt: Date | null;
}

/** How a deadline stands at `now`, in working days, as pages show it ("due in 4 working days", "overdue by 3"). */
export function deadlineStatus(dueAt: Date | null, now: Date, calendar: WorkingCalendar): DeadlineStatus {
  if (!dueAt) return { state: 'paused', workingDays: 0, dueAt: null };
  const today = localDate(now, calendar);
  const dueDay = localDate(new Date(dueAt.getTime() - 1), calendar);
  if (now.getTime() < dueAt.getTime()) return { state: 'due', workingDays: workingDaysBetween(today, dueDay, calendar), dueAt };
  return { state: 'overdue', workingDays: Math.max(1, workingDaysBetween(dueDay, today, calendar)), dueAt };
}
