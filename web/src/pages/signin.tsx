/** Sign in with e-mail and password; the demo lists its accounts here. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Form, Table } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { DemoAccount } from '../api-types.js';
import { flashState } from '../app/flash.js';
import { useSession } from '../app/session.js';
import i18n, { currentLanguage } from '../i18n/index.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { TextField } from '../ui/field.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';

/** Where to go after signing in: back to the page that asked, else home. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/signin') return from;
  }
  return '/';
}

function DemoAccounts({ onUse }: { onUse: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const accounts = useLoad(() => api.get<{ accounts: DemoAccount[] }>('/demo/accounts'), []);
  if (!accounts.data || accounts.data.accounts.length === 0) return null;
  return (
    <section aria-labelledby="demo-accounts" className="margin-top-5" data-testid="demo-accounts">
      <h2 id="demo-accounts">{t('signin.demoAccounts')}</h2>
      <p>{t('signin.demoAccountsIntro')}</p>
      <Table bordered={false} fullWidth stackedStyle="headers">
        <thead>
          <tr>
            <th scope="col">{t('signin.demoWho')}</th>
            <th scope="col">{t('fields.email')}</th>
            <th scope="col">{t('fields.password')}</th>
            <th scope="col">
              <span className="usa-sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.data.accounts.map((account) => {
            const label = pick(account.label, account.labelZh);
            return (
              <tr key={account.email}>
                <th scope="row" data-label={t('signin.demoWho')}>
                  {label}
                </th>
                <td data-label={t('fields.email')}>
                  <code>{account.email}</code>
                </td>
                <td data-label={t('fields.password')}>
                  <code>{account.password}</code>
                </td>
                <td>
                  <Button type="button" outline className="margin-0" onClick={() => onUse(account)}>
                    {t('signin.useAccount', { label })}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signin.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh, session } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = useAction(async () => {
    await api.post('/auth/login', { email, password });
    const next = await refresh();
    const locale = next?.user?.locale;
    if (locale && locale !== currentLanguage()) await i18n.changeLanguage(locale);
    void navigate(returnPath(location.state), {
      state: flashState({ type: 'success', message: 'flash.signedIn', values: { name: next?.user?.displayName ?? '' } }),
    });
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };

  return (
    <div className="civitas-narrow">
      <h1>{t('signin.title')}</h1>
      {session?.user ? (
        <p>
          {t('signup.alreadySignedIn', { name: session.user.displayName })} <Link to="/me">{t('nav.me')}</Link>
        </p>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('signin.title')} className="maxw-full">
        <TextField
          id="signin-email"
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={submit.error}
        />
        <TextField
          id="signin-password"
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {submit.pending ? t('common.working') : t('signin.submit')}
        </Button>
      </Form>
      <p className="margin-top-3">
        {t('signin.noAccount')} <Link to="/signup">{t('header.signUp')}</Link>
      </p>
      {session?.demo ? (
        <DemoAccounts
          onUse={(account) => {
            setEmail(account.email);
            setPassword(account.password);
            document.getElementById('signin-email')?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
