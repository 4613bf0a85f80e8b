/**
 * The periods a scorecard covers, as instants in the calendar's time zone: this year, last year,
 * the last 12 months, and calendar quarters for the trend. Pure.
 */
import { addCalendarDays, endOfDay, localDate, type WorkingCalendar } from '../../../core/calendar/working-days.js';

export type PeriodKey = 'this_year' | 'last_year' | 'last_12_months';
export const PERIOD_KEYS: PeriodKey[] = ['this_year', 'last_year', 'last_12_months'];

export interface Period {
  key: string;
  /** The first civil day and the day after the last one (`YYYY-MM-DD`). */
  fromDate: string;
  toDate: string;
  from: Date;
  to: Date;
}

/** The instant a civil date starts in the calendar's time zone. */
export function startOfDay(date: string, calendar: WorkingCalendar): Date {
  return endOfDay(addCalendarDays(date, -1), calendar);
}

function period(key: string, fromDate: string, toDate: string, calendar: WorkingCalendar): Period {
  return { key, fromDate, toDate, from: startOfDay(fromDate, calendar), to: startOfDay(toDate, calendar) };
}

/** The same day `months` months earlier (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** This year so far (to the end of the year), last year, or the 12 months up to and including today. */
export function periodOf(key: PeriodKey, now: Date, calendar: WorkingCalendar): Period {
  const today = localDate(now, calendar);
  const year = Number(today.slice(0, 4));
  if (key === 'this_year') return period(key, `${year}-01-01`, `${year + 1}-01-01`, calendar);
  if (key === 'last_year') return period(key, `${year - 1}-01-01`, `${year}-01-01`, calendar);
  const tomorrow = addCalendarDays(today, 1);
  return period(key, monthsBefore(tomorrow, 12), tomorrow, calendar);
}

/** The `count` calendar quarters up to and including the current one, oldest first (`2025-Q3`). */
export function lastQuarters(now: Date, calendar: WorkingCalendar, count: number): Period[] {
  const today = localDate(now, calendar);
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    const from = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    const to = quarter === 3 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 4).padStart(2, '0')}-01`;
    out.unshift(period(`${year}-Q${quarter + 1}`, from, to, calendar));
    quarter--;
    if (quarter < 0) {
      quarter = 3;
      year--;
    }
  }
  return out;
}
