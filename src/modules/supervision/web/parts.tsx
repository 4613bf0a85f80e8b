/**
 * Small pieces the supervision pages share: the stage tag, the deadline in working days (overdue in
 * red), a file picker for anonymous evidence, and the key panel handlers unlock their key with.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextField } from '../../../../web/src/ui/field.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import type { Deadline, KeyStatus } from './types.js';

const stateClass: Record<string, string> = {
  received: 'civitas-tag--pending',
  preliminary_review: 'bg-primary-darker',
  reviewing: 'bg-primary-darker',
  accepted: 'bg-primary-darker',
  investigating: 'bg-primary-darker',
  dismissed: 'bg-base-dark',
  concluded: 'civitas-tag--verified',
};

export function StageTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag className={`civitas-tag ${stateClass[state] ?? ''}`} data-testid="case-state">
      {t(`supervision.state.${state}`)}
    </Tag>
  );
}

/** "Stage due in 3 working days" / "overdue by 2 working days" (red) / "closed". */
export function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  if (deadline.state === 'overdue') {
    return (
      <strong className="text-error-dark" data-testid="deadline">
        {t('supervision.deadline.overdue', { count: deadline.workingDays })}
      </strong>
    );
  }
  if (deadline.state === 'closed') return <span data-testid="deadline">{t('supervision.deadline.closed')}</span>;
  return <strong data-testid="deadline">{deadline.workingDays === 0 ? t('supervision.deadline.dueToday') : t('supervision.deadline.due', { count: deadline.workingDays })}</strong>;
}

/** Picks evidence files (kept in the page only; sent with the form). */
export function EvidencePicker({ id, files, onChange, max, maxMb }: { id: string; files: File[]; onChange: (files: File[]) => void; max: number; maxMb: number }) {
  const { t } = useTranslation();
  return (
    <div className="usa-form-group">
      <label className="usa-label" htmlFor={id}>
        {t('supervision.evidence.label')} <span className="usa-hint">{t('form.optional')}</span>
      </label>
      <div className="usa-hint" id={`${id}-hint`}>
        {t('supervision.evidence.hint', { max, maxMb })}
      </div>
      <input
        id={id}
        className="usa-input"
        type="file"
        multiple
        aria-describedby={`${id}-hint`}
        accept=".jpg,.jpeg,.png,.webp,.gif,.pdf,.csv,.xlsx,.ods,.txt"
        onChange={(event) => onChange([...files, ...Array.from(event.target.files ?? [])].slice(0, max))}
      />
      {files.length > 0 ? (
        <ul className="usa-list" data-testid="evidence-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              {file.name}{' '}
              <Button type="button" unstyled onClick={() => onChange(files.filter((_, j) => j !== i))}>
                {t('supervision.evidence.remove', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The handler's supervision key: set it up once with a passphrase, or unlock it for this session.
 * Reports are encrypted; without the unlocked key nobody, the server included, can read them.
 */
export function KeyPanel({ status, onChange }: { status: KeyStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useAction(async () => {
    await api.post(status.setUp ? '/supervision/key/unlock' : '/supervision/key', { passphrase });
    setPassphrase('');
    onChange();
  });
  const lock = useAction(async () => {
    await api.delete('/supervision/key/unlock');
    onChange();
  });
  if (status.unlocked) {
    return (
      <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2" data-testid="key-unlocked">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            {t('supervision.key.unlocked')}{' '}
            <Button type="button" unstyled onClick={() => void lock.run()}>
              {t('supervision.key.lock')}
            </Button>
          </p>
        </div>
      </div>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void unlock.run();
  };
  return (
    <section className="civitas-panel margin-y-2" aria-labelledby="key-heading" data-testid="key-panel">
      <h2 id="key-heading" className="margin-top-0">
        {status.setUp ? t('supervision.key.unlockTitle') : t('supervision.key.setUpTitle')}
      </h2>
      <p>{status.setUp ? t('supervision.key.unlockIntro') : t('supervision.key.setUpIntro')}</p>
      <Form onSubmit={submit} className="maxw-mobile-lg">
        <ApiErrorAlert error={unlock.error} />
        <TextField
          id="key-passphrase"
          name="passphrase"
          type="password"
          autoComplete={status.setUp ? 'current-password' : 'new-password'}
          label={t('supervision.key.passphrase')}
          hint={status.setUp ? undefined : t('supervision.key.passphraseHint')}
          value={passphrase}
          onChange={setPassphrase}
          error={unlock.error}
        />
        <Button type="submit" disabled={unlock.pending}>
          {status.setUp ? t('supervision.key.unlock') : t('supervision.key.setUp')}
        </Button>
      </Form>
    </section>
  );
}
