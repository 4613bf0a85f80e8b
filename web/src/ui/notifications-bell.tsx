/**
 * The header's link to my notifications with the number of unread ones. It asks the server every
 * 60 seconds while the page is visible, on every navigation, and when the notifications page says
 * something was marked as read. Nothing is shown to visitors.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../api.js';
import { useSession } from '../app/session.js';
import { useLocalize } from './localize.js';

const CHANGED = 'civitas:notifications-changed';
const POLL_MS = 60_000;

/** Tells the bell to count again (after marking notifications as read). */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function NotificationsBell() {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const { session } = useSession();
  const location = useLocation();
  const userId = session?.user?.id ?? null;
  const [count, setCount] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    if (!userId || document.visibilityState === 'hidden') return;
    try {
      const { count: unread } = await api.get<{ count: number }>('/notifications/unread-count');
      setCount(unread);
    } catch {
      // Offline or signed out meanwhile: keep the last number; the next poll tries again.
    }
  }, [userId]);

  useEffect(() => {
    setCount(null);
  }, [userId]);

  useEffect(() => {
    void refresh();
  }, [refresh, location.pathname]);

  useEffect(() => {
    if (!userId) return;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onChange = () => void refresh();
    window.addEventListener(CHANGED, onChange);
    document.addEventListener('visibilitychange', onChange);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, onChange);
      document.removeEventListener('visibilitychange', onChange);
    };
  }, [userId, refresh]);

  if (!userId) return null;
  const unread = count ?? 0;
  const current = location.pathname === '/notifications';
  return (
    <Link to="/notifications" className="civitas-bell" aria-current={current ? 'page' : undefined} data-testid="notifications-bell">
      {t('notifications.bell')}
      {unread > 0 ? (
        <>
          <span className="usa-tag bg-secondary margin-left-05" aria-hidden="true" data-testid="unread-count">
            {unread > 99 ? '99+' : number(unread)}
          </span>
          <span className="usa-sr-only">, {t('notifications.unreadCount', { count: number(unread) })}</span>
        </>
      ) : null}
    </Link>
  );
}
