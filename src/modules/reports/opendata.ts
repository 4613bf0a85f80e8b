import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';

/** Coordinates rounded to three decimals (about 100 m): where a problem is, not whose door it is. */
const coarse = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * Reports of local problems, except those hidden by moderation: category, department, state,
 * dates and a coarse location. Never the reporter, their contact details or their own words.
 */
export const reportsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'problem_categories',
      description: {
        en: 'One category of local problem residents can report, with the department it goes to and its deadline in working days.',
        zh: '居民可以反映的一类身边问题，含负责部门和按工作日计算的处理期限。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        code: ['string', 'Service code (as in Open311).'],
        name: ['string', 'Name in English.'],
        name_zh: ['string', 'Name in Chinese.'],
        group_name: ['string', 'Group in English.'],
        group_name_zh: ['string', 'Group in Chinese.'],
        department_id: ['string', 'The department it goes to by default (see organizations).'],
        department: ['string', 'That department\'s name.'],
        working_days: ['integer', 'Working days to fix a report.'],
        active: ['boolean', 'Whether new reports can be filed in it.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('problem_categories as c')
          .innerJoin('organizations as d', 'd.id', 'c.department_id')
          .select(['c.id', 'c.code', 'c.name', 'c.name_zh', 'c.group_name', 'c.group_name_zh', 'c.department_id', 'd.name as department', 'c.working_days', 'c.active'])
          .orderBy('c.position')
          .orderBy('c.code')
          .execute();
        return rows.map((r) => ({ ...r }));
      },
    },
    {
      name: 'problem_reports',
      description: {
        en: 'One reported local problem: category, responsible department, state and dates, and a location rounded to about 100 m; no reporter and no text.',
        zh: '一条身边问题反映：类别、负责部门、状态和日期，位置精确到约 100 米；不含反映人和反映内容。',
      },
      fields: fieldsOf({
        id: ['string', 'Identifier.'],
        category_code: ['string', 'The category (see problem_categories).'],
        department_id: ['string', 'The department responsible now (see organizations).'],
        department: ['string', 'That department\'s name.'],
        area_id: ['string', 'The area (see areas).'],
        latitude: ['number', 'Latitude, rounded to 3 decimals.'],
        longitude: ['number', 'Longitude, rounded to 3 decimals.'],
        source: ['string', 'web, or open311 (sent by another application).'],
        state: ['string', 'submitted, acknowledged, in_progress, fixed, confirmed or reopened.'],
        created_at: ['datetime', 'When it was reported.'],
        due_at: ['datetime', 'The end of the last working day to fix it.'],
        overdue: ['boolean', 'Whether the deadline passed before it was fixed.'],
        acknowledged_at: ['datetime', 'When the department acknowledged it.'],
        fixed_at: ['datetime', 'When the department marked it fixed.'],
        fixed_late: ['boolean', 'Whether it was fixed after the deadline.'],
        confirmed_at: ['datetime', 'When the reporter confirmed the fix.'],
        reopen_count: ['integer', 'How many times it was reopened.'],
        transfer_count: ['integer', 'How many times it was transferred to another department.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('problem_reports as r')
          .innerJoin('problem_categories as c', 'c.id', 'r.category_id')
          .innerJoin('organizations as d', 'd.id', 'r.department_id')
          .select([
            'r.id', 'c.code as category_code', 'r.department_id', 'd.name as department', 'r.area_id', 'r.latitude', 'r.longitude', 'r.source', 'r.state',
            'r.created_at', 'r.due_at', 'r.overdue_at', 'r.acknowledged_at', 'r.fixed_at', 'r.fixed_late', 'r.confirmed_at', 'r.reopen_count', 'r.transfer_count',
          ])
          .where('r.hidden_at', 'is', null)
          .orderBy('r.created_at')
          .orderBy('r.id')
          .execute();
        return rows.map(({ overdue_at, ...r }) => ({
          ...r,
          latitude: coarse(r.latitude),
          longitude: coarse(r.longitude),
          created_at: iso(r.created_at),
          due_at: iso(r.due_at),
          overdue: overdue_at !== null,
          acknowledged_at: iso(r.acknowledged_at),
          fixed_at: iso(r.fixed_at),
          confirmed_at: iso(r.confirmed_at),
        }));
      },
    },
  ],
};
