/**
 * One question: its text, who asked whom, the answer deadline in working days with its legal basis,
 * the answer (or decline with its legal ground) signed by a post, the asker's rating and follow-up,
 * the public timeline (transfers with their reasons), co-signing, follow, report and comments.
 * The department's officials answer, transfer or decline it here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { OfficialPanel } from './official-panel.js';
import { AddresseeLine, AskerLine, DeadlineText, StateTag, dueDay } from './parts.js';
import { questionUrl, recordUrl, type CosignResponse, type QuestionDetail, type TimelineEntry } from './types.js';

export function QuestionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, pick, dateTime, date, number } = useLocalize();
  const { byId } = useAreas();
  const location = useLocation();
  const detail = useLoad(() => api.get<QuestionDetail>(`/questions/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.question.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? data.question.title : notFound ? t('questions.detail.notFound') : t('questions.list.title'));

  const cosign = useAction(async (on: boolean) => {
    if (on) await api.post<CosignResponse>(`/questions/${id}/cosign`, {});
    else await api.delete<CosignResponse>(`/questions/${id}/cosign`);
    detail.reload();
  });

  if (notFound) {
    return (
      <>
        <h1>{t('questions.detail.notFound')}</h1>
        <p>
          <Link to="/questions">{t('questions.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { question, rules, answer, rating, parent, followUp, timeline, abilities, cosignBlocked } = data;
  const area = byId(question.areaId);

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/questions">{t('questions.list.title')}</Link>
        </p>
        <h1 data-testid="question-title">{question.title}</h1>
        <p className="margin-y-1">
          <StateTag state={question.state} hidden={question.hidden} />
        </p>
        <p className="margin-0 text-base">
          <AskerLine author={question.author} /> · <time dateTime={question.createdAt}>{dateTime(question.createdAt)}</time>
        </p>
        <p className="margin-0 text-base">
          <AddresseeLine question={question} />
        </p>
      </div>

      {question.hidden ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('questions.detail.hiddenNotice')}
        </Alert>
      ) : null}
      {parent ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('questions.detail.followUpOf')} <Link to={questionUrl(parent.id)}>{parent.title}</Link>
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="question-body-heading">
            <h2 id="question-body-heading" className="usa-sr-only">
              {t('questions.detail.about')}
            </h2>
            <div className="civitas-prewrap" data-testid="question-body">
              {question.body}
            </div>
            <dl className="civitas-facts margin-top-3">
              <div>
                <dt>{t('questions.detail.department')}</dt>
                <dd>
                  <Link to={recordUrl(question.department.slug)}>{name(question.department)}</Link>
                  {question.post ? <> · {pick(question.post.title, question.post.titleZh)}</> : null}
                </dd>
              </div>
              {question.category ? (
                <div>
                  <dt>{t('questions.detail.category')}</dt>
                  <dd>
                    <Link to={`/questions?category=${encodeURIComponent(question.category)}`}>{question.category}</Link>
                  </dd>
                </div>
              ) : null}
              {area ? (
                <div>
                  <dt>{t('questions.detail.area')}</dt>
                  <dd>
                    <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                  </dd>
                </div>
              ) : null}
            </dl>
            <AttachmentList attachments={question.attachments} />
          </section>

          <section aria-labelledby="answer-heading" className="margin-y-3" data-testid="answer">
            <h2 id="answer-heading">{t('questions.detail.answer')}</h2>
            {answer ? (
              <div className={`usa-summary-box ${answer.kind === 'declined' ? 'border-base-dark' : ''}`}>
                <div className="usa-summary-box__body">
                  {answer.kind === 'declined' && answer.ground ? (
                    <>
                      <p className="margin-top-0 text-bold">{t('questions.detail.declinedOn')}</p>
                      <p>
                        {pick(answer.ground.label, answer.ground.labelZh)}
                        <br />
                        <span className="text-base-darker">{t('questions.detail.legalReference', { reference: answer.ground.legalReference })}</span>
                      </p>
                    </>
                  ) : null}
                  {answer.text ? <p className="civitas-prewrap">{answer.text}</p> : null}
                  <p className="margin-bottom-0 text-base-darker" data-testid="answer-signature">
                    {answer.post ? t('questions.detail.signedBy', { post: pick(answer.post.title, answer.post.titleZh), department: name(answer.department) }) : name(answer.department)}
                    {' · '}
                    {t('questions.detail.answeredOn', { date: dateTime(answer.answeredAt) })}
                    {answer.late ? <strong className="text-error-dark"> · {t('questions.detail.late')}</strong> : null}
                  </p>
                </div>
              </div>
            ) : (
              <p>{t('questions.detail.noAnswer', { department: name(question.department) })}</p>
            )}
          </section>

          {rating ? (
            <section aria-labelledby="rating-heading" className="margin-y-3" data-testid="rating">
              <h2 id="rating-heading" className="font-heading-md">
                {t('questions.rating.heading')}
              </h2>
              <p className={rating.resolved ? 'text-bold text-green' : 'text-bold text-error-dark'}>
                {rating.resolved ? t('questions.rating.resolved') : t('questions.rating.notResolved')}
              </p>
              {rating.comment ? <p className="civitas-prewrap">{rating.comment}</p> : null}
            </section>
          ) : null}
          {abilities.rate ? <RatingForm id={question.id} onDone={detail.reload} /> : null}

          {followUp ? (
            <p className="margin-y-3" data-testid="follow-up-link">
              {t('questions.followUp.asked')} <Link to={questionUrl(followUp.id)}>{followUp.title}</Link> (<StateTag state={followUp.state} />)
            </p>
          ) : null}
          {abilities.followUp ? <FollowUpForm id={question.id} /> : null}

          <OfficialPanel detail={data} onChanged={detail.reload} />
        </div>

        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('questions.detail.sidebar')}>
          <div className="civitas-panel margin-bottom-3" data-testid="deadline-panel">
            <h2 className="font-heading-md">{t('questions.detail.deadline')}</h2>
            <p>
              <DeadlineText deadline={question.deadline} />
            </p>
            {question.deadline.state !== 'answered' ? <p>{t('questions.deadline.dueOn', { date: date(dueDay(question.deadline.dueAt)) })}</p> : null}
            <p>{t('questions.detail.period', { department: name(question.department), count: rules.workingDays, date: date(rules.clockStartedAt) })}</p>
            <details className="civitas-details">
              <summary>{t('questions.deadline.legalBasis')}</summary>
              <p>{pick(rules.legalBasis, rules.legalBasisZh)}</p>
              <p className="text-base">{t('questions.deadline.calendar')}</p>
              <p>
                <Link to={`/questions/departments/${question.department.slug}`}>{t('questions.detail.departmentRules')}</Link>
              </p>
            </details>
          </div>

          <div className="civitas-panel margin-bottom-3" data-testid="cosign-panel">
            <h2 className="font-heading-md">{t('questions.detail.cosignHeading')}</h2>
            <p data-testid="cosign-count">{t('questions.cosigns', { count: question.cosignsCount, formatted: number(question.cosignsCount) })}</p>
            {question.cosignedByMe ? <p className="text-bold">✓ {t('questions.detail.cosigned')}</p> : null}
            <ApiErrorAlert error={cosign.error} />
            {abilities.cosign ? (
              <Button type="button" disabled={cosign.pending} onClick={() => void cosign.run(true)} data-testid="cosign-button">
                {t('questions.detail.cosign')}
              </Button>
            ) : null}
            {abilities.uncosign ? (
              <Button type="button" outline disabled={cosign.pending} onClick={() => void cosign.run(false)}>
                {t('questions.detail.uncosign')}
              </Button>
            ) : null}
            {cosignBlocked && !question.cosignedByMe ? (
              <p className="margin-top-1" data-testid="cosign-blocked">
                {cosignBlocked.message}{' '}
                {cosignBlocked.code === 'not_authenticated' ? (
                  <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
                    {t('header.signIn')}
                  </Link>
                ) : null}
              </p>
            ) : null}
          </div>

          <div className="margin-bottom-3">
            <FollowButton resourceType="question" resourceId={question.id} />
            {!question.hidden ? <ReportButton resourceType="question" resourceId={question.id} subject={question.title} className="margin-top-2" /> : null}
          </div>
        </aside>
      </div>

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          {timeline.length > 0 ? (
            <section aria-labelledby="timeline-heading" className="margin-y-3">
              <h2 id="timeline-heading">{t('questions.detail.timeline')}</h2>
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
          {!question.hidden ? <CommentThread resourceType="question" resourceId={question.id} title={t('questions.detail.comments')} /> : null}
        </div>
      </div>
    </>
  );
}

function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { name, pick, date } = useLocalize();
  const by = entry.post && entry.department ? t('questions.timeline.by', { post: pick(entry.post.title, entry.post.titleZh), department: name(entry.department) }) : null;
  const due = entry.dueAt ? date(dueDay(entry.dueAt)) : '';
  let text: string;
  switch (entry.kind) {
    case 'asked':
      text = entry.department ? t('questions.timeline.askedTo', { department: name(entry.department), date: due }) : t('questions.timeline.asked', { date: due });
      break;
    case 'transferred':
      text = t(entry.restarted ? 'questions.timeline.transferredRestarted' : 'questions.timeline.transferredKept', {
        from: name(entry.fromDepartment),
        to: name(entry.toDepartment),
        date: due,
      });
      break;
    case 'rated':
      text = entry.resolved ? t('questions.timeline.ratedResolved') : t('questions.timeline.ratedNotResolved');
      break;
    default:
      text = t(`questions.timeline.${entry.kind}`);
  }
  return (
    <>
      <strong>{text}</strong>
      {entry.late ? <span className="text-error-dark"> ({t('questions.timeline.late')})</span> : null}
      {by && entry.kind !== 'asked' ? <> · {by}</> : null}
      {entry.reason ? <span className="display-block civitas-prewrap">{t('questions.timeline.reason', { reason: entry.reason })}</span> : null}
      {entry.kind === 'followed_up' && entry.followUpId ? (
        <>
          {' '}
          <Link to={questionUrl(entry.followUpId)}>{t('questions.timeline.openFollowUp')}</Link>
        </>
      ) : null}
    </>
  );
}

function RatingForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [resolved, setResolved] = useState<'yes' | 'no' | ''>('');
  const [comment, setComment] = useState('');
  const send = useAction(async () => {
    await api.post(`/questions/${id}/rating`, { resolved: resolved === 'yes', comment: comment.trim() || null });
    onDone();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="rate-heading" className="civitas-panel margin-y-3" data-testid="rating-form">
      <h2 id="rate-heading" className="font-heading-md">
        {t('questions.rating.ask')}
      </h2>
      <p className="usa-hint">{t('questions.rating.hint')}</p>
      <Form onSubmit={submit} noValidate className="maxw-none" aria-labelledby="rate-heading">
        <ApiErrorAlert error={send.error} />
        <Fieldset legend={t('questions.rating.legend')} legendStyle="srOnly">
          <Radio id="rating-yes" name="resolved" value="yes" label={t('questions.rating.yes')} checked={resolved === 'yes'} onChange={() => setResolved('yes')} />
          <Radio id="rating-no" name="resolved" value="no" label={t('questions.rating.no')} checked={resolved === 'no'} onChange={() => setResolved('no')} />
        </Fieldset>
        <TextAreaField id="rating-comment" name="comment" label={t('questions.rating.comment')} optional maxLength={2000} value={comment} onChange={setComment} error={send.error} />
        <Button type="submit" disabled={send.pending || !resolved}>
          {t('questions.rating.submit')}
        </Button>
      </Form>
    </section>
  );
}

function FollowUpForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const send = useAction(async () => {
    const created = await api.post<{ id: string }>(`/questions/${id}/follow-up`, { title, body });
    navigate(questionUrl(created.id));
  });
  if (!open) {
    return (
      <p className="margin-y-3">
        <Button type="button" outline onClick={() => setOpen(true)}>
          {t('questions.followUp.start')}
        </Button>
        <span className="display-block usa-hint margin-top-1">{t('questions.followUp.hint')}</span>
      </p>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="follow-up-heading" className="civitas-panel margin-y-3" data-testid="follow-up-form">
      <h2 id="follow-up-heading" className="font-heading-md">
        {t('questions.followUp.heading')}
      </h2>
      <p className="usa-hint">{t('questions.followUp.hint')}</p>
      <Form onSubmit={submit} noValidate className="maxw-none" aria-labelledby="follow-up-heading">
        <ApiErrorAlert error={send.error} />
        <TextField id="follow-up-title" name="title" label={t('questions.ask.questionTitle')} maxLength={150} value={title} onChange={setTitle} error={send.error} />
        <TextAreaField id="follow-up-body" name="body" label={t('questions.ask.body')} maxLength={10_000} value={body} onChange={setBody} error={send.error} />
        <Button type="submit" disabled={send.pending}>
          {t('questions.followUp.submit')}
        </Button>
        <Button type="button" unstyled className="margin-left-2" onClick={() => setOpen(false)}>
          {t('questions.ask.cancel')}
        </Button>
      </Form>
    </section>
  );
}
