/**
 * One organization's public page: what it is, where, who its members are, for government its posts
 * and sub-departments, and its recent public activity. Management forms appear according to the
 * abilities the server sends.
 */
import { useTranslation } from 'react-i18next';
import { OverdueProposals } from '../../../src/modules/proposals/web/index.js';
import { OverdueQuestions } from '../../../src/modules/questions/web/index.js';
import { OverdueReports } from '../../../src/modules/reports/web/index.js';
import { FollowButton } from '../ui/follow-button.js';
import { Link, useParams } from 'react-router';
import { Alert, Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { AuditPage, OrganizationDetail } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { ActivityList } from '../ui/audit.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { kindLabel } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SectorTag, StatusTag } from '../ui/tags.js';
import { useLoad } from '../ui/use-load.js';
import {
  AddMemberForm,
  AddPostForm,
  EditOrganizationForm,
  MemberList,
  PostList,
  VerificationControls,
} from './organization-manage.js';

/** Only http(s) addresses become links. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { name, language, dateTime } = useLocalize();
  const { byId } = useAreas();
  const detail = useLoad(() => api.get<OrganizationDetail>(`/organizations/${encodeURIComponent(slug)}`), [slug]);
  const data = detail.data && detail.data.organization.slug === slug ? detail.data : null;
  const organization = data?.organization ?? null;
  const activity = useLoad(
    () => api.get<AuditPage>('/audit', { organizationId: organization?.id, limit: 20 }),
    [organization?.id],
    Boolean(organization),
  );
  const notFound = detail.error?.status === 404;
  const title = organization ? name(organization) : notFound ? t('organization.notFound') : t('organization.title');
  usePageTitle(title);

  const reloadAll = () => {
    detail.reload();
    activity.reload();
  };

  const otherName =
    organization && organization.nameZh ? (language === 'zh-CN' ? organization.name : organization.nameZh) : null;
  const area = organization ? byId(organization.areaId) : undefined;
  const website = safeUrl(organization?.website ?? null);
  const abilities = data?.abilities;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/organizations">{t('organization.backToDirectory')}</Link>
        </p>
        <h1>{title}</h1>
        {otherName ? (
          <p className="civitas-lead margin-top-0" lang={language === 'zh-CN' ? 'en' : 'zh-CN'}>
            {otherName}
          </p>
        ) : null}
      </div>
      {notFound ? (
        <p>
          {t('organization.notFoundText')} <Link to="/organizations">{t('organization.backToDirectory')}</Link>
        </p>
      ) : (
        <ApiErrorAlert error={detail.error} focus={false} />
      )}
      {detail.loading && !data ? <Loading /> : null}

      {organization && data && abilities ? (
        <div className="grid-row grid-gap-lg">
          <div className="grid-col-12 desktop:grid-col-8">
            <p className="civitas-tags">
              <SectorTag sector={organization.sector} /> <StatusTag status={organization.status} />
              {organization.isSupervisory ? (
                <>
                  {' '}
                  <Tag className="civitas-tag civitas-tag--supervisory">{t('departments.supervisory')}</Tag>
                </>
              ) : null}
            </p>
            {organization.status === 'verified' ? <FollowButton resourceType="organization" resourceId={organization.id} /> : null}
            {organization.status === 'pending' ? (
              <Alert type="info" headingLevel="h2" slim>
                {t('organization.pendingNotice')}
              </Alert>
            ) : null}
            {organization.status === 'rejected' ? (
              <Alert type="warning" headingLevel="h2" slim>
                {t('organization.rejectedNotice')}
                {organization.statusReason ? ` ${t('organization.reason', { reason: organization.statusReason })}` : ''}
              </Alert>
            ) : null}
            <section aria-labelledby="organization-about" className="margin-bottom-4">
              <h2 id="organization-about">{t('organization.about')}</h2>
              {organization.description ? (
                <p className="civitas-prewrap">{organization.description}</p>
              ) : (
                <p className="text-base">{t('organization.noDescription')}</p>
              )}
              <dl className="civitas-facts">
                <div>
                  <dt>{t('organization.kind')}</dt>
                  <dd>{kindLabel(t, organization.kind)}</dd>
                </div>
                <div>
                  <dt>{t('fields.area')}</dt>
                  <dd>{area ? <Link to={`/areas/${area.slug}`}>{name(area)}</Link> : t('organization.wholeInstallation')}</dd>
                </div>
                {data.parent ? (
                  <div>
                    <dt>{t('organization.partOf')}</dt>
                    <dd>
                      <Link to={`/organizations/${data.parent.slug}`}>{name(data.parent)}</Link>
                    </dd>
                  </div>
                ) : null}
                {organization.website ? (
                  <div>
                    <dt>{t('fields.website')}</dt>
                    <dd>
                      {website ? (
                        <a href={website} rel="noopener noreferrer nofollow" className="usa-link">
                          {organization.website}
                        </a>
                      ) : (
                        organization.website
                      )}
                    </dd>
                  </div>
                ) : null}
                {organization.email ? (
                  <div>
                    <dt>{t('fields.contactEmail')}</dt>
                    <dd>
                      <a href={`mailto:${organization.email}`} className="usa-link">
                        {organization.email}
                      </a>
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t('organization.registered')}</dt>
                  <dd>{dateTime(organization.createdAt)}</dd>
                </div>
              </dl>
            </section>

            {organization.sector === 'government' ? (
              <>
                <section aria-labelledby="organization-posts" className="margin-bottom-4">
                  <h2 id="organization-posts">{t('organization.posts')}</h2>
                  <PostList posts={data.posts} manage={abilities.managePosts} onChanged={reloadAll} />
                  {abilities.managePosts ? (
                    <>
                      <h3>{t('posts.add')}</h3>
                      <AddPostForm slug={organization.slug} idPrefix="post-new" onAdded={reloadAll} />
                    </>
                  ) : null}
                </section>
                <OverdueProposals departmentId={organization.id} />
                <OverdueQuestions departmentId={organization.id} />
                <OverdueReports departmentId={organization.id} />
                <p>
                  <Link to={`/questions/departments/${organization.slug}`}>{t('organization.questionRecord')}</Link>
                </p>
                <section aria-labelledby="organization-children" className="margin-bottom-4">
                  <h2 id="organization-children">{t('organization.subDepartments')}</h2>
                  {data.children.length === 0 ? (
                    <p className="text-base">{t('organization.noSubDepartments')}</p>
                  ) : (
                    <ul className="usa-list">
                      {data.children.map((child) => (
                        <li key={child.id}>
                          <Link to={`/organizations/${child.slug}`}>{name(child)}</Link>
                          {child.isSupervisory ? ` (${t('departments.supervisory')})` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            ) : null}

            <section aria-labelledby="organization-members" className="margin-bottom-4">
              <h2 id="organization-members">{t('organization.members')}</h2>
              <MemberList detail={data} onChanged={reloadAll} />
              {abilities.manageMembers ? <AddMemberForm slug={organization.slug} onAdded={reloadAll} /> : null}
            </section>

            <section aria-labelledby="organization-activity" className="margin-bottom-4">
              <h2 id="organization-activity">{t('organization.activity')}</h2>
              {activity.loading && !activity.data ? <Loading /> : null}
              {activity.data ? <ActivityList entries={activity.data.entries} /> : null}
              <ApiErrorAlert error={activity.error} focus={false} />
            </section>
          </div>

          <div className="grid-col-12 desktop:grid-col-4">
            {abilities.verify && organization.status === 'pending' ? (
              <section aria-labelledby="organization-verification" className="margin-bottom-4 civitas-panel">
                <h2 id="organization-verification">{t('verification.title')}</h2>
                <VerificationControls slug={organization.slug} name={title} idPrefix="organization" onDone={reloadAll} />
              </section>
            ) : null}
            {abilities.update ? (
              <EditOrganizationForm key={organization.id} organization={organization} onSaved={reloadAll} />
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
