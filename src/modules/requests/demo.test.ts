import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { requestsManifest } from './index.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, [requestsManifest]);
});
after(async () => {
  await p?.close();
});

test('the demo has requests in both languages at every stage; the pseudonymous requester is never named in public', async () => {
  const list = (await api(p, { method: 'GET', url: '/api/v1/requests?limit=50' })).json();
  const byTitle = new Map(list.requests.map((r: { title: string }) => [r.title, r]));
  const get = (title: string) => byTitle.get(title) as { state: string; publicationPath: string | null; requester: { displayName: string; pseudonymous: boolean } };
  assert.equal(list.total, 5);
  assert.equal(get('Passenger counts for bus line 12, 2023 to 2025').state, 'awaiting_response');
  assert.equal(get('2025 年城管执法罚没款收支明细').state, 'overdue');
  assert.equal(get('车站广场工地夜间施工许可').state, 'awaiting_clarification');
  assert.deepEqual(get('车站广场工地夜间施工许可').requester, { displayName: '湖畔观察者', pseudonymous: true, organization: null });
  assert.equal(get('Inspection reports of Harbour Lane Primary School').state, 'internal_review');
  const published = get('River water quality at Willow Bank, 2025 sampling results');
  assert.equal(published.state, 'successful');
  assert.ok(published.publicationPath);
  assert.doesNotMatch(JSON.stringify(list), /Lin Yu|Okafor/);
  const review = await p.deps.db
    .selectFrom('information_requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.review_department_id')
    .select('o.name')
    .where('r.title', '=', 'Inspection reports of Harbour Lane Primary School')
    .executeTakeFirstOrThrow();
  assert.equal(review.name, 'Lakeview Supervision Commission');
  const stamped = await p.deps.db.selectFrom('information_requests').select(['title', 'overdue_at']).where('overdue_at', 'is not', null).execute();
  assert.deepEqual(stamped.map((r) => r.title), ['2025 年城管执法罚没款收支明细']);
});
