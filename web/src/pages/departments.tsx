/**
 * Departments: the government organizations as a tree (city government > departments), the
 * supervisory body marked, and who holds each post, so residents know who answers for what.
 */
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { Organization, OrganizationDetail, OrganizationList } from '../api-types.js';
import { useAreas } from '../app/areas.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';
import { useOrganizationDetails } from '../ui/use-organization-details.js';

interface DepartmentNode {
  organization: Organization;
  children: DepartmentNode[];
}

/** Builds the tree from the flat list; departments whose parent is missing become roots. */
export function departmentTree(organizations: Organization[]): DepartmentNode[] {
  const ids = new Set(organizations.map((organization) => organization.id));
  const byParent = new Map<string | null, Organization[]>();
  for (const organization of organizations) {
    const parent = organization.parentId && ids.has(organization.parentId) ? organization.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), organization]);
  }
  const build = (parent: string | null, depth: number): DepartmentNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => Number(a.isSupervisory) - Number(b.isSupervisory) || a.name.localeCompare(b.name))
      .map((organization) => ({
        organization,
        children: depth < 8 ? build(organization.id, depth + 1) : [],
      }));
  return build(null, 0);
}

function Department({
  node,
  depth,
  details,
}: {
  node: DepartmentNode;
  depth: number;
  details: Map<string, OrganizationDetail>;
}) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const { byId } = useAreas();
  const { organization } = node;
  const detail = details.get(organization.slug);
  const area = byId(organization.areaId);
  const heading = createElement(
    `h${Math.min(2 + depth, 6)}`,
    { className: 'civitas-department__name' },
    <Link to={`/organizations/${organization.slug}`}>{name(organization)}</Link>,
  );
  return (
    <li className={organization.isSupervisory ? 'civitas-department civitas-department--supervisory' : 'civitas-department'}>
      <div className="civitas-department__head">
        {heading}
        {organization.isSupervisory ? (
          <Tag className="civitas-tag civitas-tag--supervisory">{t('departments.supervisory')}</Tag>
        ) : null}
        {area ? <span className="text-base">{name(area)}</span> : null}
      </div>
      {detail ? (
        detail.posts.length > 0 ? (
          <ul className="usa-list usa-list--unstyled civitas-officials">
            {detail.posts.map((post) => (
              <li key={post.id}>
                <span className="text-bold">{title(post)}</span>
                {t('common.colon')}
                {post.holder ? post.holder.displayName : <span className="text-base">{t('departments.vacant')}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-base margin-y-1">{t('departments.noPosts')}</p>
        )
      ) : null}
      {node.children.length > 0 ? (
        <ul className="usa-list usa-list--unstyled civitas-department__children">
          {node.children.map((child) => (
            <Department key={child.organization.id} node={child} depth={depth + 1} details={details} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function DepartmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('departments.title'));
  const list = useLoad(() => api.get<OrganizationList>('/organizations', { sector: 'government', limit: 100 }), []);
  const organizations = list.data?.organizations ?? [];
  const details = useOrganizationDetails(organizations.map((organization) => organization.slug));
  const tree = departmentTree(organizations);
  return (
    <>
      <h1>{t('departments.title')}</h1>
      <p className="civitas-lead">{t('departments.intro')}</p>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && tree.length === 0 ? <p>{t('departments.none')}</p> : null}
      {tree.length > 0 ? (
        <ul className="usa-list usa-list--unstyled civitas-department-tree" data-testid="department-tree">
          {tree.map((node) => (
            <Department key={node.organization.id} node={node} depth={0} details={details} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
