/**
 * The publication register: search (inside the attached files too, English and Chinese), filters by
 * department, category, area, document dates and (for staff) status, the results latest first with
 * their tags, paging, and the Atom feeds of the register, the chosen department and category.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useAreaOptions } from '../../../../web/src/ui/area-options.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { DepartmentSelect } from '../../../../web/src/ui/department-fields.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FilterForm } from '../../../../web/src/ui/filter-form.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { Pager } from '../../../../web/src/ui/pager.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useUrlFilters } from '../../../../web/src/ui/use-url-filters.js';
import { FeedLinks, PublicationTags, useDay, type FeedLink } from './parts.js';
import { feedUrl, publicationUrl, type PublicationCategory, type PublicationList, type PublicationOptions } from './types.js';

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function RegisterPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { byId } = useAreas();
  const { name, number, date } = useLocalize();
  const areaOptions = useAreaOptions();
  const { applied, query, form, set, apply, goTo, page, pages, paramsKey } = useUrlFilters(
    { q: '', departmentId: '', category: '', areaId: '', from: '', to: '', status: '' },
    { keys: { departmentId: 'department', areaId: 'area' }, valid: { from: isDay, to: isDay } },
  );
  const day = useDay();
  usePageTitle(t('publications.list.title'));

  const options = useLoad(() => api.get<PublicationOptions>('/publications/options'), [session?.user?.id], session !== null);
  const list = useLoad(
    () =>
      api.get<PublicationList>('/publications', query),
    [paramsKey, session?.user?.id],
    session !== null,
  );
  const data = list.data;
  const categories = options.data?.categories ?? [];

  const department = options.data?.departments.find((d) => d.id === applied.departmentId) ?? null;
  const category = categories.includes(applied.category as PublicationCategory) ? (applied.category as PublicationCategory) : null;
  const feeds: FeedLink[] = [{ href: feedUrl(), label: t('publications.list.feedAll') }];
  if (department) feeds.push({ href: feedUrl({ department: department.slug }), label: t('publications.list.feedDepartment', { department: name(department) }) });
  if (category) feeds.push({ href: feedUrl({ category }), label: t('publications.list.feedCategory', { category: t(`publications.category.${category}`) }) });
  if (department && category) feeds.push({ href: feedUrl({ department: department.slug, category }), label: t('publications.list.feedFiltered') });

  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('publications.list.title')}</h1>
        <p className="civitas-lead">{t('publications.list.intro')}</p>
      </div>
      {data?.abilities.create ? (
        <p>
          <Link className="usa-button" to="/publications/new">
            {t('publications.list.new')}
          </Link>
        </p>
      ) : null}

      <FilterForm label={t('publications.list.filters')} submitLabel={t('publications.list.apply')} onSubmit={apply}>
        <TextField id="publication-q" name="q" type="search" label={t('publications.list.search')} hint={t('publications.list.searchHint')} optional value={form.q} onChange={set('q')} />
        <DepartmentSelect
          id="publication-department"
          label={t('publications.list.department')}
          optional
          emptyLabel={t('publications.list.anyDepartment')}
          departments={options.data?.departments ?? []}
          value={form.departmentId}
          onChange={set('departmentId')}
        />
        <SelectField
          id="publication-category"
          name="category"
          label={t('publications.list.category')}
          optional
          emptyLabel={t('publications.list.anyCategory')}
          options={categories.map((c) => ({ value: c, label: t(`publications.category.${c}`) }))}
          value={form.category}
          onChange={set('category')}
        />
        <SelectField
          id="publication-area"
          name="areaId"
          label={t('publications.list.area')}
          optional
          emptyLabel={t('publications.list.anyArea')}
          options={areaOptions}
          value={form.areaId}
          onChange={set('areaId')}
        />
        <TextField id="publication-from" name="from" type="date" label={t('publications.list.from')} optional value={form.from} onChange={set('from')} />
        <TextField id="publication-to" name="to" type="date" label={t('publications.list.to')} optional value={form.to} onChange={set('to')} />
        {data?.abilities.drafts ? (
          <SelectField
            id="publication-status"
            name="status"
            label={t('publications.list.status')}
            optional
            emptyLabel={t('publications.list.anyStatus')}
            options={(['published', 'withdrawn', 'draft'] as const).map((s) => ({ value: s, label: t(`publications.status.${s}`) }))}
            value={form.status}
            onChange={set('status')}
          />
        ) : null}
      </FilterForm>
      {paramsKey ? (
        <p className="margin-top-1">
          <Link to="/publications">{t('publications.list.clear')}</Link>
        </p>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <ApiErrorAlert error={list.error} focus={false} />
          {list.loading && !data ? <Loading /> : null}
          {data ? (
            <>
              <p role="status" className="margin-top-3" data-testid="publication-count">
                {t('publications.list.count', { count: data.total, formatted: number(data.total) })}
              </p>
              {data.publications.length === 0 ? <p>{t('publications.list.empty')}</p> : null}
              <ul className="usa-collection" data-testid="publication-list">
                {data.publications.map((item) => {
                  const area = byId(item.areaId);
                  return (
                    <li key={item.id} className="usa-collection__item">
                      <div className="usa-collection__body">
                        <h2 className="usa-collection__heading">
                          <Link className="usa-link" to={publicationUrl(item.id)}>
                            {item.title}
                          </Link>
                        </h2>
                        <PublicationTags category={item.category} status={item.status} validity={item.validity} />
                        <p className="usa-collection__description civitas-clamp">{item.excerpt}</p>
                        <ul className="usa-collection__meta" aria-label={t('publications.list.about')}>
                          <li className="usa-collection__meta-item">{name(item.department)}</li>
                          <li className="usa-collection__meta-item">
                            {item.publishedAt ? <time dateTime={item.publishedAt}>{t('publications.list.published', { date: date(item.publishedAt) })}</time> : t('publications.list.notPublished')}
                          </li>
                          <li className="usa-collection__meta-item">{t('publications.list.documentDate', { date: day(item.documentDate) })}</li>
                          {item.correctedAt ? <li className="usa-collection__meta-item">{t('publications.list.updated', { date: date(item.correctedAt) })}</li> : null}
                          {area ? <li className="usa-collection__meta-item">{name(area)}</li> : null}
                          {item.attachmentCount > 0 ? <li className="usa-collection__meta-item">{t('publications.list.files', { count: item.attachmentCount })}</li> : null}
                        </ul>
                      </div>
                    </li>
                  );
                })}
              </ul>
              <Pager page={page} pages={pages(data.total)} onPage={goTo} />
            </>
          ) : null}
        </div>
        <aside className="grid-col-12 desktop:grid-col-4 margin-top-3" aria-label={t('publications.list.feeds')}>
          <FeedLinks feeds={feeds} heading={t('publications.list.feeds')} />
        </aside>
      </div>
    </>
  );
}
