/**
 * "Check my report": the reporter enters the receipt and sees the report's stage, the handlers'
 * messages and questions, and the conclusion; answers or adds information and evidence. The receipt
 * lives only in this page's memory (never in the address, storage or a cookie).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { asApiError, type ApiError } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { anonymousPost, encodeFile } from './anonymous-api.js';
import { EvidencePicker, StageTag } from './parts.js';
import type { ReporterView } from './types.js';

export function CheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('supervision.check.title'));
  const [receipt, setReceipt] = useState('');
  const [view, setView] = useState<ReporterView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const open = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setView(await anonymousPost<ReporterView>('/supervision/anonymous/access', { receipt }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/supervision">{t('supervision.landing.title')}</Link>
        </p>
        <h1>{t('supervision.check.title')}</h1>
        {!view ? <p className="civitas-lead">{t('supervision.check.intro')}</p> : null}
      </div>
      {view ? (
        <Thread receipt={receipt} view={view} onChange={setView} onClose={() => { setView(null); setReceipt(''); }} />
      ) : (
        <Form onSubmit={(event: FormEvent<HTMLFormElement>) => void open(event)} noValidate className="maxw-mobile-lg" aria-label={t('supervision.check.title')}>
          <ApiErrorAlert error={error} />
          <TextField id="check-receipt" name="receipt" label={t('supervision.check.receipt')} hint={t('supervision.check.receiptHint')} inputMode="numeric" autoComplete="off" maxLength={40} value={receipt} onChange={setReceipt} error={error} />
          <Button type="submit" disabled={pending}>
            {t('supervision.check.open')}
          </Button>
        </Form>
      )}
    </>
  );
}

function Thread({ receipt, view, onChange, onClose }: { receipt: string; view: ReporterView; onChange: (view: ReporterView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { name, date } = useLocalize();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const reply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onChange(await anonymousPost<ReporterView>('/supervision/anonymous/reply', { receipt, text, files: await Promise.all(files.map(encodeFile)) }));
      setText('');
      setFiles([]);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <div data-testid="report-thread">
      <p>
        <StageTag state={view.state} /> {t(`supervision.category.${view.category}`)}
      </p>
      <dl className="civitas-facts">
        <dt>{t('supervision.check.received')}</dt>
        <dd>{date(view.receivedOn)}</dd>
        <dt>{t('supervision.case.handledBy')}</dt>
        <dd>{name(view.body)}</dd>
        {view.department ? (
          <>
            <dt>{t('supervision.check.department')}</dt>
            <dd>{name(view.department)}</dd>
          </>
        ) : null}
      </dl>
      {view.awaitingReporter ? (
        <Alert type="warning" headingLevel="h2" slim data-testid="question-waiting">
          {t('supervision.check.questionWaiting')}
        </Alert>
      ) : null}
      <h2>{t('supervision.check.yourReport')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{view.description}</p>
      {view.files.length > 0 ? <p className="usa-hint">{t('supervision.check.files', { names: view.files.map((f) => f.fileName).join(', ') })}</p> : null}
      <h2>{t('supervision.check.messages')}</h2>
      {view.messages.length === 0 ? <p>{t('supervision.check.noMessages')}</p> : null}
      <ol className="usa-list" data-testid="messages">
        {view.messages.map((m) => (
          <li key={m.id} data-testid={`message-${m.author}`}>
            <strong>{m.author === 'reporter' ? t('supervision.check.you') : m.kind === 'question' ? t('supervision.check.handlerQuestion') : t('supervision.check.handler')}</strong> <span className="usa-hint">— {date(m.on)}</span>
            <p className="margin-y-05" style={{ whiteSpace: 'pre-wrap' }}>
              {m.text}
            </p>
            {m.files.length > 0 ? <p className="usa-hint">{t('supervision.check.files', { names: m.files.map((f) => f.fileName).join(', ') })}</p> : null}
          </li>
        ))}
      </ol>
      {view.state === 'concluded' ? (
        <section className="civitas-panel margin-y-3" data-testid="report-conclusion" aria-labelledby="conclusion-heading">
          <h2 id="conclusion-heading" className="margin-top-0">
            {t('supervision.case.conclusion')}
          </h2>
          {view.outcome ? <p className="text-bold">{t(`supervision.outcome.${view.outcome}`)}</p> : null}
          <p style={{ whiteSpace: 'pre-wrap' }}>{view.conclusion}</p>
          <p className="usa-hint">{t('supervision.check.retention', { days: view.retentionDays })}</p>
        </section>
      ) : (
        <Form onSubmit={(event: FormEvent<HTMLFormElement>) => void reply(event)} noValidate className="maxw-tablet-lg margin-top-3">
          <h2>{view.awaitingReporter ? t('supervision.case.answerTitle') : t('supervision.case.informationTitle')}</h2>
          <ApiErrorAlert error={error} />
          <TextAreaField id="reply-text" name="text" label={view.awaitingReporter ? t('supervision.case.answer') : t('supervision.case.information')} maxLength={10_000} value={text} onChange={setText} error={error} />
          <EvidencePicker id="reply-files" files={files} onChange={setFiles} max={5} maxMb={5} />
          <Button type="submit" disabled={pending}>
            {t('supervision.case.send')}
          </Button>
        </Form>
      )}
      <p className="margin-top-3">
        <Button type="button" outline onClick={onClose}>
          {t('supervision.check.close')}
        </Button>
      </p>
    </div>
  );
}
