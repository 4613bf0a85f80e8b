import { useCallback, useEffect, useRef, useState } from 'react';

const prefix = 'civitas.draft.';

function read<T>(key: string, initial: T): T {
  try {
    const stored = window.sessionStorage.getItem(prefix + key);
    if (!stored) return initial;
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === 'object' && parsed !== null ? { ...initial, ...(parsed as Partial<T>) } : initial;
  } catch {
    return initial;
  }
}

/**
 * Form state that survives a reload or a detour through sign-in (e.g. after the session expired):
 * kept in sessionStorage under `key` until `clear()` after a successful submit. Only for fields
 * that are safe to keep in the browser tab (never passwords or document numbers).
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (next: T | ((current: T) => T)) => void, () => void] {
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => read(key, initial));
  useEffect(() => {
    try {
      window.sessionStorage.setItem(prefix + key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft lives only in memory.
    }
  }, [key, value]);
  const clear = useCallback(() => {
    try {
      window.sessionStorage.removeItem(prefix + key);
    } catch {
      // Nothing stored.
    }
    setValue(initialRef.current);
  }, [key]);
  return [value, setValue, clear];
}
