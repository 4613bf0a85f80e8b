import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { processesManifest } from '../processes/index.js';
import { hearingsManifest } from '../hearings/index.js';
import { publicationsManifest } from './index.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  // The core's demo municipality, the processes and hearings publications link to, and the register.
  await seedDemo(p.deps, [processesManifest, hearingsManifest, publicationsManifest]);
});
after(async () => {
  await p?.close();
});

const search = async (q: string) =>
  ((await api(p, { method: 'GET', url: `/api/v1/publications?limit=50&q=${encodeURIComponent(q)}` })).json().publications as { title: string }[]).map((x) => x.title);

test('the demo register has documents in both languages, one corrected, one withdrawn, one expired, and a draft the public does not see', async () => {
  const list = (await api(p, { method: 'GET', url: '/api/v1/publications?limit=50' })).json();
  assert.equal(list.total, 9);
  const byTitle = new Map<string, { id: string; status: string; validity: string | null; correctedAt: string | null; attachmentCount: number }>(list.publications.map((x: { title: string }) => [x.title, x]));
  assert.equal(byTitle.get('Notice: summer opening hours of the Drum Tower market')?.status, 'withdrawn');
  assert.equal(byTitle.get('Night-time construction noise control plan 2025')?.validity, 'expired');
  assert.equal(byTitle.get('Primary school admission zones for the 2026 school year')?.validity, 'in_force');
  assert.ok(byTitle.get('Decision on bus and ferry fares after the public hearing')?.correctedAt);
  assert.ok(byTitle.has('湖泊水质月度检测结果（2026年第一季度）'));
  assert.ok(!byTitle.has('Street tree planting plan 2026 (draft)'));
  const fares = (await api(p, { method: 'GET', url: `/api/v1/publications/${byTitle.get('Decision on bus and ferry fares after the public hearing')!.id}` })).json();
  assert.deepEqual(fares.links.map((l: { type: string; title: string }) => `${l.type}: ${l.title}`), ['hearing: Public hearing on bus and ferry fare changes']);
  assert.deepEqual(fares.events.map((e: { kind: string }) => e.kind), ['published', 'corrected']);
  const minutes = (await api(p, { method: 'GET', url: `/api/v1/publications/${byTitle.get('Night bus network review: minutes of the evaluation meeting')!.id}` })).json();
  assert.equal(minutes.links[0].path, '/processes/night-bus-review');
});

test('demo search finds phrases inside the PDFs, the spreadsheet and the Chinese text file', async () => {
  assert.deepEqual(await search('airport night shuttle'), ['Night bus network review: minutes of the evaluation meeting']);
  assert.deepEqual(await search('LED lamps'), ['城市管理局 2026 年部门预算']);
  assert.deepEqual(await search('Harbour Lane outfall'), ['湖泊水质月度检测结果（2026年第一季度）']);
  assert.deepEqual(await search('食材来源'), ['枫林社区老年食堂委托运营服务合同']);
  assert.deepEqual(await search('老年食堂'), ['枫林社区老年食堂委托运营服务合同']);
});
