/**
 * The signed-in state of the page: the session from `GET /api/v1/session` (user, CSRF token,
 * staff assistance, demo flag, installation name), shared through React context.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, asApiError, onSessionReloaded, setCsrfToken } from '../api.js';
import type { Session } from '../api-types.js';
import i18n, { currentLanguage, hasStoredLanguage, type Language } from '../i18n/index.js';

export interface SessionState {
  /** null until the first answer arrives. */
  session: Session | null;
  /** Set when the session could not be read (server down). */
  error: ApiError | null;
  /** Re-reads the session, e.g. after signing in or out; resolves with the new one. */
  refresh: () => Promise<Session | null>;
  /** Switches the UI language, and saves it on the account when signed in. */
  changeLanguage: (language: Language) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const adopt = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Session>('/session');
      adopt(next);
      return next;
    } catch (caught) {
      setError(asApiError(caught));
      return null;
    }
  }, [adopt]);

  useEffect(() => {
    onSessionReloaded(adopt);
    let cancelled = false;
    void api
      .get<Session>('/session')
      .then((first) => {
        if (cancelled) return;
        adopt(first);
        // A browser that never chose a language follows the account's setting.
        if (first.user && !hasStoredLanguage() && first.user.locale !== currentLanguage()) {
          void i18n.changeLanguage(first.user.locale);
        }
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(asApiError(caught));
      });
    return () => {
      cancelled = true;
      onSessionReloaded(null);
    };
  }, [adopt]);

  const changeLanguage = useCallback(
    async (language: Language) => {
      await i18n.changeLanguage(language);
      if (session?.user && session.user.locale !== language) {
        try {
          await api.patch('/me', { locale: language });
          setSession((current) =>
            current?.user ? { ...current, user: { ...current.user, locale: language } } : current,
          );
        } catch {
          // The page is already in the new language; the account keeps its old one until next time.
        }
      }
    },
    [session],
  );

  const value = useMemo<SessionState>(
    () => ({ session, error, refresh, changeLanguage }),
    [session, error, refresh, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user, or null (also while the session is loading). */
export function useUser() {
  return useSession().session?.user ?? null;
}
