/**
 * Admin: government bodies. Create a department (under a parent, optionally the supervisory body),
 * then add its posts and name or change their holders.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Checkbox, Form } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import type { Organization, OrganizationDetail, OrganizationList } from '../../api-types.js';
import { useAreas } from '../../app/areas.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { useAction } from '../../ui/use-action.js';
import { useLoad } from '../../ui/use-load.js';
import { departmentTree } from '../departments.js';
import { AddPostForm, PostList } from '../organization-manage.js';

const governmentKinds = ['department', 'government', 'supervisory_body'] as const;

/** Government bodies in tree order with their depth, for selects. */
function treeOptions(organizations: Organization[], label: (organization: Organization) => string) {
  const options: { value: string; label: string }[] = [];
  const visit = (nodes: ReturnType<typeof departmentTree>, depth: number) => {
    for (const node of nodes) {
      options.push({ value: node.organization.id, label: `${'\u00a0\u00a0'.repeat(depth)}${label(node.organization)}` });
      visit(node.children, depth + 1);
    }
  };
  visit(departmentTree(organizations), 0);
  return options;
}

function CreateDepartmentForm({ organizations, onCreated }: { organizations: Organization[]; onCreated: (organization: Organization) => void }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { rows } = useAreas();
  const [draft, setDraft] = useState({
    kind: 'department' as string,
    name: '',
    nameZh: '',
    description: '',
    parentId: '',
    areaId: '',
    isSupervisory: false,
  });
  const [created, setCreated] = useState<Organization | null>(null);
  const submit = useAction(async () => {
    const result = await api.post<{ organization: Organization }>('/organizations', {
      sector: 'government',
      kind: draft.kind,
      name: draft.name,
      nameZh: draft.nameZh.trim() || null,
      description: draft.description,
      parentId: draft.parentId || null,
      areaId: draft.areaId || null,
      isSupervisory: draft.isSupervisory,
    });
    setCreated(result.organization);
    setDraft({ ...draft, name: '', nameZh: '', description: '', isSupervisory: false });
    onCreated(result.organization);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    void submit.run();
  };
  return (
    <section aria-labelledby="admin-create-department" className="civitas-panel margin-bottom-4">
      <h3 id="admin-create-department">{t('admin.departments.create')}</h3>
      {created ? (
        <Alert type="success" headingLevel="h4" slim role="status">
          {t('admin.departments.created', { name: name(created) })}{' '}
          <Link to={`/organizations/${created.slug}`}>{t('register.viewPage')}</Link>
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('admin.departments.create')}>
        <TextField id="department-name" name="name" label={t('register.name')} value={draft.name} onChange={(value) => setDraft({ ...draft, name: value })} error={submit.error} />
        <TextField
          id="department-name-zh"
          name="nameZh"
          label={t('register.nameZh')}
          optional
          value={draft.nameZh}
          onChange={(value) => setDraft({ ...draft, nameZh: value })}
          error={submit.error}
        />
        <SelectField
          id="department-kind"
          name="kind"
          label={t('organization.kind')}
          value={draft.kind}
          onChange={(value) => setDraft({ ...draft, kind: value, isSupervisory: value === 'supervisory_body' ? true : draft.isSupervisory })}
          options={governmentKinds.map((kind) => ({ value: kind, label: t(`organizationKinds.${kind}`) }))}
          error={submit.error}
        />
        <TextAreaField
          id="department-description"
          name="description"
          label={t('fields.description')}
          optional
          value={draft.description}
          onChange={(value) => setDraft({ ...draft, description: value })}
          error={submit.error}
        />
        <SelectField
          id="department-parent"
          name="parentId"
          label={t('admin.departments.parent')}
          optional
          value={draft.parentId}
          onChange={(value) => setDraft({ ...draft, parentId: value })}
          emptyLabel={t('admin.departments.noParent')}
          options={treeOptions(organizations, name)}
          error={submit.error}
        />
        <SelectField
          id="department-area"
          name="areaId"
          label={t('fields.area')}
          optional
          value={draft.areaId}
          onChange={(value) => setDraft({ ...draft, areaId: value })}
          emptyLabel={t('register.noArea')}
          options={rows.map(({ area, depth }) => ({ value: area.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name(area)}` }))}
          error={submit.error}
        />
        <Checkbox
          id="department-supervisory"
          name="isSupervisory"
          label={t('admin.departments.isSupervisory')}
          labelDescription={t('admin.departments.isSupervisoryHint')}
          checked={draft.isSupervisory}
          onChange={(event: ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, isSupervisory: event.target.checked })}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('admin.departments.createSubmit')}
        </Button>
      </Form>
    </section>
  );
}

function ManagePosts({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const [slug, setSlug] = useState('');
  const detail = useLoad(
    () => api.get<OrganizationDetail>(`/organizations/${encodeURIComponent(slug)}`),
    [slug],
    Boolean(slug),
  );
  const options = treeOptions(organizations, name);
  const bySlug = new Map(organizations.map((organization) => [organization.id, organization.slug]));
  const current = detail.data && detail.data.organization.slug === slug ? detail.data : null;
  return (
    <section aria-labelledby="admin-posts" className="margin-bottom-4">
      <h3 id="admin-posts">{t('admin.departments.posts')}</h3>
      <SelectField
        id="posts-department"
        name="department"
        label={t('admin.departments.choose')}
        value={slug ? (organizations.find((organization) => organization.slug === slug)?.id ?? '') : ''}
        onChange={(value) => setSlug(bySlug.get(value) ?? '')}
        emptyLabel={t('admin.departments.chooseEmpty')}
        options={options}
      />
      <ApiErrorAlert error={detail.error} focus={false} />
      {slug && !current && detail.loading ? <Loading /> : null}
      {current ? (
        <div className="margin-top-3">
          <h4>{name(current.organization)}</h4>
          <PostList posts={current.posts} manage={current.abilities.managePosts} onChanged={detail.reload} />
          {current.abilities.managePosts ? (
            <>
              <h4>{t('posts.add')}</h4>
              <AddPostForm slug={current.organization.slug} idPrefix="admin-post" onAdded={detail.reload} />
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function AdminDepartments() {
  const { t } = useTranslation();
  const list = useLoad(() => api.get<OrganizationList>('/organizations', { sector: 'government', limit: 200 }), []);
  const organizations = list.data?.organizations ?? [];
  return (
    <section aria-labelledby="admin-departments">
      <h2 id="admin-departments">{t('admin.sections.departments')}</h2>
      <p>
        {t('admin.departments.intro')} <Link to="/departments">{t('admin.departments.publicPage')}</Link>
      </p>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !list.data ? <Loading /> : null}
      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-6">
          <ManagePosts organizations={organizations} />
        </div>
        <div className="grid-col-12 desktop:grid-col-6">
          <CreateDepartmentForm organizations={organizations} onCreated={list.reload} />
        </div>
      </div>
    </section>
  );
}
