import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { modules } from '../../server/modules.js';
import { seedRegulationsDemo } from './demo.js';
import { regulationsManifest } from './index.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, modules);
});
after(async () => {
  await p?.close();
});

test('the demo has debates in both languages, with comments, one closed with a conclusion', async () => {
  const list = await api(p, { method: 'GET', url: '/api/v1/processes/lakeview-green-streets/debates' });
  assert.equal(list.statusCode, 200, list.body);
  const debates = list.json().debates as { title: string; status: string; comments: { total: number }; author: { organization: unknown }; conclusion: unknown }[];
  assert.equal(debates.length, 3);
  assert.ok(debates.some((d) => /[\u4e00-\u9fff]/.test(d.title)));
  assert.ok(debates.every((d) => d.comments.total >= 2));
  assert.equal(debates.filter((d) => d.status === 'closed' && d.conclusion).length, 1);
  assert.equal(debates.filter((d) => d.author.organization).length, 1);
});

test('the demo has the street vending regulation in two versions, with clause comments, opinions and alternative wording', async () => {
  const list = (await api(p, { method: 'GET', url: '/api/v1/processes/street-vending-regulation/regulations' })).json();
  assert.equal(list.regulations.length, 1);
  const { id, titleZh, currentVersion } = list.regulations[0];
  assert.equal(titleZh, '湖景市街头摊贩管理办法（草案）');
  assert.equal(currentVersion, 2);
  const v1 = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}?version=1` })).json();
  assert.equal(v1.clauses.length, 6);
  const counts = v1.clauses.map((c: { counts: { comments: number; supports: number; opposes: number; alternatives: number } }) => c.counts);
  assert.ok(counts.filter((c: { comments: number }) => c.comments > 0).length >= 4);
  assert.equal(counts.reduce((n: number, c: { alternatives: number }) => n + c.alternatives, 0), 2);
  assert.ok(counts.reduce((n: number, c: { supports: number; opposes: number }) => n + c.supports + c.opposes, 0) >= 30);
  const cmp = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}/compare?from=1&to=2` })).json();
  assert.deepEqual(cmp.summary, { added: 1, removed: 1, changed: 3, unchanged: 2 });
  // The report is there when the demo process had a consultation round that already ended.
  const detail = (await api(p, { method: 'GET', url: `/api/v1/regulations/${id}` })).json();
  const process = (await api(p, { method: 'GET', url: '/api/v1/processes/street-vending-regulation' })).json();
  const endedRound = process.phases.some((ph: { endsAt: string; actions: { regulations?: string[] } }) => ph.actions.regulations?.includes('comment') && new Date(ph.endsAt) <= p.clock.now());
  assert.equal(detail.reports.length, endedRound ? 1 : 0);
  if (endedRound) assert.equal(detail.reports[0].items.length, 4);
});

test('seeded after a consultation round has ended, the demo regulation gets the response report before version 2', async () => {
  const later = { db: p.deps.db, clock: { now: () => new Date(p.clock.now().getTime() + 25 * 86_400_000) } };
  await seedRegulationsDemo(later, { regulation: regulationsManifest.resources!.regulation! });
  p.clock.advance(25 * 86_400_000);
  try {
    const list = (await api(p, { method: 'GET', url: '/api/v1/processes/street-vending-regulation/regulations' })).json();
    assert.equal(list.regulations.length, 2);
    // The demo process has an ended first round, so both seedings publish the report between the versions.
    const reported = list.regulations.filter((r: { reports: number }) => r.reports === 1);
    assert.equal(reported.length, 2);
    const detail = (await api(p, { method: 'GET', url: `/api/v1/regulations/${reported[0].id}` })).json();
    assert.equal(detail.version.number, 2);
    assert.equal(detail.reports.length, 1);
    assert.equal(detail.reports[0].versionNumber, 1);
    assert.deepEqual(detail.reports[0].items.map((i: { decision: string }) => i.decision), ['partly_accepted', 'accepted', 'accepted', 'accepted']);
    assert.ok(new Date(detail.reports[0].publishedAt) < new Date(detail.versions[1].publishedAt));
  } finally {
    p.clock.advance(-25 * 86_400_000);
  }
});
