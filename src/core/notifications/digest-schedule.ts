import { addCalendarDays, endOfDay, localDate, makeCalendar } from '../calendar/working-days.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface DigestSlot {
  /** The civil date the digest belongs to (installation time zone). */
  day: string;
  /** When that day's digest became due: `hour` o'clock local time. */
  at: Date;
  /** The notifications it covers were created in (from, at]: the day before the slot. */
  from: Date;
}

/**
 * The most recent digest slot at or before `now`: today's at `hour` o'clock in the time zone if
 * that has passed, else yesterday's. Pure, so the schedule is tested without a database.
 */
export function digestSlot(now: Date, timeZone: string, hour: number): DigestSlot {
  const calendar = makeCalendar({ timeZone });
  const today = localDate(now, calendar);
  const slotOf = (day: string) => new Date(endOfDay(addCalendarDays(day, -1), calendar).getTime() + hour * HOUR_MS);
  let day = today;
  let at = slotOf(today);
  if (at.getTime() > now.getTime()) {
    day = addCalendarDays(today, -1);
    at = slotOf(day);
  }
  return { day, at, from: new Date(at.getTime() - DAY_MS) };
}
