/**
 * Everyone who applied to a hearing, for its department: names, organizations, positions and
 * statements, what they asked for and the place they got (or their place on the waiting list),
 * and whether a clerk entered the application for them.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { PositionTag } from './parts.js';
import { hearingUrl, type RegistrationList } from './types.js';

export function RegistrationsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { name, dateTime } = useLocalize();
  const list = useLoad(() => api.get<RegistrationList>(`/hearings/${encodeURIComponent(id)}/registrations`), [id, session?.user?.id], Boolean(session?.user));
  usePageTitle(t('hearings.registrations.title'));
  if (session && !session.user) return <SignInRequired />;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={hearingUrl(id)}>{t('hearings.draw.back')}</Link>
        </p>
        <h1>{t('hearings.registrations.title')}</h1>
      </div>
      <ApiErrorAlert error={list.error} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <p role="status">{t('hearings.registrations.count', { count: list.data.registrations.length })}</p>
          <div className="civitas-table-wrap">
            <table className="usa-table usa-table--stacked usa-table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('hearings.registrations.person')}</th>
                  <th scope="col">{t('hearings.registrations.place')}</th>
                  <th scope="col">{t('hearings.registrations.position')}</th>
                  <th scope="col">{t('hearings.registrations.statement')}</th>
                  <th scope="col">{t('hearings.registrations.applied')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.registrations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={t('hearings.registrations.person')}>
                      {r.user.displayName}
                      {r.organization ? <> · {name(r.organization)}</> : null}
                      {r.assisted ? <span className="display-block font-ui-3xs text-base">{t('hearings.registrations.assisted')}</span> : null}
                      <span className="display-block civitas-hash font-ui-3xs">{r.id}</span>
                    </th>
                    <td data-label={t('hearings.registrations.place')}>
                      {t(`hearings.register.kind.${r.kind}`)} → {t(`hearings.register.status.${r.status}`, { rank: r.waitingRank ?? '' })}
                    </td>
                    <td data-label={t('hearings.registrations.position')}>
                      <PositionTag position={r.position} />
                    </td>
                    <td data-label={t('hearings.registrations.statement')} className="civitas-prewrap">
                      {r.statement}
                    </td>
                    <td data-label={t('hearings.registrations.applied')}>{dateTime(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
