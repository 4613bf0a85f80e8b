/** For a process's page: the hearings held as part of it, with where each stands. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { StageTag, WhenWhere } from './parts.js';
import { hearingUrl, type HearingList } from './types.js';

interface ProcessRef {
  process: { id: string };
}

export function HearingsSection({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { title } = useLocalize();
  const list = useLoad(async () => {
    const detail = await api.get<ProcessRef>(`/processes/${encodeURIComponent(processSlug)}`);
    return api.get<HearingList>('/hearings', { when: 'all', processId: detail.process.id, limit: 50 });
  }, [processSlug]);
  return (
    <section aria-labelledby="hearings-section" className="margin-y-3" data-testid="hearings-section">
      <h2 id="hearings-section">{t('hearings.section.heading')}</h2>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && list.data.hearings.length === 0 ? <p>{t('hearings.section.none')}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {list.data?.hearings.map((h) => (
          <li key={h.id} className="civitas-panel margin-bottom-2">
            <h3 className="margin-top-0">
              <Link to={hearingUrl(h.id)}>{title(h)}</Link>
            </h3>
            <p className="margin-y-1">
              <StageTag stage={h.stage} />
            </p>
            <p className="margin-y-1">
              <WhenWhere hearing={h} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
