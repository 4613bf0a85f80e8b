import type { Deps } from '../../../core/deps.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { notifyFollowers } from '../../../core/notifications/notify.js';
import { milestoneRefusal } from '../rules.js';
import { commitmentPath, loadCommitment } from '../queries/load-commitment.js';
import type { MilestoneStatus } from '../tables.js';
import { officialPostIn } from './commitment-input.js';

export interface MilestoneInput {
  title: string;
  titleZh?: string | null;
  dueOn: string;
}

/** The department plans a milestone (title, due date) of a commitment, in public. */
export async function addMilestone(
  { db, clock }: Deps,
  actor: UserActor,
  input: MilestoneInput & { commitmentId: string },
): Promise<Result<{ id: string }, 'not_found' | 'commitment_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.commitmentId, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = milestoneRefusal(row.status);
    if (refusal) return fail(refusal);
    const last = await trx.selectFrom('commitment_milestones').select((eb) => eb.fn.max('position').as('p')).where('commitment_id', '=', row.id).executeTakeFirst();
    const created = await trx
      .insertInto('commitment_milestones')
      .values({ commitment_id: row.id, title: input.title.trim(), title_zh: input.titleZh?.trim() || null, due_on: input.dueOn, status: 'planned', completed_at: null, position: Number(last?.p ?? -1) + 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('commitments').set({ updated_at: now }).where('id', '=', row.id).execute();
    await writeAudit(
      trx,
      actor,
      { action: 'commitment.milestone_added', resourceType: 'commitment', resourceId: row.id, postId: officialPostIn(actor, row.department_id, row.post_id), data: { milestoneId: created.id, title: input.title.trim(), dueOn: input.dueOn }, public: true },
      now,
    );
    return ok({ id: created.id });
  });
}

/**
 * The department changes a milestone: its status (planned, in progress, completed with the time it
 * was completed, cancelled), or its title and due date (a moved date shows on the timeline with the
 * old one). Followers are told.
 */
export async function updateMilestone(
  { db, clock }: Deps,
  actor: UserActor,
  input: { commitmentId: string; milestoneId: string; status: MilestoneStatus; title?: string; titleZh?: string | null; dueOn?: string },
): Promise<Result<null, 'not_found' | 'commitment_closed'>> {
  const now = clock.now();
  return transact(db, async (trx) => {
    const record = await loadCommitment(trx, input.commitmentId, { forUpdate: true });
    if (!record) return fail('not_found');
    const { row } = record;
    const refusal = milestoneRefusal(row.status);
    if (refusal) return fail(refusal);
    const milestone = await trx.selectFrom('commitment_milestones').selectAll().where('id', '=', input.milestoneId).where('commitment_id', '=', row.id).forUpdate().executeTakeFirst();
    if (!milestone) return fail('not_found');
    const title = input.title?.trim() || milestone.title;
    const dueOn = input.dueOn ?? milestone.due_on;
    const completedAt = input.status === 'completed' ? (milestone.completed_at ?? now) : null;
    await trx
      .updateTable('commitment_milestones')
      .set({ status: input.status, title, title_zh: input.titleZh === undefined ? milestone.title_zh : input.titleZh?.trim() || null, due_on: dueOn, completed_at: completedAt, updated_at: now })
      .where('id', '=', milestone.id)
      .execute();
    await trx.updateTable('commitments').set({ updated_at: now }).where('id', '=', row.id).execute();
    const late = input.status === 'completed' && completedAt !== null && completedAt.toISOString().slice(0, 10) > dueOn;
    await notifyFollowers(trx, { kind: 'commitment.milestone', resourceType: 'commitment', resourceId: row.id, title: row.title, path: commitmentPath(row.id), data: { milestone: title, status: input.status, titleZh: row.title_zh } }, now, actor.id);
    await writeAudit(
      trx,
      actor,
      {
        action: 'commitment.milestone_updated',
        resourceType: 'commitment',
        resourceId: row.id,
        postId: officialPostIn(actor, row.department_id, row.post_id),
        data: { milestoneId: milestone.id, title, from: milestone.status, status: input.status, dueOn, previousDueOn: dueOn !== milestone.due_on ? milestone.due_on : null, late },
        public: true,
      },
      now,
    );
    return ok(null);
  });
}
