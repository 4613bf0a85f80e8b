import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { createSession, SESSION_COOKIE } from '../../core/identity/sessions.js';
import { seedDemo } from '../../server/demo.js';
import { supervisionManifest } from './index.js';
import { DEMO_HIGHER_HANDLER, DEMO_KEY_PASSPHRASE } from './seed-demo.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, [supervisionManifest]);
});
after(async () => {
  await p?.close();
});

async function as(email: string) {
  const user = await p.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const session = await createSession(p.deps.db, user.id, p.clock.now(), 24);
  return { id: user.id, email, password: '', cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrfToken };
}

test('the demo has complaints at every stage (one escalated), anonymous reports the supervisor unlocks with the demo password, and live statistics', async () => {
  const supervisor = await as('supervisor@lakeview.demo');
  const unlock = await api(p, { method: 'POST', url: '/api/v1/supervision/key/unlock', as: supervisor, body: { passphrase: DEMO_KEY_PASSPHRASE } });
  assert.equal(unlock.statusCode, 200, unlock.body);
  const keyed = { ...supervisor, cookie: `${supervisor.cookie}; ${String(unlock.headers['set-cookie']).split(';')[0]}` };
  const queue = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: keyed })).json();
  const states = queue.complaints.map((c: { state: string }) => c.state).sort();
  assert.deepEqual(states, ['investigating', 'preliminary_review']);
  assert.equal(queue.reports.length, 1, 'one open report, with a question to the reporter');
  assert.equal(queue.reports[0].awaitingReporter, true);
  const report = (await api(p, { method: 'GET', url: `/api/v1/supervision/reports/${queue.reports[0].id}`, as: keyed })).json();
  assert.match(report.description, /Drum Tower market/);

  const higher = (await api(p, { method: 'GET', url: '/api/v1/supervision/queue', as: await as(DEMO_HIGHER_HANDLER) })).json();
  assert.equal(higher.complaints.length, 1);
  assert.equal(higher.complaints[0].escalated, true);

  const stats = (await api(p, { method: 'GET', url: '/api/v1/supervision/statistics' })).json();
  assert.ok(stats.totals.filed >= 25);
  assert.ok(stats.byCategory.filter((c: { count: number | null }) => c.count !== null && c.count >= 3).length >= 3);
  assert.ok(stats.totals.medianWorkingDays > 0);
  const cases = (await api(p, { method: 'GET', url: '/api/v1/supervision/public-cases' })).json();
  assert.ok(cases.cases.length >= 3);
});
