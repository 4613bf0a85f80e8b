import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { modules } from '../../server/modules.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  // The core's municipality and this module's part only, so this test stands on its own.
  await seedDemo(p.deps, modules.filter((m) => m.name === 'core' || m.name === 'reports'));
});
after(async () => {
  await p?.close();
});

test('the demo has a routing table for its departments, with district overrides, and Open311 for the city', async () => {
  const { categories } = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/categories' })).json();
  assert.ok(categories.length >= 10);
  assert.ok(categories.every((c: { nameZh: string | null; groupZh: string | null }) => c.nameZh && c.groupZh));
  const light = categories.find((c: { code: string }) => c.code === 'STREETLIGHT');
  assert.equal(light.department.name, 'Urban Management Bureau');
  assert.deepEqual(light.routes.map((r: { department: { name: string } }) => r.department.name), ['Riverside District Office']);
  const services = await api(p, { method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=lakeview' });
  assert.equal(services.statusCode, 200);
  assert.match(services.body, /<service_code>POTHOLE<\/service_code>/);
});

test('the demo has reports in both languages at every stage, one overdue now, and public department records', async () => {
  const { reports, total } = (await api(p, { method: 'GET', url: '/api/v1/problem-reports?limit=100' })).json();
  assert.equal(total, 8);
  const states = new Set(reports.map((r: { state: string }) => r.state));
  for (const state of ['submitted', 'acknowledged', 'in_progress', 'fixed', 'confirmed']) assert.ok(states.has(state), state);
  assert.ok(reports.some((r: { excerpt: string }) => /[\u4e00-\u9fff]/.test(r.excerpt)));
  assert.ok(reports.some((r: { excerpt: string }) => /^[A-Z][a-z]/.test(r.excerpt)));
  const overdue = (await api(p, { method: 'GET', url: '/api/v1/problem-reports?overdue=true' })).json().reports;
  assert.equal(overdue.length, 1);
  assert.equal(overdue[0].reporter.source, 'open311');
  const detail = (await api(p, { method: 'GET', url: `/api/v1/problem-reports/${overdue[0].id}` })).json();
  assert.ok(detail.timeline.some((e: { kind: string }) => e.kind === 'overdue'), 'flagged by the sweep');
  const kinds = new Set<string>();
  for (const r of reports) for (const e of (await api(p, { method: 'GET', url: `/api/v1/problem-reports/${r.id}` })).json().timeline) kinds.add(e.kind);
  for (const kind of ['transferred', 'reopened', 'confirmed', 'overdue']) assert.ok(kinds.has(kind), kind);
  const records = (await api(p, { method: 'GET', url: '/api/v1/problem-reports/records' })).json().departments;
  const environment = records.find((d: { department: { name: string } }) => d.department.name === 'Environment Bureau').record;
  assert.ok(environment.fixed >= 2 && environment.reopened === 1 && environment.overdueNow === 1);
  assert.ok(environment.fixedOnTime < environment.fixed, 'the noise report was fixed late');
});
