import { sql } from 'kysely';
import type { Deps } from '../../../core/deps.js';
import type { Executor, Tx } from '../../../core/db/database.js';
import { transact } from '../../../core/db/transact.js';
import { fail, ok, type Result } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { UserActor } from '../../../core/permissions/actor.js';
import { areaSubtreeIds } from '../../../core/areas/routes.js';
import { loadProcess } from '../../processes/index.js';
import { ballotProblems, type BallotChoice } from '../ballot.js';
import { voteRefusal, votingStage } from '../rules.js';
import { ballotProjects, ballotRulesOf, type BudgetRow } from '../queries/load-budget.js';
import { newReceiptCode, receiptHash, voterKeys } from '../secrecy.js';
import type { ParticipationChannel, StoredSelection } from '../tables.js';
import { officialPostIn } from './budget-input.js';

export interface BallotInput {
  budgetId: string;
  selections: BallotChoice[];
}

/** What the voter takes away: the receipt code, shown once (only its hash is kept). */
export interface BallotReceipt {
  receipt: string;
  /** True when this replaced the voter's earlier ballot (whose receipt no longer counts). */
  replaced: boolean;
}

type BallotFailure = 'not_found' | 'budget_imported' | 'voting_closed' | 'voting_not_open' | 'ballot_invalid';

interface PreparedBallot {
  budget: BudgetRow;
  voterAreaIds: string[] | null;
  selections: StoredSelection[];
}

/**
 * Loads the budget, checks that voting is open now and that the ballot follows the budget's rules
 * (the same pure check as the ballot page). Projects and settings cannot change while voting is
 * open, so this runs before the transaction.
 */
async function prepareBallot(db: Executor, input: BallotInput, now: Date): Promise<Result<PreparedBallot, BallotFailure>> {
  const budget = await db.selectFrom('budgets').selectAll().where('id', '=', input.budgetId).executeTakeFirst();
  if (!budget) return fail('not_found');
  const context = await loadProcess(db, { id: budget.process_id }, now);
  if (!context) return fail('not_found');
  const refusal = voteRefusal({ status: budget.status, imported: budget.imported_from !== null }, votingStage(context, now));
  if (refusal) return fail(refusal);
  const projects = await ballotProjects(db, budget.id);
  const problems = ballotProblems(ballotRulesOf(budget), projects, input.selections);
  if (problems.length > 0) return fail('ballot_invalid', { fields: problems });
  const cumulative = budget.ballot_type === 'cumulative';
  // Stored in a fixed order (by project id), whatever order the voter chose in.
  const selections = input.selections
    .map((s) => (cumulative ? { p: s.projectId, n: s.points! } : { p: s.projectId }))
    .sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return ok({ budget, voterAreaIds: budget.area_id ? await areaSubtreeIds(db, budget.area_id) : null, selections });
}

/**
 * Records one voter's ballot in the caller's transaction: the participation row (who voted, the
 * channel, the date only) and the ballot under the voter's key with a new receipt, replacing the
 * voter's earlier ballot if there was one. The budget row is share-locked, so a ballot never slips
 * in after counting has started.
 */
