import { EventEmitter } from 'node:events';

/** One event for the pages following a topic (e.g. `conversation:<id>`): a name and JSON data. */
export interface LiveEvent {
  event: string;
  data: unknown;
}

/**
 * Live updates for open pages, pushed by server-sent events. Publishers call `publish` after
 * their change committed (never inside a transaction that may still roll back); every page
 * subscribed to the topic in this server process gets the event. The hub lives as long as the
 * process; `Deps.live` carries it to routes and jobs.
 */
export interface LiveHub {
  publish(topic: string, event: string, data: unknown): void;
  /** Calls `listener` for each event on `topic` until the returned function is called. */
  subscribe(topic: string, listener: (event: LiveEvent) => void): () => void;
  /** How many listeners a topic has now (for tests and metrics). */
  listeners(topic: string): number;
}

/** The in-process hub: pages and publishers of one server process. */
export function createLiveHub(): LiveHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(topic, event, data) {
      emitter.emit(topic, { event, data } satisfies LiveEvent);
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => emitter.off(topic, listener);
    },
    listeners(topic) {
      return emitter.listenerCount(topic);
    },
  };
}
