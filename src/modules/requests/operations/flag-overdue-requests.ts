import type { Deps } from '../../../core/deps.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor } from '../../../core/permissions/actor.js';
import { notifyFollowersAndOfficials, sweepDue, type DueSweep } from '../../../core/jobs/due-sweep.js';
import type { JobDefinition } from '../../../core/jobs/scheduler.js';
import { requestersOf, requestPath } from '../queries/load-request.js';

const sweeper = systemActor('requests.overdue');

type Stage = 'overdue' | 'very_overdue' | 'review_overdue';

/**
 * One stamp of lateness: `overdue` (awaiting the response past the deadline), `very_overdue` (past
 * the very-overdue date) or `review_overdue` (an internal review past its own deadline). Each is
 * stamped once, without anyone acting: a public audit row by the platform, and the requester,
 * followers and the officials of the department that must act (for a review: the supervising
 * department) are told.
 */
function lateness(stage: Stage): DueSweep {
  return {
    async findDue(db, now, limit) {
      let query = db.selectFrom('information_requests').select('id');
      if (stage === 'overdue') query = query.where('state', '=', 'awaiting_response').where('overdue_at', 'is', null).where('due_at', '<=', now);
      else if (stage === 'very_overdue') query = query.where('state', '=', 'awaiting_response').where('very_overdue_at', 'is', null).where('very_overdue_due_at', '<=', now);
      else query = query.where('state', '=', 'internal_review').where('review_overdue_at', 'is', null).where('review_due_at', '<=', now);
      return (await query.orderBy('created_at').limit(limit).execute()).map((r) => r.id);
    },
    async flag(trx, id, now) {
      const row = await trx
        .selectFrom('information_requests')
        .select(['id', 'title', 'state', 'author_id', 'organization_id', 'department_id', 'due_at', 'very_overdue_due_at', 'overdue_at', 'very_overdue_at', 'review_due_at', 'review_overdue_at', 'review_department_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return false;
      let dueAt: Date;
      let departmentId: string;
      if (stage === 'review_overdue') {
        if (row.state !== 'internal_review' || row.review_overdue_at || !row.review_due_at || row.review_due_at > now) return false;
        await trx.updateTable('information_requests').set({ review_overdue_at: now }).where('id', '=', row.id).execute();
        dueAt = row.review_due_at;
        departmentId = row.review_department_id!;
      } else {
        const at = stage === 'overdue' ? row.due_at : row.very_overdue_due_at;
        const stamped = stage === 'overdue' ? row.overdue_at : row.very_overdue_at;
        // Answered, paused or stamped in the meantime: nothing to do.
        if (row.state !== 'awaiting_response' || stamped || !at || at > now) return false;
        await trx.updateTable('information_requests').set(stage === 'overdue' ? { overdue_at: now } : { very_overdue_at: now }).where('id', '=', row.id).execute();
        dueAt = at;
        departmentId = row.department_id;
      }
      await notifyFollowersAndOfficials(
        trx,
        departmentId,
        { kind: stage === 'very_overdue' ? 'request.very_overdue' : 'request.overdue', resourceType: 'information_request', resourceId: row.id, title: row.title, path: requestPath(row.id), data: { dueAt: dueAt.toISOString() } },
        now,
        await requestersOf(trx, row),
      );
      await writeAudit(
        trx,
        sweeper,
        { action: `request.${stage}`, resourceType: 'information_request', resourceId: row.id, data: { title: row.title, dueAt: dueAt.toISOString(), departmentId }, public: true },
        now,
      );
      return true;
    },
  };
}

const stages = (['overdue', 'very_overdue', 'review_overdue'] as const).map(lateness);

/** Stamps every late request and internal review at the clock's time, each once; returns how many stamps it made. */
export async function flagOverdueRequests(deps: Deps): Promise<number> {
  let flagged = 0;
  for (const stage of stages) flagged += await sweepDue(deps, stage);
  return flagged;
}

export const overdueRequestsJob: JobDefinition = {
  name: 'requests.overdue',
  everyMs: 10 * 60_000,
  async run(deps) {
    await flagOverdueRequests(deps);
  },
};
