import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api } from '../../../test/helpers/factories.js';
import { seedDemo } from '../../server/demo.js';
import { modules } from '../../server/modules.js';
import { settleOpinionMath } from './math-runner.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
  await seedDemo(p.deps, modules);
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

test('the demo has an open conversation with bilingual seed statements, about thirty voters and a computed map of two or three groups', async () => {
  const list = await api(p, { method: 'GET', url: '/api/v1/processes/lakeview-shared-streets/conversations' });
  assert.equal(list.statusCode, 200, list.body);
  const [conversation] = list.json().conversations;
  assert.equal(conversation.topicZh, '湖景市的街道应该如何共享？');
  assert.ok(conversation.counts.participants >= 25, `${conversation.counts.participants} voters`);
  assert.ok(list.json().process.voteOpenUntil, 'voting is open now');
  const results = (await api(p, { method: 'GET', url: `/api/v1/conversations/${conversation.id}/results` })).json();
  assert.ok(results.math, 'computed at seed time');
  assert.ok(results.math.groups.length >= 2 && results.math.groups.length <= 3, `${results.math.groups.length} groups`);
  const seeds = results.math.statements.filter((s: { isSeed: boolean }) => s.isSeed);
  assert.equal(seeds.length, 12);
  assert.ok(seeds.every((s: { bodyZh: string | null }) => s.bodyZh));
  for (const g of results.math.groups) assert.ok(g.representative.length > 0, `group ${g.label} has representative statements`);
  assert.ok(results.math.consensus.agree.length > 0, 'something everyone agrees on');
  // One statement waits for the moderator; the demo's own accounts have not voted.
  const pending = await p.deps.db.selectFrom('opinion_statements').select('status').where('conversation_id', '=', conversation.id).where('status', '=', 'pending').execute();
  assert.equal(pending.length, 1);
  const resident = await p.deps.db.selectFrom('users').select('id').where('email', '=', 'resident@lakeview.demo').executeTakeFirstOrThrow();
  const took = await p.deps.db.selectFrom('opinion_participants').select('pid').where('conversation_id', '=', conversation.id).where('user_id', '=', resident.id).executeTakeFirst();
  assert.equal(took, undefined);
});
