/**
 * Test fixtures of the reports module (used by its tests and the authorization matrix): categories
 * of the routing table, reports in a given state, and Open311 keys, made through the operations.
 */
import { randomBytes } from 'node:crypto';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { orFail } from '../../core/errors.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { systemActor } from '../../core/permissions/actor.js';
import { createGovernmentOrganization } from '../../core/organizations/manage-organizations.js';
import { createCategory } from './operations/save-category.js';
import { createReport } from './operations/create-report.js';
import { updateReportStatus } from './operations/update-report-status.js';
import { createApiKey } from './operations/manage-api-keys.js';

const seeder = systemActor('reports-test');
const hex = () => randomBytes(3).toString('hex');

/** A new active category of the routing table, routed to `departmentId` by default. */
export async function newCategory(p: TestPlatform, departmentId: string, options: { workingDays?: number; code?: string; name?: string } = {}) {
  const code = options.code ?? `T-${hex()}`;
  const { id } = orFail(await createCategory(p.deps, seeder, { code, name: options.name ?? `Test problem ${code}`, nameZh: '测试问题', group: 'Test group', departmentId, workingDays: options.workingDays ?? 5 }));
  return { id, code };
}

/** A report filed by `reporterId` (through the operation), optionally moved on by `officialId` to a state. */
export async function newReport(
  p: TestPlatform,
  options: { categoryId: string; reporterId: string; areaId?: string | null; officialId?: string; state?: 'acknowledged' | 'in_progress' | 'fixed'; description?: string },
): Promise<string> {
  const reporter = (await loadUserActor(p.deps.db, options.reporterId))!;
  const { id } = orFail(
    await createReport(p.deps, reporter, {
      categoryId: options.categoryId,
      description: options.description ?? 'A broken street light at the corner, dark for a week.',
      areaId: options.areaId ?? null,
      address: 'Corner of Test Street and Example Road',
    }),
  );
  if (options.state && options.officialId) {
    const official = (await loadUserActor(p.deps.db, options.officialId))!;
    orFail(await updateReportStatus(p.deps, official, { id, state: options.state }));
  }
  return id;
}

/** A new Open311 key; the secret is returned as an Open311 client would hold it. */
export async function newApiKey(p: TestPlatform, options: { label?: string; organizationId?: string | null } = {}) {
  return orFail(await createApiKey(p.deps, seeder, { label: options.label ?? `Test client ${hex()}`, organizationId: options.organizationId ?? null }));
}

/**
 * The authorization matrix's fixtures: a category of the shared department (made on first use),
 * another department to transfer to, reports by the shared resident in the states each route needs,
 * and Open311 keys.
 */
export function reportsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: { id: string }; resident: { id: string } }) {
  let category: Promise<{ id: string; code: string }> | null = null;
  let other: Promise<{ id: string; slug: string }> | null = null;
  const shared = () => (category ??= newCategory(p, options.departmentId));
  return {
    category: shared,
    /** A fresh category (for changes to one). */
    newCategory: () => newCategory(p, options.departmentId),
    /** Another department, to transfer reports to. */
    otherDepartment: () => (other ??= (async () => orFail(await createGovernmentOrganization(p.deps, seeder, { kind: 'department', name: `Matrix Works ${hex()}` })))()),
    /** A new report by the shared resident, open (submitted) or marked fixed by the shared official. */
    report: async (state: 'submitted' | 'fixed' = 'submitted') =>
      newReport(p, { categoryId: (await shared()).id, reporterId: options.resident.id, officialId: options.official.id, state: state === 'fixed' ? 'fixed' : undefined }),
    apiKey: () => newApiKey(p),
  };
}
