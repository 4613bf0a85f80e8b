/**
 * Test fixtures of the accountability module (used by its tests, the authorization matrix and the
 * browser journey's checks): commitments at each stage, made through the operations at the right times.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser, type TestUser } from '../../../test/helpers/factories.js';
import type { Deps } from '../../core/deps.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor } from '../../core/permissions/actor.js';
import { openProcess } from '../proposals/testing.js';
import { createCommitment, type CreateCommitmentInput } from './operations/create-commitment.js';
import { openConsultation } from './operations/consultation.js';
import { reportProgress } from './operations/report-progress.js';
import { addMilestone } from './operations/milestones.js';

const DAY = 86_400_000;
const seeder = systemActor('accountability-test');

/** The details of a commitment of `departmentId`, with the given changes. */
export function commitmentInput(departmentId: string, extra: Partial<CreateCommitmentInput> = {}): CreateCommitmentInput {
  return {
    kind: 'innovation_program',
    title: `Pocket parks on empty lots ${randomBytes(2).toString('hex')}`,
    description: 'Turn four empty lots into small gardens with benches and shade, run with the neighbours.',
    legalBasis: 'Urban Greening Ordinance art. 7',
    departmentId,
    plannedBudget: 200_000,
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    benefitIndicator: 'Residents within 300 m of a green space',
    benefitUnit: '%',
    benefitBaseline: 40,
    benefitTarget: 70,
    ...extra,
  };
}

/** The platform's dependencies with the clock at another moment. */
export function depsAt(p: TestPlatform, at: Date): Deps {
  return { ...p.deps, clock: { now: () => at } };
}

/** A proposal in a process of `departmentId` that reached its support threshold (1), by a new resident. */
export async function qualifiedProposal(p: TestPlatform, admin: TestUser, options: { departmentId: string; areaSlug: string; areaId?: string | null }): Promise<{ id: string; slug: string }> {
  const process = await openProcess(p, admin, { departmentId: options.departmentId, supportThreshold: 1, areaId: options.areaId ?? null });
  const author = await createUser(p, { verifiedIn: { areaSlug: options.areaSlug }, displayName: 'Proposal Author' });
  const created = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${process.slug}/proposals`,
    as: author,
    body: { title: 'Pocket parks on the empty lots of the old rail yard', body: 'Four empty lots could become small gardens with benches, shade trees and a water tap, looked after by neighbours.', publish: true },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const supporter = await createUser(p, { verifiedIn: { areaSlug: options.areaSlug }, displayName: 'Supporter' });
  const supported = await api(p, { method: 'POST', url: `/api/v1/proposals/${id}/support`, as: supporter, body: {} });
  assert.equal(supported.statusCode, 200, supported.body);
  return { id, slug: process.slug };
}

/**
 * Commitments of one department at each stage, for the authorization matrix and tests: each call
 * makes a new one. `official` holds a post in the department; `areaId` is whose residents take part.
 */
export function accountabilityFixtures(p: TestPlatform, options: { departmentId: string; official: TestUser; areaId: string | null }) {
  const official = async () => (await loadUserActor(p.deps.db, options.official.id))!;
  const input = (extra: Partial<CreateCommitmentInput> = {}) => commitmentInput(options.departmentId, { areaId: options.areaId, ...extra });
  return {
    input,
    proposed: async () => orFail(await createCommitment(p.deps, seeder, input())).id,
    /** In consultation now, for another 30 days. */
    consulting: async () => {
      const { id } = orFail(await createCommitment(p.deps, seeder, input()));
      orFail(await openConsultation(p.deps, await official(), { id, endsAt: new Date(p.clock.now().getTime() + 30 * DAY) }));
      return id;
    },
    /** Consulted from 20 days ago until yesterday: the department may decide now. */
    consulted: async () => {
      const past = depsAt(p, new Date(p.clock.now().getTime() - 20 * DAY));
      const { id } = orFail(await createCommitment(past, seeder, input()));
      orFail(await openConsultation(past, await official(), { id, endsAt: new Date(p.clock.now().getTime() - DAY) }));
      return id;
    },
    adopted: async () => orFail(await createCommitment(p.deps, seeder, input({ kind: 'commitment', status: 'adopted' }))).id,
    /** Adopted and under way (the "after start" rating round is open). */
    inProgress: async () => {
      const { id } = orFail(await createCommitment(p.deps, seeder, input({ kind: 'commitment', status: 'adopted' })));
      orFail(await reportProgress(p.deps, await official(), { id, progress: 20, spent: 30_000, note: 'Work on the first lot has started.' }));
      return id;
    },
    /** Under way with one planned milestone. */
    withMilestone: async () => {
      const { id } = orFail(await createCommitment(p.deps, seeder, input({ kind: 'commitment', status: 'adopted' })));
      const { id: milestoneId } = orFail(await addMilestone(p.deps, await official(), { commitmentId: id, title: 'First garden opens', dueOn: '2026-06-30' }));
      return { id, milestoneId };
    },
  };
}
