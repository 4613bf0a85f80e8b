/** The complaints the signed-in person filed, with their stage and deadline. */
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
import { DeadlineText, StageTag } from './parts.js';
import { complaintUrl, type ComplaintSummary } from './types.js';

export function MyComplaintsPage() {
  const { t } = useTranslation();
  const { name, date } = useLocalize();
  const { session } = useSession();
  usePageTitle(t('supervision.mine.title'));
  const list = useLoad(() => api.get<{ complaints: ComplaintSummary[] }>('/supervision/complaints/mine'), [session?.user?.id], Boolean(session?.user));
  if (session && !session.user) return <SignInRequired />;
  if (list.error) return <ApiErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.mine.title')}</h1>
        <p>
          <Link className="usa-button" to="/supervision/complaints/new">
            {t('supervision.landing.fileComplaint')}
          </Link>
        </p>
      </div>
      {list.data.complaints.length === 0 ? <p>{t('supervision.mine.none')}</p> : null}
      <ul className="usa-card-group">
        {list.data.complaints.map((c) => (
          <li key={c.id} className="usa-card tablet:grid-col-6">
            <div className="usa-card__container">
              <div className="usa-card__header">
                <h2 className="usa-card__heading">
                  <Link to={complaintUrl(c.id)}>{t('supervision.caseTitle', { number: c.number })}</Link>
                </h2>
              </div>
              <div className="usa-card__body">
                <p>
                  <StageTag state={c.state} /> {t(`supervision.category.${c.category}`)}
                </p>
                <p>{t('supervision.case.about', { department: name(c.department), date: date(c.createdAt) })}</p>
                <p>
                  <DeadlineText deadline={c.deadline} />
                </p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
