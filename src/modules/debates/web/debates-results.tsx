/** For a process's page: how many debates there are, and the conclusions officials drew from the closed ones. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';

interface DebateBrief {
  id: string;
  title: string;
  conclusion: { text: string; closedAt: string } | null;
}

export function DebatesResults({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  const data = useLoad(
    async () => {
      const [open, closed] = await Promise.all([
        api.get<{ total: number }>(`/processes/${processSlug}/debates`, { status: 'open', limit: 1 }),
        api.get<{ total: number; debates: DebateBrief[] }>(`/processes/${processSlug}/debates`, { status: 'closed', limit: 5 }),
      ]);
      return { open: open.total, closed };
    },
    [processSlug],
  );
  return (
    <section aria-labelledby="debates-results" className="margin-y-3" data-testid="debates-results">
      <h2 id="debates-results">{t('debates.results.heading')}</h2>
      <ApiErrorAlert error={data.error} focus={false} />
      {data.data ? <p>{t('debates.results.counts', { open: data.data.open, closed: data.data.closed.total })}</p> : null}
      {data.data && data.data.closed.debates.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {data.data.closed.debates.map((d) => (
            <li key={d.id} className="civitas-activity__item">
              <Link className="civitas-activity__what usa-link" to={`/processes/${processSlug}/debates/${d.id}`}>
                {d.title}
              </Link>
              {d.conclusion ? (
                <span className="civitas-activity__meta">
                  {t('debates.results.concluded', { date: date(d.conclusion.closedAt) })} {d.conclusion.text}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
