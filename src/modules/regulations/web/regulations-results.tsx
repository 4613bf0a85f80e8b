/** For a process's page: its draft regulations, their current version and the response reports published. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';

interface RegulationBrief {
  id: string;
  status: 'draft' | 'published';
  title: string;
  titleZh: string | null;
  currentVersion: number | null;
  comments: number;
  reports: number;
}

export function RegulationsResults({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { title } = useLocalize();
  const list = useLoad(() => api.get<{ regulations: RegulationBrief[] }>(`/processes/${processSlug}/regulations`), [processSlug]);
  const published = (list.data?.regulations ?? []).filter((r) => r.status === 'published');
  return (
    <section aria-labelledby="regulations-results" className="margin-y-3" data-testid="regulations-results">
      <h2 id="regulations-results">{t('regulations.results.heading')}</h2>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.data && published.length === 0 ? <p>{t('regulations.results.none')}</p> : null}
      {published.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {published.map((r) => (
            <li key={r.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={`/processes/${processSlug}/regulations/${r.id}`}>
                {title(r)}
              </Link>
              <span className="civitas-activity__meta">
                {t('regulations.results.state', { version: r.currentVersion ?? 1, comments: r.comments, reports: r.reports })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
