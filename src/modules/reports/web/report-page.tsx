/**
 * One report: what and where (with photos and a marker), its state and the department responsible,
 * the fix deadline in working days, the public timeline of status updates signed by posts, and
 * what the caller may do: the department updates or transfers it, the reporter confirms the fix or
 * reopens it. Comments, follow and "report this content" as on every public page.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, ErrorMessage, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useUser } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, PlaceMarker, ReporterLine, StateTag, useCategoryName } from './parts.js';
import { recordUrl, type ReportDetail, type TimelineEntry } from './types.js';

export function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, dateTime, date } = useLocalize();
  const categoryName = useCategoryName();
  const { byId } = useAreas();
  const detail = useLoad(() => api.get<ReportDetail>(`/problem-reports/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.report.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? categoryName(data.report.category) : notFound ? t('reports.detail.notFound') : t('reports.list.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('reports.detail.notFound')}</h1>
        <p>
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { report, timeline, abilities } = data;
  const area = byId(report.areaId);
  const dueDay = date(new Date(new Date(report.deadline.dueAt).getTime() - 1).toISOString());

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
        <h1 data-testid="report-title">{categoryName(report.category)}</h1>
        <p className="margin-y-1">
          <StateTag state={report.state} hidden={report.hidden} />
        </p>
        <p className="margin-0 text-base">
          <ReporterLine reporter={report.reporter} /> · {dateTime(report.createdAt)}
        </p>
      </div>
      {report.hidden ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('reports.detail.hiddenNotice')}
        </Alert>
      ) : null}
      {abilities.confirm || abilities.reopen ? <ReporterPanel detail={data} onChanged={detail.reload} /> : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="report-what-heading">
            <h2 id="report-what-heading" className="usa-sr-only">
              {t('reports.detail.about')}
            </h2>
            <div className="civitas-prewrap" data-testid="report-description">
              {report.description}
            </div>
            <dl className="civitas-facts margin-top-3">
              <div>
                <dt>{t('reports.detail.where')}</dt>
                <dd>
                  <PlaceMarker latitude={report.latitude} longitude={report.longitude} address={report.address} />
                </dd>
              </div>
              {area ? (
                <div>
                  <dt>{t('reports.detail.area')}</dt>
                  <dd>
                    <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('reports.detail.department')}</dt>
                <dd>
                  <Link to={recordUrl(report.department.slug)}>{name(report.department)}</Link>
                </dd>
              </div>
              {report.statusNotes ? (
                <div>
                  <dt>{t('reports.detail.latestNote')}</dt>
                  <dd className="civitas-prewrap">{report.statusNotes}</dd>
                </div>
              ) : null}
              {report.mediaUrl ? (
                <div>
                  <dt>{t('reports.detail.mediaUrl')}</dt>
                  <dd>
                    <a className="usa-link" href={report.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
                      {t('reports.detail.openPhoto')}
                    </a>
                  </dd>
                </div>
              ) : null}
            </dl>
            <AttachmentList attachments={report.attachments} />
          </section>

          <OfficialPanel detail={data} onChanged={detail.reload} />

          {timeline.length > 0 ? (
            <section aria-labelledby="report-timeline-heading" className="margin-y-3">
              <h2 id="report-timeline-heading">{t('reports.detail.timeline')}</h2>
              <ol className="usa-list usa-list--unstyled" data-testid="timeline">
                {timeline.map((entry, i) => (
                  <li key={i} className="civitas-activity__item">
                    <span className="civitas-activity__what">
                      <TimelineText entry={entry} />
                    </span>
                    <span className="civitas-activity__meta">
                      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </div>
        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('reports.detail.deadline')}>
          <div className="civitas-panel margin-bottom-3" data-testid="deadline-panel">
            <h2 className="font-heading-md">{t('reports.detail.deadline')}</h2>
            <p>
              <DeadlineText deadline={report.deadline} />
            </p>
            {report.deadline.state !== 'fixed' ? <p>{t('reports.deadline.dueOn', { date: dueDay })}</p> : null}
            <p>{t('reports.detail.deadlineExplain', { department: name(report.department), days: report.workingDays })}</p>
            <p className="text-base">{t('reports.deadline.calendar')}</p>
          </div>
          {!report.hidden ? (
            <div className="margin-bottom-3">
              <FollowButton resourceType="problem_report" resourceId={report.id} />
              <ReportButton resourceType="problem_report" resourceId={report.id} subject={categoryName(report.category)} className="margin-top-2" />
            </div>
          ) : null}
        </aside>
      </div>
      {!report.hidden ? (
        <div className="grid-row grid-gap-lg">
          <div className="grid-col-12 desktop:grid-col-8">
            <CommentThread resourceType="problem_report" resourceId={report.id} title={t('reports.detail.comments')} />
          </div>
        </div>
      ) : null}
    </>
  );
}

function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { name, pick, date } = useLocalize();
  const by = entry.post && entry.department ? t('reports.timeline.by', { post: pick(entry.post.title, entry.post.titleZh), department: name(entry.department) }) : null;
  const due = entry.dueAt ? date(new Date(new Date(entry.dueAt).getTime() - 1).toISOString()) : '';
  let text: string;
  switch (entry.kind) {
    case 'submitted':
      text = entry.department ? t('reports.timeline.submittedTo', { department: name(entry.department), date: due }) : t('reports.timeline.submitted');
      break;
    case 'transferred':
      text = t('reports.timeline.transferred', { department: entry.toDepartment ? name(entry.toDepartment) : '', date: due });
      break;
    case 'reopened':
      text = t('reports.timeline.reopened', { date: due });
      break;
    default:
      text = t(`reports.timeline.${entry.kind}`);
  }
  return (
    <>
      <strong>{text}</strong>
      {entry.late ? <span className="text-error-dark"> ({t('reports.timeline.late')})</span> : null}
      {by ? <> · {by}</> : null}
      {entry.note ? <span className="display-block civitas-prewrap">{entry.note}</span> : null}
    </>
  );
}

/** The reporter, once the department marked it fixed: confirm, or reopen with a reason. */
function ReporterPanel({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = detail.report.id;
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = useAction(async () => {
    await api.post(`/problem-reports/${id}/confirm`, {});
    onChanged();
  });
  const reopen = useAction(async () => {
    await api.post(`/problem-reports/${id}/reopen`, { reason });
    setReopening(false);
    setReason('');
    onChanged();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void reopen.run();
  };
  return (
    <section aria-labelledby="reporter-heading" className="usa-summary-box margin-y-3" data-testid="reporter-panel">
      <div className="usa-summary-box__body">
        <h2 id="reporter-heading" className="usa-summary-box__heading">
          {t('reports.reporterPanel.heading')}
        </h2>
        <p>{t('reports.reporterPanel.intro')}</p>
        <ApiErrorAlert error={confirm.error} />
        {!reopening ? (
          <div className="display-flex flex-wrap">
            {detail.abilities.confirm ? (
              <Button type="button" disabled={confirm.pending} onClick={() => void confirm.run()} data-testid="confirm-fixed">
                {t('reports.reporterPanel.confirm')}
              </Button>
            ) : null}
            {detail.abilities.reopen ? (
              <Button type="button" outline onClick={() => setReopening(true)} data-testid="reopen">
                {t('reports.reporterPanel.reopen')}
              </Button>
            ) : null}
          </div>
        ) : (
          <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('reports.reporterPanel.reopen')}>
            <ApiErrorAlert error={reopen.error} />
            <TextAreaField id="reopen-reason" name="reason" label={t('reports.reporterPanel.reason')} hint={t('reports.reporterPanel.reasonHint')} maxLength={2000} value={reason} onChange={setReason} error={reopen.error} />
            <div className="display-flex flex-wrap">
              <Button type="submit" disabled={reopen.pending}>
                {t('reports.reporterPanel.sendReopen')}
              </Button>
              <Button type="button" unstyled className="margin-left-1" onClick={() => setReopening(false)}>
                {t('reports.reporterPanel.cancel')}
              </Button>
            </div>
          </Form>
        )}
      </div>
    </section>
  );
}

type Target = 'acknowledged' | 'in_progress' | 'fixed';

/** What the responsible department's officials see: the status form, the transfer form and the contact an Open311 client left. */
function OfficialPanel({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const user = useUser();
  const { abilities, report } = detail;
  if (!abilities.updateStatus && !abilities.transfer && !abilities.readContact) return null;
  const post = user?.posts.find((p) => p.organizationId === report.department.id);
  return (
    <section aria-labelledby="official-heading" className="civitas-panel margin-y-3" data-testid="official-panel">
      <h2 id="official-heading">{t('reports.official.heading')}</h2>
      {post ? <p>{t('reports.official.signedAs', { post: title(post), department: name(report.department) })}</p> : null}
      {abilities.updateStatus ? <StatusForm detail={detail} onChanged={onChanged} /> : null}
      {abilities.transfer ? <TransferForm detail={detail} onChanged={onChanged} /> : null}
      {abilities.readContact ? <ContactBox detail={detail} /> : null}
    </section>
  );
}

function StatusForm({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const state = detail.report.state;
  const choices: Target[] = state === 'submitted' || state === 'reopened' ? ['acknowledged', 'in_progress', 'fixed'] : ['in_progress', 'fixed'];
  const [target, setTarget] = useState<Target | ''>('');
  const [note, setNote] = useState('');
  const send = useAction(async () => {
    await api.post(`/problem-reports/${detail.report.id}/status`, { state: target, note: note.trim() || null });
    setTarget('');
    setNote('');
    onChanged();
  });
  const stateError = send.error?.fieldMessage('state');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('reports.official.statusTitle')}>
      <h3>{t('reports.official.statusTitle')}</h3>
      <ApiErrorAlert error={send.error} />
      <Fieldset legend={t('reports.official.newState')} className={stateError ? 'usa-form-group usa-form-group--error' : undefined}>
        {stateError ? <ErrorMessage id="status-state-error">{stateError}</ErrorMessage> : null}
        {choices.map((choice) => (
          <Radio key={choice} id={`status-${choice}`} name="report-status" value={choice} label={t(`reports.official.${choice}`)} checked={target === choice} onChange={() => setTarget(choice)} />
        ))}
      </Fieldset>
      <TextAreaField id="status-note" name="note" label={t('reports.official.note')} hint={t('reports.official.noteHint')} optional maxLength={2000} value={note} onChange={setNote} error={send.error} />
      <Button type="submit" disabled={send.pending || !target}>
        {t('reports.official.send')}
      </Button>
    </Form>
  );
}

function TransferForm({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const [open, setOpen] = useState(false);
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const send = useAction(async () => {
    await api.post(`/problem-reports/${detail.report.id}/transfer`, { departmentId, reason });
    setOpen(false);
    onChanged();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <div className="margin-top-3">
      <h3>{t('reports.official.transferTitle')}</h3>
      <p>{t('reports.official.transferIntro')}</p>
      {!open ? (
        <Button type="button" outline onClick={() => setOpen(true)}>
          {t('reports.official.transferOpen')}
        </Button>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('reports.official.transferTitle')}>
          <ApiErrorAlert error={send.error} />
          <SelectField
            id="transfer-department"
            name="departmentId"
            label={t('reports.official.transferTo')}
            emptyLabel={t('reports.official.chooseDepartment')}
            options={(detail.transferTargets ?? []).map((d) => ({ value: d.id, label: name(d) }))}
            value={departmentId}
            onChange={setDepartmentId}
            error={send.error}
          />
          <TextAreaField id="transfer-reason" name="reason" label={t('reports.official.transferReason')} hint={t('reports.official.transferReasonHint')} maxLength={2000} value={reason} onChange={setReason} error={send.error} />
          <div className="display-flex flex-wrap">
            <Button type="submit" secondary disabled={send.pending}>
              {t('reports.official.transferSend')}
            </Button>
            <Button type="button" unstyled className="margin-left-1" onClick={() => setOpen(false)}>
              {t('reports.official.cancel')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

function ContactBox({ detail }: { detail: ReportDetail }) {
  const { t } = useTranslation();
  const contact = detail.contact;
  return (
    <div className="margin-top-3" data-testid="contact">
      <h3>{t('reports.official.contactTitle')}</h3>
      <p className="usa-hint">{t('reports.official.contactPrivate')}</p>
      {contact ? (
        <dl className="civitas-facts">
          {contact.displayName || contact.firstName || contact.lastName ? (
            <div>
              <dt>{t('reports.official.contactName')}</dt>
              <dd>{contact.displayName ?? [contact.firstName, contact.lastName].filter(Boolean).join(' ')}</dd>
            </div>
          ) : null}
          {contact.email ? (
            <div>
              <dt>{t('reports.official.contactEmail')}</dt>
              <dd>
                <a className="usa-link" href={`mailto:${contact.email}`}>
                  {contact.email}
                </a>
              </dd>
            </div>
          ) : null}
          {contact.phone ? (
            <div>
              <dt>{t('reports.official.contactPhone')}</dt>
              <dd>
                <a className="usa-link" href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>
                  {contact.phone}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>{t('reports.official.noContact')}</p>
      )}
    </div>
  );
}
