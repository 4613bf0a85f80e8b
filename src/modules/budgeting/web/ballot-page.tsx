/**
 * The ballot: every project on it with its cost, chosen with checkboxes (approval, knapsack) or
 * points (cumulative). The page keeps a running total (money left for knapsack, points left for
 * cumulative) announced politely to screen readers, and says what is wrong with the same rules as
 * the server (`../ballot.ts`). After voting, the receipt code is shown once. Officials use the same
 * page to enter a resident's paper ballot (`paper`), identified by the e-mail of their account.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ballotProblems, ballotTotals, minimumOf, spendingLimit, type BallotChoice, type BallotProblem, type BallotRules } from '../ballot.js';
import { Refusal, useMoney } from './parts.js';
import { useBallotRulesText } from './budget-page.js';
import { budgetUrl, projectUrl, type BudgetDetail, type MyBallot, type ProjectList, type Receipt } from './types.js';

/** Chosen projects: 1 for a checked box, the points typed (as text) for cumulative ballots. */
type Choices = Record<string, string>;

function choicesOf(ballot: MyBallot | null): Choices {
  const out: Choices = {};
  for (const s of ballot?.selections ?? []) out[s.projectId] = s.points === null ? '1' : String(s.points);
  return out;
}

export function BallotPage({ mode }: { mode: 'own' | 'paper' }) {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, pick, dateTime, number } = useLocalize();
  const money = useMoney();
  const rulesText = useBallotRulesText();
  const signedIn = Boolean(session?.user);
  const detail = useLoad(() => api.get<BudgetDetail>(`/budgets/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const projects = useLoad(() => api.get<ProjectList>(`/budgets/${encodeURIComponent(id)}/projects`, { onBallot: 'true', limit: 500 }), [id]);
  const mine = useLoad(() => api.get<MyBallot>(`/budgets/${encodeURIComponent(id)}/ballot`), [id, session?.user?.id], mode === 'own' && signedIn);
  const [choices, setChoices] = useState<Choices>({});
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  useEffect(() => {
    if (mine.data) setChoices(choicesOf(mine.data));
  }, [mine.data]);
  usePageTitle(mode === 'paper' ? t('budgeting.ballot.paperTitle') : t('budgeting.ballot.title'));

  const data = detail.data;
  const budget = data?.budget;
  const rules: BallotRules | null = budget
    ? { ballotType: budget.ballotType, amount: budget.amount, minProjects: budget.minProjects, maxProjects: budget.maxProjects, maxShare: budget.maxShare, pointsTotal: budget.pointsTotal, pointsPerProjectMax: budget.pointsPerProjectMax }
    : null;
  const cumulative = budget?.ballotType === 'cumulative';
  const list = projects.data?.projects ?? [];
  const selections: BallotChoice[] = useMemo(
    () =>
      Object.entries(choices)
        .filter(([, value]) => value !== '' && value !== '0')
        .map(([projectId, value]) => (cumulative ? { projectId, points: Number(value) } : { projectId })),
    [choices, cumulative],
  );
  const ballotList = list.map((p) => ({ id: p.id, cost: p.cost }));
  const problems = rules ? ballotProblems(rules, ballotList, selections) : [];
  const totals = rules ? ballotTotals(rules, ballotList, selections) : null;
  // Going over the money or the points is said at once; what is missing, once the voter tries to send.
  const shown = problems.filter((p) => tried || p.code === 'ballot_over_budget' || p.code === 'ballot_points_over_total' || p.code === 'ballot_too_many' || p.code === 'ballot_points_over_project_max');

  const send = useAction(async () => {
    const body = { selections };
    const result =
      mode === 'paper' ? await api.post<Receipt>(`/budgets/${id}/paper-ballots`, { ...body, email }) : await api.put<Receipt>(`/budgets/${id}/ballot`, body);
    setReceipt(result);
    setTried(false);
    if (mode === 'paper') {
      setChoices({});
      setEmail('');
    } else {
      mine.reload();
      detail.reload();
    }
  });

  const problemText = (p: BallotProblem) => {
    const params = p.params ?? {};
    const values: Record<string, string | number> = { ...params };
    if (p.code === 'ballot_over_budget' && budget) {
      values.limit = money(params.limit ?? 0, budget.currency);
      values.total = money(params.total ?? 0, budget.currency);
    }
    const index = Number(p.path.split('.')[1]);
    const project = Number.isInteger(index) ? list.find((x) => x.id === selections[index]?.projectId) : undefined;
    const text = t(`budgeting.ballot.problem.${p.code}`, values);
    return project ? `${pick(project.title, project.titleZh)}: ${text}` : text;
  };

  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!data || !budget || !rules || !totals || projects.loading) return <Loading />;
  const allowed = mode === 'paper' ? data.abilities.enterPaperBallot : data.abilities.vote;
  const here = budgetUrl(slug, id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setReceipt(null);
    if (problems.length > 0) return;
    void send.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={here}>{title(budget)}</Link>
        </p>
        <h1>{mode === 'paper' ? t('budgeting.ballot.paperTitle') : t('budgeting.ballot.title')}</h1>
        <p className="civitas-lead margin-y-1">{rulesText(budget)}</p>
        {data.process.voteOpenUntil ? <p className="margin-y-1">{t('budgeting.ballot.until', { date: dateTime(data.process.voteOpenUntil) })}</p> : null}
      </div>

      {receipt ? <ReceiptBox receipt={receipt} mode={mode} resultsUrl={`${here}/results`} /> : null}

      {!allowed ? (
        mode === 'paper' ? <p>{t('budgeting.ballot.paperNotAllowed')}</p> : <Refusal refusal={data.voteBlocked} />
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={mode === 'paper' ? t('budgeting.ballot.paperTitle') : t('budgeting.ballot.title')}>
          {mode === 'own' ? (
            <p>{data.voted ? t('budgeting.ballot.changeIntro') : t('budgeting.ballot.intro')}</p>
          ) : (
            <>
              <p>{t('budgeting.ballot.paperIntro')}</p>
              <TextField id="paper-email" name="email" type="email" label={t('budgeting.ballot.voterEmail')} hint={t('budgeting.ballot.voterEmailHint')} value={email} onChange={setEmail} error={send.error} />
            </>
          )}
          <ApiErrorAlert error={send.error} />

          <div className="civitas-panel margin-y-2 position-sticky top-0 z-100 bg-white" data-testid="ballot-summary">
            <p className="margin-y-05" aria-live="polite">
              {budget.ballotType === 'knapsack' && totals.remainingMoney !== null ? (
                <strong className={totals.remainingMoney < 0 ? 'text-error-dark' : undefined} data-testid="money-left">
                  {totals.remainingMoney < 0
                    ? t('budgeting.ballot.overBy', { amount: money(-totals.remainingMoney, budget.currency) })
                    : t('budgeting.ballot.moneyLeft', { amount: money(totals.remainingMoney, budget.currency), limit: money(spendingLimit(rules), budget.currency) })}
                </strong>
              ) : budget.ballotType === 'cumulative' && totals.remainingPoints !== null ? (
                <strong className={totals.remainingPoints < 0 ? 'text-error-dark' : undefined} data-testid="points-left">
                  {t('budgeting.ballot.pointsLeft', { count: totals.remainingPoints, total: budget.pointsTotal ?? 0 })}
                </strong>
              ) : (
                <strong data-testid="chosen-count">
                  {budget.maxProjects !== null
                    ? t('budgeting.ballot.chosenOf', { count: totals.count, max: budget.maxProjects })
                    : t('budgeting.ballot.chosen', { count: totals.count, formatted: number(totals.count) })}
                </strong>
              )}
            </p>
            {budget.ballotType === 'knapsack' && totals.remainingMoney !== null ? (
              <progress className="width-full" max={spendingLimit(rules)} value={Math.min(totals.cost, spendingLimit(rules))} aria-label={t('budgeting.ballot.spent')}>
                {money(totals.cost, budget.currency)}
              </progress>
            ) : null}
          </div>

          {shown.length > 0 ? (
            <div className="usa-alert usa-alert--warning usa-alert--slim" role="alert" data-testid="ballot-problems">
              <div className="usa-alert__body">
                <ul className="usa-list margin-y-0">
                  {shown.map((p, i) => (
                    <li key={i}>{problemText(p)}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}

          <Fieldset legend={t('budgeting.ballot.projects', { count: list.length })} className="margin-top-2">
            {list.length === 0 ? <p>{t('budgeting.ballot.noProjects')}</p> : null}
            {list.map((p) => {
              const label = pick(p.title, p.titleZh);
              const description = `${money(p.cost, budget.currency)}${p.category ? ` · ${p.category}` : ''}`;
              if (cumulative) {
                return (
                  <div key={p.id} className="civitas-panel margin-bottom-1">
                    <label className="usa-label margin-top-0" htmlFor={`points-${p.id}`}>
                      {label}
                    </label>
                    <div className="usa-hint" id={`points-${p.id}-hint`}>
                      {description} · <Link to={projectUrl(slug, id, p.id)}>{t('budgeting.ballot.details')}</Link>
                    </div>
                    <input
                      className="usa-input usa-input--small"
                      id={`points-${p.id}`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={budget.pointsPerProjectMax ?? budget.pointsTotal ?? undefined}
                      step={1}
                      aria-describedby={`points-${p.id}-hint`}
                      value={choices[p.id] ?? ''}
                      placeholder="0"
                      onChange={(e) => setChoices({ ...choices, [p.id]: e.target.value })}
                    />
                  </div>
                );
              }
              const checked = choices[p.id] === '1';
              return (
                <div className="usa-checkbox" key={p.id}>
                  <input
                    className="usa-checkbox__input usa-checkbox__input--tile"
                    id={`choose-${p.id}`}
                    type="checkbox"
                    checked={checked}
                    onChange={(e) => {
                      const next = { ...choices };
                      if (e.target.checked) next[p.id] = '1';
                      else delete next[p.id];
                      setChoices(next);
                    }}
                  />
                  <label className="usa-checkbox__label" htmlFor={`choose-${p.id}`}>
                    {label}
                    <span className="usa-checkbox__label-description">{description}</span>
                  </label>
                </div>
              );
            })}
          </Fieldset>
          <p className="usa-hint">{t('budgeting.ballot.secret')}</p>
          <Button type="submit" disabled={send.pending} data-testid="cast-ballot">
            {mode === 'paper' ? t('budgeting.ballot.enterPaper') : data.voted ? t('budgeting.ballot.change') : t('budgeting.ballot.cast')}
          </Button>
          {minimumOf(rules) === 0 && selections.length === 0 ? <p className="usa-hint">{t('budgeting.ballot.emptyAllowed')}</p> : null}
        </Form>
      )}
    </>
  );
}

/** The receipt, shown once: what it is for and that a later change replaces it. */
function ReceiptBox({ receipt, mode, resultsUrl }: { receipt: Receipt; mode: 'own' | 'paper'; resultsUrl: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="success" headingLevel="h2" heading={mode === 'paper' ? t('budgeting.receipt.paperHeading') : t('budgeting.receipt.heading')} data-testid="receipt">
      <p>{mode === 'paper' ? t('budgeting.receipt.paperExplain') : t('budgeting.receipt.explain')}</p>
      <p className="font-mono-lg text-bold" data-testid="receipt-code">
        {receipt.receipt}
      </p>
      {receipt.replaced ? <p>{t('budgeting.receipt.replaced')}</p> : null}
      <p>
        {t('budgeting.receipt.check')} <Link to={resultsUrl}>{t('budgeting.receipt.resultsLink')}</Link>
      </p>
      <Button type="button" outline onClick={() => window.print()}>
        {t('budgeting.receipt.print')}
      </Button>
    </Alert>
  );
}

/** The resident's own ballot. */
export function VotePage() {
  return <BallotPage mode="own" />;
}

/** An official entering a resident's paper ballot. */
export function PaperBallotPage() {
  return <BallotPage mode="paper" />;
}
