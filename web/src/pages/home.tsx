/**
 * Home of an area (`/` for the selected area, `/areas/:slug` for any): where it sits, what is in it,
 * which departments serve it and who holds their posts, organizations registered there, and the
 * latest public activity.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Card, CardBody, CardGroup, CardHeader, Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { AreaDetail, AuditPage, Organization, OrganizationList } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { useSession } from '../app/session.js';
import { ActivityList } from '../ui/audit.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SectorTag } from '../ui/tags.js';
import { useLoad } from '../ui/use-load.js';
import { OpenProcesses } from '../../../src/modules/processes/web/index.js';
import { OverdueProposals } from '../../../src/modules/proposals/web/index.js';
import { OverdueQuestions } from '../../../src/modules/questions/web/index.js';
import { OverdueReports } from '../../../src/modules/reports/web/index.js';
import { ScorecardsGlance } from '../../../src/modules/accountability/web/index.js';
import { useOrganizationDetails } from '../ui/use-organization-details.js';

function Departments({ departments }: { departments: Organization[] }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const details = useOrganizationDetails(departments.map((department) => department.slug));
  if (departments.length === 0) return <p className="text-base">{t('home.noDepartments')}</p>;
  return (
    <CardGroup>
      {departments.map((department) => {
        const posts = details.get(department.slug)?.posts ?? [];
        return (
          <Card key={department.id} gridLayout={{ tablet: { col: 6 }, desktop: { col: 4 } }}>
            <CardHeader>
              <h3 className="usa-card__heading">
                <Link to={`/organizations/${department.slug}`}>{name(department)}</Link>
              </h3>
              {department.isSupervisory ? <Tag className="civitas-tag civitas-tag--supervisory">{t('departments.supervisory')}</Tag> : null}
            </CardHeader>
            <CardBody>
              {posts.length === 0 ? (
                <p className="text-base">{details.has(department.slug) ? t('departments.noPosts') : t('common.loading')}</p>
              ) : (
                <ul className="usa-list usa-list--unstyled civitas-officials">
                  {posts.map((post) => (
                    <li key={post.id}>
                      <span className="text-bold">{title(post)}</span>
                      {t('common.colon')}
                      {post.holder ? post.holder.displayName : <span className="text-base">{t('departments.vacant')}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        );
      })}
    </CardGroup>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { name, number } = useLocalize();
  const { session } = useSession();
  const params = useParams();
  const areas = useAreas();
  const routeSlug = params.slug ?? null;
  const selected = areas.bySlug(areas.selectedSlug);
  // Nothing chosen yet: a verified resident starts in their own area, everyone else at the top.
  const ownArea = areas.byId(session?.user?.areaId);
  const slug = routeSlug ?? selected?.slug ?? ownArea?.slug ?? areas.rows[0]?.area.slug ?? null;

  const detail = useLoad(() => api.get<AreaDetail>(`/areas/${encodeURIComponent(slug ?? '')}`), [slug], Boolean(slug));
  const area = detail.data && detail.data.area.slug === slug ? detail.data : null;

  const { select, selectedSlug } = areas;
  useEffect(() => {
    if (routeSlug && area && selectedSlug !== routeSlug) select(routeSlug);
  }, [routeSlug, area, selectedSlug, select]);

  const government = useLoad(
    () => api.get<OrganizationList>('/organizations', { sector: 'government', limit: 100 }),
    [],
  );
  const local = useLoad(
    () => api.get<OrganizationList>('/organizations', { areaId: area?.area.id, limit: 50 }),
    [area?.area.id],
    Boolean(area),
  );
  const activity = useLoad(() => api.get<AuditPage>('/audit', { limit: 10 }), []);

  const areaName = area ? name(area.area) : '';
  usePageTitle(area ? areaName : t('home.title'));

  const lineageIds = new Set(area ? areas.lineage(area.area.id).map((item) => item.id) : []);
  if (area) lineageIds.add(area.area.id);
  const serving = (government.data?.organizations ?? []).filter(
    (organization) => organization.areaId === null || lineageIds.has(organization.areaId),
  );
  const organizations = (local.data?.organizations ?? []).filter((organization) => organization.sector !== 'government');
  const user = session?.user ?? null;
  const notFound = detail.error?.status === 404;

  return (
    <>
      <div className="civitas-page-head">
        <h1>{area ? areaName : notFound ? t('home.areaNotFound') : t('home.title')}</h1>
        {area ? (
          <p className="civitas-lead">
            {t(`areaKinds.${area.area.kind}`)}
            {area.parent ? (
              <>
                {' · '}
                {t('home.partOf')} <Link to={`/areas/${area.parent.slug}`}>{name(area.parent)}</Link>
              </>
            ) : null}
          </p>
        ) : (
          <p className="civitas-lead">{t('home.intro')}</p>
        )}
      </div>

      {!user && session ? (
        <Alert type="info" headingLevel="h2" slim className="margin-bottom-3">
          {t('home.joinIntro')} <Link to="/signup">{t('header.signUp')}</Link> · <Link to="/signin">{t('header.signIn')}</Link>
        </Alert>
      ) : null}
      {user && !user.verified ? (
        <Alert type="info" headingLevel="h2" slim className="margin-bottom-3">
          {t('home.verifyIntro')} <Link to="/verify">{t('home.verifyLink')}</Link>
        </Alert>
      ) : null}

      {areas.loaded && areas.rows.length === 0 && !slug ? <p>{t('home.noAreas')}</p> : null}
      {notFound ? (
        <p>
          {t('home.areaNotFoundText')} <Link to="/">{t('notFound.home')}</Link>
        </p>
      ) : (
        <ApiErrorAlert error={detail.error} focus={false} />
      )}
      {detail.loading && !area && slug ? <Loading /> : null}

      {area ? (
        <>
          <OpenProcesses areaId={area.area.id} />
          <OverdueProposals />
          <OverdueQuestions />
          <OverdueReports />
          <ScorecardsGlance areaId={area.area.id} />
          <section aria-labelledby="area-numbers" className="margin-bottom-4">
            <h2 id="area-numbers">{t('home.numbers')}</h2>
            <dl className="civitas-stats">
              <div>
                <dt>{t('home.counts.verifiedResidents')}</dt>
                <dd>{number(area.counts.verifiedResidents)}</dd>
              </div>
              <div>
                <dt>{t('home.counts.organizations')}</dt>
                <dd>{number(area.counts.organizations)}</dd>
              </div>
              <div>
                <dt>{t('home.counts.departments')}</dt>
                <dd>{number(area.counts.departments)}</dd>
              </div>
            </dl>
          </section>

          {area.children.length > 0 ? (
            <section aria-labelledby="area-children" className="margin-bottom-4">
              <h2 id="area-children">{t('home.childAreas', { area: areaName })}</h2>
              <ul className="civitas-chips">
                {area.children.map((child) => (
                  <li key={child.id}>
                    <Link to={`/areas/${child.slug}`}>{name(child)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="area-departments" className="margin-bottom-4">
            <h2 id="area-departments">{t('home.departments', { area: areaName })}</h2>
            <p className="text-base margin-top-0">{t('home.departmentsIntro')}</p>
            {government.loading && !government.data ? <Loading /> : <Departments departments={serving} />}
            <ApiErrorAlert error={government.error} focus={false} />
          </section>

          <section aria-labelledby="area-organizations" className="margin-bottom-4">
            <h2 id="area-organizations">{t('home.organizations', { area: areaName })}</h2>
            {local.loading && !local.data ? <Loading /> : null}
            {local.data && organizations.length === 0 ? <p className="text-base">{t('home.noOrganizations')}</p> : null}
            {organizations.length > 0 ? (
              <ul className="usa-list usa-list--unstyled civitas-org-list">
                {organizations.map((organization) => (
                  <li key={organization.id}>
                    <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link> <SectorTag sector={organization.sector} />
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <Link to={area ? `/organizations?areaId=${area.area.id}` : '/organizations'}>{t('home.allOrganizations')}</Link>
            </p>
            <ApiErrorAlert error={local.error} focus={false} />
          </section>
        </>
      ) : null}

      <section aria-labelledby="recent-activity" className="margin-bottom-4">
        <h2 id="recent-activity">{t('home.activity')}</h2>
        {activity.loading && !activity.data ? <Loading /> : null}
        {activity.data ? <ActivityList entries={activity.data.entries} /> : null}
        <ApiErrorAlert error={activity.error} focus={false} />
        <p>
          <Link to="/audit">{t('home.fullAuditLog')}</Link>
        </p>
      </section>
    </>
  );
}
