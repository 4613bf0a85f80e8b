/**
 * "Report" for any content that moderators can hide (comments, proposals, debates, ...): a small
 * dialog asks why (spam, offensive, off topic, personal data, other) with optional details, and
 * sends it to `POST /api/v1/reports`. Shown only to signed-in people; after reporting, it says so.
 */
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import { useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { TextAreaField } from '../field.js';
import { useAction } from '../use-action.js';
import { reportReasons, type ReportReason } from './types.js';

export interface ReportButtonProps {
  resourceType: string;
  resourceId: string;
  /** What is being reported, for the button's accessible name ("Report the comment by Ana"). */
  subject?: string;
  /** Set when the caller knows the person already reported it (or may not report it). */
  disabled?: boolean;
  onReported?: () => void;
  className?: string;
}

export function ReportButton({ resourceType, resourceId, subject, disabled, onReported, className }: ReportButtonProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [details, setDetails] = useState('');
  const [reported, setReported] = useState(false);
  const send = useAction(async () => {
    try {
      await api.post('/reports', { resourceType, resourceId, reason, details: details.trim() || null });
    } catch (error) {
      if ((error as { code?: string }).code !== 'already_reported') throw error;
    }
    setReported(true);
    close();
    onReported?.();
  });

  if (!session?.user) return null;
  if (reported) {
    return (
      <span role="status" className={`text-base ${className ?? ''}`} data-testid="reported">
        {t('moderation.report.done')}
      </span>
    );
  }

  function open() {
    send.clearError();
    dialogRef.current?.showModal();
  }
  function close() {
    dialogRef.current?.close();
    openerRef.current?.focus();
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  const reasonError = send.error?.fieldMessage('reason');
  const headingId = `${id}-heading`;

  return (
    <>
      <button
        type="button"
        className={`usa-button usa-button--unstyled ${className ?? ''}`}
        disabled={disabled}
        onClick={open}
        ref={openerRef}
        aria-label={subject ? t('moderation.report.buttonFor', { subject }) : undefined}
        data-testid="report-button"
      >
        {t('moderation.report.button')}
      </button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="padding-3 radius-md maxw-mobile-lg" onClose={() => openerRef.current?.focus()}>
        <h2 id={headingId} className="margin-top-0 font-heading-lg">
          {t('moderation.report.title')}
        </h2>
        <p>{t('moderation.report.intro')}</p>
        <ApiErrorAlert error={send.error && !send.error.fields.length ? send.error : null} />
        <Form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
          <Fieldset legend={t('moderation.report.reason')} className={reasonError ? 'usa-form-group usa-form-group--error' : undefined}>
            {reasonError ? <ErrorMessage id={`${id}-reason-error`}>{reasonError}</ErrorMessage> : null}
            {reportReasons.map((value) => (
              <Radio
                key={value}
                id={`${id}-reason-${value}`}
                name={`${id}-reason`}
                value={value}
                label={t(`moderation.reasons.${value}`)}
                checked={reason === value}
                onChange={(event: ChangeEvent<HTMLInputElement>) => setReason(event.target.value as ReportReason)}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined}
              />
            ))}
          </Fieldset>
          <TextAreaField
            id={`${id}-details`}
            name="details"
            label={t('moderation.report.details')}
            hint={t('moderation.report.detailsHint')}
            optional
            maxLength={1000}
            value={details}
            onChange={setDetails}
            error={send.error}
          />
          <div className="margin-top-2">
            <Button type="submit" disabled={send.pending}>
              {t('moderation.report.submit')}
            </Button>
            <Button type="button" outline onClick={close}>
              {t('moderation.report.cancel')}
            </Button>
          </div>
        </Form>
      </dialog>
    </>
  );
}
