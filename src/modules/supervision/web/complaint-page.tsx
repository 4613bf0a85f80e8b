/**
 * One case file. The complainant sees the stage, the deadline, the handlers' questions and
 * decisions, and adds information or answers; the handlers of the supervisory body also see the
 * complainant's name and their internal notes, ask questions and move the case on. Everyone else
 * gets "not found".
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList, AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { DeadlineText, StageTag } from './parts.js';
import type { CaseEvent, ComplaintDetail } from './types.js';

export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, title, dateTime, date } = useLocalize();
  const detail = useLoad(() => api.get<ComplaintDetail>(`/supervision/complaints/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.complaint.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? t('supervision.caseTitle', { number: data.complaint.number }) : t('supervision.case.notFound'));
  if (notFound) {
    return (
      <>
        <h1>{t('supervision.case.notFound')}</h1>
        <p>{t('supervision.case.notFoundHint')}</p>
        <p>
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { complaint, events, abilities, role } = data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={role === 'handler' ? '/supervision/queue' : '/supervision/complaints'}>{role === 'handler' ? t('supervision.queue.title') : t('supervision.mine.title')}</Link>
        </p>
        <h1 data-testid="case-title">{t('supervision.caseTitle', { number: complaint.number })}</h1>
        <p>
          <StageTag state={complaint.state} /> {t(`supervision.category.${complaint.category}`)}
          {complaint.escalated ? <span className="margin-left-1 text-bold" data-testid="escalated">{t('supervision.case.escalatedTag')}</span> : null}
        </p>
      </div>
      <div className="grid-row grid-gap-lg">
        <div className="tablet:grid-col-8">
          <dl className="civitas-facts">
            <dt>{t('supervision.case.accused')}</dt>
            <dd>
              {name(complaint.department)}
              {complaint.post ? ` — ${title(complaint.post)}` : ''}
            </dd>
            <dt>{t('supervision.case.handledBy')}</dt>
            <dd data-testid="handling-body">{name(complaint.body)}</dd>
            <dt>{t('supervision.case.filed')}</dt>
            <dd>{date(complaint.createdAt)}</dd>
            {complaint.complainant ? (
              <>
                <dt>{t('supervision.case.complainant')}</dt>
                <dd>{complaint.complainant.displayName}</dd>
              </>
            ) : null}
            <dt>{t('supervision.case.confidentiality')}</dt>
            <dd>{complaint.confidentiality === 'confidential' ? t('supervision.file.confidential') : t('supervision.case.publicSummaryShown', { summary: complaint.publicSummary ?? '' })}</dd>
          </dl>
          <h2>{t('supervision.case.description')}</h2>
          <p className="civitas-prose" style={{ whiteSpace: 'pre-wrap' }}>
            {complaint.description}
          </p>
          {complaint.attachments.length > 0 ? <AttachmentList attachments={complaint.attachments} /> : null}
          {complaint.state === 'concluded' || complaint.state === 'dismissed' ? (
            <section className="civitas-panel margin-y-3" aria-labelledby="decision-heading" data-testid="decision">
              <h2 id="decision-heading" className="margin-top-0">
                {complaint.state === 'concluded' ? t('supervision.case.conclusion') : t('supervision.case.dismissal')}
              </h2>
              {complaint.outcome ? <p className="text-bold">{t(`supervision.outcome.${complaint.outcome}`)}</p> : null}
              <p style={{ whiteSpace: 'pre-wrap' }}>{complaint.decision}</p>
              {complaint.measures ? (
                <>
                  <h3>{t('supervision.case.measures')}</h3>
                  <p style={{ whiteSpace: 'pre-wrap' }}>{complaint.measures}</p>
                </>
              ) : null}
            </section>
          ) : null}
          <h2>{t('supervision.case.timeline')}</h2>
          <ol className="usa-list civitas-timeline" data-testid="timeline">
            {events.map((e) => (
              <TimelineItem key={e.id} event={e} />
            ))}
          </ol>
          {abilities.respond ? <InformationForm id={complaint.id} awaiting={complaint.awaitingComplainant} onDone={detail.reload} /> : null}
          {abilities.handle ? <HandlerPanel id={complaint.id} actions={abilities.actions} onDone={detail.reload} /> : null}
        </div>
        <aside className="tablet:grid-col-4">
          <div className="civitas-panel" data-testid="deadline-panel">
            <h2 className="margin-top-0 font-heading-md">{t('supervision.case.deadlineTitle')}</h2>
            <p>
              <DeadlineText deadline={complaint.deadline} />
            </p>
            {complaint.deadline.dueAt && complaint.deadline.state !== 'closed' ? <p>{t('supervision.case.stageDue', { date: dateTime(complaint.deadline.dueAt) })}</p> : null}
            {complaint.awaitingComplainant ? <p className="text-bold" data-testid="awaiting">{t('supervision.case.awaiting')}</p> : null}
            <p className="usa-hint">{t('supervision.case.escalationRule')}</p>
          </div>
        </aside>
      </div>
    </>
  );
}

function TimelineItem({ event }: { event: CaseEvent }) {
  const { t } = useTranslation();
  const { name, title, dateTime } = useLocalize();
  const who = event.byComplainant ? t('supervision.case.byComplainant') : event.post ? `${title(event.post)}${event.body ? `, ${name(event.body)}` : ''}` : event.body ? name(event.body) : t('supervision.case.byPlatform');
  let what: string;
  switch (event.kind) {
    case 'stage':
      what = t('supervision.event.stage', { state: t(`supervision.state.${event.toState}`) });
      break;
    case 'escalated':
      what = t('supervision.event.escalated', { body: event.body ? name(event.body) : '' });
      break;
    default:
      what = t(`supervision.event.${event.kind}`);
  }
  return (
    <li className={event.kind === 'note' ? 'bg-base-lightest padding-1' : undefined} data-testid={`event-${event.kind}`}>
      <strong>{what}</strong> <span className="usa-hint">— {who}, {dateTime(event.at)}</span>
      {event.text ? <p className="margin-y-05" style={{ whiteSpace: 'pre-wrap' }}>{event.text}</p> : null}
      {event.attachments.length > 0 ? <AttachmentList attachments={event.attachments} headingLevel={3} /> : null}
    </li>
  );
}

function InformationForm({ id, awaiting, onDone }: { id: string; awaiting: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const send = useAction(async () => {
    await api.post(`/supervision/complaints/${id}/information`, { text, attachmentIds: attachments.map((a) => a.id) });
    setText('');
    setAttachments([]);
    onDone();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section className="margin-top-4" aria-labelledby="information-heading">
      <h2 id="information-heading">{awaiting ? t('supervision.case.answerTitle') : t('supervision.case.informationTitle')}</h2>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg">
        <ApiErrorAlert error={send.error} />
        <TextAreaField id="information-text" name="text" label={awaiting ? t('supervision.case.answer') : t('supervision.case.information')} value={text} onChange={setText} error={send.error} maxLength={10_000} />
        <AttachmentsField id="information-attachments" value={attachments} onChange={setAttachments} max={10} kinds={['image', 'document', 'spreadsheet', 'text']} error={send.error?.fieldMessage('attachmentIds')} />
        <Button type="submit" disabled={send.pending}>
          {t('supervision.case.send')}
        </Button>
      </Form>
    </section>
  );
}

function HandlerPanel({ id, actions, onDone }: { id: string; actions: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState(actions[0] ?? '');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('');
  const [measures, setMeasures] = useState('');
  const [entry, setEntry] = useState('');
  const [kind, setKind] = useState<'question' | 'note'>('question');
  const current = actions.includes(action) ? action : (actions[0] ?? '');
  const move = useAction(async () => {
    await api.post(`/supervision/complaints/${id}/stage`, { action: current, text: text || null, outcome: outcome || null, measures: measures || null });
    setText('');
    setMeasures('');
    onDone();
  });
  const write = useAction(async () => {
    await api.post(`/supervision/complaints/${id}/entries`, { kind, text: entry });
    setEntry('');
    onDone();
  });
  return (
    <section className="civitas-panel margin-top-4" aria-labelledby="handler-heading" data-testid="handler-panel">
      <h2 id="handler-heading" className="margin-top-0">
        {t('supervision.handle.title')}
      </h2>
      {actions.length > 0 ? (
        <Form
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            void move.run();
          }}
          noValidate
          className="maxw-tablet-lg"
        >
          <ApiErrorAlert error={move.error} />
          <Fieldset legend={t('supervision.handle.next')}>
            {actions.map((a) => (
              <Radio key={a} id={`action-${a}`} name="action" value={a} label={t(`supervision.action.${a}`)} checked={current === a} onChange={() => setAction(a)} />
            ))}
          </Fieldset>
          {current === 'conclude' ? (
            <SelectField
              id="stage-outcome"
              name="outcome"
              label={t('supervision.handle.outcome')}
              emptyLabel={t('supervision.handle.chooseOutcome')}
              options={['substantiated', 'partially_substantiated', 'not_substantiated'].map((o) => ({ value: o, label: t(`supervision.outcome.${o}`) }))}
              value={outcome}
              onChange={setOutcome}
              error={move.error}
            />
          ) : null}
          {current === 'dismiss' || current === 'conclude' ? (
            <TextAreaField id="stage-text" name="text" label={current === 'dismiss' ? t('supervision.handle.reasons') : t('supervision.handle.findings')} value={text} onChange={setText} error={move.error} maxLength={10_000} />
          ) : null}
          {current === 'conclude' ? <TextAreaField id="stage-measures" name="measures" label={t('supervision.handle.measures')} optional value={measures} onChange={setMeasures} error={move.error} maxLength={5_000} /> : null}
          <Button type="submit" disabled={move.pending}>
            {t('supervision.handle.apply')}
          </Button>
        </Form>
      ) : null}
      <Form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          void write.run();
        }}
        noValidate
        className="maxw-tablet-lg margin-top-3"
      >
        <ApiErrorAlert error={write.error} />
        <Fieldset legend={t('supervision.handle.write')}>
          <Radio id="entry-question" name="entryKind" value="question" label={t('supervision.handle.question')} checked={kind === 'question'} onChange={() => setKind('question')} />
          <Radio id="entry-note" name="entryKind" value="note" label={t('supervision.handle.note')} checked={kind === 'note'} onChange={() => setKind('note')} />
        </Fieldset>
        <TextAreaField id="entry-text" name="text" label={t('supervision.handle.text')} value={entry} onChange={setEntry} error={write.error} maxLength={5_000} />
        <Button type="submit" disabled={write.pending}>
          {t('supervision.handle.sendEntry')}
        </Button>
      </Form>
    </section>
  );
}
