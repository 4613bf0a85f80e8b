import { z } from 'zod';
import type { App, AppContext } from '../../core/http/context.js';
import { errorResponses } from '../../core/http/schemas.js';
import { csvCell } from '../../core/csv.js';
import { loadCalendar } from '../../core/calendar/load-calendar.js';
import { platformModules } from '../../core/module.js';
import { scorecardQuerySchema, scorecardResponseSchema, trendQuerySchema, trendResponseSchema } from './schemas.js';
import { composeScorecards, scorecardDepartments, scorecardSources, type ScorecardSource } from './scorecards/compose.js';
import { lastQuarters, periodOf, type Period } from './scorecards/periods.js';

/**
 * The public department scorecards: every module's figures per department for a period (with an
 * area: the departments serving it), one figure's trend by quarter, and the table as CSV. A period
 * is judged as of its end or now, whichever comes first.
 */
export function scorecardRoutes(app: App, { deps }: AppContext): void {
  const { db, clock } = deps;
  const tags = ['scorecards'];
  let sources: ScorecardSource[] | null = null;
  async function allSources() {
    return (sources ??= scorecardSources(platformModules(deps)));
  }

  /** The period as asked, with its end capped just after now (the scorecards never judge the future; what happened this instant counts). */
  function capped(period: Period, now: Date) {
    const end = new Date(now.getTime() + 1);
    return { from: period.from, to: period.to < end ? period.to : end };
  }
  const presentPeriod = (p: Period) => ({ key: p.key, from: p.from.toISOString(), to: p.to.toISOString(), fromDate: p.fromDate, toDate: p.toDate });

  async function scorecard(query: z.infer<typeof scorecardQuerySchema>) {
    const now = clock.now();
    const [calendar, departments, list] = await Promise.all([loadCalendar(db), scorecardDepartments(db, query.areaId), allSources()]);
    const period = periodOf(query.period, now, calendar);
    const range = capped(period, now);
    const { columns, rows } = range.from < range.to ? await composeScorecards(db, list, departments, range) : { columns: [], rows: departments.map((department) => ({ department, values: {} as Record<string, { value: number | null; basis: number }> })) };
    return { period: presentPeriod(period), columns, departments: rows };
  }

  app.get('/api/v1/scorecards', {
    schema: {
      tags,
      summary: "Department scorecards: each department's figures from every module (answers on time, commitments on time, spend versus plan, resident ratings, ...) for this year, last year or the last 12 months; with an area, the departments serving it",
      querystring: scorecardQuerySchema,
      response: { 200: scorecardResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => scorecard(req.query));

  app.get('/api/v1/scorecards/trend', {
    schema: {
      tags,
      summary: "One figure's trend by calendar quarter for every department (with an area, those serving it)",
      querystring: trendQuerySchema,
      response: { 200: trendResponseSchema, ...errorResponses(400) },
    },
  }, async (req) => {
    const now = clock.now();
    const [calendar, departments, list] = await Promise.all([loadCalendar(db), scorecardDepartments(db, req.query.areaId), allSources()]);
    const quarters = lastQuarters(now, calendar, req.query.quarters);
    const results = await Promise.all(quarters.map((q) => composeScorecards(db, list, departments, capped(q, now))));
    const metric = results.flatMap((r) => r.columns).find((c) => c.key === req.query.metric) ?? null;
    return {
      metric,
      quarters: quarters.map(presentPeriod),
      series: departments.map((d) => ({
        department: { id: d.id, slug: d.slug, name: d.name, nameZh: d.nameZh },
        values: results.map((r) => r.rows.find((row) => row.department.id === d.id)?.values[req.query.metric] ?? { value: null, basis: 0 }),
      })),
    };
  });

  app.get('/api/v1/scorecards.csv', {
    schema: {
      tags,
      summary: 'The scorecards as CSV: one row per department, a value and a basis column per figure (shares as fractions 0-1)',
      querystring: scorecardQuerySchema,
      response: { 200: z.string().describe('text/csv'), ...errorResponses(400) },
    },
  }, async (req, reply) => {
    const data = await scorecard(req.query);
    const header = ['department_id', 'department', 'department_zh', 'period', 'from', 'to', ...data.columns.flatMap((c) => [c.key, `${c.key}.basis`])];
    const lines = [header.map(csvCell).join(',')];
    for (const row of data.departments) {
      const values = data.columns.flatMap((c) => {
        const v = row.values[c.key];
        return [v?.value ?? '', v?.basis ?? 0];
      });
      lines.push([row.department.id, row.department.name, row.department.nameZh ?? '', data.period.key, data.period.fromDate, data.period.toDate, ...values].map(csvCell).join(','));
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="scorecards-${data.period.key}.csv"`)
      .send(`${lines.join('\r\n')}\r\n`);
  });
}
