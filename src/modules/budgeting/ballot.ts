/**
 * The ballot rules, shared by the server (which refuses a bad ballot) and the ballot page (which
 * says what is wrong while the voter chooses): one pure function, so both always agree. No
 * imports, no I/O.
 */

export type BallotKind = 'approval' | 'knapsack' | 'cumulative';

/** What a budget says about its ballots. */
export interface BallotRules {
  ballotType: BallotKind;
  /** The budget, in its currency. */
  amount: number;
  /** Fewest and most projects a ballot may choose (null: no limit; the fewest defaults to 1). */
  minProjects: number | null;
  maxProjects: number | null;
  /** Knapsack: the share of the budget a ballot may spend (null: all of it). */
  maxShare: number | null;
  /** Cumulative: the points a voter spreads, and the most one project may get. */
  pointsTotal: number | null;
  pointsPerProjectMax: number | null;
}

/** A project on the ballot. */
export interface BallotProject {
  id: string;
  cost: number;
}

export interface BallotChoice {
  projectId: string;
  /** Cumulative ballots only: whole points, at least 1. */
  points?: number | null;
}

export type BallotProblemCode =
  | 'ballot_unknown_project'
  | 'ballot_duplicate_project'
  | 'ballot_points_required'
  | 'ballot_points_not_used'
  | 'ballot_points_over_project_max'
  | 'ballot_points_over_total'
  | 'ballot_too_few'
  | 'ballot_too_many'
  | 'ballot_over_budget';

/** One problem with a ballot; `path` is `selections` or `selections.<i>` / `selections.<i>.points`. */
export interface BallotProblem {
  path: string;
  code: BallotProblemCode;
  params?: Record<string, number>;
}

/** Money compared in cents, so 0.1 + 0.2 is 0.3. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** The fewest projects a ballot must choose. */
export function minimumOf(rules: Pick<BallotRules, 'minProjects'>): number {
  return rules.minProjects ?? 1;
}

/** What a knapsack ballot may spend: the budget, or the configured share of it (rounded down to the cent). */
export function spendingLimit(rules: Pick<BallotRules, 'amount' | 'maxShare'>): number {
  return Math.floor(cents(rules.amount) * (rules.maxShare ?? 1) + 1e-6) / 100;
}

export interface BallotTotals {
  count: number;
  /** The chosen projects' total cost. */
  cost: number;
  points: number;
  /** Knapsack: what is left to spend; cumulative: points left to give (null when the type has no such limit). */
  remainingMoney: number | null;
  remainingPoints: number | null;
}

/** Running totals of a ballot being filled in (unknown projects are left out). */
export function ballotTotals(rules: BallotRules, projects: BallotProject[], choices: BallotChoice[]): BallotTotals {
  const byId = new Map(projects.map((p) => [p.id, p]));
  let costCents = 0;
  let points = 0;
  let count = 0;
  const seen = new Set<string>();
  for (const choice of choices) {
    const project = byId.get(choice.projectId);
    if (!project || seen.has(project.id)) continue;
    seen.add(project.id);
    count++;
    costCents += cents(project.cost);
    if (rules.ballotType === 'cumulative') points += Number.isInteger(choice.points) ? (choice.points as number) : 0;
  }
  return {
    count,
    cost: costCents / 100,
    points,
    remainingMoney: rules.ballotType === 'knapsack' ? (cents(spendingLimit(rules)) - costCents) / 100 : null,
    remainingPoints: rules.ballotType === 'cumulative' && rules.pointsTotal !== null ? rules.pointsTotal - points : null,
  };
}

/**
 * Every problem with a ballot, in a stable order: per choice first (unknown or repeated project,
 * missing or excessive points), then the ballot as a whole (too few or too many projects, over the
 * budget, more points than the voter has). An empty list means the ballot is valid.
 */
export function ballotProblems(rules: BallotRules, projects: BallotProject[], choices: BallotChoice[]): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    if (!byId.has(choice.projectId)) return void problems.push({ path: `selections.${i}.projectId`, code: 'ballot_unknown_project' });
    if (seen.has(choice.projectId)) return void problems.push({ path: `selections.${i}.projectId`, code: 'ballot_duplicate_project' });
    seen.add(choice.projectId);
    const points = choice.points;
    if (rules.ballotType === 'cumulative') {
      if (points === undefined || points === null || !Number.isInteger(points) || points < 1) {
        problems.push({ path: `selections.${i}.points`, code: 'ballot_points_required' });
      } else if (rules.pointsPerProjectMax !== null && points > rules.pointsPerProjectMax) {
        problems.push({ path: `selections.${i}.points`, code: 'ballot_points_over_project_max', params: { max: rules.pointsPerProjectMax } });
      }
    } else if (points !== undefined && points !== null) {
      problems.push({ path: `selections.${i}.points`, code: 'ballot_points_not_used' });
    }
  });
  const totals = ballotTotals(rules, projects, choices);
  const min = minimumOf(rules);
  if (totals.count < min) problems.push({ path: 'selections', code: 'ballot_too_few', params: { min } });
  if (rules.maxProjects !== null && totals.count > rules.maxProjects) problems.push({ path: 'selections', code: 'ballot_too_many', params: { max: rules.maxProjects } });
  if (totals.remainingMoney !== null && totals.remainingMoney < 0) {
    problems.push({ path: 'selections', code: 'ballot_over_budget', params: { limit: spendingLimit(rules), total: totals.cost } });
  }
  if (totals.remainingPoints !== null && totals.remainingPoints < 0) {
    problems.push({ path: 'selections', code: 'ballot_points_over_total', params: { total: rules.pointsTotal!, used: totals.points } });
  }
  return problems;
}
