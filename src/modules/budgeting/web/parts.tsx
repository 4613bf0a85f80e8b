/**
 * Small pieces the budgeting pages share: money in the budget's currency, the project state tag,
 * where voting stands, and the server's refusal with the link that helps (sign in, verify).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { BudgetDetail, ProjectStateName } from './types.js';

/** Formats amounts in a currency in the page's language ("CN¥1,500,000", "€12.50"). */
export function useMoney() {
  const { language } = useLocalize();
  return useCallback(
    (amount: number, currency: string) => {
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
      } catch {
        return `${new Intl.NumberFormat(language).format(amount)} ${currency}`;
      }
    },
    [language],
  );
}

const stateClass: Record<ProjectStateName, string> = {
  submitted: 'bg-primary',
  feasible: 'civitas-tag--verified',
  infeasible: 'civitas-tag--rejected',
  withdrawn: 'bg-base',
  selected: 'civitas-tag--verified',
  not_selected: 'bg-base-dark',
};

export function ProjectStateTag({ state }: { state: ProjectStateName }) {
  const { t } = useTranslation();
  return (
    <Tag className={`civitas-tag ${stateClass[state]}`} data-testid="project-state">
      {t(`budgeting.state.${state}`)}
    </Tag>
  );
}

/** Where voting stands, with its dates: "Voting is open until 12 May" / "Voting opens on 3 May". */
export function VotingText({ detail }: { detail: Pick<BudgetDetail, 'budget' | 'process'> }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalize();
  const { budget, process } = detail;
  if (budget.importedFrom) return <>{t('budgeting.voting.imported', { source: budget.importedFrom })}</>;
  if (budget.status === 'counted') return <>{t('budgeting.voting.counted', { date: dateTime(budget.countedAt ?? '') })}</>;
  if (budget.votingStage === 'open' && process.voteOpenUntil) return <>{t('budgeting.voting.openUntil', { date: dateTime(process.voteOpenUntil) })}</>;
  if (budget.votingStage === 'closed') return <>{t('budgeting.voting.closed')}</>;
  if (process.voteOpensAt) return <>{t('budgeting.voting.opensAt', { date: dateTime(process.voteOpensAt) })}</>;
  return <>{t('budgeting.voting.notScheduled')}</>;
}

/** Why the caller cannot do something now, with a sign-in or verification link where that helps. */
export function Refusal({ refusal, id }: { refusal: { code: string; message: string } | null; id?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!refusal) return null;
  return (
    <p id={id} className="margin-y-1" data-testid="refusal">
      {refusal.message}{' '}
      {refusal.code === 'not_authenticated' ? (
        <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
          {t('header.signIn')}
        </Link>
      ) : refusal.code === 'requires_verification' ? (
        <Link to="/verify">{t('verify.title')}</Link>
      ) : null}
    </p>
  );
}

/** A horizontal bar for a result table; the number next to it is the text alternative. */
export function Bar({ value, max, selected }: { value: number; max: number; selected?: boolean }) {
  return (
    <span className="civitas-bar" aria-hidden="true">
      <span className={`civitas-bar__fill${selected ? ' civitas-bar__fill--accepted' : ''}`} style={{ width: `${max > 0 ? Math.round((value / max) * 100) : 0}%` }} />
    </span>
  );
}
