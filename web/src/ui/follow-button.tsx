/**
 * Follow / stop following a resource (a process, proposal, debate, organization, ...), with the
 * number of followers. Signed-out visitors get a link to sign in and come back. Shows nothing when
 * the resource cannot be followed (unknown or not visible).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button } from '@trussworks/react-uswds';
import { api } from '../api.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from './api-error-alert.js';
import { useAction } from './use-action.js';
import { useLoad } from './use-load.js';
import { useLocalize } from './localize.js';

/** What the API says about one resource's followers. */
export interface FollowState {
  following: boolean;
  followers: number;
}

export function followUrl(resourceType: string, resourceId: string): string {
  return `/follows/${encodeURIComponent(resourceType)}/${encodeURIComponent(resourceId)}`;
}

export function FollowButton({ resourceType, resourceId, className }: { resourceType: string; resourceId: string; className?: string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const { session } = useSession();
  const location = useLocation();
  const hintId = useId();
  const user = session?.user ?? null;
  const url = followUrl(resourceType, resourceId);
  const state = useLoad(() => api.get<FollowState>(url), [url, user?.id], session !== null);
  const toggle = useAction(async () => {
    const next = state.data?.following ? await api.delete<FollowState>(url) : await api.put<FollowState>(url);
    state.setData(next);
  });

  if (!session || (state.error && state.error.status === 404)) return null;
  const data = state.data;
  const count = data ? <span className="text-base margin-left-1" data-testid="follower-count">{t('notifications.followers', { count: number(data.followers) })}</span> : null;

  if (!user) {
    return (
      <div className={className ?? 'margin-y-2'} data-testid="follow">
        <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }} className="usa-button usa-button--outline">
          {t('notifications.signInToFollow')}
        </Link>
        {count}
      </div>
    );
  }

  const following = data?.following ?? false;
  return (
    <div className={className ?? 'margin-y-2'} data-testid="follow">
      {following ? (
        <span className="text-bold margin-right-1" role="status">
          ✓ {t('notifications.following')}
        </span>
      ) : null}
      <Button
        type="button"
        outline={following}
        disabled={!data || toggle.pending}
        onClick={() => void toggle.run()}
        aria-describedby={following ? undefined : hintId}
      >
        {following ? t('notifications.unfollow') : t('notifications.follow')}
      </Button>
      {count}
      {following ? null : (
        <span id={hintId} className="usa-sr-only">
          {t('notifications.followHint')}
        </span>
      )}
      <ApiErrorAlert error={toggle.error ?? (state.error && state.error.status !== 404 ? state.error : null)} />
    </div>
  );
}
