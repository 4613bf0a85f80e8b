/** "My reports": every problem the signed-in person reported, with where it stands and its deadline. */
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
import { DeadlineText, StateTag, useCategoryName } from './parts.js';
import { reportUrl, type ReportSummary } from './types.js';

export function MyReportsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { name, dateTime } = useLocalize();
  const categoryName = useCategoryName();
  usePageTitle(t('reports.mine.title'));
  const user = session?.user ?? null;
  const list = useLoad(() => api.get<{ reports: ReportSummary[]; total: number }>('/problem-reports/mine', { limit: 100 }), [user?.id], Boolean(user));
  return (
    <>
      <h1>{t('reports.mine.title')}</h1>
      <p className="usa-intro">{t('reports.mine.intro')}</p>
      {session && !user ? <SignInRequired /> : null}
      <ApiErrorAlert error={list.error} focus={false} />
      {user && list.loading && !list.data ? <Loading /> : null}
      {user ? (
        <p>
          <Link className="usa-button" to="/reports/new">
            {t('reports.list.create')}
          </Link>
        </p>
      ) : null}
      {list.data && list.data.reports.length === 0 ? <p>{t('reports.mine.empty')}</p> : null}
      <ul className="usa-collection" data-testid="my-reports">
        {list.data?.reports.map((r) => (
          <li key={r.id} className="usa-collection__item">
            <div className="usa-collection__body">
              <h2 className="usa-collection__heading">
                <Link className="usa-link" to={reportUrl(r.id)}>
                  {categoryName(r.category)}
                  {r.address ? ` · ${r.address}` : ''}
                </Link>
              </h2>
              <StateTag state={r.state} hidden={r.hidden} />
              {r.state === 'fixed' ? <p className="text-bold margin-y-1">{t('reports.mine.confirmPrompt')}</p> : null}
              <ul className="usa-collection__meta" aria-label={t('reports.detail.about')}>
                <li className="usa-collection__meta-item">{name(r.department)}</li>
                <li className="usa-collection__meta-item">{dateTime(r.createdAt)}</li>
              </ul>
              <p className="margin-y-1">
                <DeadlineText deadline={r.deadline} />
              </p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
