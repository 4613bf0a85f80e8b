/** For an area's home page: the processes open now in that area, the ones closing soonest first. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { ProcessSummary } from './types.js';

export function OpenProcesses({ areaId }: { areaId: string | undefined }) {
  const { t } = useTranslation();
  const { title, dateTime, pick } = useLocalize();
  const list = useLoad(() => api.get<{ processes: ProcessSummary[] }>('/processes', { stage: 'active', areaId }), [areaId]);
  const open = [...(list.data?.processes ?? [])].sort((a, b) => (a.currentPhase?.endsAt ?? '').localeCompare(b.currentPhase?.endsAt ?? ''));
  return (
    <section aria-labelledby="open-processes" className="margin-bottom-4" data-testid="open-processes">
      <h2 id="open-processes">{t('processes.home.heading')}</h2>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && open.length === 0 ? <p>{t('processes.home.none')}</p> : null}
      {open.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {open.map((p) => (
            <li key={p.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={`/processes/${p.slug}`}>
                {title(p)}
              </Link>
              <span className="civitas-activity__meta">
                {p.currentPhase ? t('processes.list.currentPhase', { phase: title(p.currentPhase), date: dateTime(p.currentPhase.endsAt) }) : null}
                {' · '}
                {pick(p.department.name, p.department.nameZh)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/processes">{t('processes.home.all')}</Link>
      </p>
    </section>
  );
}
