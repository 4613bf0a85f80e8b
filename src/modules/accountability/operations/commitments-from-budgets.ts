import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { ok } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { addCalendarDays, localDate } from '../../../core/calendar/working-days.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { searchVector } from '../../../core/search/text-search.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { commitmentPath } from '../queries/load-commitment.js';

const importer = systemActor('accountability.budget-results');

/**
 * Winning budget projects become commitments by themselves once the results are published. The
 * budgeting module publishes results by counting a budget (its `budget.counted` audit event, with
 * every winner marked `selected`); this subscribes to that outcome without budgeting knowing about
 * accountability: it finds selected projects of counted budgets that are not commitments yet and
 * registers each one, adopted (the residents decided), for the process's department, with the
 * project's cost as the planned budget and a year to deliver. The unique index on the origin makes
 * it idempotent and safe to run in several processes. The department completes the details later.
 * Returns how many commitments were created.
 */
export async function commitmentsFromBudgetResults(deps: Deps, options: { budgetId?: string } = {}): Promise<number> {
  const { db, clock } = deps;
  const now = clock.now();
  let query = db
    .selectFrom('budget_projects as bp')
    .innerJoin('budgets as b', 'b.id', 'bp.budget_id')
    .innerJoin('processes as p', 'p.id', 'b.process_id')
    .select([
      'bp.id', 'bp.title', 'bp.title_zh', 'bp.description', 'bp.cost', 'bp.area_id', 'bp.implementation_status', 'b.id as budget_id', 'b.area_id as budget_area_id', 'b.currency',
      'b.counted_at', 'b.title as budget_title', 'p.department_id', 'p.area_id as process_area_id', 'p.legal_basis', 'p.legal_basis_zh', 'p.status as process_status',
    ])
    .where('bp.state', '=', 'selected')
    .where('b.status', '=', 'counted')
    .where('b.imported_from', 'is', null)
    .where('p.status', '=', 'published')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('commitments as c').select('c.id').where('c.origin_type', '=', 'budget_project').whereRef('c.origin_id', '=', 'bp.id'))))
    .orderBy('b.counted_at')
    .orderBy('bp.code')
    .limit(200);
  if (options.budgetId) query = query.where('b.id', '=', options.budgetId);
  const projects = await query.execute();
  if (projects.length === 0) return 0;
  const calendar = await loadCalendar(db);
  let created = 0;
  for (const p of projects) {
    await transact(db, async (trx) => {
      const start = localDate(p.counted_at ?? now, calendar);
      const status = p.implementation_status === 'done' ? 'completed' : p.implementation_status === 'in_progress' ? 'in_progress' : 'adopted';
      const title = p.title;
      const inserted = await trx
        .insertInto('commitments')
        .values({
          kind: 'commitment',
          title,
          title_zh: p.title_zh,
          description: p.description,
          description_zh: null,
          legal_basis: p.legal_basis,
          legal_basis_zh: p.legal_basis_zh,
          department_id: p.department_id,
          post_id: null,
          area_id: p.area_id ?? p.budget_area_id ?? p.process_area_id,
          planned_budget: Number(p.cost),
          spent: 0,
          currency: p.currency,
          planned_start: start,
          planned_end: addCalendarDays(start, 365),
          benefit_indicator: 'Share of the project delivered as voted',
          benefit_indicator_zh: '按投票方案交付的比例',
          benefit_unit: '%',
          benefit_baseline: 0,
          benefit_target: 100,
          status,
          progress: status === 'completed' ? 100 : 0,
          origin_type: 'budget_project',
          origin_id: p.id,
          decided_at: p.counted_at ?? now,
          decision: `Chosen by residents in "${p.budget_title}".`,
          started_at: status === 'adopted' ? null : now,
          completed_at: status === 'completed' ? now : null,
          created_at: now,
          updated_at: now,
          tsv: searchVector(`${title} ${p.title_zh ?? ''}`, p.description) as never,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return ok(null);
      created++;
      // Whoever followed the project (its proposer, voters who chose to) now hears about the commitment.
      const followers = await trx.selectFrom('follows').select('user_id').where('resource_type', '=', 'budget_project').where('resource_id', '=', p.id).execute();
      for (const f of followers) await trx.insertInto('follows').values({ user_id: f.user_id, resource_type: 'commitment', resource_id: inserted.id, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
      await notifyFollowers(trx, { kind: 'commitment.from_budget', resourceType: 'commitment', resourceId: inserted.id, title, path: commitmentPath(inserted.id), data: { titleZh: p.title_zh } }, now);
      await writeAudit(
        trx,
        importer,
        {
          action: 'commitment.created',
          resourceType: 'commitment',
          resourceId: inserted.id,
          data: { kind: 'commitment', title, departmentId: p.department_id, status, plannedBudget: Number(p.cost), origin: { type: 'budget_project', id: p.id }, budgetId: p.budget_id },
          public: true,
        },
        now,
      );
      return ok(null);
    });
  }
  return created;
}

export const commitmentsFromBudgetsJob: JobDefinition = {
  name: 'accountability.budget-results',
  everyMs: 60_000,
  async run(deps) {
    await commitmentsFromBudgetResults(deps);
  },
};
