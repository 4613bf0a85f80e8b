import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestPlatform } from './platform.js';
import { signUp } from '../../src/core/identity/sign-up.js';
import { setUserRoles } from '../../src/core/identity/manage-users.js';
import { createSession, SESSION_COOKIE } from '../../src/core/identity/sessions.js';
import { systemActor } from '../../src/core/permissions/actor.js';
import { orFail } from '../../src/core/errors.js';
import { createArea } from '../../src/core/areas/manage-areas.js';
import { importCensus } from '../../src/core/identity/census.js';
import { verifyResidency } from '../../src/core/identity/verify-residency.js';
import { loadUserActor } from '../../src/core/identity/load-actor.js';
import { createGovernmentOrganization, decideOrganization, registerOrganization } from '../../src/core/organizations/manage-organizations.js';
import { createPost } from '../../src/core/organizations/manage-posts.js';
import type { StaffRole } from '../../src/core/tables.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
}

const seeder = systemActor('test');
let counter = 0;

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${process.pid}.${++counter}.${randomBytes(3).toString('hex')}@example.test`;
}

/** An area tree of one city with one district and one neighbourhood. */
export async function createAreas(p: TestPlatform) {
  const suffix = randomBytes(3).toString('hex');
  const city = orFail(await createArea(p.deps, seeder, { parentId: null, kind: 'city', slug: `city-${suffix}`, name: 'Test City', nameZh: '测试市' }));
  const district = orFail(await createArea(p.deps, seeder, { parentId: city.id, kind: 'district', slug: `district-${suffix}`, name: 'Test District', nameZh: '测试区' }));
  const hood = orFail(await createArea(p.deps, seeder, { parentId: district.id, kind: 'neighbourhood', slug: `hood-${suffix}`, name: 'Test Neighbourhood', nameZh: '测试社区' }));
  return { cityId: city.id, districtId: district.id, hoodId: hood.id, citySlug: `city-${suffix}`, districtSlug: `district-${suffix}`, hoodSlug: `hood-${suffix}` };
}

/** A signed-in user with an open session; optionally with staff roles or verified residency in an area. */
export async function createUser(
  p: TestPlatform,
  options: { roles?: StaffRole[]; verifiedIn?: { areaSlug: string }; displayName?: string; email?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const { userId } = orFail(await signUp(p.deps, { email, password: TEST_PASSWORD, displayName: options.displayName ?? 'Test User', locale: 'en' }));
  if (options.roles?.length) orFail(await setUserRoles(p.deps, seeder, { userId, roles: options.roles }));
  if (options.verifiedIn) {
    const documentNumber = `T-${randomBytes(6).toString('hex')}`;
    orFail(await importCensus(p.deps, seeder, { fileName: 't.csv', csv: `document_number,birth_date,area\n${documentNumber},1990-01-01,${options.verifiedIn.areaSlug}` }));
    const actor = (await loadUserActor(p.deps.db, userId))!;
    orFail(await verifyResidency(p.deps, actor, { documentNumber, birthDate: '1990-01-01' }));
  }
  // Long-lived, so tests can move the clock by months without signing in again.
  const session = await createSession(p.deps.db, userId, p.clock.now(), 24 * 365 * 5);
  return { id: userId, email, password: TEST_PASSWORD, cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrfToken };
}

/** A government department with a post held by a new official. */
export async function createDepartment(p: TestPlatform, name = 'Test Department') {
  const org = orFail(await createGovernmentOrganization(p.deps, seeder, { kind: 'department', name }));
  const official = await createUser(p, { displayName: `${name} Official` });
  const post = orFail(await createPost(p.deps, seeder, { organizationId: org.id, title: 'Director', holderEmail: official.email }));
  return { id: org.id, slug: org.slug, official, postId: post.id };
}

/** A society organization registered by a new representative, verified unless asked otherwise. */
export async function createOrganization(p: TestPlatform, options: { verified?: boolean; name?: string } = {}) {
  const rep = await createUser(p, { displayName: 'Org Representative' });
  const actor = (await loadUserActor(p.deps.db, rep.id))!;
  const org = orFail(await registerOrganization(p.deps, actor, { sector: 'society', kind: 'ngo', name: options.name ?? `Test NGO ${randomBytes(2).toString('hex')}`, description: 'A test organization' }));
  if (options.verified !== false) orFail(await decideOrganization(p.deps, seeder, { id: org.id, decision: 'verified' }));
  return { id: org.id, slug: org.slug, rep };
}

export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  as?: TestUser | null;
  body?: unknown;
  headers?: Record<string, string>;
  lang?: 'en' | 'zh-CN';
}

/** Calls the API through Fastify's inject, as a user (cookie and CSRF token) or as a visitor. */
export async function api(p: TestPlatform, call: ApiCall): Promise<LightMyRequestResponse & { json<T = any>(): T }> {
  const headers: Record<string, string> = { 'accept-language': call.lang ?? 'en', ...call.headers };
  if (call.as) {
    headers.cookie = call.as.cookie;
    if (call.method !== 'GET') headers['x-csrf-token'] = call.as.csrf;
  }
  let payload: string | Buffer | undefined;
  if (call.body !== undefined) {
    if (typeof call.body === 'string' || Buffer.isBuffer(call.body)) payload = call.body;
    else {
      payload = JSON.stringify(call.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  return p.app.inject({ method: call.method, url: call.url, headers, payload }) as never;
}
