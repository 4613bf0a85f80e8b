/** Register an enterprise or social organization; it waits for verification by an administrator. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { Organization } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../ui/field.js';
import { registrableKinds } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SignInRequired } from '../ui/sign-in-required.js';
import { useAction } from '../ui/use-action.js';
import { useDraft } from '../ui/use-draft.js';

interface Draft {
  sector: 'market' | 'society';
  kind: string;
  name: string;
  nameZh: string;
  description: string;
  areaId: string;
  website: string;
  email: string;
}

const emptyDraft: Draft = {
  sector: 'society',
  kind: 'social_organization',
  name: '',
  nameZh: '',
  description: '',
  areaId: '',
  website: '',
  email: '',
};

export function RegisterOrganizationPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const { name } = useLocalize();
  const { session, refresh } = useSession();
  const { rows } = useAreas();
  const [draft, setDraft, clearDraft] = useDraft<Draft>('register-organization', emptyDraft);
  const [created, setCreated] = useState<Organization | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = useAction(async () => {
    const result = await api.post<{ organization: Organization }>('/organizations', {
      sector: draft.sector,
      kind: draft.kind,
      name: draft.name,
      nameZh: draft.nameZh.trim() || undefined,
      description: draft.description,
      areaId: draft.areaId || undefined,
      website: draft.website.trim() || undefined,
      email: draft.email.trim() || undefined,
    });
    setCreated(result.organization);
    clearDraft();
    await refresh();
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };

  let body;
  if (!session) body = <Loading />;
  else if (!session.user) body = <SignInRequired />;
  else if (created) {
    body = (
      <Alert type="success" headingLevel="h2" heading={t('register.pendingHeading')} role="status" data-testid="registered">
        {t('register.pending', { name: name(created) })}{' '}
        <Link to={`/organizations/${created.slug}`}>{t('register.viewPage')}</Link>
      </Alert>
    );
  } else {
    body = (
      <>
        <ApiErrorAlert error={submit.error} />
        <Form onSubmit={onSubmit} noValidate aria-label={t('register.title')} large>
          <SelectField
            id="register-sector"
            name="sector"
            label={t('organizations.sector')}
            hint={t('register.sectorHint')}
            value={draft.sector}
            onChange={(value) => set('sector')(value === 'market' ? 'market' : 'society')}
            options={[
              { value: 'market', label: t('sector.market') },
              { value: 'society', label: t('sector.society') },
            ]}
            error={submit.error}
          />
          <SelectField
            id="register-kind"
            name="kind"
            label={t('organization.kind')}
            value={draft.kind}
            onChange={set('kind')}
            options={registrableKinds.map((kind) => ({ value: kind, label: t(`organizationKinds.${kind}`) }))}
            error={submit.error}
          />
          <TextField id="register-name" name="name" label={t('register.name')} value={draft.name} onChange={set('name')} error={submit.error} />
          <TextField
            id="register-name-zh"
            name="nameZh"
            label={t('register.nameZh')}
            optional
            value={draft.nameZh}
            onChange={set('nameZh')}
            error={submit.error}
          />
          <TextAreaField
            id="register-description"
            name="description"
            label={t('fields.description')}
            hint={t('register.descriptionHint')}
            value={draft.description}
            onChange={set('description')}
            error={submit.error}
          />
          <SelectField
            id="register-area"
            name="areaId"
            label={t('fields.area')}
            optional
            value={draft.areaId}
            onChange={set('areaId')}
            emptyLabel={t('register.noArea')}
            options={rows.map(({ area, depth }) => ({ value: area.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name(area)}` }))}
            error={submit.error}
          />
          <TextField
            id="register-website"
            name="website"
            type="url"
            label={t('fields.website')}
            hint={t('fields.websiteHint')}
            optional
            value={draft.website}
            onChange={set('website')}
            error={submit.error}
          />
          <TextField
            id="register-email"
            name="email"
            type="email"
            label={t('fields.contactEmail')}
            optional
            value={draft.email}
            onChange={set('email')}
            error={submit.error}
          />
          <Button type="submit" disabled={submit.pending}>
            {submit.pending ? t('common.working') : t('register.submit')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <div className="civitas-narrow">
      <h1>{t('register.title')}</h1>
      <p className="civitas-lead">{t('register.intro')}</p>
      {body}
    </div>
  );
}
