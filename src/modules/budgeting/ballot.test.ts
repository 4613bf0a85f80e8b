import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ballotProblems, ballotTotals, spendingLimit, type BallotRules } from './ballot.js';
import { countRefusal, settingsRefusal, voteRefusal, votingStage } from './rules.js';
import { looksLikeReceiptCode, normalizeReceiptCode } from './receipt.js';
import { newReceiptCode, receiptHash } from './secrecy.js';
import type { PhaseView, ProcessContext } from '../processes/index.js';

const projects = [
  { id: 'a', cost: 40_000 },
  { id: 'b', cost: 35_000.5 },
  { id: 'c', cost: 25_000 },
  { id: 'd', cost: 0.1 },
];
const rules = (extra: Partial<BallotRules>): BallotRules => ({
  ballotType: 'approval', amount: 100_000, minProjects: null, maxProjects: null, maxShare: null, pointsTotal: null, pointsPerProjectMax: null, ...extra,
});
const codes = (r: BallotRules, choices: { projectId: string; points?: number | null }[]) => ballotProblems(r, projects, choices).map((p) => `${p.path}:${p.code}`);

test('approval ballots: between the fewest and the most projects, each once', () => {
  const r = rules({ minProjects: 2, maxProjects: 3 });
  assert.deepEqual(codes(r, [{ projectId: 'a' }]), ['selections:ballot_too_few']);
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'b' }]), []);
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'c' }, { projectId: 'd' }]), ['selections:ballot_too_many']);
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'a' }, { projectId: 'x' }]), ['selections.1.projectId:ballot_duplicate_project', 'selections.2.projectId:ballot_unknown_project', 'selections:ballot_too_few']);
  assert.deepEqual(codes(r, [{ projectId: 'a', points: 3 }, { projectId: 'b' }]), ['selections.0.points:ballot_points_not_used']);
  assert.deepEqual(codes(rules({}), []), ['selections:ballot_too_few'], 'at least one project by default');
  assert.deepEqual(codes(rules({ minProjects: 0 }), []), [], 'an empty ballot when the budget allows it');
});

test('knapsack ballots: the chosen projects fit in the budget or its share, counted in cents', () => {
  const r = rules({ ballotType: 'knapsack' });
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'c' }]), ['selections:ballot_over_budget']);
  assert.deepEqual(ballotProblems(r, projects, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'c' }])[0]!.params, { limit: 100_000, total: 100_000.5 });
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'd' }]), []);
  const half = rules({ ballotType: 'knapsack', maxShare: 0.5 });
  assert.equal(spendingLimit(half), 50_000);
  assert.deepEqual(codes(half, [{ projectId: 'a' }]), []);
  assert.deepEqual(codes(half, [{ projectId: 'a' }, { projectId: 'c' }]), ['selections:ballot_over_budget']);
  assert.equal(spendingLimit(rules({ amount: 1000.01, maxShare: 1 / 3 })), 333.33);
  const totals = ballotTotals(r, projects, [{ projectId: 'a' }, { projectId: 'd' }, { projectId: 'zz' }]);
  assert.deepEqual(totals, { count: 2, cost: 40_000.1, points: 0, remainingMoney: 59_999.9, remainingPoints: null });
});

test('cumulative ballots: whole points, at most per project and in total', () => {
  const r = rules({ ballotType: 'cumulative', pointsTotal: 10, pointsPerProjectMax: 5 });
  assert.deepEqual(codes(r, [{ projectId: 'a', points: 5 }, { projectId: 'b', points: 5 }]), []);
  assert.deepEqual(codes(r, [{ projectId: 'a', points: 6 }, { projectId: 'b', points: 5 }]), ['selections.0.points:ballot_points_over_project_max', 'selections:ballot_points_over_total']);
  assert.deepEqual(codes(r, [{ projectId: 'a' }, { projectId: 'b', points: 0 }, { projectId: 'c', points: 1.5 }]), [
    'selections.0.points:ballot_points_required',
    'selections.1.points:ballot_points_required',
    'selections.2.points:ballot_points_required',
  ]);
  assert.equal(ballotTotals(r, projects, [{ projectId: 'a', points: 3 }]).remainingPoints, 7);
});

