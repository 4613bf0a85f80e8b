/**
 * Test fixtures of the proposals module (used by its tests and the authorization matrix): an open
 * process through the processes API, and many verified residents at once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, type TestUser } from '../../../test/helpers/factories.js';
import type { UserActor } from '../../core/permissions/actor.js';

const DAY = 86_400_000;

export interface OpenProcessOptions {
  departmentId: string;
  areaId?: string | null;
  supportThreshold?: number;
  answerWorkingDays?: number;
  supportsPerPerson?: number | null;
  editWindowMinutes?: number;
  /** Actions of the proposals component in the phase running now (default: all four). */
  actions?: string[];
  title?: string;
}

/** A published process whose current phase (from a day ago to 60 days ahead) opens the given proposal actions. */
export async function openProcess(p: TestPlatform, admin: TestUser, options: OpenProcessOptions): Promise<{ id: string; slug: string }> {
  const now = p.clock.now().getTime();
  const created = await api(p, {
    method: 'POST',
    url: '/api/v1/processes',
    as: admin,
    body: {
      title: options.title ?? `Neighbourhood ideas ${randomBytes(3).toString('hex')}`,
      summary: 'What should the neighbourhood do next?',
      departmentId: options.departmentId,
      areaId: options.areaId ?? null,
      legalBasis: 'Participation Ordinance art. 12',
      legalReference: 'https://example.org/ordinance#12',
      components: ['proposals'],
      supportThreshold: options.supportThreshold ?? 3,
      answerWorkingDays: options.answerWorkingDays ?? 10,
      supportsPerPerson: options.supportsPerPerson ?? null,
      editWindowMinutes: options.editWindowMinutes ?? 60,
      phases: [
        {
          title: 'Proposals',
          startsAt: new Date(now - DAY).toISOString(),
          endsAt: new Date(now + 60 * DAY).toISOString(),
          actions: { proposals: options.actions ?? ['propose', 'support', 'comment', 'amend'] },
        },
      ],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const { id, slug } = created.json();
  const published = await api(p, { method: 'POST', url: `/api/v1/processes/${slug}/publish`, as: admin, body: {} });
  assert.equal(published.statusCode, 200, published.body);
  return { id, slug };
}

/** Many verified residents inserted at once (no password to sign in with), as actors for operations. */
export async function verifiedResidents(p: TestPlatform, count: number, areaId: string | null = null): Promise<UserActor[]> {
  const tag = randomBytes(4).toString('hex');
  const now = p.clock.now();
  const actors: UserActor[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      email: `resident.${tag}.${start + i}@example.test`,
      display_name: `Resident ${start + i}`,
      password_hash: 'not-a-password',
      locale: 'en',
      verified_at: now,
      area_id: areaId,
    }));
    const inserted = await p.deps.db.insertInto('users').values(rows).returning(['id', 'display_name']).execute();
    for (const u of inserted) {
      actors.push({ kind: 'user', id: u.id, displayName: u.display_name, roles: [], verified: true, areaId, blocked: false, memberships: [], posts: [] });
    }
  }
  return actors;
}

/** Creates and (by default) publishes a proposal through the API as the given user. */
export async function proposeVia(p: TestPlatform, as: TestUser, slug: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api(p, {
    method: 'POST',
    url: `/api/v1/processes/${slug}/proposals`,
    as,
    body: { title: 'More benches along the lake', body: 'Older residents need places to rest on the lake path every few hundred metres.', publish: true, ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}
