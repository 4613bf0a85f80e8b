/**
 * Live updates from the server (server-sent events): `useLive('/conversations/abc/events', { math: (data) => ... })`
 * opens one EventSource while the component is mounted, calls the handler of each named event with
 * its parsed JSON, and reconnects by itself when the connection drops (the server sends the state
 * again on reconnection, so nothing is missed).
 */
import { useEffect, useRef, useState } from 'react';

export type LiveHandlers = Record<string, (data: unknown) => void>;

export function useLive(path: string | null, handlers: LiveHandlers): { connected: boolean } {
  const current = useRef(handlers);
  current.current = handlers;
  const [connected, setConnected] = useState(false);
  const names = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!path || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1${path}`, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    for (const name of names.split(',').filter(Boolean)) {
      source.addEventListener(name, (event) => {
        try {
          current.current[name]?.(JSON.parse((event as MessageEvent<string>).data));
        } catch {
          // A malformed event is skipped; the next one carries the whole state again.
        }
      });
    }
    return () => {
      source.close();
      setConnected(false);
    };
  }, [path, names]);
  return { connected };
}
