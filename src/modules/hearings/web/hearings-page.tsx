/**
 * Public hearings: upcoming ones (soonest first) and past ones (latest first), each with its
 * department, date and place, where it stands and, once held, the response report's deadline.
 * The calendar feed subscribes a calendar program to every hearing; officials announce new ones.
 */
import { Pager } from '../../../../web/src/ui/pager.js';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ReportDeadline, StageTag, WhenWhere } from './parts.js';
import { hearingUrl, type HearingList } from './types.js';

const PAGE = 20;
const tabs = ['upcoming', 'past'] as const;
type Tab = (typeof tabs)[number];

export function HearingsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const { title, name, number } = useLocalize();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('when') === 'past' ? 'past' : 'upcoming';
  const overdueOnly = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useLoad(
    () => api.get<HearingList>('/hearings', { when: overdueOnly ? 'all' : tab, reportOverdue: overdueOnly ? 'true' : undefined, limit: PAGE, offset: (page - 1) * PAGE }),
    [tab, overdueOnly, page, session?.user?.id],
    session !== null,
  );
  usePageTitle(t('hearings.list.title'));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  const go = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };
  const feed = `/api/v1/hearings.ics${i18n.language === 'zh-CN' ? '?lang=zh-CN' : ''}`;

  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('hearings.list.title')}</h1>
        <p className="civitas-lead margin-y-1">{t('hearings.list.lead')}</p>
      </div>
      <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
        {data && data.announceFor.length > 0 ? (
          <Link className="usa-button margin-right-2" to="/hearings/new">
            {t('hearings.list.announce')}
          </Link>
        ) : null}
        <a className="usa-link" href={feed} data-testid="ical-link">
          {t('hearings.list.calendar')}
        </a>
      </div>
      <p className="text-base font-ui-xs">{t('hearings.list.calendarHint')}</p>

      <nav aria-label={t('hearings.list.tabs')} className="civitas-tabs">
        <ul>
          {tabs.map((which) => {
            const current = !overdueOnly && which === tab;
            return (
              <li key={which}>
                <Link
                  to={which === 'past' ? '?when=past' : '?'}
                  className={current ? 'civitas-tabs__link civitas-tabs__link--current' : 'civitas-tabs__link'}
                  aria-current={current ? 'page' : undefined}
                >
                  {t(`hearings.list.${which}`)}
                </Link>
              </li>
            );
          })}
          <li>
            <Link
              to="?overdue=true"
              className={overdueOnly ? 'civitas-tabs__link civitas-tabs__link--current' : 'civitas-tabs__link'}
              aria-current={overdueOnly ? 'page' : undefined}
            >
              {t('hearings.list.overdue')}
            </Link>
          </li>
        </ul>
      </nav>

      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="margin-top-0" data-testid="hearing-count">
            {t('hearings.list.count', { count: data.total, formatted: number(data.total) })}
          </p>
          {data.hearings.length === 0 ? <p>{overdueOnly ? t('hearings.list.noneOverdue') : tab === 'past' ? t('hearings.list.nonePast') : t('hearings.list.noneUpcoming')}</p> : null}
          <ul className="usa-collection" data-testid="hearing-list">
            {data.hearings.map((h) => (
              <li key={h.id} className="usa-collection__item">
                <div className="usa-collection__body">
                  <h2 className="usa-collection__heading">
                    <Link className="usa-link" to={hearingUrl(h.id)}>
                      {title(h)}
                    </Link>
                  </h2>
                  <p className="margin-y-1">
                    <StageTag stage={h.stage} />
                  </p>
                  <p className="usa-collection__description">
                    <WhenWhere hearing={h} />
                  </p>
                  <ul className="usa-collection__meta" aria-label={t('hearings.list.about')}>
                    <li className="usa-collection__meta-item">{name(h.department)}</li>
                    {h.stage === 'registration_open' ? (
                      <li className="usa-collection__meta-item">{t('hearings.list.applicants', { count: h.applicants, seats: h.seats + h.speakingSlots })}</li>
                    ) : null}
                  </ul>
                  {h.stage === 'held' || h.stage === 'reported' || h.deadline?.state === 'overdue' ? (
                    <p className="margin-y-1">
                      <ReportDeadline deadline={h.deadline} />
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={(n) => go({ page: n > 1 ? String(n) : null })} />
        </>
      ) : null}
    </>
  );
}
