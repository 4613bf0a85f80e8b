import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api.js';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Loads again (keeps showing the old data meanwhile). */
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Loads data for a page and reloads when `deps` change; a late answer for old deps is dropped.
 * Pass `enabled = false` to wait (e.g. until the session is known).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (!enabled) return;
    const ticket = ++latest.current;
    setLoading(true);
    loader
      .current()
      .then((result) => {
        if (ticket !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (ticket === latest.current) setError(asApiError(caught));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [...deps, enabled, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
