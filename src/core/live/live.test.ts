import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { createLiveHub } from './hub.js';
import { streamTopic } from './sse.js';

test('a page gets the state now, then every event of its topic, and unsubscribes when it leaves', async () => {
  const hub = createLiveHub();
  const app = Fastify();
  app.get('/events', async (req, reply) => streamTopic(req, reply, hub, 'topic:a', [{ event: 'state', data: { version: 1 } }]));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const controller = new AbortController();
    const res = await fetch(`${url}/events`, { signal: controller.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('"version":1');
    assert.equal(hub.listeners('topic:a'), 1);
    hub.publish('topic:b', 'other', { nope: true });
    hub.publish('topic:a', 'math', { version: 2 });
    await readUntil('"version":2');
    assert.match(text, /event: state\ndata: \{"version":1\}\n\n/);
    assert.match(text, /event: math\ndata: \{"version":2\}\n\n/);
    assert.ok(!text.includes('nope'), 'only its own topic');
    controller.abort();
    await reader.cancel().catch(() => undefined);
    for (let i = 0; i < 50 && hub.listeners('topic:a') > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(hub.listeners('topic:a'), 0);
  } finally {
    await app.close();
  }
});
