/** Admin: organizations waiting for verification, each with Verify and Reject-with-reason. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import type { OrganizationList } from '../../api-types.js';
import { useAreas } from '../../app/areas.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { kindLabel } from '../../ui/labels.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { SectorTag } from '../../ui/tags.js';
import { useLoad } from '../../ui/use-load.js';
import { VerificationControls } from '../organization-manage.js';

export function AdminVerification() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { byId } = useAreas();
  const pending = useLoad(() => api.get<OrganizationList>('/organizations', { status: 'pending', limit: 100 }), []);
  const organizations = pending.data?.organizations ?? [];
  return (
    <section aria-labelledby="admin-verification">
      <h2 id="admin-verification">{t('admin.sections.verification')}</h2>
      <p>{t('admin.verification.intro')}</p>
      <ApiErrorAlert error={pending.error} focus={false} />
      {pending.loading && !pending.data ? <Loading /> : null}
      {pending.data && organizations.length === 0 ? <p data-testid="no-pending">{t('admin.verification.none')}</p> : null}
      {organizations.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {organizations.map((organization) => {
            const area = byId(organization.areaId);
            const headingId = `pending-${organization.id}`;
            return (
              <li key={organization.id} className="civitas-admin-item" aria-labelledby={headingId} data-testid={`pending-${organization.slug}`}>
                <h3 id={headingId} className="margin-y-0">
                  <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>
                </h3>
                <p className="margin-y-05">
                  <SectorTag sector={organization.sector} /> {kindLabel(t, organization.kind)}
                  {area ? ` · ${name(area)}` : ''}
                </p>
                {organization.description ? <p className="civitas-clamp">{organization.description}</p> : null}
                <VerificationControls
                  slug={organization.slug}
                  name={name(organization)}
                  idPrefix={`verify-${organization.id}`}
                  onDone={pending.reload}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
