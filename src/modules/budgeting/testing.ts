/**
 * Test fixtures of the budgeting module (used by its tests and the authorization matrix): a process
 * whose budgeting phases run on a fixed schedule around the test clock, a budget with reviewed
 * projects, and ballots cast at the right time.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { createUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { systemActor, type Actor, type UserActor } from '../../core/permissions/actor.js';
import { createProcess, publishProcess } from '../processes/index.js';
import { answerProposal, createProposal } from '../proposals/index.js';
// Proposals to promote, made as the proposals module makes them.
import { createBudget } from './operations/create-budget.js';
import type { BudgetSettingsInput } from './operations/budget-input.js';
import { reviewProject } from './operations/review-project.js';
import { submitProject } from './operations/submit-project.js';
import { castBallot } from './operations/cast-ballot.js';
import { countBudget } from './operations/count-budget.js';

export const DAY = 86_400_000;

/** Where the schedule stands when the fixture is made. */
export type ScheduleStage = 'submission' | 'review' | 'voting' | 'closed';

/**
 * The schedule, in days from the start: submission [0, 10), review [10, 20), voting [20, 30),
 * results [30, 40). `stage` picks which phase runs now (the test clock).
 */
const START: Record<ScheduleStage, number> = { submission: -1, review: -11, voting: -21, closed: -31 };

export interface BudgetProcess {
  id: string;
  slug: string;
  /** The start of the schedule: day 0. */
  start: Date;
  /** Clock times inside each phase (the middle of it). */
  during: Record<ScheduleStage, Date>;
}

/** A published process of the department with the budgeting component, running the schedule above. */
export async function budgetProcess(
  p: TestPlatform,
  options: { departmentId: string; areaId?: string | null; stage?: ScheduleStage; actor?: Actor; title?: string },
): Promise<BudgetProcess> {
  const start = new Date(p.clock.now().getTime() + START[options.stage ?? 'submission'] * DAY);
  const day = (n: number) => new Date(start.getTime() + n * DAY);
  const actor = options.actor ?? systemActor('budgeting-test');
  const created = orFail(
    await createProcess(p.deps, actor, {
      title: options.title ?? `Neighbourhood budget ${randomBytes(3).toString('hex')}`,
      summary: 'Residents decide how to spend the neighbourhood budget.',
      departmentId: options.departmentId,
      areaId: options.areaId ?? null,
      legalBasis: 'Participatory Budgeting Regulation art. 4',
      components: ['budgeting'],
      supportThreshold: 5,
      answerWorkingDays: 10,
      phases: [
        { title: 'Project submission', startsAt: day(0), endsAt: day(10), actions: { budgeting: ['propose', 'comment'] } },
        { title: 'Technical review', startsAt: day(10), endsAt: day(20), actions: { budgeting: ['review', 'comment'] } },
        { title: 'Voting', startsAt: day(20), endsAt: day(30), actions: { budgeting: ['vote', 'comment'] } },
        { title: 'Results', startsAt: day(30), endsAt: day(40), actions: {} },
      ],
    }),
  );
  orFail(await publishProcess(p.deps, actor, { id: created.id }));
  return { ...created, start, during: { submission: day(5), review: day(15), voting: day(25), closed: day(35) } };
}

/** The platform's deps with the clock stopped at `at`: to act inside a phase that is not now. */
export function depsAt(p: TestPlatform, at: Date): Deps {
  return { db: p.deps.db, clock: { now: () => new Date(at) } };
}

export function budgetSettings(extra: Partial<BudgetSettingsInput> = {}): BudgetSettingsInput {
  return { title: 'Neighbourhood budget 2026', amount: 100_000, currency: 'CNY', ballotType: 'approval', ...extra };
}

export interface SeededBudget {
  process: BudgetProcess;
  budgetId: string;
  /** The projects on the ballot (found feasible), in code order, with their costs. */
  projects: { id: string; cost: number }[];
  /** A project the review found not feasible. */
  infeasibleId: string;
}

/**
 * A budget with projects submitted by `proposer` during submission and reviewed by `official`
 * during review (all feasible but one), in a process now at `stage`.
 */
export async function seededBudget(
  p: TestPlatform,
  options: {
    departmentId: string;
    official: UserActor;
    proposer: UserActor;
    areaId?: string | null;
    stage: ScheduleStage;
    settings?: Partial<BudgetSettingsInput>;
    costs?: number[];
  },
): Promise<SeededBudget> {
  const process = await budgetProcess(p, { departmentId: options.departmentId, areaId: options.areaId ?? null, stage: options.stage });
  const { id: budgetId } = orFail(await createBudget(depsAt(p, process.during.submission), options.official, { ...budgetSettings(options.settings), processId: process.id }));
  const costs = options.costs ?? [30_000, 40_000, 50_000, 20_000];
  const projects: { id: string; cost: number }[] = [];
  for (const [i, cost] of [...costs, 99_000].entries()) {
    const { id } = orFail(
      await submitProject(depsAt(p, process.during.submission), options.proposer, {
        budgetId,
        title: `Project number ${i + 1}`,
        description: `A description of project number ${i + 1}, long enough.`,
        cost,
        category: i % 2 === 0 ? 'Parks' : 'Streets',
      }),
    );
    const infeasible = i === costs.length;
    orFail(
      await reviewProject(depsAt(p, process.during.review), options.official, {
        id,
        decision: infeasible ? 'infeasible' : 'feasible',
        reason: infeasible ? 'Not on public land.' : 'Feasible as proposed.',
      }),
    );
    if (!infeasible) projects.push({ id, cost });
  }
  const infeasibleId = (await p.deps.db.selectFrom('budget_projects').select('id').where('budget_id', '=', budgetId).where('state', '=', 'infeasible').executeTakeFirstOrThrow()).id;
  return { process, budgetId, projects, infeasibleId };
}

