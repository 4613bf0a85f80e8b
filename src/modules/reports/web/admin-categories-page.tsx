/**
 * Administrators keep the routing table: each kind of problem with its Open311 service code, names
 * and group in both languages, the department that fixes it by default, the working days it has,
 * and area-specific departments (an area and everything below it).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { CategoriesResponse, Category } from './types.js';

interface Values {
  code: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  group: string;
  groupZh: string;
  keywords: string;
  departmentId: string;
  workingDays: string;
  position: string;
  active: boolean;
}

const blank: Values = { code: '', name: '', nameZh: '', description: '', descriptionZh: '', group: '', groupZh: '', keywords: '', departmentId: '', workingDays: '10', position: '0', active: true };

function valuesOf(c: Category): Values {
  return {
    code: c.code,
    name: c.name,
    nameZh: c.nameZh ?? '',
    description: c.description,
    descriptionZh: c.descriptionZh ?? '',
    group: c.group,
    groupZh: c.groupZh ?? '',
    keywords: c.keywords,
    departmentId: c.department.id,
    workingDays: String(c.workingDays),
    position: String(c.position),
    active: c.active,
  };
}

export function AdminCategoriesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { name, pick } = useLocalize();
  usePageTitle(t('reports.admin.categoriesTitle'));
  const table = useLoad(() => api.get<CategoriesResponse>('/problem-reports/categories', { all: 'true' }), [session?.user?.id], session !== null);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  if (session && !session.user) return <SignInRequired />;
  if (table.error) return <ApiErrorAlert error={table.error} />;
  if (!table.data) return <Loading />;
  const data = table.data;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/reports">{t('reports.list.title')}</Link>
        </p>
        <h1>{t('reports.admin.categoriesTitle')}</h1>
        <p className="civitas-lead">{t('reports.admin.categoriesIntro')}</p>
      </div>
      {!data.abilities.manage ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('reports.admin.adminsOnly')}
        </Alert>
      ) : null}
      {data.abilities.manage && editing === null ? (
        <Button type="button" onClick={() => setEditing('new')}>
          {t('reports.admin.addCategory')}
        </Button>
      ) : null}
      {editing !== null ? (
        <CategoryEditor
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          departments={data.departments}
          onDone={() => {
            setEditing(null);
            table.reload();
          }}
        />
      ) : null}
      <div className="civitas-table-wrap margin-top-3" tabIndex={0} role="region" aria-labelledby="categories-caption">
        <table className="usa-table usa-table--compact" data-testid="categories-table">
          <caption id="categories-caption">{t('reports.admin.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.admin.code')}</th>
              <th scope="col">{t('reports.admin.name')}</th>
              <th scope="col">{t('reports.admin.group')}</th>
              <th scope="col">{t('reports.admin.department')}</th>
              <th scope="col">{t('reports.admin.workingDays')}</th>
              <th scope="col">{t('reports.admin.areaRoutes')}</th>
              {data.abilities.manage ? <th scope="col">{t('reports.admin.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c) => (
              <tr key={c.id} className={c.active ? undefined : 'text-base'}>
                <td>
                  <code>{c.code}</code>
                </td>
                <th scope="row">
                  {pick(c.name, c.nameZh)}
                  {!c.active ? <span className="display-block font-ui-2xs">{t('reports.admin.inactive')}</span> : null}
                </th>
                <td>{pick(c.group, c.groupZh)}</td>
                <td>{name(c.department)}</td>
                <td>{c.workingDays}</td>
                <td>{c.routes.length}</td>
                {data.abilities.manage ? (
                  <td>
                    <Button type="button" unstyled onClick={() => setEditing(c)} aria-label={t('reports.admin.editNamed', { name: pick(c.name, c.nameZh) })}>
                      {t('reports.admin.edit')}
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CategoryEditor({ category, departments, onDone }: { category: Category | null; departments: CategoriesResponse['departments']; onDone: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const [values, setValues] = useState<Values>(category ? valuesOf(category) : blank);
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const departmentOptions = departments.map((d) => ({ value: d.id, label: name(d) }));
  const save = useAction(async () => {
    const body = {
      code: values.code.trim(),
      name: values.name,
      nameZh: values.nameZh.trim() || null,
      description: values.description,
      descriptionZh: values.descriptionZh.trim() || null,
      group: values.group,
      groupZh: values.groupZh.trim() || null,
      keywords: values.keywords,
      departmentId: values.departmentId,
      workingDays: Number(values.workingDays),
      position: Number(values.position) || 0,
      active: values.active,
    };
    if (category) await api.patch(`/problem-reports/categories/${category.id}`, body);
    else await api.post('/problem-reports/categories', body);
    onDone();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };
  const error = save.error;
  const heading = category ? t('reports.admin.editCategory', { code: category.code }) : t('reports.admin.addCategory');
  return (
    <section className="civitas-panel margin-y-3" aria-labelledby="category-editor-heading">
      <h2 id="category-editor-heading">{heading}</h2>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={heading}>
        <ApiErrorAlert error={error} />
        <TextField id="category-code" name="code" label={t('reports.admin.code')} hint={t('reports.admin.codeHint')} maxLength={40} value={values.code} onChange={(code) => set({ code })} error={error} />
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-6">
            <TextField id="category-name" name="name" label={t('reports.admin.nameEn')} maxLength={120} value={values.name} onChange={(v) => set({ name: v })} error={error} />
          </div>
          <div className="grid-col-12 tablet:grid-col-6">
            <TextField id="category-name-zh" name="nameZh" label={t('reports.admin.nameZh')} optional maxLength={120} value={values.nameZh} onChange={(nameZh) => set({ nameZh })} error={error} />
          </div>
          <div className="grid-col-12 tablet:grid-col-6">
            <TextField id="category-group" name="group" label={t('reports.admin.groupEn')} optional maxLength={80} value={values.group} onChange={(group) => set({ group })} error={error} />
          </div>
          <div className="grid-col-12 tablet:grid-col-6">
            <TextField id="category-group-zh" name="groupZh" label={t('reports.admin.groupZh')} optional maxLength={80} value={values.groupZh} onChange={(groupZh) => set({ groupZh })} error={error} />
          </div>
        </div>
        <TextAreaField id="category-description" name="description" label={t('reports.admin.descriptionEn')} optional maxLength={2000} value={values.description} onChange={(description) => set({ description })} error={error} />
        <TextAreaField id="category-description-zh" name="descriptionZh" label={t('reports.admin.descriptionZh')} optional maxLength={2000} value={values.descriptionZh} onChange={(descriptionZh) => set({ descriptionZh })} error={error} />
        <TextField id="category-keywords" name="keywords" label={t('reports.admin.keywords')} hint={t('reports.admin.keywordsHint')} optional maxLength={300} value={values.keywords} onChange={(keywords) => set({ keywords })} error={error} />
        <SelectField id="category-department" name="departmentId" label={t('reports.admin.defaultDepartment')} emptyLabel={t('reports.admin.chooseDepartment')} options={departmentOptions} value={values.departmentId} onChange={(departmentId) => set({ departmentId })} error={error} />
        <div className="grid-row grid-gap">
          <div className="grid-col-6">
            <TextField id="category-days" name="workingDays" type="number" label={t('reports.admin.workingDays')} hint={t('reports.admin.workingDaysHint')} value={values.workingDays} onChange={(workingDays) => set({ workingDays })} error={error} />
          </div>
          <div className="grid-col-6">
            <TextField id="category-position" name="position" type="number" label={t('reports.admin.position')} optional value={values.position} onChange={(position) => set({ position })} error={error} />
          </div>
        </div>
        <div className="usa-checkbox margin-top-2">
          <input className="usa-checkbox__input" id="category-active" type="checkbox" checked={values.active} onChange={(e) => set({ active: e.target.checked })} />
          <label className="usa-checkbox__label" htmlFor="category-active">
            {t('reports.admin.active')}
          </label>
        </div>
        <div className="margin-top-3 display-flex flex-wrap">
          <Button type="submit" disabled={save.pending}>
            {t('reports.admin.save')}
          </Button>
          <Button type="button" unstyled className="margin-left-1" onClick={onDone}>
            {t('reports.admin.cancel')}
          </Button>
        </div>
      </Form>
      {category ? <RoutesEditor category={category} departmentOptions={departmentOptions} onSaved={onDone} /> : null}
    </section>
  );
}

function RoutesEditor({ category, departmentOptions, onSaved }: { category: Category; departmentOptions: { value: string; label: string }[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { rows, byId } = useAreas();
  const { name } = useLocalize();
  const [routes, setRoutes] = useState(category.routes.map((r) => ({ areaId: r.areaId, departmentId: r.department.id })));
  const [areaId, setAreaId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const save = useAction(async () => {
    await api.put(`/problem-reports/categories/${category.id}/routes`, { routes });
    onSaved();
  });
  const label = (id: string) => departmentOptions.find((d) => d.value === id)?.label ?? id;
  return (
    <div className="margin-top-4" data-testid="routes-editor">
      <h3>{t('reports.admin.routesTitle')}</h3>
      <p className="usa-hint">{t('reports.admin.routesHint')}</p>
      <ApiErrorAlert error={save.error} />
      {routes.length === 0 ? <p>{t('reports.admin.noRoutes')}</p> : null}
      <ul className="usa-list">
        {routes.map((r) => (
          <li key={r.areaId}>
            {t('reports.admin.routeLine', { area: name(byId(r.areaId)), department: label(r.departmentId) })}{' '}
            <Button type="button" unstyled className="margin-left-1" onClick={() => setRoutes(routes.filter((x) => x.areaId !== r.areaId))}>
              {t('reports.admin.removeRoute')}
            </Button>
          </li>
        ))}
      </ul>
      <div className="grid-row grid-gap">
        <div className="grid-col-12 tablet:grid-col-6">
          <SelectField
            id="route-area"
            name="routeArea"
            label={t('reports.admin.routeArea')}
            optional
            emptyLabel={t('reports.admin.chooseArea')}
            options={rows.filter((r) => !routes.some((x) => x.areaId === r.area.id)).map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
            value={areaId}
            onChange={setAreaId}
          />
        </div>
        <div className="grid-col-12 tablet:grid-col-6">
          <SelectField id="route-department" name="routeDepartment" label={t('reports.admin.routeDepartment')} optional emptyLabel={t('reports.admin.chooseDepartment')} options={departmentOptions} value={departmentId} onChange={setDepartmentId} />
        </div>
      </div>
      <div className="margin-top-2 display-flex flex-wrap">
        <Button
          type="button"
          outline
          disabled={!areaId || !departmentId}
          onClick={() => {
            setRoutes([...routes, { areaId, departmentId }]);
            setAreaId('');
            setDepartmentId('');
          }}
        >
          {t('reports.admin.addRoute')}
        </Button>
        <Button type="button" disabled={save.pending} onClick={() => void save.run()}>
          {t('reports.admin.saveRoutes')}
        </Button>
      </div>
    </div>
  );
}
