/**
 * For a process's page: where its proposals stand — how many were made, how many the department
 * accepted or rejected, how many still wait for an answer — as a table with bars.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';

const states = ['accepted', 'rejected', 'evaluating', 'qualified', 'published', 'withdrawn'] as const;

export function ProposalsResults({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const counts = useLoad(
    async () =>
      Promise.all(
        states.map(async (state) => {
          const list = await api.get<{ total: number }>(`/processes/${processSlug}/proposals`, { state, limit: 1 });
          return [state, list.total] as const;
        }),
      ),
    [processSlug],
  );
  const rows = counts.data ?? [];
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <section aria-labelledby="proposals-results" className="margin-y-3" data-testid="proposals-results">
      <h2 id="proposals-results">{t('proposals.results.heading')}</h2>
      <ApiErrorAlert error={counts.error} focus={false} />
      {counts.data && total === 0 ? <p>{t('proposals.results.none')}</p> : null}
      {counts.data && total > 0 ? (
        <table className="usa-table usa-table--borderless civitas-results-table">
          <caption>{t('proposals.results.caption', { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.results.state')}</th>
              <th scope="col">{t('proposals.results.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([state, n]) => (
              <tr key={state}>
                <th scope="row">
                  <Link to={`/processes/${processSlug}/proposals?state=${state}`}>{t(`proposals.state.${state}`)}</Link>
                </th>
                <td>
                  <span className="civitas-bar" aria-hidden="true">
                    <span className={`civitas-bar__fill civitas-bar__fill--${state}`} style={{ width: `${Math.round((n / max) * 100)}%` }} />
                  </span>{' '}
                  {number(n)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
