/** "My proposals": everything the signed-in person wrote, co-wrote or proposed for their organization, drafts included. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, StateTag, SupportProgress } from './parts.js';
import { proposalUrl, type MyProposals } from './types.js';

export function MyProposalsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, dateTime } = useLocalize();
  usePageTitle(t('proposals.mine.title'));
  const user = session?.user ?? null;
  const list = useLoad(() => api.get<MyProposals>('/proposals/mine', { limit: 100 }), [user?.id], Boolean(user));
  return (
    <>
      <h1>{t('proposals.mine.title')}</h1>
      <p className="usa-intro">{t('proposals.mine.intro')}</p>
      {session && !user ? <SignInRequired /> : null}
      <ApiErrorAlert error={list.error} focus={false} />
      {user && list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.proposals.length === 0 ? (
        <p>
          {t('proposals.mine.empty')} <Link to="/processes">{t('processes.nav')}</Link>
        </p>
      ) : null}
      <ul className="usa-collection" data-testid="my-proposals">
        {list.data?.proposals.map((p) => (
          <li key={p.id} className="usa-collection__item">
            <div className="usa-collection__body">
              <h2 className="usa-collection__heading">
                <Link className="usa-link" to={proposalUrl(p.process.slug, p.id)}>
                  {p.title}
                </Link>
              </h2>
              <StateTag state={p.state} hidden={p.hidden} />
              <ul className="usa-collection__meta" aria-label={t('proposals.detail.about')}>
                <li className="usa-collection__meta-item">
                  <Link to={`/processes/${p.process.slug}`}>{t('proposals.mine.in', { process: title(p.process) })}</Link>
                </li>
                <li className="usa-collection__meta-item">{dateTime(p.publishedAt ?? p.createdAt)}</li>
              </ul>
              {p.state !== 'draft' ? <SupportProgress id={`mine-${p.id}`} count={p.supportsCount} threshold={p.supportThreshold} /> : null}
              {p.deadline ? (
                <p className="margin-y-1">
                  <DeadlineText deadline={p.deadline} />
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
