/**
 * 5,000 residents vote at the same moment (and 100 of them send two different ballots at once):
 * every voter ends with exactly one ballot, one participation row and one audit row per ballot
 * sent, and the count takes each ballot exactly once. Runs on PGlite and on PostgreSQL; the time
 * is reported as a diagnostic, not asserted (benchmarks measure, tests prove).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, engineUnderTest, type TestPlatform } from '../../../test/helpers/platform.js';
import { createAreas, createDepartment, createUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { verifiedResidents } from '../proposals/testing.js';
import { castBallot } from './operations/cast-ballot.js';
import { countNow, depsAt, seededBudget, type SeededBudget } from './testing.js';

// PGlite runs every query through its one connection, so there the point is exactness, not load: fewer voters.
const VOTERS = engineUnderTest === 'postgres' ? 5000 : 1500;
const TWICE = 100;

let p: TestPlatform;
let budget: SeededBudget;
let hoodId: string;

before(async () => {
  p = await createTestPlatform();
  const areas = await createAreas(p);
  hoodId = areas.hoodId;
  const dept = await createDepartment(p, 'Budget Office');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const proposer = (await loadUserActor(p.deps.db, (await createUser(p, { verifiedIn: { areaSlug: areas.hoodSlug } })).id))!;
  budget = await seededBudget(p, { departmentId: dept.id, official, proposer, stage: 'voting', areaId: areas.districtId, settings: { maxProjects: 2 } });
});
after(async () => {
  await p?.close();
});

test(`${VOTERS} concurrent ballots from distinct voters are each counted exactly once`, async (t) => {
  const voters = await verifiedResidents(p, VOTERS, hoodId);
  const deps = depsAt(p, budget.process.during.voting);
  const [p0, p1, p2, p3] = budget.projects.map((x) => x.id) as [string, string, string, string];
  // Voter i approves p0 when i is even, p1 when divisible by 3, p2 otherwise alone; the first TWICE also send a second ballot for p3.
  const choice = (i: number) => (i % 2 === 0 ? [p0] : i % 3 === 0 ? [p0, p1] : [p2]);
  const started = performance.now();
  const results = await Promise.all([
    ...voters.map((v, i) => castBallot(deps, v, { budgetId: budget.budgetId, selections: choice(i).map((projectId) => ({ projectId })) })),
    ...voters.slice(0, TWICE).map((v) => castBallot(deps, v, { budgetId: budget.budgetId, selections: [{ projectId: p3 }] })),
  ]);
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`${engineUnderTest}: ${VOTERS + TWICE} ballots (${VOTERS} voters) in ${seconds.toFixed(1)} s, ${((VOTERS + TWICE) / seconds).toFixed(0)} ballots/s`);
  const failed = results.filter((r) => !r.ok);
  assert.deepEqual(failed, []);
  const receipts = results.map((r) => (r.ok ? r.value.receipt : ''));
  assert.equal(new Set(receipts).size, receipts.length, 'every ballot got its own receipt');

  const db = p.deps.db;
  const count = async (table: 'budget_ballots' | 'budget_participation') =>
    (await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).where('budget_id', '=', budget.budgetId).executeTakeFirstOrThrow()).n;
  assert.equal(await count('budget_ballots'), VOTERS);
  assert.equal(await count('budget_participation'), VOTERS);
  const audit = await db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).where('action', '=', 'budget.voted').where('resource_id', '=', budget.budgetId).executeTakeFirstOrThrow();
  assert.equal(audit.n, VOTERS + TWICE);

  // Whichever of a voter's two ballots committed last is the one kept: the first TWICE chose either.
  const started2 = performance.now();
  await countNow(p, budget, budget.process.during.closed);
  t.diagnostic(`${engineUnderTest}: counted ${VOTERS} ballots in ${((performance.now() - started2) / 1000).toFixed(1)} s`);
  const stored = (await db.selectFrom('budgets').select('result').where('id', '=', budget.budgetId).executeTakeFirstOrThrow()).result as { ballots: number; votes: Record<string, { ballots: number }> };
  assert.equal(stored.ballots, VOTERS);
  const votes = (id: string) => stored.votes[id]?.ballots ?? 0;
  const replaced = votes(p3);
  assert.ok(replaced >= 0 && replaced <= TWICE);
  let expected0 = 0;
  let expected1 = 0;
  let expected2 = 0;
  for (let i = TWICE; i < VOTERS; i++) {
    const c = choice(i);
    if (c.includes(p0)) expected0++;
    if (c.includes(p1)) expected1++;
    if (c.includes(p2)) expected2++;
  }
  // The first TWICE voters each count once: either their first choice or p3.
  const firstTotal = Array.from({ length: TWICE }, (_, i) => choice(i).length).reduce((a, n) => a + n, 0);
  const seenFirst = votes(p0) - expected0 + (votes(p1) - expected1) + (votes(p2) - expected2);
  assert.ok(seenFirst <= firstTotal && votes(p0) >= expected0 && votes(p1) >= expected1 && votes(p2) >= expected2);
  const ballots = await db.selectFrom('budget_ballots').select('selections').where('budget_id', '=', budget.budgetId).execute();
  const withP3 = ballots.filter((b) => (b.selections as { p: string }[]).some((s) => s.p === p3)).length;
  assert.equal(withP3, replaced);
  assert.equal(votes(p0) + votes(p1) + votes(p2) + votes(p3), ballots.reduce((n, b) => n + (b.selections as unknown[]).length, 0));
});
