/**
 * Public information requests: search (English and Chinese), filters by department and status
 * (overdue and very overdue included), "mine", and paging. Each request shows its status, whom it
 * was put to and its deadline in working days (red when overdue).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { DepartmentSelect } from '../../../../web/src/ui/department-fields.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { FilterCheckbox, FilterForm } from '../../../../web/src/ui/filter-form.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { Pager } from '../../../../web/src/ui/pager.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useUrlFilters } from '../../../../web/src/ui/use-url-filters.js';
import { AddresseeLine, DeadlineText, RequesterLine, StateTag } from './parts.js';
import { requestUrl, SHOWN_STATES, type RequestList, type RequestOptions } from './types.js';

export function RequestsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { name, number, date } = useLocalize();
  const { query, form, set, apply, goTo, page, pages, paramsKey } = useUrlFilters(
    { q: '', departmentId: '', state: '', mine: false },
    { keys: { departmentId: 'department' } },
  );
  usePageTitle(t('requests.list.title'));

  const options = useLoad(() => api.get<RequestOptions>('/requests/options'), []);
  const list = useLoad(() => api.get<RequestList>('/requests', query), [paramsKey, session?.user?.id], session !== null);
  const data = list.data;

  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('requests.list.title')}</h1>
        <p className="civitas-lead">{t('requests.list.intro')}</p>
      </div>
      <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
        {data?.abilities.file ? (
          <Link className="usa-button" to="/requests/new">
            {t('requests.list.file')}
          </Link>
        ) : session && !session.user ? (
          <p className="margin-y-1">
            <Link to="/signin" state={{ from: '/requests/new' }}>
              {t('requests.list.signInToFile')}
            </Link>
          </p>
        ) : null}
        <Link className="margin-left-2" to="/requests/departments">
          {t('requests.list.ranking')}
        </Link>
      </div>

      <FilterForm label={t('requests.list.filters')} submitLabel={t('requests.list.apply')} onSubmit={apply}>
        <TextField id="request-q" name="q" type="search" label={t('requests.list.search')} optional value={form.q} onChange={set('q')} />
        <DepartmentSelect
          id="request-department"
          label={t('requests.list.department')}
          optional
          emptyLabel={t('requests.list.anyDepartment')}
          departments={options.data?.departments ?? []}
          value={form.departmentId}
          onChange={set('departmentId')}
        />
        <SelectField
          id="request-state"
          name="state"
          label={t('requests.list.state')}
          optional
          emptyLabel={t('requests.list.anyState')}
          options={SHOWN_STATES.map((s) => ({ value: s, label: t(`requests.state.${s}`) }))}
          value={form.state}
          onChange={set('state')}
        />
        {session?.user ? (
          <FilterCheckbox id="request-mine" label={t('requests.list.onlyMine')} checked={form.mine} onChange={set('mine')} />
        ) : null}
      </FilterForm>

      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="margin-top-3" data-testid="request-count">
            {t('requests.list.count', { count: data.total, formatted: number(data.total) })}
          </p>
          {data.requests.length === 0 ? <p>{t('requests.list.empty')}</p> : null}
          <ul className="usa-collection" data-testid="request-list">
            {data.requests.map((r) => (
              <li key={r.id} className="usa-collection__item">
                <div className="usa-collection__body">
                  <h2 className="usa-collection__heading">
                    <Link className="usa-link" to={requestUrl(r.id)}>
                      {r.title}
                    </Link>
                  </h2>
                  <StateTag state={r.state} hidden={r.hidden} />
                  <p className="usa-collection__description civitas-clamp">{r.excerpt}</p>
                  <ul className="usa-collection__meta" aria-label={t('requests.detail.status')}>
                    <li className="usa-collection__meta-item">
                      <RequesterLine requester={r.requester} />
                    </li>
                    <li className="usa-collection__meta-item">
                      <AddresseeLine department={r.department} />
                    </li>
                    <li className="usa-collection__meta-item">
                      <time dateTime={r.createdAt}>{date(r.createdAt)}</time>
                    </li>
                    {r.publicationPath ? <li className="usa-collection__meta-item">{t('requests.list.published')}</li> : null}
                  </ul>
                  <p className="margin-y-1">
                    <DeadlineText deadline={r.deadline} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages(data.total)} onPage={goTo} />
        </>
      ) : null}
    </>
  );
}
