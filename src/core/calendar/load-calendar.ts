import type { Executor } from '../db/database.js';
import { makeCalendar, type WorkingCalendar } from './working-days.js';

/** The installation's working-day calendar: its time zone, holidays and make-up working days. */
export async function loadCalendar(db: Executor): Promise<WorkingCalendar> {
  const [setting, days] = await Promise.all([
    db.selectFrom('settings').select('value').where('key', '=', 'calendar').executeTakeFirst(),
    db.selectFrom('calendar_days').select(['date', 'kind']).execute(),
  ]);
  const timeZone = (setting?.value as { timeZone?: string } | undefined)?.timeZone ?? 'UTC';
  return makeCalendar({
    timeZone,
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    extraWorkingDays: days.filter((d) => d.kind === 'working_day').map((d) => d.date),
  });
}
