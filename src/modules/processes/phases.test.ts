import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionOpen, currentPhase, nextPhase, type PhaseLike } from './phases.js';

const d = (s: string) => new Date(`2026-${s}T00:00:00Z`);
const phases: PhaseLike[] = [
  { id: 'a', position: 1, startsAt: d('03-01'), endsAt: d('03-15'), actions: { proposals: ['propose', 'support'] } },
  { id: 'b', position: 2, startsAt: d('03-15'), endsAt: d('04-01'), actions: { proposals: ['comment'] } },
  { id: 'c', position: 3, startsAt: d('04-10'), endsAt: d('05-01'), actions: {} },
];

test('the current phase follows the clock', () => {
  const cases: [string, string | null, string][] = [
    ['02-20', null, 'upcoming'],
    ['03-01', 'a', 'active'],
    ['03-14', 'a', 'active'],
    ['03-15', 'b', 'active'],
    ['04-05', null, 'between_phases'],
    ['04-10', 'c', 'active'],
    ['05-01', null, 'finished'],
  ];
  for (const [day, id, stage] of cases) {
    const result = currentPhase(phases, d(day), null);
    assert.equal(result.phase?.id ?? null, id, day);
    assert.equal(result.stage, stage, day);
  }
});

test('officials can advance ahead of the dates; the clock takes over again later', () => {
  assert.equal(currentPhase(phases, d('03-05'), 'b').phase?.id, 'b');
  assert.equal(currentPhase(phases, d('02-20'), 'a').phase?.id, 'a', 'opened early');
  assert.equal(currentPhase(phases, d('04-05'), 'c').phase?.id, 'c', 'between phases, advanced');
  assert.equal(currentPhase(phases, d('03-05'), 'a').phase?.id, 'a', 'an override behind the clock changes nothing');
  assert.equal(currentPhase(phases, d('03-20'), 'a').phase?.id, 'b', 'an old override does not pull the process back');
  assert.equal(currentPhase(phases, d('05-02'), 'c').stage, 'finished', 'an override ends with its phase');
});

test('actions are open only in phases that open them, until the phase ends', () => {
  const { phase } = currentPhase(phases, d('03-05'), null);
  assert.deepEqual(actionOpen(phase, 'proposals', 'support'), { open: true, until: d('03-15') });
  assert.deepEqual(actionOpen(phase, 'proposals', 'comment'), { open: false, until: null });
  assert.deepEqual(actionOpen(phase, 'debates', 'create'), { open: false, until: null });
  assert.deepEqual(actionOpen(null, 'proposals', 'support'), { open: false, until: null });
});

test('the next phase', () => {
  assert.equal(nextPhase(phases, phases[0]!, d('03-05'))?.id, 'b');
  assert.equal(nextPhase(phases, phases[2]!, d('04-15')), null);
  assert.equal(nextPhase(phases, null, d('04-05'))?.id, 'c');
});
