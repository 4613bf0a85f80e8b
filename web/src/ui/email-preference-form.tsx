/**
 * The e-mail preference on the profile page: an e-mail for each notification, one summary a day,
 * or none. E-mails link here (`/me#email-notifications`).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorMessage, Form } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { SessionUser } from '../api-types.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from './api-error-alert.js';
import { useAction } from './use-action.js';

export type EmailPreference = 'immediate' | 'daily' | 'off';
const choices: EmailPreference[] = ['immediate', 'daily', 'off'];
const labels = { immediate: 'notifications.emailImmediate', daily: 'notifications.emailDaily', off: 'notifications.emailOff' } as const;

function isPreference(value: unknown): value is EmailPreference {
  return value === 'immediate' || value === 'daily' || value === 'off';
}

export function EmailPreferenceForm({ user }: { user: SessionUser & { emailNotifications?: EmailPreference } }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [choice, setChoice] = useState<EmailPreference>(isPreference(user.emailNotifications) ? user.emailNotifications : 'immediate');
  const [saved, setSaved] = useState(false);
  const submit = useAction(async () => {
    await api.patch('/me', { emailNotifications: choice });
    await refresh();
    setSaved(true);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void submit.run();
  };
  const fieldError = submit.error?.fieldMessage('emailNotifications');
  return (
    <section aria-labelledby="email-notifications" className="margin-bottom-4">
      <h2 id="email-notifications" tabIndex={-1}>
        {t('notifications.emailTitle')}
      </h2>
      <p>{t('notifications.emailIntro')}</p>
      {saved ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('notifications.emailSaved')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('notifications.emailTitle')}>
        <fieldset className="usa-fieldset" aria-describedby={fieldError ? 'email-notifications-error' : undefined}>
          <legend className="usa-legend">{t('notifications.emailChoice')}</legend>
          {fieldError ? <ErrorMessage id="email-notifications-error">{fieldError}</ErrorMessage> : null}
          {choices.map((value) => (
            <div className="usa-radio" key={value}>
              <input
                className="usa-radio__input"
                id={`email-notifications-${value}`}
                type="radio"
                name="emailNotifications"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <label className="usa-radio__label" htmlFor={`email-notifications-${value}`}>
                {t(labels[value])}
              </label>
            </div>
          ))}
        </fieldset>
        <Button type="submit" disabled={submit.pending}>
          {t('notifications.emailSave')}
        </Button>
      </Form>
    </section>
  );
}
