import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api.js';

export interface Action<A extends unknown[]> {
  /** Runs the action; resolves true when it succeeded, false when it failed (see `error`). */
  run: (...args: A) => Promise<boolean>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}

/** State for one button or form submission: pending while running, the ApiError when it failed. */
export function useAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>): Action<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const performRef = useRef(perform);
  performRef.current = perform;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(null);
    try {
      await performRef.current(...args);
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
