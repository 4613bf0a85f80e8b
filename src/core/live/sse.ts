import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveEvent, LiveHub } from './hub.js';

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 25_000;

function frame({ event, data }: LiveEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Turns the request into a server-sent event stream of one topic: first the `initial` events (the
 * state now, so a page never misses what happened before it subscribed), then every event published
 * on the topic, with a heartbeat, until the client goes away. Call it after authorization.
 */
export function streamTopic(req: FastifyRequest, reply: FastifyReply, hub: LiveHub, topic: string, initial: LiveEvent[] = []): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  // Browsers reconnect after this many milliseconds when the stream drops.
  res.write('retry: 3000\n\n');
  for (const event of initial) res.write(frame(event));
  const unsubscribe = hub.subscribe(topic, (event) => res.write(frame(event)));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.raw.on('close', end);
  res.on('error', end);
}
