/**
 * Test fixtures of the supervision module (used by its tests and the authorization matrix).
 */
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { orFail } from '../../core/errors.js';
import { systemActor } from '../../core/permissions/actor.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { createGovernmentOrganization } from '../../core/organizations/manage-organizations.js';
import { createPost } from '../../core/organizations/manage-posts.js';
import { configureSupervision } from './operations/configure.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { submitReport } from './operations/submit-report.js';

const seeder = systemActor('supervision-test');

export const COMPLAINT_TEXT = 'The permit officer asked for a cash payment before stamping the market stall permit, twice, in front of witnesses.';

/** A supervisory body with a handler (a new account holding a post in it). */
export async function createSupervisoryBody(p: TestPlatform, name = 'Test Supervision Commission') {
  const body = orFail(await createGovernmentOrganization(p.deps, seeder, { kind: 'supervisory_body', name, isSupervisory: true }));
  const handler = await createUser(p, { displayName: `${name} Handler` });
  orFail(await createPost(p.deps, seeder, { organizationId: body.id, title: 'Case Handler', holderEmail: handler.email }));
  return { id: body.id, slug: body.slug, handler };
}

/** Makes `bodyId` the body for every department (and `higherBodyId` the higher one). */
export async function routeAllTo(p: TestPlatform, bodyId: string, higherBodyId: string | null = null): Promise<void> {
  const admin = await createUser(p, { roles: ['administrator'] });
  const actor = (await loadUserActor(p.deps.db, admin.id))!;
  orFail(await configureSupervision(p.deps, actor, { ...DEFAULT_SETTINGS, defaultBodyId: bodyId, defaultHigherBodyId: higherBodyId, routes: [] }));
}

/** Files a complaint through the API; returns its id. */
export async function fileVia(p: TestPlatform, as: TestUser, departmentId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api(p, { method: 'POST', url: '/api/v1/supervision/complaints', as, body: { departmentId, category: 'bribery', description: COMPLAINT_TEXT, confidentiality: 'confidential', ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** Sets up (and unlocks for the session) a handler's supervision key through the API. */
export async function setUpKeyVia(p: TestPlatform, as: TestUser, passphrase = 'a long handler passphrase'): Promise<string> {
  const res = await api(p, { method: 'POST', url: '/api/v1/supervision/key', as, body: { passphrase } });
  assert.equal(res.statusCode, 201, res.body);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

/**
 * What the authorization matrix calls the supervision routes on: a supervisory body (with a handler
 * outside the matrix's roles) that handles every department; `complaintByResident()` is filed by the
 * shared resident against the shared department (where the shared official and clerk hold posts: the
 * accused side); `report()` is an anonymous report about that department with its receipt.
 */
export function supervisionMatrixFixtures(p: TestPlatform, options: { departmentId: string; resident: TestUser }) {
  let body: Promise<Awaited<ReturnType<typeof createSupervisoryBody>>> | null = null;
  let report: Promise<{ id: string; receipt: string }> | null = null;
  const ready = () =>
    (body ??= (async () => {
      const b = await createSupervisoryBody(p, 'Matrix Supervision Body');
      await routeAllTo(p, b.id);
      await setUpKeyVia(p, b.handler);
      return b;
    })());
  return {
    body: ready,
    complaintByResident: async () => {
      await ready();
      return fileVia(p, options.resident, options.departmentId);
    },
    report: async () => {
      await ready();
      return (report ??= (async () => {
        const { receipt } = orFail(await submitReport(p.deps, { departmentId: options.departmentId, category: 'bribery', description: 'Matrix report: an inspector takes cash for permits at the market.' }));
        const row = await p.deps.db.selectFrom('supervision_reports').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow();
        return { id: row.id, receipt };
      })());
    },
  };
}
