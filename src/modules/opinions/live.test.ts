/**
 * Open pages follow the map live: the events stream of a conversation sends the map now, then a
 * new map each time the votes have been taken into account (after commit, debounced), over a real
 * HTTP connection.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';
import { loadUserActor } from '../../core/identity/load-actor.js';
import { opinionsTopic, settleOpinionMath } from './math-runner.js';
import { openConversation } from './testing.js';

let p: TestPlatform;
before(async () => {
  p = await createTestPlatform();
});
after(async () => {
  await settleOpinionMath();
  await p?.close();
});

/** Reads server-sent events from a response body, one parsed event at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 15_000): Promise<{ event: string; data: any }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) return { event, data: JSON.parse(data) };
          continue; // retry: or a heartbeat comment
        }
        if (Date.now() > deadline) throw new Error('no event in time');
        const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), deadline - Date.now()))]);
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

test('the events stream sends the map now, then each recomputed map after votes', async () => {
  const dept = await createDepartment(p, 'Streets Office');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const c = await openConversation(p, { departmentId: dept.id, official, settings: { participation: 'registered' } });
  const voters: TestUser[] = [];
  for (let i = 0; i < 4; i++) voters.push(await createUser(p));
  const url = await p.app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  try {
    const res = await fetch(`${url}/api/v1/conversations/${c.conversationId}/events`, { signal: controller.signal });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const events = eventReader(res.body!);
    const first = await events.next();
    assert.equal(first.event, 'math');
    assert.equal(first.data, null, 'no map before the first votes');
    assert.equal(p.deps.live!.listeners(opinionsTopic(c.conversationId)), 1);

    // Votes through the API: the page gets the new map without asking.
    for (const [i, voter] of voters.entries()) {
      for (const s of c.statements) {
        const res = await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/votes`, as: voter, body: { statementId: s.id, vote: (i + s.number) % 2 === 0 ? 'agree' : 'disagree' } });
        assert.equal(res.statusCode, 200, res.body);
      }
    }
    let pushed = await events.next();
    while (pushed.data?.participants !== voters.length) pushed = await events.next();
    assert.equal(pushed.event, 'math');
    assert.equal(pushed.data.statements.length, c.statements.length);
    const tick = pushed.data.tick;

    // One more vote later: one more map, with the new vote counted.
    const late = await createUser(p);
    await api(p, { method: 'POST', url: `/api/v1/conversations/${c.conversationId}/votes`, as: late, body: { statementId: c.statements[0]!.id, vote: 'agree' } });
    let again = await events.next();
    while (again.data.participants !== voters.length + 1) again = await events.next();
    assert.ok(again.data.tick > tick);
    assert.equal(again.data.participants, voters.length + 1);
    assert.ok(!JSON.stringify(again.data).includes(late.id), 'no account id on the wire');
    controller.abort();
    await events.cancel();
    for (let i = 0; i < 100 && p.deps.live!.listeners(opinionsTopic(c.conversationId)) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(p.deps.live!.listeners(opinionsTopic(c.conversationId)), 0, 'unsubscribed when the page left');
  } finally {
    controller.abort();
  }
});

test('with once=true the stream sends the map now and ends (for clients without EventSource)', async () => {
  const dept = await createDepartment(p, 'Parks Office');
  const official = (await loadUserActor(p.deps.db, dept.official.id))!;
  const c = await openConversation(p, { departmentId: dept.id, official });
  const res = await api(p, { method: 'GET', url: `/api/v1/conversations/${c.conversationId}/events?once=true` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^event: math\ndata: null\n\n$/);
});
