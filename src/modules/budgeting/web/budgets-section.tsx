/**
 * For a process's page: its participatory budgets, each with its amount, where voting stands and
 * the way in (the projects, the ballot, the results).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useMoney, VotingText } from './parts.js';
import { budgetsUrl, budgetUrl, type BudgetList } from './types.js';

export function BudgetsSection({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { title, number } = useLocalize();
  const money = useMoney();
  const list = useLoad(() => api.get<BudgetList>(`/processes/${encodeURIComponent(processSlug)}/budgets`), [processSlug]);
  const data = list.data;
  return (
    <section aria-labelledby="budgets-section" className="margin-y-3" data-testid="budgets-section">
      <h2 id="budgets-section">{t('budgeting.section.heading')}</h2>
      <ApiErrorAlert error={list.error} focus={false} />
      {data && data.budgets.length === 0 ? <p>{t('budgeting.section.none')}</p> : null}
      {data?.budgets.map((b) => (
        <div key={b.id} className="civitas-panel margin-bottom-2">
          <h3 className="margin-top-0">
            <Link to={budgetUrl(processSlug, b.id)}>{title(b)}</Link>
          </h3>
          <p className="margin-y-1">
            {t('budgeting.section.amount', { amount: money(b.amount, b.currency) })} · {t('budgeting.section.projects', { count: b.projectCounts.feasible + b.projectCounts.selected + b.projectCounts.not_selected, formatted: number(b.projectCounts.feasible + b.projectCounts.selected + b.projectCounts.not_selected) })}
          </p>
          <p className="margin-y-1">
            <VotingText detail={{ budget: b, process: data.process }} />
          </p>
          {b.status === 'counted' ? (
            <p className="margin-y-1">
              <Link to={`${budgetUrl(processSlug, b.id)}/results`}>{t('budgeting.section.results')}</Link>
            </p>
          ) : b.votingStage === 'open' && !b.importedFrom ? (
            <p className="margin-y-1">
              <Link className="usa-button" to={`${budgetUrl(processSlug, b.id)}/vote`}>
                {t('budgeting.section.vote')}
              </Link>
            </p>
          ) : null}
        </div>
      ))}
      {data && (data.abilities.create || data.abilities.import) ? (
        <p>
          <Link to={budgetsUrl(processSlug)}>{t('budgeting.section.manage')}</Link>
        </p>
      ) : null}
    </section>
  );
}
