/** Sign up: display name, e-mail, password (12 characters or more) and language; then verify residency. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { SessionUser } from '../api-types.js';
import { flashState } from '../app/flash.js';
import { useSession } from '../app/session.js';
import i18n, { currentLanguage, isLanguage, type Language } from '../i18n/index.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { SelectField, TextField } from '../ui/field.js';
import { usePageTitle } from '../ui/page-title.js';
import { useAction } from '../ui/use-action.js';
import { useDraft } from '../ui/use-draft.js';

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('signup.title'));
  const navigate = useNavigate();
  const { refresh, session } = useSession();
  const [draft, setDraft, clearDraft] = useDraft('signup', { displayName: '', email: '' });
  const { displayName, email } = draft;
  const setDisplayName = (value: string) => setDraft((current) => ({ ...current, displayName: value }));
  const setEmail = (value: string) => setDraft((current) => ({ ...current, email: value }));
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Language>(currentLanguage());

  const submit = useAction(async () => {
    await api.post<{ user: SessionUser }>('/auth/signup', { email, password, displayName, locale });
    clearDraft();
    await refresh();
    if (locale !== currentLanguage()) await i18n.changeLanguage(locale);
    void navigate('/verify', { state: flashState({ type: 'success', message: 'flash.signedUp' }) });
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };

  return (
    <div className="civitas-narrow">
      <h1>{t('signup.title')}</h1>
      <p className="civitas-lead">{t('signup.intro')}</p>
      {session?.user ? (
        <p>
          {t('signup.alreadySignedIn', { name: session.user.displayName })} <Link to="/me">{t('nav.me')}</Link>
        </p>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('signup.title')} className="maxw-full">
        <TextField
          id="signup-name"
          name="displayName"
          label={t('signup.displayName')}
          hint={t('signup.displayNameHint')}
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={submit.error}
        />
        <TextField
          id="signup-email"
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={submit.error}
        />
        <TextField
          id="signup-password"
          name="password"
          type="password"
          label={t('fields.password')}
          hint={t('signup.passwordRule')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={submit.error}
        />
        <SelectField
          id="signup-locale"
          name="locale"
          label={t('fields.language')}
          value={locale}
          onChange={(value) => setLocale(isLanguage(value) ? value : 'en')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'zh-CN', label: '中文（简体）' },
          ]}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {submit.pending ? t('common.working') : t('signup.submit')}
        </Button>
      </Form>
      <p className="margin-top-3">
        {t('signup.haveAccount')} <Link to="/signin">{t('header.signIn')}</Link>
      </p>
    </div>
  );
}
