import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { questionsManifest } from './index.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  // The core's demo municipality and this module's part of it.
  await seedDemo(p.deps, [questionsManifest]);
});
after(async () => {
  await p?.close();
});

test('the demo has questions in both languages at every stage, one of them overdue', async () => {
  const list = (await api(p, { method: 'GET', url: '/api/v1/questions?limit=50' })).json();
  const byTitle = new Map(list.questions.map((q: { title: string }) => [q.title, q]));
  const state = (title: string) => (byTitle.get(title) as { state: string } | undefined)?.state;
  assert.equal(list.total, 7, 'six questions and one follow-up');
  assert.equal(state('When will the Willow Bank bus stop get a shelter?'), 'answered');
  assert.equal(state('鼓楼菜市场门口占道经营何时整治？'), 'answered');
  assert.equal(state('请公布鼓楼菜市场整治的具体时间表'), 'published');
  assert.equal(state('Who checks the water quality of the river at Willow Bank?'), 'transferred');
  assert.equal(state('Why was a teacher at Harbour Lane Primary suspended?'), 'declined');
  assert.equal(state('枫林社区老年食堂何时开业？'), 'overdue');
  assert.equal(state('Night-time construction noise at Station Square'), 'published');
  // The overdue one was flagged by the sweep, as on a running platform.
  const overdue = (await api(p, { method: 'GET', url: '/api/v1/questions/overdue' })).json().questions;
  assert.deepEqual(overdue.map((q: { title: string }) => q.title), ['枫林社区老年食堂何时开业？']);
  const flagged = await p.deps.db.selectFrom('questions').select('overdue_at').where('title', '=', '枫林社区老年食堂何时开业？').executeTakeFirstOrThrow();
  assert.ok(flagged.overdue_at);
  // The answered ones are signed by posts and rated; the late one shows its history.
  const late = (await api(p, { method: 'GET', url: `/api/v1/questions/${(byTitle.get('鼓楼菜市场门口占道经营何时整治？') as { id: string }).id}`, lang: 'zh-CN' })).json();
  assert.equal(late.answer.post.titleZh, '局长');
  assert.equal(late.answer.late, true);
  assert.equal(late.rating.resolved, false);
  assert.ok(late.followUp);
  assert.deepEqual(late.timeline.map((e: { kind: string }) => e.kind), ['asked', 'answer_overdue', 'answered', 'rated', 'followed_up']);
  const ranking = (await api(p, { method: 'GET', url: '/api/v1/questions/departments' })).json().departments;
  const transport = ranking.find((d: { department: { name: string } }) => d.department.name === 'Transport Bureau');
  assert.equal(transport.rank, 1);
  assert.equal(transport.totals.resolvedShare, 1);
  const feed = await api(p, { method: 'GET', url: `/api/v1/questions/departments/${transport.department.slug}/answers.atom` });
  assert.equal((feed.body.match(/<entry>/g) ?? []).length, 1);
});
