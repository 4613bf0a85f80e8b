/**
 * One hearing: what it is about and its legal basis, when and where (or the link), the panel, the
 * agenda and documents, applying to attend or speak, the places and the draw, written questions
 * with co-signatures, and afterwards the minutes, the panel's answers and the government's
 * response report with its deadline (overdue in red, in public). Officials manage it from here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { TextAreaField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { PositionTag, ReportDeadline, StageTag, WhenWhere } from './parts.js';
import { RegistrationPanel } from './registration-panel.js';
import { SubmissionsSection } from './submissions-section.js';
import { hearingUrl, type DecisionName, type HearingDetail } from './types.js';

const decisionClass: Record<DecisionName, string> = {
  adopted: 'civitas-tag--verified',
  partly_adopted: 'civitas-tag--pending',
  not_adopted: 'civitas-tag--rejected',
  under_study: 'bg-primary',
};

export function HearingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { title, name, pick, dateTime, number } = useLocalize();
  const { byId } = useAreas();
  const detail = useLoad(() => api.get<HearingDetail>(`/hearings/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.hearing.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? title(data.hearing) : notFound ? t('hearings.detail.notFound') : t('hearings.list.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('hearings.detail.notFound')}</h1>
        <p>
          <Link to="/hearings">{t('hearings.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { hearing, abilities, minutes, answers, report, speakers } = data;
  const area = byId(hearing.areaId);
  const held = hearing.stage === 'in_session' || hearing.stage === 'held' || hearing.stage === 'reported';
  const legalReferenceIsUrl = hearing.legalReference ? /^https?:\/\//.test(hearing.legalReference) : false;
  const place = hearing.location ? pick(hearing.location, hearing.locationZh) : null;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/hearings">{t('hearings.detail.back')}</Link>
        </p>
        <h1 data-testid="hearing-title">{title(hearing)}</h1>
        <p className="margin-y-1 civitas-tags">
          <StageTag stage={hearing.stage} />
        </p>
        <p className="margin-0 text-base">
          <WhenWhere hearing={hearing} />
        </p>
      </div>

      {hearing.stage === 'cancelled' ? (
        <Alert type="warning" headingLevel="h2" heading={t('hearings.detail.cancelledHeading')}>
          {hearing.cancelReason}
        </Alert>
      ) : null}
      {hearing.deadline?.state === 'overdue' ? (
        <Alert type="error" headingLevel="h2" slim>
          {t('hearings.detail.reportOverdue', { department: name(hearing.department) })} <ReportDeadline deadline={hearing.deadline} />
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="usa-sr-only">
              {t('hearings.detail.about')}
            </h2>
            {hearing.description ? <div className="civitas-prewrap">{pick(hearing.description, hearing.descriptionZh)}</div> : null}
            <dl className="civitas-facts margin-top-3">
              <div>
                <dt>{t('hearings.detail.when')}</dt>
                <dd>
                  <time dateTime={hearing.startsAt}>{dateTime(hearing.startsAt)}</time> – <time dateTime={hearing.endsAt}>{dateTime(hearing.endsAt)}</time>
                </dd>
              </div>
              {place ? (
                <div>
                  <dt>{t('hearings.detail.where')}</dt>
                  <dd>{place}</dd>
                </div>
              ) : null}
              {hearing.onlineUrl ? (
                <div>
                  <dt>{t('hearings.detail.online')}</dt>
                  <dd>
                    <a className="usa-link" href={hearing.onlineUrl} rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                      {hearing.onlineUrl}
                    </a>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('hearings.detail.department')}</dt>
                <dd>
                  <Link to={`/organizations/${hearing.department.slug}`}>{name(hearing.department)}</Link>
                </dd>
              </div>
              {area ? (
                <div>
                  <dt>{t('hearings.detail.area')}</dt>
                  <dd>
                    <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                  </dd>
                </div>
              ) : null}
              {hearing.process ? (
                <div>
                  <dt>{t('hearings.detail.process')}</dt>
                  <dd>
                    <Link to={`/processes/${hearing.process.slug}`}>{title(hearing.process)}</Link>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('hearings.detail.places')}</dt>
                <dd>{t('hearings.detail.placesText', { seats: number(hearing.seats), slots: number(hearing.speakingSlots) })}</dd>
              </div>
            </dl>
            <details className="civitas-details margin-top-2">
              <summary>{t('hearings.detail.legalBasis')}</summary>
              <p>{pick(hearing.legalBasis, hearing.legalBasisZh)}</p>
              {hearing.legalReference ? (
                <p>
                  {legalReferenceIsUrl ? (
                    <a className="usa-link" href={hearing.legalReference} rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                      {hearing.legalReference}
                    </a>
                  ) : (
                    hearing.legalReference
                  )}
                </p>
              ) : null}
            </details>
          </section>

          {hearing.panel.length > 0 ? (
            <section aria-labelledby="panel-heading" className="margin-y-3">
              <h2 id="panel-heading">{t('hearings.detail.panel')}</h2>
              <ul className="usa-list" data-testid="panel">
                {hearing.panel.map((m) => (
                  <li key={m.post.id}>
                    {pick(m.post.title, m.post.titleZh)}, <Link to={`/organizations/${m.organization.slug}`}>{name(m.organization)}</Link>
                    {m.role === 'chair' ? <> ({t('hearings.detail.chair')})</> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {hearing.agenda.length > 0 ? (
            <section aria-labelledby="agenda-heading" className="margin-y-3">
              <h2 id="agenda-heading">{t('hearings.detail.agenda')}</h2>
              <ol className="usa-list" data-testid="agenda">
                {hearing.agenda.map((item, i) => (
                  <li key={i}>{title(item)}</li>
                ))}
              </ol>
            </section>
          ) : null}

          <AttachmentList attachments={hearing.attachments} />

          {hearing.drawnAt ? (
            <section aria-labelledby="speakers-heading" className="margin-y-3">
              <h2 id="speakers-heading">{t('hearings.detail.speakers')}</h2>
              {speakers.length === 0 ? <p>{t('hearings.detail.noSpeakers')}</p> : null}
              <ol className="usa-list usa-list--unstyled" data-testid="speakers">
                {speakers.map((s) => (
                  <li key={s.registrationId} className="civitas-activity__item">
                    <span className="civitas-activity__what">
                      <strong>{s.displayName}</strong>
                      {s.organization ? <> · {name(s.organization)}</> : null} <PositionTag position={s.position} />
                      <span className="display-block civitas-prewrap">{s.statement}</span>
                    </span>
                  </li>
                ))}
              </ol>
              <p>
                <Link to={hearingUrl(hearing.id, 'draw')}>{t('hearings.detail.checkDraw')}</Link>
              </p>
            </section>
          ) : null}

          {minutes ? (
            <section aria-labelledby="minutes-heading" className="margin-y-3" data-testid="minutes">
              <h2 id="minutes-heading">{t('hearings.detail.minutes')}</h2>
              <div className="civitas-prewrap">{pick(minutes.text, minutes.textZh)}</div>
              <p className="font-ui-xs text-base">
                {minutes.post ? t('hearings.detail.recordedBy', { post: pick(minutes.post.title, minutes.post.titleZh), department: name(hearing.department) }) : name(hearing.department)}
                {' · '}
                {dateTime(minutes.recordedAt)}
              </p>
              <AttachmentList attachments={minutes.attachments} headingLevel={3} />
            </section>
          ) : null}

          {answers.length > 0 ? (
            <section aria-labelledby="answers-heading" className="margin-y-3" data-testid="answers">
              <h2 id="answers-heading">{t('hearings.detail.answers')}</h2>
              <dl>
                {answers.map((a) => (
                  <div key={a.id} className="margin-bottom-2">
                    <dt className="text-bold">
                      {pick(a.question, a.questionZh)}
                      {a.askedBy ? <span className="text-normal text-base"> — {a.askedBy}</span> : null}
                    </dt>
                    <dd className="margin-left-0 civitas-prewrap">{pick(a.answer, a.answerZh)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}

          {held || report ? (
            <section aria-labelledby="report-heading" className="margin-y-3" data-testid="report">
              <h2 id="report-heading">{t('hearings.detail.report')}</h2>
              {report ? (
                <>
                  <div className="civitas-prewrap">{pick(report.summary, report.summaryZh)}</div>
                  <ol className="usa-list usa-list--unstyled margin-top-2">
                    {report.items.map((item) => (
                      <li key={item.id} className="civitas-panel margin-bottom-2">
                        <p className="margin-top-0 text-bold">{pick(item.opinion, item.opinionZh)}</p>
                        <p>
                          <Tag className={`civitas-tag ${decisionClass[item.decision]}`}>{t(`hearings.decision.${item.decision}`)}</Tag>
                        </p>
                        <p className="civitas-prewrap">{pick(item.response, item.responseZh)}</p>
                        {item.reference ? (
                          <p className="font-ui-xs">
                            {t('hearings.detail.reference')}{' '}
                            {/^https?:\/\//.test(item.reference) ? (
                              <a className="usa-link" href={item.reference} rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                                {item.reference}
                              </a>
                            ) : (
                              item.reference
                            )}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                  <p className="font-ui-xs text-base">
                    {report.post ? t('hearings.detail.signedBy', { post: pick(report.post.title, report.post.titleZh), department: name(report.department) }) : name(report.department)}
                    {' · '}
                    {dateTime(report.publishedAt)}
                  </p>
                </>
              ) : (
                <p>{t('hearings.detail.noReport', { department: name(hearing.department), days: hearing.responseWorkingDays })}</p>
              )}
            </section>
          ) : null}

          {hearing.stage !== 'cancelled' ? <SubmissionsSection hearingId={hearing.id} reloadKey={`${hearing.updatedAt}:${data.myRegistration?.status ?? ''}`} /> : null}

          <CommentThread resourceType="hearing" resourceId={hearing.id} stance title={t('hearings.detail.comments')} />
        </div>

        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('hearings.detail.aside')}>
          {hearing.stage !== 'cancelled' && !held ? <RegistrationPanel detail={data} onChanged={detail.reload} /> : null}

          <div className="civitas-panel margin-bottom-3" data-testid="places-panel">
            <h2 className="font-heading-md margin-top-0">{t('hearings.detail.applications')}</h2>
            <p>{t('hearings.detail.applicationsText', { count: hearing.counts.applicants, formatted: number(hearing.counts.applicants), speak: number(hearing.counts.wantToSpeak) })}</p>
            <ul className="usa-list">
              <li>{t('hearings.detail.positionCount', { position: t('hearings.position.for'), count: number(hearing.counts.for) })}</li>
              <li>{t('hearings.detail.positionCount', { position: t('hearings.position.against'), count: number(hearing.counts.against) })}</li>
              <li>{t('hearings.detail.positionCount', { position: t('hearings.position.neutral'), count: number(hearing.counts.neutral) })}</li>
            </ul>
            <p className="font-ui-xs">
              {hearing.drawnAt ? t('hearings.detail.drawnOn', { date: dateTime(hearing.drawnAt) }) : t('hearings.detail.drawLater')}
            </p>
            <p>
              <Link to={hearingUrl(hearing.id, 'draw')}>{t('hearings.detail.checkDraw')}</Link>
            </p>
          </div>

          {hearing.deadline ? (
            <div className="civitas-panel margin-bottom-3" data-testid="deadline-panel">
              <h2 className="font-heading-md margin-top-0">{t('hearings.detail.deadlineHeading')}</h2>
              <p>
                <ReportDeadline deadline={hearing.deadline} />
              </p>
              <p className="font-ui-xs">{t('hearings.detail.deadlineExplain', { days: hearing.responseWorkingDays, department: name(hearing.department) })}</p>
            </div>
          ) : null}

          <OfficialActions detail={data} onChanged={detail.reload} />

          <div className="margin-bottom-3">
            <FollowButton resourceType="hearing" resourceId={hearing.id} />
            <p className="font-ui-xs">
              <a className="usa-link" href="/api/v1/hearings.ics">
                {t('hearings.list.calendar')}
              </a>
            </p>
          </div>
        </aside>
      </div>
    </>
  );
}

/** Links to the officials' pages, and cancelling with a public reason. */
function OfficialActions({ detail, onChanged }: { detail: HearingDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hearing, abilities } = detail;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const cancel = useAction(async () => {
    await api.post(`/hearings/${hearing.id}/cancel`, { reason });
    setConfirming(false);
    onChanged();
  });
  const any = abilities.update || abilities.cancel || abilities.draw || abilities.readRegistrations || abilities.recordMinutes || abilities.publishReport;
  if (!any) return null;
  return (
    <div className="civitas-panel margin-bottom-3" data-testid="official-actions">
      <h2 className="font-heading-md margin-top-0">{t('hearings.official.heading')}</h2>
      <ul className="usa-list usa-list--unstyled">
        {abilities.update ? (
          <li className="margin-bottom-1">
            <Link to={hearingUrl(hearing.id, 'edit')}>{t('hearings.official.edit')}</Link>
          </li>
        ) : null}
        {abilities.readRegistrations ? (
          <li className="margin-bottom-1">
            <Link to={hearingUrl(hearing.id, 'registrations')}>{t('hearings.official.registrations')}</Link>
          </li>
        ) : null}
        {abilities.draw ? (
          <li className="margin-bottom-1">
            <Link to={hearingUrl(hearing.id, 'draw')}>{t('hearings.official.draw')}</Link>
          </li>
        ) : null}
        {abilities.recordMinutes ? (
          <li className="margin-bottom-1">
            <Link to={hearingUrl(hearing.id, 'minutes')}>{detail.minutes ? t('hearings.official.correctMinutes') : t('hearings.official.minutes')}</Link>
          </li>
        ) : null}
        {abilities.publishReport ? (
          <li className="margin-bottom-1">
            <Button type="button" onClick={() => navigate(hearingUrl(hearing.id, 'report'))}>
              {t('hearings.official.report')}
            </Button>
          </li>
        ) : null}
      </ul>
      {abilities.cancel && !confirming ? (
        <Button type="button" secondary onClick={() => setConfirming(true)}>
          {t('hearings.official.cancel')}
        </Button>
      ) : null}
      {confirming ? (
        <form
          className="usa-form"
          onSubmit={(event) => {
            event.preventDefault();
            void cancel.run();
          }}
        >
          <ApiErrorAlert error={cancel.error} />
          <TextAreaField id="cancel-reason" name="reason" label={t('hearings.official.cancelReason')} hint={t('hearings.official.cancelHint')} value={reason} onChange={setReason} error={cancel.error} />
          <Button type="submit" secondary disabled={cancel.pending}>
            {t('hearings.official.confirmCancel')}
          </Button>
          <Button type="button" outline onClick={() => setConfirming(false)}>
            {t('hearings.official.keep')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
