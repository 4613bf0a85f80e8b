import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { authorize } from '../http/context.js';
import { requireRole } from '../permissions/policy.js';
import { dateSchema, errorResponses } from '../http/schemas.js';
import { transact } from '../db/transact.js';
import { ok } from '../errors.js';
import { writeAudit } from '../audit/audit-log.js';
import { writeSetting } from '../settings.js';
import { loadCalendar } from './load-calendar.js';

const daySchema = z.object({ date: dateSchema, kind: z.enum(['holiday', 'working_day']), name: z.string(), nameZh: z.string().nullable() });

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The working-day calendar: public to read (deadlines cite it), administrators keep it. */
export function calendarRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;

  async function present() {
    const calendar = await loadCalendar(db);
    const days = await db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
    return { timeZone: calendar.timeZone, days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, nameZh: d.name_zh })) };
  }

  const calendarSchema = z.object({ timeZone: z.string(), days: z.array(daySchema) });

  app.get('/api/v1/calendar', {
    schema: { tags: ['calendar'], summary: 'The working-day calendar every deadline is computed from: time zone, holidays, make-up working days', response: { 200: calendarSchema } },
  }, present);

  app.put('/api/v1/calendar', {
    schema: {
      tags: ['calendar'],
      summary: 'Replace the time zone and the list of holidays and make-up working days (administrators)',
      body: z.strictObject({
        timeZone: z.string().min(1).max(64).refine(validTimeZone, 'validation.invalid_choice'),
        days: z.array(z.strictObject({ date: dateSchema, kind: z.enum(['holiday', 'working_day']), name: z.string().trim().min(1).max(120), nameZh: z.string().trim().max(120).nullable().optional() })).max(2000),
      }),
      response: { 200: calendarSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    authorize(requireRole(req.actor, 'administrator'));
    const body = req.body;
    await transact(db, async (trx) => {
      await writeSetting(trx, 'calendar', { timeZone: body.timeZone });
      await trx.deleteFrom('calendar_days').execute();
      const unique = new Map(body.days.map((d) => [d.date, d]));
      if (unique.size > 0) {
        await trx
          .insertInto('calendar_days')
          .values([...unique.values()].map((d) => ({ date: d.date, kind: d.kind, name: d.name, name_zh: d.nameZh ?? null })))
          .execute();
      }
      await writeAudit(trx, req.actor, { action: 'calendar.updated', resourceType: 'calendar', resourceId: null, data: { timeZone: body.timeZone, days: unique.size }, public: true }, clock.now());
      return ok(null);
    });
    return present();
  });
}
