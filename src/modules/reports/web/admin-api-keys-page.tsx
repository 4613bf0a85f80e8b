/**
 * Administrators issue and revoke the Open311 API keys apps and organizations post reports with (a
 * key is shown once, when it is made; only its first characters stay visible), and set the
 * installation's jurisdiction id, contact line and how to ask for a key.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { ApiKeysResponse, CreatedApiKey } from './types.js';

interface OrganizationOption {
  id: string;
  name: string;
  nameZh: string | null;
}

export function AdminApiKeysPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { name, dateTime } = useLocalize();
  usePageTitle(t('reports.admin.keysTitle'));
  const user = session?.user ?? null;
  const keys = useLoad(() => api.get<ApiKeysResponse>('/problem-reports/api-keys'), [user?.id], Boolean(user));
  const organizations = useLoad(() => api.get<{ organizations: OrganizationOption[] }>('/organizations', { status: 'verified', limit: 200 }), [], Boolean(user));
  const [label, setLabel] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  const create = useAction(async () => {
    setCreated(await api.post<CreatedApiKey>('/problem-reports/api-keys', { label, organizationId: organizationId || null }));
    setLabel('');
    setOrganizationId('');
    keys.reload();
  });
  const revoke = useAction(async (id: string) => {
    await api.delete(`/problem-reports/api-keys/${id}`);
    setConfirmRevoke(null);
    keys.reload();
  });

  if (session && !user) return <SignInRequired />;
  if (keys.error) return <ApiErrorAlert error={keys.error} />;
  if (!keys.data) return <Loading />;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
        <h1>{t('reports.admin.keysTitle')}</h1>
        <p className="civitas-lead">{t('reports.admin.keysIntro')}</p>
        <p>
          {t('reports.admin.discovery')}{' '}
          <a className="usa-link" href={keys.data.discoveryUrl}>
            <code>{keys.data.discoveryUrl}</code>
          </a>
        </p>
      </div>

      {created ? (
        <Alert type="success" headingLevel="h2" heading={t('reports.admin.keyCreated', { label: created.key.label })} data-testid="new-key">
          <p>{t('reports.admin.keyOnce')}</p>
          <p>
            <code className="civitas-hash" data-testid="new-key-secret">
              {created.secret}
            </code>
          </p>
          <Button type="button" unstyled onClick={() => setCreated(null)}>
            {t('reports.admin.keyStored')}
          </Button>
        </Alert>
      ) : null}

      <section className="civitas-panel margin-y-3" aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">{t('reports.admin.newKey')}</h2>
        <Form onSubmit={submit} noValidate className="maxw-tablet" aria-label={t('reports.admin.newKey')}>
          <ApiErrorAlert error={create.error} />
          <TextField id="key-label" name="label" label={t('reports.admin.keyLabel')} hint={t('reports.admin.keyLabelHint')} maxLength={120} value={label} onChange={setLabel} error={create.error} />
          <SelectField
            id="key-organization"
            name="organizationId"
            label={t('reports.admin.keyOrganization')}
            optional
            emptyLabel={t('reports.admin.noOrganization')}
            options={(organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: name(o) }))}
            value={organizationId}
            onChange={setOrganizationId}
            error={create.error}
          />
          <Button type="submit" className="margin-top-2" disabled={create.pending}>
            {t('reports.admin.createKey')}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="keys-heading" className="margin-y-3">
        <h2 id="keys-heading">{t('reports.admin.keysHeading')}</h2>
        <ApiErrorAlert error={revoke.error} />
        {keys.data.keys.length === 0 ? <p>{t('reports.admin.noKeys')}</p> : null}
        {keys.data.keys.length > 0 ? (
          <div className="civitas-table-wrap" tabIndex={0} role="region" aria-labelledby="keys-heading">
            <table className="usa-table usa-table--compact" data-testid="keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.admin.keyLabel')}</th>
                  <th scope="col">{t('reports.admin.keyPrefix')}</th>
                  <th scope="col">{t('reports.admin.keyUse')}</th>
                  <th scope="col">{t('reports.admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.keys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">
                      {k.label}
                      {k.organization ? <span className="display-block font-ui-2xs">{name(k.organization)}</span> : null}
                    </th>
                    <td>
                      <code>{k.keyPrefix}…</code>
                    </td>
                    <td>
                      {t('reports.admin.keyReports', { count: k.reportCount })}
                      <span className="display-block font-ui-2xs">
                        {t('reports.admin.keyCreatedOn', { date: dateTime(k.createdAt) })}
                        {k.lastUsedAt ? ` · ${t('reports.admin.keyLastUsed', { date: dateTime(k.lastUsedAt) })}` : ''}
                      </span>
                    </td>
                    <td>
                      {k.revokedAt ? (
                        <span className="text-base">{t('reports.admin.keyRevokedOn', { date: dateTime(k.revokedAt) })}</span>
                      ) : confirmRevoke === k.id ? (
                        <span role="group" aria-label={t('reports.admin.revokeConfirm', { label: k.label })}>
                          <Button type="button" secondary disabled={revoke.pending} onClick={() => void revoke.run(k.id)}>
                            {t('reports.admin.revokeYes')}
                          </Button>
                          <Button type="button" unstyled onClick={() => setConfirmRevoke(null)}>
                            {t('reports.admin.cancel')}
                          </Button>
                        </span>
                      ) : (
                        <Button type="button" unstyled className="civitas-danger-link" onClick={() => setConfirmRevoke(k.id)} aria-label={t('reports.admin.revokeNamed', { label: k.label })}>
                          {t('reports.admin.revoke')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <SettingsForm settings={keys.data.settings} onSaved={keys.reload} />
    </>
  );
}

function SettingsForm({ settings, onSaved }: { settings: ApiKeysResponse['settings']; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(settings);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await api.put('/problem-reports/open311-settings', values);
    setSaved(true);
    onSaved();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void save.run();
  };
  return (
    <section className="civitas-panel margin-y-3" aria-labelledby="open311-settings-heading">
      <h2 id="open311-settings-heading">{t('reports.admin.settingsTitle')}</h2>
      <Form onSubmit={submit} noValidate className="maxw-tablet" aria-label={t('reports.admin.settingsTitle')}>
        <ApiErrorAlert error={save.error} />
        <TextField id="open311-jurisdiction" name="jurisdictionId" label={t('reports.admin.jurisdiction')} hint={t('reports.admin.jurisdictionHint')} maxLength={80} value={values.jurisdictionId} onChange={(jurisdictionId) => setValues({ ...values, jurisdictionId })} error={save.error} />
        <TextField id="open311-contact" name="contact" label={t('reports.admin.contact')} optional maxLength={500} value={values.contact} onChange={(contact) => setValues({ ...values, contact })} error={save.error} />
        <TextField id="open311-key-service" name="keyService" label={t('reports.admin.keyService')} optional maxLength={500} value={values.keyService} onChange={(keyService) => setValues({ ...values, keyService })} error={save.error} />
        <Button type="submit" className="margin-top-2" disabled={save.pending}>
          {t('reports.admin.save')}
        </Button>
        {saved ? (
          <p role="status" className="margin-top-1">
            {t('reports.admin.settingsSaved')}
          </p>
        ) : null}
      </Form>
    </section>
  );
}
