/**
 * Files on content: a field that uploads each chosen file at once (so a long form does not fail at
 * the end for one bad file) and lists what is attached with a remove button, and a list that shows
 * photos as thumbnails and documents as download links.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import { api, asApiError } from '../api.js';

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  kind: AttachmentKind;
  size: number;
  url: string;
}

/** image: photos; document: PDF; spreadsheet: CSV, XLSX, ODS; text: plain text. */
export type AttachmentKind = 'image' | 'document' | 'spreadsheet' | 'text';

/** What the server accepts, by kind (it checks the content itself; this only filters the picker). */
const ACCEPT: Record<AttachmentKind, string> = {
  image: 'image/jpeg,image/png,image/webp,image/gif,.jpg,.jpeg,.png,.webp,.gif',
  document: 'application/pdf,.pdf',
  spreadsheet: 'text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,.csv,.xlsx,.ods',
  text: 'text/plain,.txt',
};
export const ATTACHMENT_MAX_MB = 10;

export function useFileSize() {
  const { t } = useTranslation();
  return (bytes: number) =>
    bytes >= 1024 * 1024 ? t('attachments.sizeMb', { size: (bytes / (1024 * 1024)).toFixed(1) }) : t('attachments.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

export interface AttachmentsFieldProps {
  id: string;
  value: Attachment[];
  onChange(next: Attachment[]): void;
  max: number;
  /** The server's message for the attachments as a whole (`error?.fieldMessage('attachmentIds')`). */
  error?: string | undefined;
  /** What the resource takes: photos and PDF documents unless said otherwise. */
  kinds?: readonly AttachmentKind[];
}

export function AttachmentsField({ id, value, onChange, max, error, kinds = ['image', 'document'] }: AttachmentsFieldProps) {
  const takesData = kinds.includes('spreadsheet') || kinds.includes('text');
  const { t } = useTranslation();
  const size = useFileSize();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = [...(error ? [error] : []), ...problems];

  async function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    let next = [...value];
    for (const file of Array.from(files)) {
      if (next.length >= max) {
        found.push(t('attachments.tooMany', { max }));
        break;
      }
      if (file.size > ATTACHMENT_MAX_MB * 1024 * 1024) {
        found.push(t('attachments.tooLarge', { name: file.name, maxMb: ATTACHMENT_MAX_MB }));
        continue;
      }
      setStatus(t('attachments.uploading', { name: file.name }));
      try {
        const uploaded = await api.upload<Attachment>('/attachments', file, { fileName: file.name });
        next = [...next, uploaded];
        onChange(next);
        setStatus(t('attachments.uploaded', { name: uploaded.fileName }));
      } catch (e) {
        found.push(t('attachments.failed', { name: file.name, message: asApiError(e).message }));
        setStatus('');
      }
    }
    setProblems(found);
    setBusy(false);
    if (input.current) input.current.value = '';
  }

  function remove(attachment: Attachment) {
    onChange(value.filter((a) => a.id !== attachment.id));
    setStatus(t('attachments.removed', { name: attachment.fileName }));
  }

  return (
    <FormGroup error={messages.length > 0}>
      <Label htmlFor={id} error={messages.length > 0}>
        {t('attachments.label')}
        <span className="usa-hint"> {t('form.optional')}</span>
      </Label>
      <div className="usa-hint" id={hintId}>
        {t(takesData ? 'attachments.hintData' : 'attachments.hint', { max, maxMb: ATTACHMENT_MAX_MB })}
      </div>
      {messages.length > 0 ? (
        <ErrorMessage id={errorId}>
          {messages.map((m) => (
            <span key={m} className="display-block">
              {m}
            </span>
          ))}
        </ErrorMessage>
      ) : null}
      <input
        ref={input}
        id={id}
        className="usa-input civitas-file-input"
        type="file"
        multiple
        accept={kinds.map((k) => ACCEPT[k]).join(',')}
        disabled={busy || value.length >= max}
        aria-describedby={[messages.length > 0 ? errorId : null, hintId].filter(Boolean).join(' ')}
        aria-invalid={messages.length > 0 ? true : undefined}
        onChange={(e) => void add(e.target.files)}
      />
      <p className="usa-sr-only" aria-live="polite" role="status">
        {status}
      </p>
      {value.length > 0 ? (
        <ul className="usa-list usa-list--unstyled margin-top-1" aria-label={t('attachments.listLabel')}>
          {value.map((a) => (
            <li key={a.id} className="display-flex flex-align-center flex-wrap padding-y-05">
              <span className="margin-right-1">
                {a.fileName} <span className="text-base">({size(a.size)})</span>
              </span>
              <Button type="button" unstyled onClick={() => remove(a)}>
                {t('attachments.remove', { name: a.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </FormGroup>
  );
}

/** Photos as thumbnails that open in full, documents as download links with their size. */
export function AttachmentList({ attachments, headingLevel = 2 }: { attachments: Attachment[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const headingId = useId();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.kind === 'image');
  const documents = attachments.filter((a) => a.kind !== 'image');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className="margin-top-3" data-testid="attachments">
      <Heading id={headingId}>{t('attachments.heading')}</Heading>
      {images.length > 0 ? (
        <ul className="civitas-thumbnails usa-list usa-list--unstyled">
          {images.map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noopener" aria-label={t('attachments.open', { name: a.fileName })}>
                <img src={a.url} alt={a.fileName} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length > 0 ? (
        <ul className="usa-list">
          {documents.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName}>
                {t('attachments.download', { name: a.fileName, size: size(a.size) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
