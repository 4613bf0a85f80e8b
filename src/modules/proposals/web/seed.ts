const key = 'civitas.proposals.seed';

/** The visitor's seed for the random order, kept in localStorage so paging and returning keep one order. */
export function visitorSeed(): string {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored && /^[A-Za-z0-9_-]{1,32}$/.test(stored)) return stored;
    const fresh = Math.random().toString(36).slice(2, 12) || 'civitas';
    window.localStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return 'civitas';
  }
}
