import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { canSupervision } from '../policy.js';
import { organizationsOf, refOf, type ComplaintRow } from './load-complaint.js';
import { reportRef } from '../operations/handle-report.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * The complaints a handler may handle, filtered in SQL by the conflict rule (the handling body is
 * one of theirs; the accused department is none of theirs, nor in a conflict with one of theirs;
 * they neither filed it nor hold the accused post), then checked against the policy once more.
 * Sorted by deadline, the overdue first.
 */
export async function handlerComplaints(db: Executor, actor: UserActor, bodyIds: string[], options: { open: boolean }): Promise<ComplaintRow[]> {
  if (bodyIds.length === 0) return [];
  const mine = organizationsOf(actor);
  const orgs = mine.length > 0 ? mine : [NONE];
  let query = db
    .selectFrom('supervision_complaints as c')
    .selectAll('c')
    .where('c.body_id', 'in', bodyIds)
    .where('c.complainant_id', '!=', actor.id)
    .where('c.department_id', 'not in', orgs)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('supervision_conflicts as k')
            .select(sql`1`.as('one'))
            .where((eb) => eb.or([eb.and([eb('k.department_a', '=', eb.ref('c.department_id')), eb('k.department_b', 'in', orgs)]), eb.and([eb('k.department_b', '=', eb.ref('c.department_id')), eb('k.department_a', 'in', orgs)])])),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('posts as p').select(sql`1`.as('one')).whereRef('p.id', '=', 'c.post_id').where('p.holder_user_id', '=', actor.id))));
  query = options.open ? query.where('c.state', 'not in', ['dismissed', 'concluded']) : query.where('c.state', 'in', ['dismissed', 'concluded']);
  const rows = await query.orderBy(sql`c.stage_due_at asc nulls last`).orderBy('c.number').limit(500).execute();
  const checked: ComplaintRow[] = [];
  for (const row of rows) if (canSupervision(actor, 'complaint.handle', await refOf(db, row)).allow) checked.push(row);
  return checked;
}

/** The anonymous reports a handler may handle (same rule), with whether their key can open each. */
export async function handlerReports(db: Executor, actor: UserActor, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  const mine = organizationsOf(actor);
  const orgs = mine.length > 0 ? mine : [NONE];
  const rows = await db
    .selectFrom('supervision_reports as r')
    .leftJoin('supervision_report_keys as k', (join) => join.onRef('k.report_id', '=', 'r.id').on('k.user_id', '=', actor.id))
    .select(['r.id', 'r.seq', 'r.state', 'r.received_on', 'r.updated_on', 'r.department_id', 'r.body_id', 'r.due_at', 'r.awaiting_reporter', 'r.concluded_on', 'k.user_id as key_holder'])
    .where('r.body_id', 'in', bodyIds)
    .where((eb) => eb.or([eb('r.department_id', 'is', null), eb('r.department_id', 'not in', orgs)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('supervision_conflicts as c')
            .select(sql`1`.as('one'))
            .where((eb) => eb.or([eb.and([eb('c.department_a', '=', eb.ref('r.department_id')), eb('c.department_b', 'in', orgs)]), eb.and([eb('c.department_b', '=', eb.ref('r.department_id')), eb('c.department_a', 'in', orgs)])])),
        ),
      ),
    )
    .orderBy(sql`case when r.state = 'concluded' then 1 else 0 end`)
    .orderBy('r.due_at')
    .orderBy('r.seq')
    .limit(500)
    .execute();
  const checked = [];
  for (const row of rows) if (canSupervision(actor, 'report.handle', await reportRef(db, row)).allow) checked.push(row);
  return checked;
}