async function recordBallot(
  trx: Tx,
  input: {
    budgetId: string;
    userId: string;
    channel: ParticipationChannel;
    enteredBy: string | null;
    selections: StoredSelection[];
    voterKey: string;
    now: Date;
    /** Refuse (instead of replacing) when the voter already has a ballot. */
    firstOnly: boolean;
  },
): Promise<Result<BallotReceipt, 'voting_closed' | 'voter_already_voted'>> {
  const budget = await trx.selectFrom('budgets').select('status').where('id', '=', input.budgetId).forKeyShare().executeTakeFirstOrThrow();
  if (budget.status !== 'open') return fail('voting_closed');
  const day = input.now.toISOString().slice(0, 10);
  const participation = await trx
    .insertInto('budget_participation')
    .values({ budget_id: input.budgetId, user_id: input.userId, channel: input.channel, entered_by: input.enteredBy, voted_on: day })
    .onConflict((oc) =>
      input.firstOnly
        ? oc.columns(['budget_id', 'user_id']).doNothing()
        : oc.columns(['budget_id', 'user_id']).doUpdateSet({ channel: input.channel, entered_by: input.enteredBy, voted_on: day }),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (!participation) return fail('voter_already_voted', { fields: [{ path: 'email', code: 'voter_already_voted' }] });
  const receipt = newReceiptCode();
  const saved = await trx
    .insertInto('budget_ballots')
    .values({ budget_id: input.budgetId, voter_key: input.voterKey, receipt_hash: receiptHash(receipt), selections: JSON.stringify(input.selections) })
    .onConflict((oc) =>
      oc.columns(['budget_id', 'voter_key']).doUpdateSet((eb) => ({ receipt_hash: eb.ref('excluded.receipt_hash'), selections: eb.ref('excluded.selections') })),
    )
    .returning(sql<boolean>`(xmax <> 0)`.as('replaced'))
    .executeTakeFirstOrThrow();
  return ok({ receipt, replaced: saved.replaced });
}

/**
 * A verified resident of the budget's area casts (or replaces) their ballot while voting is open.
 * One transaction: participation, ballot, and an audit row that names the voter and the budget but
 * holds neither the choices nor the receipt. A clerk assisting a resident at the counter records
 * it as a paper ballot entered by the clerk. Who may vote (verified) is the route's check too.
 */
export async function castBallot(
  { db, clock }: Deps,
  actor: UserActor,
  input: BallotInput,
): Promise<Result<BallotReceipt, BallotFailure | 'requires_verification' | 'voter_outside_area' | 'voter_already_voted'>> {
  const now = clock.now();
  if (!actor.verified) return fail('requires_verification');
  const prepared = await prepareBallot(db, input, now);
  if (!prepared.ok) return prepared;
  const { budget, voterAreaIds, selections } = prepared.value;
  if (voterAreaIds !== null && (actor.areaId === null || !voterAreaIds.includes(actor.areaId))) return fail('voter_outside_area');
  const keys = await voterKeys(db, budget.id);
  const channel: ParticipationChannel = actor.assistedBy ? 'paper' : 'online';
  return transact(db, async (trx) => {
    const recorded = await recordBallot(trx, {
      budgetId: budget.id,
      userId: actor.id,
      channel,
      enteredBy: actor.assistedBy?.id ?? null,
      selections,
      voterKey: keys.forUser(actor.id),
      now,
      firstOnly: false,
    });
    if (!recorded.ok) return recorded;
    await writeAudit(trx, actor, { action: 'budget.voted', resourceType: 'budget', resourceId: budget.id, data: { channel }, public: false }, now);
    return recorded;
  });
}

/**
 * An official (or a clerk with a post) enters the paper ballot of a resident who voted at a polling
 * station, identified by the e-mail of their account. The resident must be a verified resident of
 * the area and must not have voted yet (they change their own ballot themselves). The audit row
 * names the official and the voter, never the choices or the receipt.
 */
export async function enterPaperBallot(
  { db, clock }: Deps,
  official: UserActor,
  input: BallotInput & { email: string },
): Promise<Result<BallotReceipt, BallotFailure | 'voter_not_verified' | 'voter_already_voted' | 'cannot_act_for_self'>> {
  const now = clock.now();
  const voter = await db
    .selectFrom('users')
    .select(['id', 'verified_at', 'area_id', 'blocked_at'])
    .where(sql<string>`lower(email)`, '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!voter) return fail('not_found', { fields: [{ path: 'email', code: 'user_not_found' }] });
  if (voter.id === official.id) return fail('cannot_act_for_self');
  const prepared = await prepareBallot(db, input, now);
  if (!prepared.ok) return prepared;
  const { budget, voterAreaIds, selections } = prepared.value;
  const eligible = voter.verified_at !== null && voter.blocked_at === null && (voterAreaIds === null || (voter.area_id !== null && voterAreaIds.includes(voter.area_id)));
  if (!eligible) return fail('voter_not_verified', { fields: [{ path: 'email', code: 'voter_not_verified' }] });
  const keys = await voterKeys(db, budget.id);
  const department = await db.selectFrom('processes').select('department_id').where('id', '=', budget.process_id).executeTakeFirstOrThrow();
  return transact(db, async (trx) => {
    const recorded = await recordBallot(trx, {
      budgetId: budget.id,
      userId: voter.id,
      channel: 'paper',
      enteredBy: official.id,
      selections,
      voterKey: keys.forUser(voter.id),
      now,
      firstOnly: true,
    });
    if (!recorded.ok) return recorded;
    await writeAudit(
      trx,
      official,
      {
        action: 'budget.paper_ballot_entered',
        resourceType: 'budget',
        resourceId: budget.id,
        postId: officialPostIn(official, department.department_id),
        data: { voterId: voter.id, channel: 'paper' },
        public: false,
      },
      now,
    );
    return recorded;
  });
}