function context(phases: { startsAt: number; endsAt: number; vote: boolean }[], now: number, currentIndex: number | null, status: 'draft' | 'published' = 'published'): Pick<ProcessContext, 'phases' | 'current' | 'isOpen' | 'process'> {
  const views: PhaseView[] = phases.map((p, i) => ({
    id: `ph-${i}`, position: i + 1, title: `Phase ${i}`, titleZh: null, description: '', descriptionZh: null,
    startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt), actions: p.vote ? { budgeting: ['vote'] } : {},
  }));
  const current = currentIndex === null ? null : views[currentIndex]!;
  return {
    phases: views,
    current,
    process: { status } as ProcessContext['process'],
    isOpen: (component, action) => ({ open: status === 'published' && Boolean(current?.actions[component]?.includes(action)), until: current?.endsAt ?? null }),
  };
}

test('voting stages: before, open, between two voting phases, closed by date or by advancing past it', () => {
  const phases = [
    { startsAt: 0, endsAt: 10, vote: false },
    { startsAt: 10, endsAt: 20, vote: true },
    { startsAt: 20, endsAt: 30, vote: false },
  ];
  assert.equal(votingStage(context(phases, 5, 0), new Date(5)), 'before');
  assert.equal(votingStage(context(phases, 15, 1), new Date(15)), 'open');
  assert.equal(votingStage(context(phases, 25, 2), new Date(25)), 'closed');
  assert.equal(votingStage(context(phases, 35, null), new Date(35)), 'closed');
  // Officials advanced from the first phase straight to the third: voting is behind.
  assert.equal(votingStage(context(phases, 5, 2), new Date(5)), 'closed');
  assert.equal(votingStage(context(phases, 5, 0, 'draft'), new Date(5)), 'before');
  const twice = [...phases, { startsAt: 30, endsAt: 40, vote: true }];
  assert.equal(votingStage(context(twice, 25, 2), new Date(25)), 'between');
  assert.equal(votingStage(context([{ startsAt: 0, endsAt: 10, vote: false }], 20, null), new Date(20)), 'before', 'no voting phase at all');
});

test('the timing rules give one refusal code each', () => {
  assert.equal(voteRefusal({ status: 'open', imported: false }, 'open'), null);
  assert.equal(voteRefusal({ status: 'open', imported: false }, 'before'), 'voting_not_open');
  assert.equal(voteRefusal({ status: 'open', imported: false }, 'between'), 'voting_not_open');
  assert.equal(voteRefusal({ status: 'open', imported: false }, 'closed'), 'voting_closed');
  assert.equal(voteRefusal({ status: 'counted', imported: false }, 'open'), 'voting_closed');
  assert.equal(voteRefusal({ status: 'open', imported: true }, 'open'), 'budget_imported');
  assert.equal(settingsRefusal('before', 0), null);
  assert.equal(settingsRefusal('before', 1), 'budget_settings_locked');
  assert.equal(settingsRefusal('open', 0), 'budget_settings_locked');
  assert.equal(countRefusal('open', 'closed'), null);
  assert.equal(countRefusal('open', 'between'), 'voting_not_closed');
  assert.equal(countRefusal('counted', 'closed'), 'budget_already_counted');
});

test('receipt codes: 100 random bits, typed loosely, hashed the same way', () => {
  const code = newReceiptCode();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  assert.ok(looksLikeReceiptCode(code));
  assert.equal(receiptHash(code), receiptHash(` ${code.toLowerCase().replace(/-/g, ' ')} `));
  assert.equal(normalizeReceiptCode('o1l-i'), '0111');
  assert.notEqual(newReceiptCode(), newReceiptCode());
  assert.ok(!looksLikeReceiptCode('ABC'));
});
