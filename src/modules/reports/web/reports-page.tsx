/**
 * The public list of reported problems: filters by kind of problem, state and area (with the areas
 * below it), text search, and "overdue only"; each report with its state, department and fix
 * deadline in working days; a sketch of where the listed problems are; links to report one, to
 * one's own reports, to the departments' records and (for administrators) to the routing table.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useAreaOptions } from '../../../../web/src/ui/area-options.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FilterCheckbox, FilterForm } from '../../../../web/src/ui/filter-form.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useUrlFilters } from '../../../../web/src/ui/use-url-filters.js';
import { CategorySelect } from './category-select.js';
import { DeadlineText, ReportsSketch, ReporterLine, StateTag, useCategoryName } from './parts.js';
import { REPORT_STATES, reportUrl, type CategoriesResponse, type ReportList } from './types.js';

export function ReportsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { byId } = useAreas();
  const { name, number, dateTime } = useLocalize();
  const areaOptions = useAreaOptions();
  // departmentId is set from a department's record page ("all its reports"); kept while other filters change.
  const { applied, query, form, set, apply, goTo, page, pages, paramsKey } = useUrlFilters(
    { q: '', departmentId: '', categoryId: '', state: '', areaId: '', overdue: false },
    { keys: { departmentId: 'department', categoryId: 'category', areaId: 'area' } },
  );
  const categoryName = useCategoryName();
  usePageTitle(t('reports.list.title'));

  const categories = useLoad(() => api.get<CategoriesResponse>('/problem-reports/categories'), []);
  const list = useLoad(
    () =>
      api.get<ReportList>('/problem-reports', query),
    [paramsKey, session?.user?.id],
    session !== null,
  );
  const data = list.data;
  const filteredDepartment = applied.departmentId ? categories.data?.departments.find((d) => d.id === applied.departmentId) : undefined;

  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('reports.list.title')}</h1>
        <p className="civitas-lead">{t('reports.list.intro')}</p>
      </div>
      <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
        {data?.abilities.create || !session?.user ? (
          <Link className="usa-button" to="/reports/new">
            {t('reports.list.create')}
          </Link>
        ) : data?.createBlocked ? (
          <p className="margin-y-1 text-base">{data.createBlocked.message}</p>
        ) : null}
        {session?.user ? (
          <Link className="margin-left-2 margin-y-1" to="/me/reports">
            {t('reports.list.mine')}
          </Link>
        ) : null}
        <Link className="margin-left-2 margin-y-1" to="/reports/departments">
          {t('reports.list.records')}
        </Link>
        {data?.abilities.manage ? (
          <>
            <Link className="margin-left-2 margin-y-1" to="/reports/admin/categories">
              {t('reports.admin.categoriesTitle')}
            </Link>
            <Link className="margin-left-2 margin-y-1" to="/reports/admin/api-keys">
              {t('reports.admin.keysTitle')}
            </Link>
          </>
        ) : null}
      </div>

      {filteredDepartment ? (
        <p data-testid="department-filter">
          {t('reports.list.ofDepartment', { department: name(filteredDepartment) })}{' '}
          <Link to="/reports">{t('reports.list.allDepartments')}</Link>
        </p>
      ) : null}
      <FilterForm label={t('reports.list.filters')} submitLabel={t('reports.list.apply')} onSubmit={apply}>
        <TextField id="reports-q" name="q" type="search" label={t('reports.list.search')} optional value={form.q} onChange={set('q')} />
        <CategorySelect
          id="reports-category"
          label={t('reports.list.category')}
          emptyLabel={t('reports.list.anyCategory')}
          categories={categories.data?.categories ?? []}
          value={form.categoryId}
          onChange={set('categoryId')}
          optional
        />
        <SelectField
          id="reports-state"
          name="state"
          label={t('reports.list.state')}
          optional
          emptyLabel={t('reports.list.anyState')}
          options={[
            { value: 'open', label: t('reports.list.open') },
            { value: 'closed', label: t('reports.list.closed') },
            ...REPORT_STATES.map((s) => ({ value: s, label: t(`reports.state.${s}`) })),
          ]}
          value={form.state}
          onChange={set('state')}
        />
        <SelectField
          id="reports-area"
          name="areaId"
          label={t('reports.list.area')}
          optional
          emptyLabel={t('reports.list.anyArea')}
          options={areaOptions}
          value={form.areaId}
          onChange={set('areaId')}
        />
        <FilterCheckbox id="reports-overdue" label={t('reports.list.overdueOnly')} checked={form.overdue} onChange={set('overdue')} />
      </FilterForm>

      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="margin-top-3" data-testid="report-count">
            {t('reports.list.count', { count: data.total, formatted: number(data.total) })}
          </p>
          <ReportsSketch reports={data.reports} />
          {data.reports.length === 0 ? <p>{t('reports.list.empty')}</p> : null}
          <ul className="usa-collection" data-testid="report-list">
            {data.reports.map((r) => {
              const area = byId(r.areaId);
              return (
                <li key={r.id} className="usa-collection__item">
                  {r.photo ? <img className="usa-collection__img civitas-collection-img" src={r.photo.url} alt="" loading="lazy" /> : null}
                  <div className="usa-collection__body">
                    <h2 className="usa-collection__heading">
                      <Link className="usa-link" to={reportUrl(r.id)}>
                        {categoryName(r.category)}
                        {r.address ? ` · ${r.address}` : ''}
                      </Link>
                    </h2>
                    <StateTag state={r.state} hidden={r.hidden} />
                    <p className="usa-collection__description civitas-clamp">{r.excerpt}</p>
                    <ul className="usa-collection__meta" aria-label={t('reports.detail.about')}>
                      <li className="usa-collection__meta-item">{name(r.department)}</li>
                      {area ? <li className="usa-collection__meta-item">{name(area)}</li> : null}
                      <li className="usa-collection__meta-item">
                        <ReporterLine reporter={r.reporter} />
                      </li>
                      <li className="usa-collection__meta-item">{dateTime(r.createdAt)}</li>
                    </ul>
                    <p className="margin-y-1">
                      <DeadlineText deadline={r.deadline} />
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
          <Pager page={page} pages={pages(data.total)} onPage={goTo} />
        </>
      ) : null}
    </>
  );
}
