/**
 * The handlers' queue: their supervision key (set up or unlock), then complaints and anonymous
 * reports of their bodies that they may handle, sorted by deadline, overdue in red. Closed cases on
 * request. Reports whose key colleagues lack can be shared in one action.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Table } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, KeyPanel, StageTag } from './parts.js';
import { complaintUrl, reportUrl, type Queue } from './types.js';

export function QueuePage() {
  const { t } = useTranslation();
  const { name, date } = useLocalize();
  const { session } = useSession();
  const [closed, setClosed] = useState(false);
  usePageTitle(t('supervision.queue.title'));
  const queue = useLoad(() => api.get<Queue>('/supervision/queue', { closed: closed ? 'true' : undefined }), [session?.user?.id, closed], Boolean(session?.user));
  const share = useAction(async () => {
    await api.post('/supervision/reports/share-access', {});
    queue.reload();
  });
  if (session && !session.user) return <SignInRequired />;
  if (queue.error) return <ApiErrorAlert error={queue.error} />;
  if (!queue.data) return <Loading />;
  const data = queue.data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.queue.title')}</h1>
        <p className="civitas-lead">{t('supervision.queue.intro')}</p>
        <Button type="button" unstyled onClick={() => setClosed(!closed)}>
          {closed ? t('supervision.queue.showOpen') : t('supervision.queue.showClosed')}
        </Button>
      </div>
      <KeyPanel status={data.key} onChange={queue.reload} />
      {data.key.unlocked && data.shareable > 0 ? (
        <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {t('supervision.queue.shareable', { count: data.shareable })}{' '}
              <Button type="button" unstyled onClick={() => void share.run()} disabled={share.pending}>
                {t('supervision.queue.share')}
              </Button>
            </p>
          </div>
        </div>
      ) : null}
      <ApiErrorAlert error={share.error} />
      <h2>{t('supervision.queue.complaints')}</h2>
      {data.complaints.length === 0 ? (
        <p>{t('supervision.queue.noComplaints')}</p>
      ) : (
        <Table bordered fullWidth stackedStyle="default" className="font-body-xs" data-testid="queue-complaints">
          <thead>
            <tr>
              <th scope="col">{t('supervision.queue.case')}</th>
              <th scope="col">{t('supervision.queue.department')}</th>
              <th scope="col">{t('supervision.queue.stage')}</th>
              <th scope="col">{t('supervision.queue.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {data.complaints.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label={t('supervision.queue.case')}>
                  <Link to={complaintUrl(c.id)}>{t('supervision.caseTitle', { number: c.number })}</Link>
                  <div className="font-body-3xs text-base-darkest">{t(`supervision.category.${c.category}`)}</div>
                </th>
                <td data-label={t('supervision.queue.department')}>{name(c.department)}</td>
                <td data-label={t('supervision.queue.stage')}>
                  <StageTag state={c.state} />
                  {c.escalated ? <div className="font-body-3xs text-base-darkest">{t('supervision.case.escalatedTag')}</div> : null}
                </td>
                <td data-label={t('supervision.queue.deadline')}>
                  <DeadlineText deadline={c.deadline} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>{t('supervision.queue.reports')}</h2>
      {data.reports.length === 0 ? (
        <p>{t('supervision.queue.noReports')}</p>
      ) : (
        <Table bordered fullWidth stackedStyle="default" className="font-body-xs" data-testid="queue-reports">
          <thead>
            <tr>
              <th scope="col">{t('supervision.queue.report')}</th>
              <th scope="col">{t('supervision.queue.department')}</th>
              <th scope="col">{t('supervision.queue.stage')}</th>
              <th scope="col">{t('supervision.queue.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reports.map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('supervision.queue.report')}>
                  {r.canOpen ? <Link to={reportUrl(r.id)}>{t('supervision.reportTitle', { number: r.seq })}</Link> : <span>{t('supervision.reportTitle', { number: r.seq })}</span>}
                  <div className="font-body-3xs text-base-darkest">
                    {t('supervision.queue.receivedOn', { date: date(r.receivedOn) })}
                    {!r.canOpen ? ` — ${t('supervision.queue.noAccess')}` : ''}
                    {r.awaitingReporter ? ` — ${t('supervision.queue.awaitingReporter')}` : ''}
                  </div>
                </th>
                <td data-label={t('supervision.queue.department')}>{r.department ? name(r.department) : t('supervision.queue.noDepartment')}</td>
                <td data-label={t('supervision.queue.stage')}>
                  <StageTag state={r.state} />
                </td>
                <td data-label={t('supervision.queue.deadline')}>
                  <DeadlineText deadline={r.deadline} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
