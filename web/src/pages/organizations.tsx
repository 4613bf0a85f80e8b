/** Organizations directory: government, enterprises and social organizations, by sector, area and name. */
import { Pager } from '../ui/pager.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, CardBody, CardFooter, CardGroup, CardHeader, Form } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { OrganizationList } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { SelectField, TextField } from '../ui/field.js';
import { kindLabel } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SectorTag, StatusTag } from '../ui/tags.js';
import { useLoad } from '../ui/use-load.js';

const pageSize = 24;

export function OrganizationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organizations.title'));
  const { name, number } = useLocalize();
  const { session } = useSession();
  const { rows, byId } = useAreas();
  const [params, setParams] = useSearchParams();
  const sector = params.get('sector') ?? '';
  const q = params.get('q') ?? '';
  const areaId = params.get('areaId') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const [draft, setDraft] = useState({ sector, q, areaId });
  const [shown, setShown] = useState({ sector, q, areaId });
  if (shown.sector !== sector || shown.q !== q || shown.areaId !== areaId) {
    // The address changed (back button, a link): show its filters in the form.
    setShown({ sector, q, areaId });
    setDraft({ sector, q, areaId });
  }

  const list = useLoad(
    () =>
      api.get<OrganizationList>('/organizations', {
        sector,
        q,
        areaId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    [sector, q, areaId, page],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.sector) next.set('sector', draft.sector);
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.areaId) next.set('areaId', draft.areaId);
    setParams(next);
  };

  const goToPage = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete('page');
    else next.set('page', String(target));
    setParams(next);
  };

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <div className="civitas-page-head civitas-page-head--with-action">
        <div>
          <h1>{t('organizations.title')}</h1>
          <p className="civitas-lead">{t('organizations.intro')}</p>
        </div>
        {session?.user ? (
          <Link to="/organizations/new" className="usa-button">
            {t('organizations.register')}
          </Link>
        ) : null}
      </div>

      <Form onSubmit={onSubmit} noValidate aria-label={t('organizations.filters')} className="civitas-filters" large>
        <TextField
          id="organizations-q"
          name="q"
          type="search"
          label={t('organizations.search')}
          optional
          value={draft.q}
          onChange={(value) => setDraft({ ...draft, q: value })}
        />
        <SelectField
          id="organizations-sector"
          name="sector"
          label={t('organizations.sector')}
          optional
          value={draft.sector}
          onChange={(value) => setDraft({ ...draft, sector: value })}
          emptyLabel={t('organizations.allSectors')}
          options={[
            { value: 'government', label: t('sector.government') },
            { value: 'market', label: t('sector.market') },
            { value: 'society', label: t('sector.society') },
          ]}
        />
        <SelectField
          id="organizations-area"
          name="areaId"
          label={t('fields.area')}
          optional
          value={draft.areaId}
          onChange={(value) => setDraft({ ...draft, areaId: value })}
          emptyLabel={t('organizations.allAreas')}
          options={rows.map(({ area, depth }) => ({ value: area.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name(area)}` }))}
        />
        <Button type="submit">{t('organizations.applyFilters')}</Button>
      </Form>

      <ApiErrorAlert error={list.error} focus={false} />
      <div role="status" className="margin-y-2 text-base" data-testid="organizations-count">
        {list.data ? t('organizations.count', { count: total, formatted: number(total) }) : null}
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.organizations.length === 0 ? <p>{t('organizations.none')}</p> : null}
      {list.data && list.data.organizations.length > 0 ? (
        <CardGroup data-testid="organization-cards">
          {list.data.organizations.map((organization) => {
            const area = byId(organization.areaId);
            return (
              <Card key={organization.id} gridLayout={{ tablet: { col: 6 }, desktop: { col: 4 } }} headerFirst>
                <CardHeader>
                  <h2 className="usa-card__heading">
                    <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>
                  </h2>
                </CardHeader>
                <CardBody>
                  <p className="margin-top-0 civitas-clamp">{organization.description}</p>
                </CardBody>
                <CardFooter>
                  <SectorTag sector={organization.sector} /> <StatusTag status={organization.status} />{' '}
                  <span className="text-base">
                    {kindLabel(t, organization.kind)}
                    {area ? ` · ${name(area)}` : ''}
                  </span>
                </CardFooter>
              </Card>
            );
          })}
        </CardGroup>
      ) : null}

      <Pager page={page} pages={pages} onPage={(n) => goToPage(n)} />
    </>
  );
}
