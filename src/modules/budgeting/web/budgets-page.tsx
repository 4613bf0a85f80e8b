/**
 * The budgets of a process: each with its amount, ballot and where voting stands; officials set up
 * a new one or import a Pabulib file here.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useSession } from '../../../../web/src/app/session.js';
import { useMoney, VotingText } from './parts.js';
import { budgetUrl, type BudgetList } from './types.js';

export function BudgetsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, pick } = useLocalize();
  const money = useMoney();
  const list = useLoad(() => api.get<BudgetList>(`/processes/${encodeURIComponent(slug)}/budgets`), [slug, session?.user?.id], session !== null);
  const data = list.data;
  usePageTitle(data ? `${t('budgeting.list.title')} · ${title(data.process)}` : t('budgeting.list.title'));
  if (list.error) return <ApiErrorAlert error={list.error} />;
  if (!data) return <Loading />;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${slug}`}>{title(data.process)}</Link>
        </p>
        <h1>{t('budgeting.list.title')}</h1>
      </div>
      {data.abilities.create || data.abilities.import ? (
        <div className="display-flex flex-wrap margin-bottom-2">
          {data.abilities.create ? (
            <Link className="usa-button" to={`/processes/${slug}/budgets/new`}>
              {t('budgeting.list.create')}
            </Link>
          ) : null}
          {data.abilities.import ? (
            <Link className="usa-button usa-button--outline" to={`/processes/${slug}/budgets/import`}>
              {t('budgeting.list.import')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {data.budgets.length === 0 ? <p>{t('budgeting.list.empty')}</p> : null}
      <ul className="usa-collection" data-testid="budget-list">
        {data.budgets.map((b) => (
          <li key={b.id} className="usa-collection__item">
            <div className="usa-collection__body">
              <h2 className="usa-collection__heading">
                <Link className="usa-link" to={budgetUrl(slug, b.id)}>
                  {title(b)}
                </Link>
              </h2>
              {pick(b.description, b.descriptionZh) ? <p className="usa-collection__description civitas-clamp">{pick(b.description, b.descriptionZh)}</p> : null}
              <ul className="usa-collection__meta" aria-label={t('budgeting.list.about')}>
                <li className="usa-collection__meta-item">{money(b.amount, b.currency)}</li>
                <li className="usa-collection__meta-item">{t(`budgeting.ballotType.${b.ballotType}`)}</li>
                <li className="usa-collection__meta-item">
                  <VotingText detail={{ budget: b, process: data.process }} />
                </li>
              </ul>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
