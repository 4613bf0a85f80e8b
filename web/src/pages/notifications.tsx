/**
 * My notifications: newest first, unread ones marked, each linking to what it is about; mark one
 * or all as read; older ones page in. Below, what I follow, with a way to stop following.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { followUrl } from '../ui/follow-button.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { announceNotificationsChanged } from '../ui/notifications-bell.js';
import { usePageTitle } from '../ui/page-title.js';
import { SignInRequired } from '../ui/sign-in-required.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';

/** One notification as `GET /api/v1/notifications` returns it (message already in my language). */
export interface NotificationItem {
  id: number;
  kind: string;
  resourceType: string;
  resourceId: string;
  title: string;
  path: string;
  message: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface NotificationPage {
  notifications: NotificationItem[];
  nextBefore: number | null;
}

interface FollowItem {
  resourceType: string;
  resourceId: string;
  title: string | null;
  path: string | null;
  available: boolean;
  createdAt: string;
}

const PAGE_SIZE = 20;

function NotificationList() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useLocalize();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [allReadNotice, setAllReadNotice] = useState(false);
  // Messages come in the language of the request: reload when the language changes.
  const first = useLoad(
    () => api.get<NotificationPage>('/notifications', { unread: unreadOnly ? 'true' : null, limit: PAGE_SIZE }),
    [unreadOnly, i18n.language],
  );
  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.notifications);
    setNextBefore(first.data.nextBefore);
  }, [first.data]);

  const more = useAction(async () => {
    if (nextBefore === null) return;
    const page = await api.get<NotificationPage>('/notifications', { unread: unreadOnly ? 'true' : null, limit: PAGE_SIZE, before: nextBefore });
    setItems((current) => [...current, ...page.notifications]);
    setNextBefore(page.nextBefore);
  });

  const markRead = useAction(async (body: { ids: number[] } | { all: true }) => {
    await api.post('/notifications/read', body);
    const now = new Date().toISOString();
    const ids = 'ids' in body ? new Set(body.ids) : null;
    setItems((current) => current.map((n) => (n.readAt === null && (!ids || ids.has(n.id)) ? { ...n, readAt: now } : n)));
    if (!ids) setAllReadNotice(true);
    announceNotificationsChanged();
  });

  const hasUnread = items.some((n) => n.readAt === null);
  return (
    <section aria-labelledby="notifications-list" className="margin-bottom-4">
      <h2 id="notifications-list" className="usa-sr-only">
        {t('notifications.title')}
      </h2>
      <div className="display-flex flex-wrap flex-align-end flex-justify margin-bottom-2">
        <fieldset className="usa-fieldset">
          <legend className="usa-sr-only">{t('notifications.filter')}</legend>
          <div className="display-flex flex-wrap">
            {[false, true].map((value) => (
              <div className="usa-radio margin-right-3" key={String(value)}>
                <input
                  className="usa-radio__input"
                  id={`notifications-filter-${value ? 'unread' : 'all'}`}
                  type="radio"
                  name="notifications-filter"
                  checked={unreadOnly === value}
                  onChange={() => {
                    setUnreadOnly(value);
                    setAllReadNotice(false);
                  }}
                />
                <label className="usa-radio__label margin-top-1" htmlFor={`notifications-filter-${value ? 'unread' : 'all'}`}>
                  {value ? t('notifications.filterUnread') : t('notifications.filterAll')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Button type="button" outline className="margin-top-1" disabled={!hasUnread || markRead.pending} onClick={() => void markRead.run({ all: true })} data-testid="mark-all-read">
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {allReadNotice ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('notifications.allRead')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={first.error ?? markRead.error ?? more.error} />
      {first.loading && items.length === 0 ? <Loading /> : null}
      {!first.loading && !first.error && items.length === 0 ? (
        <p className="text-base" data-testid="notifications-empty">
          {unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="usa-list usa-list--unstyled" data-testid="notifications">
          {items.map((n) => {
            const unread = n.readAt === null;
            return (
              <li
                key={n.id}
                className={`padding-2 margin-bottom-1 border-1px radius-md ${unread ? 'border-primary bg-primary-lighter border-left-05' : 'border-base-lighter'}`}
                data-testid="notification"
                data-unread={unread ? 'true' : 'false'}
              >
                {unread ? (
                  <>
                    <Tag className="bg-primary">{t('notifications.unread')}</Tag>{' '}
                  </>
                ) : null}
                <Link
                  to={n.path}
                  className={unread ? 'text-bold' : undefined}
                  onClick={() => {
                    if (unread) void markRead.run({ ids: [n.id] });
                  }}
                >
                  {n.message}
                </Link>
                <div className="display-flex flex-wrap flex-align-center margin-top-1">
                  <span className="text-base-dark font-body-2xs margin-right-2">{t('notifications.received', { time: dateTime(n.createdAt) })}</span>
                  {unread ? (
                    <Button type="button" unstyled className="font-body-2xs" disabled={markRead.pending} onClick={() => void markRead.run({ ids: [n.id] })}>
                      {t('notifications.markRead')}
                      <span className="usa-sr-only">: {n.message}</span>
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {nextBefore !== null ? (
        <Button type="button" outline disabled={more.pending} onClick={() => void more.run()}>
          {t('notifications.loadMore')}
        </Button>
      ) : null}
    </section>
  );
}

function FollowList() {
  const { t } = useTranslation();
  const { date } = useLocalize();
  const follows = useLoad(() => api.get<{ follows: FollowItem[]; total: number }>('/follows', { limit: 100 }), []);
  const unfollow = useAction(async (item: FollowItem) => {
    await api.delete(followUrl(item.resourceType, item.resourceId));
    if (follows.data) {
      follows.setData({
        follows: follows.data.follows.filter((f) => !(f.resourceType === item.resourceType && f.resourceId === item.resourceId)),
        total: follows.data.total - 1,
      });
    }
  });
  return (
    <section aria-labelledby="follows-title" className="margin-bottom-4">
      <h2 id="follows-title">{t('notifications.followsTitle')}</h2>
      <ApiErrorAlert error={follows.error ?? unfollow.error} />
      {follows.loading && !follows.data ? <Loading /> : null}
      {follows.data && follows.data.follows.length === 0 ? <p className="text-base">{t('notifications.followsEmpty')}</p> : null}
      {follows.data && follows.data.follows.length > 0 ? (
        <ul className="usa-list usa-list--unstyled" data-testid="follows">
          {follows.data.follows.map((f) => {
            const name = f.available && f.title ? f.title : t('notifications.unavailable');
            return (
              <li key={`${f.resourceType}:${f.resourceId}`} className="padding-y-1 border-bottom-1px border-base-lighter display-flex flex-wrap flex-justify flex-align-center">
                <span className="margin-right-2">
                  {f.available && f.path ? <Link to={f.path}>{name}</Link> : <span className="text-base">{name}</span>}
                  <span className="display-block text-base font-body-2xs">{t('notifications.followedSince', { date: date(f.createdAt) })}</span>
                </span>
                <Button type="button" unstyled disabled={unfollow.pending} onClick={() => void unfollow.run(f)}>
                  {t('notifications.unfollow')}
                  <span className="usa-sr-only">: {name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const { session } = useSession();
  const user = session?.user ?? null;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {!session ? <Loading /> : null}
      {session && !user ? <SignInRequired /> : null}
      {user ? (
        <div key={user.id}>
          <p className="usa-intro">{t('notifications.intro')}</p>
          <NotificationList />
          <FollowList />
        </div>
      ) : null}
    </>
  );
}