/** Casts a ballot during the voting phase, as the voter; returns the receipt. */
export async function voteAt(p: TestPlatform, budget: SeededBudget, voter: UserActor, selections: { projectId: string; points?: number }[]): Promise<string> {
  const result = await castBallot(depsAt(p, budget.process.during.voting), voter, { budgetId: budget.budgetId, selections });
  assert.ok(result.ok, JSON.stringify(result));
  return result.value.receipt;
}

/** Counts the budget after voting closed (the process must be at `closed` now, or `at` given). */
export async function countNow(p: TestPlatform, budget: SeededBudget, at?: Date) {
  return orFail(await countBudget(at ? depsAt(p, at) : p.deps, systemActor('budgeting-test'), { id: budget.budgetId }));
}

/** A small approval election in Pabulib form, for imports. */
export const SMALL_PB = `META
key;value
description;Matrix replay
country;Testland
unit;Test City
instance;2025
num_projects;2
num_votes;2
budget;100
vote_type;approval
PROJECTS
project_id;cost;name
1;60;Bike racks
2;50;Benches
VOTES
voter_id;vote
1;1
2;1,2
`;

/**
 * The budgets the authorization matrix calls its routes on, made on first use: one taking projects
 * now, one taking ballots now, one counted; fresh ones where a call can succeed only once.
 */
export function budgetingMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: { id: string }; resident: { id: string }; hoodSlug: string }) {
  const actors = async () => {
    return { official: (await loadUserActor(p.deps.db, options.official.id))!, resident: (await loadUserActor(p.deps.db, options.resident.id))! };
  };
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
  const budgetAt = async (stage: ScheduleStage) => {
    const { official, resident } = await actors();
    return seededBudget(p, { departmentId: options.departmentId, official, proposer: resident, stage, settings: { maxProjects: 2 } });
  };
  const counted = async () => {
    const { resident } = await actors();
    const budget = await budgetAt('voting');
    await voteAt(p, budget, resident, [{ projectId: budget.projects[0]!.id }]);
    await countNow(p, budget, budget.process.during.closed);
    return { budgetId: budget.budgetId, selectedProjectId: budget.projects[0]!.id, processSlug: budget.process.slug };
  };
  return {
    /** A process taking projects now. */
    process: () => once('open', () => budgetAt('submission')).then((b) => ({ slug: b.process.slug })),
    /** A budget taking projects now, with reviewed projects. */
    openBudget: () => once('open', () => budgetAt('submission')),
    /** A new project by the resident in the open budget. */
    newProject: async () => {
      const budget = await once('open', () => budgetAt('submission'));
      const { resident } = await actors();
      const { id } = orFail(await submitProject(p.deps, resident, { budgetId: budget.budgetId, title: 'Matrix project title', description: 'A project written by the authorization matrix.', cost: 1000 }));
      return { budgetId: budget.budgetId, projectId: id };
    },
    votingBudget: () => once('voting', () => budgetAt('voting')),
    countedBudget: () => once('counted', counted),
    /** A new budget whose voting closed and that is not counted yet. */
    closedBudget: () => budgetAt('closed'),
    /** A new accepted proposal in a process that holds proposals and a budget. */
    promotable: async () => {
      const { official, resident } = await actors();
      const process = await once('promotions', async () => {
        const now = p.clock.now().getTime();
        const created = orFail(
          await createProcess(p.deps, systemActor('matrix'), {
            title: `Matrix ideas and budget ${randomBytes(3).toString('hex')}`, summary: 'Fixture', departmentId: options.departmentId, legalBasis: 'Ordinance',
            components: ['proposals', 'budgeting'], supportThreshold: 5, answerWorkingDays: 10,
            phases: [{ title: 'Open', startsAt: new Date(now - DAY), endsAt: new Date(now + 30 * DAY), actions: { proposals: ['propose'], budgeting: ['propose'] } }],
          }),
        );
        orFail(await publishProcess(p.deps, systemActor('matrix'), { id: created.id }));
        const budget = orFail(await createBudget(p.deps, official, { ...budgetSettings(), processId: created.id }));
        return { processId: created.id, budgetId: budget.id };
      });
      const proposal = orFail(await createProposal(p.deps, resident, { processId: process.processId, title: 'A proposal to promote', body: 'A proposal the department accepts for the budget.', publish: true }));
      orFail(await answerProposal(p.deps, official, { id: proposal.id, state: 'accepted', answer: 'Accepted.' }));
      return { budgetId: process.budgetId, proposalId: proposal.id };
    },
    /** A new verified resident of the area, to enter a paper ballot for. */
    paperVoter: () => createUser(p, { verifiedIn: { areaSlug: options.hoodSlug } }),
  };
}
