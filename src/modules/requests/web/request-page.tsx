/**
 * One information request: its status and deadline at every step (paused while awaiting a
 * clarification, extended once, overdue in red), the public correspondence signed by posts, with
 * redactions, documents and the decision with its legal ground; the requester's classification and
 * internal review; follow, report and comments. The requester, the department and the supervising
 * department act here in their panels.
 */
import { useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { AddresseeLine, DeadlineText, RequesterLine, StateTag, dueDay } from './parts.js';
import { DepartmentPanel, ReviewPanel } from './staff-panels.js';
import { CATEGORIES, DECISIONS, recordUrl, type RequestDetail, type RequestMessage } from './types.js';

export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, pick, dateTime, date } = useLocalize();
  const detail = useLoad(() => api.get<RequestDetail>(`/requests/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.request.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? data.request.title : notFound ? t('requests.detail.notFound') : t('requests.list.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('requests.detail.notFound')}</h1>
        <p>
          <Link to="/requests">{t('requests.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { request, rules, pauses, review, messages, abilities } = data;
  const deadline = request.deadline;
  const reload = detail.reload;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/requests">{t('requests.list.title')}</Link>
        </p>
        <h1 data-testid="request-title">{request.title}</h1>
        <p className="margin-y-1">
          <StateTag state={request.state} hidden={request.hidden} />
        </p>
        <p className="margin-0 text-base">
          <RequesterLine requester={request.requester} /> · <time dateTime={request.createdAt}>{dateTime(request.createdAt)}</time>
        </p>
        <p className="margin-0 text-base">
          <AddresseeLine department={request.department} />
        </p>
        {request.realName && request.requester.pseudonymous ? (
          <p className="margin-0 text-base-dark" data-testid="real-name">
            {t('requests.detail.realName', { name: request.realName })}
          </p>
        ) : null}
      </div>

      {request.hidden ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('requests.detail.hiddenNotice')}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          {request.decision || review || request.publicationPath ? (
            <section aria-labelledby="outcome-heading" className="usa-summary-box margin-bottom-3" data-testid="outcome">
              <div className="usa-summary-box__body">
                <h2 id="outcome-heading" className="usa-summary-box__heading">
                  {t('requests.detail.status')}
                </h2>
                {request.decision ? (
                  <p className="margin-y-1">
                    <strong>{t('requests.detail.decision')}:</strong> {t(`requests.decision.${request.decision}`)}
                  </p>
                ) : null}
                {request.refusalGround ? (
                  <p className="margin-y-1">{t('requests.detail.ground', { ground: pick(request.refusalGround.label, request.refusalGround.labelZh), reference: request.refusalGround.legalReference })}</p>
                ) : null}
                {request.classification ? (
                  <p className="margin-y-1" data-testid="classification">
                    <strong>{t('requests.detail.classification')}:</strong> {t(`requests.decision.${request.classification}`)}
                    {request.decision && request.classification !== request.decision ? <span className="display-block text-error-dark">{t('requests.detail.differs')}</span> : null}
                  </p>
                ) : null}
                {review ? (
                  <p className="margin-y-1" data-testid="review-summary">
                    <strong>{t('requests.detail.review', { department: name(review.department) })}</strong>
                    {review.outcome ? <> · {t('requests.detail.reviewOutcome', { outcome: t(`requests.outcome.${review.outcome}`) })}</> : null}
                  </p>
                ) : null}
                {request.publicationPath ? (
                  <p className="margin-y-1" data-testid="publication">
                    <strong>{t('requests.detail.publication')}</strong> · <Link to={request.publicationPath}>{t('requests.detail.openPublication')}</Link>
                  </p>
                ) : null}
              </div>
            </section>
          ) : null}

          <section aria-labelledby="thread-heading">
            <h2 id="thread-heading">{t('requests.detail.correspondence')}</h2>
            <ol className="usa-list usa-list--unstyled" data-testid="thread">
              {messages.map((m) => (
                <li key={m.id} id={`message-${m.seq}`} className="civitas-panel margin-bottom-2" data-testid="message">
                  <MessageView message={m} detail={data} onChanged={reload} />
                </li>
              ))}
            </ol>
          </section>

          <RequesterPanel detail={data} onChanged={reload} />
          <DepartmentPanel detail={data} onChanged={reload} />
          <ReviewPanel detail={data} onChanged={reload} />
        </div>

        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('requests.detail.sidebar')}>
          <div className="civitas-panel margin-bottom-3" data-testid="deadline-panel">
            <h2 className="font-heading-md">{t('requests.detail.deadline')}</h2>
            <p>
              <DeadlineText deadline={deadline} />
            </p>
            {deadline.dueAt && (deadline.state === 'due' || deadline.state === 'overdue') ? <p>{t('requests.deadline.dueOn', { date: date(dueDay(deadline.dueAt)) })}</p> : null}
            <p>{t('requests.detail.period', { department: name(request.department), count: rules.workingDays, date: date(rules.clockStartedAt) })}</p>
            {rules.extendedAt ? <p data-testid="extended">{t('requests.detail.extended', { count: rules.extensionWorkingDays, date: date(rules.extendedAt) })}</p> : null}
            {pauses.length > 0 ? (
              <div data-testid="pauses">
                <p className="margin-bottom-0">{t('requests.detail.pauses')}</p>
                <ul className="margin-top-0">
                  {pauses.map((p) => (
                    <li key={p.from}>{p.to ? t('requests.detail.pause', { from: date(p.from), to: date(p.to) }) : t('requests.detail.pauseRunning', { from: date(p.from) })}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <details className="civitas-details">
              <summary>{t('requests.deadline.legalBasis')}</summary>
              <p>{pick(rules.legalBasis, rules.legalBasisZh)}</p>
              <p className="text-base">{t('requests.deadline.calendar')}</p>
              <p>
                <Link to={recordUrl(request.department.slug)}>{t('requests.detail.departmentRules')}</Link>
              </p>
            </details>
          </div>
          <div className="margin-bottom-3">
            <FollowButton resourceType="information_request" resourceId={request.id} />
            {!request.hidden ? <ReportButton resourceType="information_request" resourceId={request.id} subject={request.title} className="margin-top-2" /> : null}
          </div>
        </aside>
      </div>

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">{!request.hidden ? <CommentThread resourceType="information_request" resourceId={request.id} title={t('requests.detail.comments')} /> : null}</div>
      </div>
    </>
  );
}

/** The original text with its redacted spans highlighted (for the department and the requester). */
function Highlighted({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, span] of spans.entries()) {
    parts.push(<span key={`t${i}`}>{text.slice(at, span.start)}</span>);
    parts.push(
      <mark key={`m${i}`} className="bg-gold" data-testid="redacted-original">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(<span key="end">{text.slice(at)}</span>);
  return <>{parts}</>;
}

function MessageView({ message: m, detail, onChanged }: { message: RequestMessage; detail: RequestDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, pick, dateTime, date } = useLocalize();
  const [redacting, setRedacting] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const headingId = `message-${m.seq}-heading`;
  const signature =
    m.from === 'department' && m.department
      ? m.post
        ? t('requests.message.signedBy', { post: pick(m.post.title, m.post.titleZh), department: name(m.department) })
        : name(m.department)
      : detail.request.requester.displayName;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-top-0 font-heading-sm">
        {t(`requests.message.${m.kind}`)}
        {m.decision ? <> · {t(`requests.decision.${m.decision}`)}</> : null}
        {m.outcome ? <> · {t(`requests.outcome.${m.outcome}`)}</> : null}
      </h3>
      <p className="margin-top-0 text-base-dark" data-testid="message-signature">
        {m.from === 'requester' ? `${t('requests.message.fromRequester')}: ` : ''}
        {signature} · <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
      </p>
      {m.against ? <p className="margin-y-1 text-italic">{t(`requests.message.against.${m.against as 'late'}`)}</p> : null}
      {m.ground ? <p className="margin-y-1">{t('requests.detail.ground', { ground: pick(m.ground.label, m.ground.labelZh), reference: m.ground.legalReference })}</p> : null}
      {m.body ? (
        <div className="civitas-prewrap" data-testid="message-body">
          {m.original && m.redactions ? <Highlighted text={m.body} spans={m.redactions} /> : m.body}
        </div>
      ) : null}
      {m.kind === 'extension' && m.dueAt ? <p className="text-bold">{t('requests.message.newDue', { date: date(dueDay(m.dueAt)) })}</p> : null}
      {m.redactedSpans > 0 ? (
        <p className="usa-hint margin-y-1" data-testid="redaction-notice">
          {t('requests.message.redactedSpans', { count: m.redactedSpans })}
          {m.original ? <span className="display-block">{t('requests.message.originalNotice')}</span> : null}
        </p>
      ) : null}
      <AttachmentList attachments={m.attachments} headingLevel={3} />
      <div className="display-flex flex-wrap">
        {detail.abilities.redact && !redacting ? (
          <Button type="button" unstyled className="margin-right-2 margin-top-1" onClick={() => setRedacting(true)} data-testid="redact-open">
            {t('requests.redact.open')}
          </Button>
        ) : null}
        {detail.abilities.publish && m.attachments.length > 0 && (m.kind === 'response' || m.kind === 'review_decision') && !publishing ? (
          <Button type="button" unstyled className="margin-top-1" onClick={() => setPublishing(true)} data-testid="publish-open">
            {t('requests.publish.heading')}
          </Button>
        ) : null}
      </div>
      {redacting ? <RedactForm detail={detail} message={m} onDone={() => (setRedacting(false), onChanged())} onCancel={() => setRedacting(false)} /> : null}
      {publishing ? <PublishForm detail={detail} message={m} onDone={() => (setPublishing(false), onChanged())} /> : null}
    </article>
  );
}

function RedactForm({ detail, message, onDone, onCancel }: { detail: RequestDetail; message: RequestMessage; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [phrases, setPhrases] = useState('');
  const send = useAction(async () => {
    const list = phrases.split('\n').map((p) => p.trim()).filter(Boolean);
    await api.post(`/requests/${detail.request.id}/messages/${message.id}/redactions`, { phrases: list });
    onDone();
  });
  const markSelection = () => {
    const selected = window.getSelection()?.toString().trim();
    if (selected) setPhrases((current) => (current.trim() ? `${current.trim()}\n${selected}` : selected));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  const headingId = `redact-${message.seq}-heading`;
  return (
    <section aria-labelledby={headingId} className="margin-top-2" data-testid="redact-form">
      <h4 id={headingId} className="margin-y-1">
        {t('requests.redact.heading', { number: message.seq })}
      </h4>
      <p className="usa-hint">{t('requests.redact.selectHint')}</p>
      <Button type="button" outline onMouseDown={(e: MouseEvent) => e.preventDefault()} onClick={markSelection}>
        {t('requests.redact.markSelection')}
      </Button>
      <Form onSubmit={submit} noValidate className="maxw-none" aria-labelledby={headingId}>
        <ApiErrorAlert error={send.error} />
        <TextAreaField id={`redact-phrases-${message.seq}`} name="phrases" label={t('requests.redact.phrases')} hint={t('requests.redact.phrasesHint')} value={phrases} onChange={setPhrases} error={send.error} />
        <Button type="submit" disabled={send.pending || !phrases.trim()}>
          {t('requests.redact.submit')}
        </Button>
        <Button type="button" unstyled className="margin-left-2" onClick={onCancel}>
          {t('requests.redact.cancel')}
        </Button>
      </Form>
    </section>
  );
}

function PublishForm({ detail, message, onDone }: { detail: RequestDetail; message: RequestMessage; onDone: () => void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState('other');
  const [title, setTitle] = useState(detail.request.title);
  const [summary, setSummary] = useState('');
  const send = useAction(async () => {
    await api.post(`/requests/${detail.request.id}/messages/${message.id}/publication`, { category, title, summary });
    onDone();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  const headingId = `publish-${message.seq}-heading`;
  return (
    <section aria-labelledby={headingId} className="margin-top-2" data-testid="publish-form">
      <h4 id={headingId} className="margin-y-1">
        {t('requests.publish.heading')}
      </h4>
      <p className="usa-hint">{t('requests.publish.hint')}</p>
      <Form onSubmit={submit} noValidate className="maxw-none" aria-labelledby={headingId}>
        <ApiErrorAlert error={send.error} />
        <SelectField id={`publish-category-${message.seq}`} name="category" label={t('requests.publish.category')} options={CATEGORIES.map((c) => ({ value: c, label: t(`requests.category.${c}`) }))} value={category} onChange={setCategory} error={send.error} />
        <TextField id={`publish-title-${message.seq}`} name="title" label={t('requests.publish.title')} maxLength={200} value={title} onChange={setTitle} error={send.error} />
        <TextAreaField id={`publish-summary-${message.seq}`} name="summary" label={t('requests.publish.summary')} maxLength={2000} value={summary} onChange={setSummary} error={send.error} />
        <Button type="submit" disabled={send.pending}>
          {t('requests.publish.submit')}
        </Button>
      </Form>
    </section>
  );
}

/** What the requester may do now: clarify, classify the outcome, ask for an internal review, withdraw. */
function RequesterPanel({ detail, onChanged }: { detail: RequestDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { abilities, request } = detail;
  const [text, setText] = useState('');
  const [classification, setClassification] = useState<string>(request.classification ?? '');
  const [withdrawing, setWithdrawing] = useState(false);
  const post = (path: string, body: Record<string, unknown>) => async () => {
    await api.post(`/requests/${request.id}/${path}`, body);
    setText('');
    onChanged();
  };
  const clarify = useAction(post('clarification', { body: text }));
  const appeal = useAction(post('internal-review', { body: text }));
  const classify = useAction(post('classification', { classification }));
  const withdraw = useAction(post('withdrawal', { reason: text.trim() || null }));
  if (!abilities.clarify && !abilities.classify && !abilities.appeal && !abilities.withdraw) return null;
  const on = (action: { run: () => Promise<boolean> }) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <section aria-labelledby="requester-heading" className="civitas-panel margin-y-3" data-testid="requester-panel">
      <h2 id="requester-heading">{t('requests.requester.heading')}</h2>
      {abilities.clarify ? (
        <Form onSubmit={on(clarify)} noValidate className="maxw-none" aria-label={t('requests.requester.clarify')}>
          <ApiErrorAlert error={clarify.error} />
          <TextAreaField id="clarification-text" name="body" label={t('requests.requester.clarification')} hint={t('requests.requester.clarifyHint')} maxLength={10_000} value={text} onChange={setText} error={clarify.error} />
          <Button type="submit" disabled={clarify.pending}>
            {t('requests.requester.clarify')}
          </Button>
        </Form>
      ) : null}
      {abilities.classify ? (
        <Form onSubmit={on(classify)} noValidate className="maxw-none margin-bottom-3" aria-label={t('requests.requester.classify')}>
          <ApiErrorAlert error={classify.error} />
          <SelectField
            id="classification"
            name="classification"
            label={t('requests.requester.classify')}
            hint={t('requests.requester.classifyHint')}
            emptyLabel={t('requests.department.chooseDecision')}
            options={DECISIONS.map((d) => ({ value: d, label: t(`requests.decision.${d}`) }))}
            value={classification}
            onChange={setClassification}
            error={classify.error}
          />
          <Button type="submit" outline disabled={classify.pending || !classification}>
            {t('requests.requester.saveClassification')}
          </Button>
        </Form>
      ) : null}
      {abilities.appeal ? (
        <Form onSubmit={on(appeal)} noValidate className="maxw-none margin-bottom-3" aria-label={t('requests.requester.appeal')}>
          <h3 className="font-heading-sm">{t('requests.requester.appeal')}</h3>
          <p className="usa-hint">{t('requests.requester.appealHint', { department: detail.reviewDepartment ? name(detail.reviewDepartment) : '' })}</p>
          <ApiErrorAlert error={appeal.error} />
          <TextAreaField id="appeal-text" name="body" label={t('requests.requester.appealReason')} maxLength={10_000} value={text} onChange={setText} error={appeal.error} />
          <Button type="submit" disabled={appeal.pending}>
            {t('requests.requester.sendAppeal')}
          </Button>
        </Form>
      ) : null}
      {abilities.withdraw ? (
        withdrawing ? (
          <Form onSubmit={on(withdraw)} noValidate className="maxw-none margin-top-3" aria-label={t('requests.requester.withdraw')}>
            <ApiErrorAlert error={withdraw.error} />
            <TextField id="withdraw-reason" name="reason" label={t('requests.requester.withdrawReason')} optional maxLength={2000} value={text} onChange={setText} error={withdraw.error} />
            <Button type="submit" secondary disabled={withdraw.pending}>
              {t('requests.requester.confirmWithdraw')}
            </Button>
          </Form>
        ) : (
          <Button type="button" unstyled className="margin-top-3" onClick={() => setWithdrawing(true)}>
            {t('requests.requester.withdraw')}
          </Button>
        )
      ) : null}
    </section>
  );
}
