/**
 * Supervise: the two ways to report misconduct, side by side, with a plain account of what stays
 * secret and what does not in each, the deadlines, and links for handlers and administrators.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useSession } from '../../../../web/src/app/session.js';
import type { Overview } from './types.js';

export function LandingPage() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { session } = useSession();
  usePageTitle(t('supervision.landing.title'));
  const overview = useLoad(() => api.get<Overview>('/supervision/overview'), [session?.user?.id]);
  if (overview.error) return <ApiErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  const data = overview.data;
  const bodies = data.bodies.map((b) => name(b)).join(t('supervision.listSeparator'));
  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('supervision.landing.title')}</h1>
        <p className="civitas-lead">{t('supervision.landing.intro', { bodies: bodies || t('supervision.landing.noBody') })}</p>
      </div>
      {!data.ready ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-bottom-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('supervision.landing.notReady')}</p>
          </div>
        </div>
      ) : null}
      {data.abilities.work || data.abilities.configure ? (
        <ul className="usa-button-group margin-bottom-3">
          {data.abilities.work ? (
            <li className="usa-button-group__item">
              <Link className="usa-button" to="/supervision/queue">
                {t('supervision.landing.queue')}
              </Link>
            </li>
          ) : null}
          {data.abilities.configure ? (
            <li className="usa-button-group__item">
              <Link className="usa-button usa-button--outline" to="/supervision/settings">
                {t('supervision.landing.settings')}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="grid-row grid-gap-lg">
        <section className="tablet:grid-col-6 margin-bottom-3" aria-labelledby="named-heading">
          <h2 id="named-heading">{t('supervision.landing.namedTitle')}</h2>
          <p>{t('supervision.landing.namedIntro')}</p>
          <h3>{t('supervision.landing.whoKnows')}</h3>
          <ul className="usa-list">
            <li>{t('supervision.landing.namedSecret1')}</li>
            <li>{t('supervision.landing.namedSecret2')}</li>
            <li>{t('supervision.landing.namedSecret3')}</li>
            <li>{t('supervision.landing.namedNotSecret')}</li>
          </ul>
          <p>{t('supervision.landing.deadlines', { intake: data.deadlines.intake, review: data.deadlines.review, investigation: data.deadlines.investigation })}</p>
          <p>
            <Link className="usa-button" to="/supervision/complaints/new">
              {t('supervision.landing.fileComplaint')}
            </Link>{' '}
            {session?.user ? <Link to="/supervision/complaints">{t('supervision.landing.myComplaints')}</Link> : null}
          </p>
        </section>
        <section className="tablet:grid-col-6 margin-bottom-3" aria-labelledby="anonymous-heading">
          <h2 id="anonymous-heading">{t('supervision.landing.anonymousTitle')}</h2>
          <p>{t('supervision.landing.anonymousIntro')}</p>
          <h3>{t('supervision.landing.whatStaysSecret')}</h3>
          <ul className="usa-list">
            <li>{t('supervision.landing.anonSecret1')}</li>
            <li>{t('supervision.landing.anonSecret2')}</li>
            <li>{t('supervision.landing.anonSecret3')}</li>
            <li>{t('supervision.landing.anonSecret4', { days: data.retentionDays })}</li>
          </ul>
          <h3>{t('supervision.landing.whatWeCannotHide')}</h3>
          <ul className="usa-list">
            <li>{t('supervision.landing.anonLimit1')}</li>
            <li>{t('supervision.landing.anonLimit2')}</li>
            <li>{t('supervision.landing.anonLimit3')}</li>
            <li>{t('supervision.landing.anonLimit4')}</li>
          </ul>
          <p>
            <Link className="usa-button" to="/supervision/report">
              {t('supervision.landing.sendReport')}
            </Link>{' '}
            <Link to="/supervision/check">{t('supervision.landing.checkReport')}</Link>
          </p>
        </section>
      </div>
      <p>
        <Link to="/supervision/statistics">{t('supervision.landing.statistics')}</Link>
      </p>
    </>
  );
}
