import { sql } from 'kysely';
import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { systemActor, type UserActor } from '../../../core/permissions/actor.js';
import { follow, notify, notifyFollowers } from '../../../core/notifications/notify.js';
import { loadCalendar } from '../../../core/calendar/load-calendar.js';
import { deadlineFor } from '../../../core/calendar/working-days.js';
import { loadProcess, type ProcessContext } from '../../processes/index.js';
import { supportRefusal } from '../rules.js';
import { proposalPath } from '../queries/load-proposal.js';
import type { ProposalState } from '../tables.js';

export interface SupportOutcome {
  supported: boolean;
  supportsCount: number;
  state: ProposalState;
}

/** The process of a proposal, loaded before the transaction (phases only change by the clock or officials). */
export async function processOfProposal(deps: Deps, proposalId: string, now: Date): Promise<ProcessContext | null> {
  const row = await deps.db.selectFrom('proposals').select('process_id').where('id', '=', proposalId).executeTakeFirst();
  return row ? loadProcess(deps.db, { id: row.process_id }, now) : null;
}

/** Locks the proposal row: every support of one proposal runs one after another, so counts are exact. */
export async function lockForSupport(trx: Tx, id: string) {
  return trx.selectFrom('proposals').select(['id', 'state', 'title', 'supports_count', 'process_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * A verified resident supports a proposal while supporting is open. Idempotent: a second support by
 * the same person changes nothing (a unique key per proposal and person, and the count is updated
 * in the same transaction under the proposal's row lock). The support that reaches the process's
 * threshold qualifies the proposal in the same transaction: its answer is due after the process's
 * number of working days, the department's officials and the followers are told.
 * A clerk's assisted support is recorded with both names (`assistedBy`).
 */
export async function supportProposal(
  deps: Deps,
  actor: UserActor,
  input: { id: string },
): Promise<Result<SupportOutcome, 'not_found' | 'supporting_closed' | 'proposal_not_supportable' | 'support_limit_reached'>> {
  const now = deps.clock.now();
  const context = await processOfProposal(deps, input.id, now);
  if (!context) return fail('not_found');
  const process = context.process;
  return transact(deps.db, async (trx) => {
    const row = await lockForSupport(trx, input.id);
    if (!row) return fail('not_found');
    const refusal = supportRefusal(row.state, context.isOpen('proposals', 'support').open);
    if (refusal) return fail(refusal);
    if (process.supports_per_person !== null) {
      // One person's supports in one process are counted one at a time, so the limit holds under concurrency.
      await sql`select pg_advisory_xact_lock(hashtext(${process.id}), hashtext(${actor.id}))`.execute(trx);
      const already = await trx.selectFrom('proposal_supports').select('user_id').where('proposal_id', '=', row.id).where('user_id', '=', actor.id).executeTakeFirst();
      if (!already) {
        const used = await trx
          .selectFrom('proposal_supports as s')
          .innerJoin('proposals as p', 'p.id', 's.proposal_id')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('s.process_id', '=', process.id)
          .where('s.user_id', '=', actor.id)
          .where('p.state', '!=', 'withdrawn')
          .executeTakeFirstOrThrow();
        if (used.n >= process.supports_per_person) return fail('support_limit_reached', { params: { limit: process.supports_per_person } });
      }
    }
    const inserted = await trx
      .insertInto('proposal_supports')
      .values({ proposal_id: row.id, user_id: actor.id, process_id: process.id, assisted_by: actor.assistedBy?.id ?? null, created_at: now })
      .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return ok({ supported: true, supportsCount: row.supports_count, state: row.state });
    const counted = await trx
      .updateTable('proposals')
      .set((eb) => ({ supports_count: eb('supports_count', '+', 1) }))
      .where('id', '=', row.id)
      .returning('supports_count')
      .executeTakeFirstOrThrow();
    let state = row.state;
    let dueAt: Date | null = null;
    if (state === 'published' && counted.supports_count >= process.support_threshold) {
      state = 'qualified';
      dueAt = deadlineFor(now, process.answer_working_days, await loadCalendar(trx));
      await trx.updateTable('proposals').set({ state, qualified_at: now, answer_due_at: dueAt }).where('id', '=', row.id).execute();
      const path = proposalPath(process.slug, row.id);
      const officials = await trx.selectFrom('posts').select('holder_user_id').where('organization_id', '=', process.department_id).where('holder_user_id', 'is not', null).execute();
      await notify(
        trx,
        officials.map((o) => o.holder_user_id!),
        { kind: 'proposal.awaiting_answer', resourceType: 'proposal', resourceId: row.id, title: row.title, path, data: { dueAt: dueAt?.toISOString() ?? null } },
        now,
      );
      await notifyFollowers(
        trx,
        { kind: 'proposal.qualified', resourceType: 'proposal', resourceId: row.id, title: row.title, path, data: { dueAt: dueAt?.toISOString() ?? null } },
        now,
        actor.id,
      );
    }
    await follow(trx, actor.id, 'proposal', row.id, now);
    await writeAudit(trx, actor, { action: 'proposal.supported', resourceType: 'proposal', resourceId: row.id, data: { processId: process.id }, public: false }, now);
    if (dueAt) {
      // The proposal qualifies by the count, not by the person who gave the last support: a system act.
      await writeAudit(
        trx,
        systemActor('proposals'),
        {
          action: 'proposal.qualified',
          resourceType: 'proposal',
          resourceId: row.id,
          data: { supports: counted.supports_count, threshold: process.support_threshold, workingDays: process.answer_working_days, dueAt: dueAt.toISOString() },
          public: true,
        },
        now,
      );
    }
    return ok({ supported: true, supportsCount: counted.supports_count, state });
  });
}
