import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { processesManifest } from '../processes/index.js';
import { proposalsManifest } from '../proposals/index.js';
import { budgetingManifest } from '../budgeting/index.js';
import { questionsManifest } from '../questions/index.js';
import { accountabilityManifest } from './index.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  // The core's demo municipality, the modules this one draws on, and this module's part.
  await seedDemo(p.deps, [processesManifest, proposalsManifest, budgetingManifest, questionsManifest, accountabilityManifest]);
});
after(async () => {
  await p?.close();
});

test('the demo has commitments in both languages at every stage, budget winners, ratings and one image project', async () => {
  const list = (await api(p, { method: 'GET', url: '/api/v1/commitments?limit=50' })).json();
  const byTitle = new Map<string, { id: string; status: string; imageProject: boolean; originType: string | null; ratings: number; late: boolean }>(list.commitments.map((c: { title: string }) => [c.title, c]));
  assert.equal(byTitle.get('Plant 40 shade trees along Lakeshore Road')?.originType, 'proposal');
  assert.equal(byTitle.get('Smart recycling stations pilot in Drum Tower')?.status, 'in_consultation');
  assert.equal(byTitle.get('Shelters with seats at 12 bus stops')?.status, 'completed');
  assert.equal(byTitle.get('Shelters with seats at 12 bus stops')?.ratings, 14);
  assert.equal(byTitle.get('Kerb ramps at 40 crossings')?.late, true);
  const budgetWinners = list.commitments.filter((c: { originType: string | null }) => c.originType === 'budget_project');
  assert.ok(budgetWinners.length >= 2, 'the Riverside 2025 winners');
  assert.ok(budgetWinners.some((c: { status: string }) => c.status === 'completed'));
  const flagged = (await api(p, { method: 'GET', url: '/api/v1/commitments?flagged=true' })).json();
  assert.deepEqual(flagged.commitments.map((c: { title: string }) => c.title), ['Lakeview light show on the lake']);
  const show = (await api(p, { method: 'GET', url: `/api/v1/commitments/${byTitle.get('Lakeview light show on the lake')!.id}`, lang: 'zh-CN' })).json();
  assert.equal(show.commitment.titleZh, '湖景湖面灯光秀');
  assert.equal(show.image.flagged, true);
  assert.equal(show.image.spendHigh, true);
  assert.ok(show.image.benefitAverage < 2.5);
  const recycling = (await api(p, { method: 'GET', url: `/api/v1/commitments/${byTitle.get('Smart recycling stations pilot in Drum Tower')!.id}` })).json();
  assert.equal(recycling.consultation.open, true);
  assert.ok(recycling.consultation.results.approvals.count >= 1);
  // The scorecards have figures from several modules.
  const card = (await api(p, { method: 'GET', url: '/api/v1/scorecards?period=last_12_months' })).json();
  const transport = card.departments.find((d: { department: { slug: string } }) => d.department.slug === 'transport-bureau');
  assert.equal(transport.values['accountability.on_time_share'].basis, 2);
  assert.equal(transport.values['accountability.on_time_share'].value, 0.5);
  assert.ok(transport.values['questions.on_time_share'].basis > 0);
});
