/** All participatory processes: what is open now, what is coming, what has finished. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, CardBody, CardGroup, CardHeader, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { ProcessSummary, Stage } from './types.js';

const stages: (Stage | '')[] = ['', 'active', 'upcoming', 'between_phases', 'finished'];

export function ProcessesPage() {
  const { t } = useTranslation();
  usePageTitle(t('processes.list.title'));
  const { session } = useSession();
  const { title, pick, date } = useLocalize();
  const [stage, setStage] = useState<Stage | ''>('active');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const list = useLoad(() => api.get<{ processes: ProcessSummary[] }>('/processes', { stage: stage || undefined, q: query || undefined }), [stage, query]);
  const canCreate = Boolean(session?.user && (session.user.posts.length > 0 || session.user.roles.includes('administrator')));

  return (
    <>
      <h1>{t('processes.list.title')}</h1>
      <p className="usa-intro">{t('processes.list.intro')}</p>
      {canCreate ? (
        <p>
          <Link className="usa-button" to="/processes/new">
            {t('processes.list.create')}
          </Link>
        </p>
      ) : null}
      <form
        className="usa-search usa-search--small margin-bottom-2"
        role="search"
        aria-label={t('processes.list.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(q.trim());
        }}
      >
        <label className="usa-sr-only" htmlFor="process-search">
          {t('processes.list.search')}
        </label>
        <input className="usa-input" id="process-search" type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        <button className="usa-button" type="submit">
          <span className="usa-search__submit-text">{t('processes.list.searchButton')}</span>
        </button>
      </form>
      <fieldset className="usa-fieldset margin-bottom-2">
        <legend className="usa-legend">{t('processes.list.stageFilter')}</legend>
        <div className="display-flex flex-wrap">
          {stages.map((s) => (
            <div className="usa-radio margin-right-3" key={s || 'all'}>
              <input className="usa-radio__input" id={`stage-${s || 'all'}`} type="radio" name="stage" value={s} checked={stage === s} onChange={() => setStage(s)} />
              <label className="usa-radio__label" htmlFor={`stage-${s || 'all'}`}>
                {s ? t(`processes.stage.${s}`) : t('processes.list.allStages')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <ApiErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.processes.length === 0 ? <p>{t('processes.list.empty')}</p> : null}
      <CardGroup>
        {list.data?.processes.map((p) => (
          <Card key={p.id} gridLayout={{ tablet: { col: 6 } }} headerFirst>
            <CardHeader>
              <h2 className="usa-card__heading">
                <Link to={`/processes/${p.slug}`}>{title(p)}</Link>
              </h2>
            </CardHeader>
            <CardBody>
              <p>
                <Tag className={`civitas-stage civitas-stage--${p.stage}`}>{t(`processes.stage.${p.stage}`)}</Tag>{' '}
                {p.status === 'draft' ? <Tag>{t('processes.draft')}</Tag> : null}
              </p>
              <p>{pick(p.summary, p.summaryZh)}</p>
              <p className="text-base">
                {pick(p.department.name, p.department.nameZh)}
                {p.currentPhase ? (
                  <>
                    {' · '}
                    {t('processes.list.currentPhase', { phase: title(p.currentPhase), date: date(p.currentPhase.endsAt) })}
                  </>
                ) : p.startsAt && p.stage === 'upcoming' ? (
                  <>
                    {' · '}
                    {t('processes.list.startsOn', { date: date(p.startsAt) })}
                  </>
                ) : null}
              </p>
            </CardBody>
          </Card>
        ))}
      </CardGroup>
    </>
  );
}
