/**
 * My profile: who I am here (verification, area, roles, memberships, posts), my name and language,
 * my password, signing out everywhere, and for clerks, assisting a resident in person.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Form, Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { SessionUser } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { flashState } from '../app/flash.js';
import { useSession } from '../app/session.js';
import i18n, { currentLanguage, isLanguage, type Language } from '../i18n/index.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { EmailPreferenceForm } from '../ui/email-preference-form.js';
import { SelectField, TextField } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SignInRequired } from '../ui/sign-in-required.js';
import { useAction } from '../ui/use-action.js';

function Overview({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { name, pick } = useLocalize();
  const { byId } = useAreas();
  const area = byId(user.areaId);
  return (
    <section aria-labelledby="profile-overview" className="margin-bottom-4">
      <h2 id="profile-overview">{t('profile.overview')}</h2>
      <dl className="civitas-facts">
        <div>
          <dt>{t('fields.displayName')}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('profile.residency')}</dt>
          <dd data-testid="verification-status">
            {user.verified ? (
              <>
                <Tag className="civitas-tag civitas-tag--verified">{t('profile.verified')}</Tag>{' '}
                {area ? <Link to={`/areas/${area.slug}`}>{name(area)}</Link> : null}
              </>
            ) : (
              <>
                <Tag className="civitas-tag civitas-tag--pending">{t('profile.notVerified')}</Tag>{' '}
                <Link to="/verify">{t('home.verifyLink')}</Link>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('profile.roles')}</dt>
          <dd>{user.roles.length === 0 ? t('profile.noRoles') : user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
        </div>
      </dl>

      <h3>{t('profile.memberships')}</h3>
      {user.memberships.length === 0 ? (
        <p className="text-base">
          {t('profile.noMemberships')} <Link to="/organizations/new">{t('organizations.register')}</Link>
        </p>
      ) : (
        <ul className="usa-list">
          {user.memberships.map((membership) => (
            <li key={membership.organizationId}>
              <Link to={`/organizations/${membership.slug}`}>{name(membership)}</Link> — {t(`membershipRoles.${membership.role}`)}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('profile.posts')}</h3>
      {user.posts.length === 0 ? (
        <p className="text-base">{t('profile.noPosts')}</p>
      ) : (
        <ul className="usa-list">
          {user.posts.map((post) => (
            <li key={post.id}>
              {pick(post.title, post.titleZh)} —{' '}
              <Link to={`/organizations/${post.organizationSlug}`}>{pick(post.organizationName, post.organizationNameZh)}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DetailsForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Language>(user.locale);
  const [saved, setSaved] = useState(false);
  const submit = useAction(async () => {
    await api.patch<{ user: SessionUser }>('/me', { displayName, locale });
    if (locale !== currentLanguage()) await i18n.changeLanguage(locale);
    await refresh();
    setSaved(true);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void submit.run();
  };
  return (
    <section aria-labelledby="profile-details" className="margin-bottom-4">
      <h2 id="profile-details">{t('profile.details')}</h2>
      {saved ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('profile.saved')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('profile.details')}>
        <TextField
          id="profile-name"
          name="displayName"
          label={t('fields.displayName')}
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={submit.error}
        />
        <SelectField
          id="profile-locale"
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
          {t('profile.saveDetails')}
        </Button>
      </Form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const submit = useAction(async () => {
    await api.post('/auth/password', { currentPassword, newPassword });
    setCurrentPassword('');
    setNewPassword('');
    setChanged(true);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    void submit.run();
  };
  return (
    <section aria-labelledby="profile-password" className="margin-bottom-4">
      <h2 id="profile-password">{t('profile.changePassword')}</h2>
      {changed ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('profile.passwordChanged')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('profile.changePassword')}>
        <TextField
          id="password-current"
          name="currentPassword"
          type="password"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={submit.error}
        />
        <TextField
          id="password-new"
          name="newPassword"
          type="password"
          label={t('profile.newPassword')}
          hint={t('signup.passwordRule')}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('profile.changePasswordSubmit')}
        </Button>
      </Form>
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const submit = useAction(async () => {
    await api.post('/auth/logout-everywhere');
    await refresh();
    void navigate('/', { state: flashState({ type: 'success', message: 'flash.signedOutEverywhere' }) });
  });
  return (
    <section aria-labelledby="profile-sessions" className="margin-bottom-4">
      <h2 id="profile-sessions">{t('profile.sessions')}</h2>
      <p>{t('profile.sessionsIntro')}</p>
      <ApiErrorAlert error={submit.error} />
      <Button type="button" secondary disabled={submit.pending} onClick={() => void submit.run()}>
        {t('profile.signOutEverywhere')}
      </Button>
    </section>
  );
}

function AssistForm() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const [email, setEmail] = useState('');
  const submit = useAction(async () => {
    await api.post('/assist', { email });
    setEmail('');
    await refresh();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <section aria-labelledby="profile-assist" className="margin-bottom-4">
      <h2 id="profile-assist">{t('assist.title')}</h2>
      <p>{t('assist.intro')}</p>
      {session?.actingFor ? (
        <Alert type="info" headingLevel="h3" slim>
          {t('assist.banner', { name: session.actingFor.displayName })}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('assist.title')}>
        <TextField
          id="assist-email"
          name="email"
          type="email"
          label={t('assist.email')}
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('assist.start')}
        </Button>
      </Form>
    </section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const { session } = useSession();
  const user = session?.user ?? null;
  return (
    <>
      <h1>{t('profile.title')}</h1>
      {!session ? <Loading /> : null}
      {session && !user ? <SignInRequired /> : null}
      {user ? (
        <div className="grid-row grid-gap-lg">
          <div className="grid-col-12 desktop:grid-col-6">
            <Overview user={user} />
            {user.roles.includes('clerk') ? <AssistForm /> : null}
          </div>
          <div className="grid-col-12 desktop:grid-col-6" key={user.id}>
            <DetailsForm user={user} />
            <EmailPreferenceForm user={user} />
            <PasswordForm />
            <SignOutEverywhere />
          </div>
        </div>
      ) : null}
    </>
  );
}
