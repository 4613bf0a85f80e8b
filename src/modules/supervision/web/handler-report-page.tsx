/**
 * One anonymous report for its handlers, decrypted with their unlocked key: what the reporter wrote
 * and sent, the thread, and the handlers' tools: acknowledge, write or ask, conclude.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Checkbox, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { KeyPanel, StageTag } from './parts.js';
import type { HandlerReport } from './types.js';

export function HandlerReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, date } = useLocalize();
  const report = useLoad(() => api.get<HandlerReport>(`/supervision/reports/${encodeURIComponent(id)}`), [id]);
  const data = report.data && report.data.id === id ? report.data : null;
  usePageTitle(data ? t('supervision.reportTitle', { number: data.seq }) : t('supervision.queue.title'));
  const [text, setText] = useState('');
  const [question, setQuestion] = useState(true);
  const [outcome, setOutcome] = useState('');
  const [conclusion, setConclusion] = useState('');
  const send = useAction(async () => {
    await api.post(`/supervision/reports/${id}/messages`, { text, question });
    setText('');
    report.reload();
  });
  const review = useAction(async () => {
    await api.post(`/supervision/reports/${id}/review`, {});
    report.reload();
  });
  const conclude = useAction(async () => {
    await api.post(`/supervision/reports/${id}/conclude`, { outcome, text: conclusion });
    report.reload();
  });
  const code = report.error?.code;
  if (code === 'key_locked' || code === 'key_not_set_up') {
    return (
      <>
        <h1>{t('supervision.queue.title')}</h1>
        <KeyPanel status={{ setUp: code === 'key_locked', unlocked: false }} onChange={report.reload} />
      </>
    );
  }
  if (report.error && !data) {
    return (
      <>
        <h1>{t('supervision.case.notFound')}</h1>
        <ApiErrorAlert error={report.error} />
        <Link to="/supervision/queue">{t('supervision.queue.title')}</Link>
      </>
    );
  }
  if (!data) return <Loading />;
  const open = data.state !== 'concluded';
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision/queue">{t('supervision.queue.title')}</Link>
        </p>
        <h1>{t('supervision.reportTitle', { number: data.seq })}</h1>
        <p>
          <StageTag state={data.state} /> {t(`supervision.category.${data.category}`)}
        </p>
      </div>
      <dl className="civitas-facts">
        <dt>{t('supervision.check.received')}</dt>
        <dd>{date(data.receivedOn)}</dd>
        <dt>{t('supervision.check.department')}</dt>
        <dd>{data.department ? name(data.department) : t('supervision.queue.noDepartment')}</dd>
      </dl>
      {data.colleaguesWithoutAccess > 0 ? <p className="usa-hint">{t('supervision.handle.colleagues', { count: data.colleaguesWithoutAccess })}</p> : null}
      <h2>{t('supervision.handle.reportText')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="report-text">
        {data.description}
      </p>
      <FileLinks reportId={data.id} files={data.files} />
      <h2>{t('supervision.check.messages')}</h2>
      <ol className="usa-list" data-testid="messages">
        {data.messages.map((m) => (
          <li key={m.id} data-testid={`message-${m.author}`}>
            <strong>{m.author === 'reporter' ? t('supervision.handle.reporter') : m.kind === 'question' ? t('supervision.handle.ourQuestion') : t('supervision.handle.ourMessage')}</strong> <span className="usa-hint">— {date(m.on)}</span>
            <p className="margin-y-05" style={{ whiteSpace: 'pre-wrap' }}>
              {m.text}
            </p>
            <FileLinks reportId={data.id} files={m.files} />
          </li>
        ))}
      </ol>
      {data.state === 'concluded' ? (
        <section className="civitas-panel" data-testid="report-conclusion">
          <h2 className="margin-top-0">{t('supervision.case.conclusion')}</h2>
          {data.outcome ? <p className="text-bold">{t(`supervision.outcome.${data.outcome}`)}</p> : null}
          <p style={{ whiteSpace: 'pre-wrap' }}>{data.conclusion}</p>
          <p className="usa-hint">{t('supervision.check.retention', { days: data.retentionDays })}</p>
        </section>
      ) : null}
      {open ? (
        <section className="civitas-panel margin-top-3" data-testid="handler-panel" aria-labelledby="report-handle-heading">
          <h2 id="report-handle-heading" className="margin-top-0">
            {t('supervision.handle.title')}
          </h2>
          {data.state === 'received' ? (
            <p>
              <Button type="button" outline onClick={() => void review.run()} disabled={review.pending}>
                {t('supervision.handle.acknowledge')}
              </Button>
            </p>
          ) : null}
          <ApiErrorAlert error={review.error} />
          <Form
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              void send.run();
            }}
            noValidate
            className="maxw-tablet-lg"
          >
            <ApiErrorAlert error={send.error} />
            <TextAreaField id="report-message" name="text" label={t('supervision.handle.toReporter')} value={text} onChange={setText} error={send.error} maxLength={10_000} />
            <Checkbox id="report-question" name="question" label={t('supervision.handle.isQuestion')} checked={question} onChange={(event: ChangeEvent<HTMLInputElement>) => setQuestion(event.target.checked)} />
            <Button type="submit" disabled={send.pending} className="margin-top-2">
              {t('supervision.handle.sendToReporter')}
            </Button>
          </Form>
          <Form
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              void conclude.run();
            }}
            noValidate
            className="maxw-tablet-lg margin-top-4"
          >
            <h3>{t('supervision.handle.concludeTitle')}</h3>
            <ApiErrorAlert error={conclude.error} />
            <SelectField
              id="report-outcome"
              name="outcome"
              label={t('supervision.handle.outcome')}
              emptyLabel={t('supervision.handle.chooseOutcome')}
              options={['substantiated', 'partially_substantiated', 'not_substantiated', 'dismissed'].map((o) => ({ value: o, label: t(`supervision.outcome.${o}`) }))}
              value={outcome}
              onChange={setOutcome}
              error={conclude.error}
            />
            <TextAreaField id="report-conclusion-text" name="text" label={t('supervision.handle.conclusionText')} value={conclusion} onChange={setConclusion} error={conclude.error} maxLength={10_000} />
            <Button type="submit" disabled={conclude.pending}>
              {t('supervision.handle.conclude')}
            </Button>
          </Form>
        </section>
      ) : null}
      <Alert type="info" headingLevel="h2" slim className="margin-top-3">
        {t('supervision.handle.encryptedNote')}
      </Alert>
    </>
  );
}

function FileLinks({ reportId, files }: { reportId: string; files: HandlerReport['files'] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="usa-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/api/v1/supervision/reports/${reportId}/files/${f.id}`} download={f.fileName}>
            {t('supervision.handle.download', { name: f.fileName })}
          </a>
        </li>
      ))}
    </ul>
  );
}
