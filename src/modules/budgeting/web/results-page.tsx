/**
 * The results of a counted budget: the winners and the money spent, votes per project as a bar
 * chart that is also a table (totals only), the counting rule explained round by round in plain
 * language, downloads (CSV, the anonymized Pabulib file), and the published receipts with a box
 * where a voter checks theirs: the code is hashed in the browser and only the hash is looked up.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { looksLikeReceiptCode, normalizeReceiptCode } from '../receipt.js';
import { Bar, useMoney } from './parts.js';
import { budgetUrl, projectUrl, type Receipts, type ResultRound, type Results } from './types.js';

const RECEIPTS_PAGE = 200;

/** SHA-256 of a text, as hex, computed in the browser. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function family(rule: string): 'mes' | 'greedy' | 'phragmen' {
  if (rule.startsWith('mes')) return 'mes';
  if (rule.startsWith('phragmen')) return 'phragmen';
  return 'greedy';
}

export function ResultsPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { title, pick, dateTime, number } = useLocalize();
  const money = useMoney();
  const results = useLoad(() => api.get<Results>(`/budgets/${encodeURIComponent(id)}/results`), [id]);
  const data = results.data;
  usePageTitle(data ? `${t('budgeting.results.title')} · ${title(data.budget)}` : t('budgeting.results.title'));
  if (results.error) return <ApiErrorAlert error={results.error} />;
  if (!data) return <Loading />;
  const { budget, results: r } = data;
  const here = budgetUrl(slug, id);
  const currency = budget.currency;

  if (!r) {
    return (
      <>
        <div className="civitas-page-head">
          <p className="margin-0">
            <Link to={here}>{title(budget)}</Link>
          </p>
          <h1>{t('budgeting.results.title')}</h1>
        </div>
        <p data-testid="results-not-ready">{t('budgeting.results.notReady')}</p>
      </>
    );
  }

  const winners = r.projects.filter((p) => p.selected);
  const weightOf = (p: (typeof r.projects)[number]) => p.points ?? p.ballots;
  const max = Math.max(1, ...r.projects.map(weightOf));
  const titleOf = (projectId: string) => {
    const p = r.projects.find((x) => x.id === projectId);
    return p ? pick(p.title, p.titleZh) : projectId;
  };
  const kind = family(r.rule);

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={here}>{title(budget)}</Link>
        </p>
        <h1>{t('budgeting.results.title')}</h1>
        <p className="civitas-lead margin-y-1" data-testid="results-summary">
          {t('budgeting.results.summary', { count: winners.length, spent: money(r.spent, currency), budget: money(r.budget, currency), ballots: number(r.ballots) })}
        </p>
        <p className="margin-y-1 text-base">{t('budgeting.results.countedOn', { date: dateTime(r.countedAt) })}</p>
      </div>

      <section aria-labelledby="winners-heading" className="margin-y-3">
        <h2 id="winners-heading">{t('budgeting.results.winners')}</h2>
        {winners.length === 0 ? <p>{t('budgeting.results.noWinners')}</p> : null}
        <ol className="usa-list" data-testid="winners">
          {winners.map((p) => (
            <li key={p.id}>
              <Link to={projectUrl(slug, id, p.id)}>{pick(p.title, p.titleZh)}</Link> · {money(p.cost, currency)}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="votes-heading" className="margin-y-3">
        <h2 id="votes-heading">{t('budgeting.results.votes')}</h2>
        <div className="usa-table-container--scrollable" tabIndex={0}>
          <table className="usa-table usa-table--borderless civitas-results-table" data-testid="votes-table">
            <caption>{r.projects.some((p) => p.points !== null) ? t('budgeting.results.captionPoints', { ballots: number(r.ballots) }) : t('budgeting.results.caption', { ballots: number(r.ballots) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgeting.results.project')}</th>
                <th scope="col">{r.projects.some((p) => p.points !== null) ? t('budgeting.results.points') : t('budgeting.results.ballots')}</th>
                <th scope="col">{t('budgeting.results.cost')}</th>
                <th scope="col">{t('budgeting.results.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {r.projects.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={projectUrl(slug, id, p.id)}>{pick(p.title, p.titleZh)}</Link>
                  </th>
                  <td>
                    <Bar value={weightOf(p)} max={max} selected={p.selected} /> {number(weightOf(p))}
                    {p.points !== null ? <span className="display-block text-base font-ui-3xs">{t('budgeting.results.ballotsCount', { count: p.ballots, formatted: number(p.ballots) })}</span> : null}
                  </td>
                  <td>{money(p.cost, currency)}</td>
                  <td>{p.selected ? <strong>{t('budgeting.results.selected', { round: p.round ?? '' })}</strong> : t(`budgeting.reason.${p.notSelectedReason ?? 'budget_exhausted'}`, { defaultValue: t('budgeting.reason.other') })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a className="usa-link" href={`/api/v1/budgets/${id}/results.csv`} download>
            {t('budgeting.results.csv')}
          </a>
          {' · '}
          <a className="usa-link" href={`/api/v1/budgets/${id}/export.pb`} download>
            {t('budgeting.results.pabulib')}
          </a>
        </p>
      </section>

      <section aria-labelledby="how-heading" className="margin-y-3" data-testid="explanation">
        <h2 id="how-heading">{t('budgeting.results.how')}</h2>
        <p>{t(`budgeting.explain.${kind}`)}</p>
        {kind === 'mes' && r.endowment !== null ? <p>{t('budgeting.explain.endowment', { ballots: number(r.ballots), share: money(r.endowment, currency) })}</p> : null}
        {r.rounds.some((x) => x.phase === 'completion') ? <p>{t('budgeting.explain.completion')}</p> : null}
        <ol className="usa-process-list">
          {r.rounds.map((round) => (
            <li key={round.round} className="usa-process-list__item">
              <h3 className="usa-process-list__heading">{t('budgeting.explain.round', { round: round.round, project: titleOf(round.projectId) })}</h3>
              <p className="margin-top-05">
                <RoundText round={round} currency={currency} />
              </p>
            </li>
          ))}
        </ol>
        <details className="civitas-details">
          <summary>{t('budgeting.results.technical')}</summary>
          <dl className="civitas-facts">
            <div>
              <dt>{t('budgeting.results.rule')}</dt>
              <dd>
                {t(`budgeting.rule.${r.rule}`, { defaultValue: r.rule })} ({r.rule})
              </dd>
            </div>
            <div>
              <dt>{t('budgeting.results.params')}</dt>
              <dd className="font-mono-xs">{Object.entries(r.params).map(([k, v]) => `${k}=${String(v)}`).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('budgeting.results.resultHash')}</dt>
              <dd className="font-mono-xs text-wrap">{r.resultHash}</dd>
            </div>
            <div>
              <dt>{t('budgeting.results.electionHash')}</dt>
              <dd className="font-mono-xs text-wrap">{r.electionHash}</dd>
            </div>
          </dl>
          <p>{t('budgeting.results.verifyHint')}</p>
        </details>
      </section>

      <ReceiptsSection budgetId={id} />
    </>
  );
}

function RoundText({ round, currency }: { round: ResultRound; currency: string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const money = useMoney();
  const left = t('budgeting.explain.left', { amount: money(round.remainingBudget, currency) });
  let text: string;
  if (round.phase === 'mes') {
    text = t('budgeting.explain.mesRound', {
      supporters: number(round.supporters),
      cost: money(round.cost, currency),
      max: money(round.maxPayment ?? 0, currency),
      min: money(round.minPayment ?? 0, currency),
    });
    if (round.paidAllTheyHad) text = `${text} ${t('budgeting.explain.paidAll', { count: round.paidAllTheyHad })}`;
  } else if (round.phase === 'completion') {
    text = t('budgeting.explain.completionRound', { cost: money(round.cost, currency), supporters: number(round.supporters) });
  } else if (round.phase === 'phragmen') {
    text = t('budgeting.explain.phragmenRound', { cost: money(round.cost, currency), supporters: number(round.supporters) });
  } else {
    text = t('budgeting.explain.greedyRound', { cost: money(round.cost, currency), supporters: number(round.supporters) });
  }
  return (
    <>
      {text} {left}
    </>
  );
}

function ReceiptsSection({ budgetId }: { budgetId: string }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const [pages, setPages] = useState(1);
  const list = useLoad(() => api.get<Receipts>(`/budgets/${encodeURIComponent(budgetId)}/receipts`, { limit: Math.min(5000, RECEIPTS_PAGE * pages) }), [budgetId, pages]);
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<{ code: string; found: boolean } | null>(null);
  const [invalid, setInvalid] = useState(false);
  const check = useAction(async () => {
    const normalized = normalizeReceiptCode(code);
    const hash = await sha256Hex(normalized);
    const answer = await api.get<Receipts>(`/budgets/${encodeURIComponent(budgetId)}/receipts`, { hash, limit: 1 });
    setChecked({ code: normalized, found: answer.found === true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(null);
    if (!looksLikeReceiptCode(code)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void check.run();
  };
  const data = list.data;
  if (!data?.published) return null;
  return (
    <section aria-labelledby="receipts-heading" className="margin-y-3" data-testid="receipts">
      <h2 id="receipts-heading">{t('budgeting.receipts.heading')}</h2>
      <p>{t('budgeting.receipts.explain', { count: data.total, formatted: number(data.total) })}</p>
      <Form onSubmit={submit} className="maxw-tablet" aria-label={t('budgeting.receipts.check')}>
        <TextField
          id="receipt-code"
          name="code"
          label={t('budgeting.receipts.code')}
          hint={t('budgeting.receipts.codeHint')}
          value={code}
          onChange={(v) => {
            setCode(v);
            setInvalid(false);
          }}
        />
        {invalid ? <p className="usa-error-message">{t('budgeting.receipts.invalid')}</p> : null}
        <Button type="submit" disabled={check.pending}>
          {t('budgeting.receipts.check')}
        </Button>
      </Form>
      <ApiErrorAlert error={check.error} />
      <div aria-live="polite">
        {checked ? (
          <Alert type={checked.found ? 'success' : 'warning'} headingLevel="h3" slim data-testid="receipt-check">
            {checked.found ? t('budgeting.receipts.found') : t('budgeting.receipts.notFound')}
          </Alert>
        ) : null}
      </div>
      <details className="civitas-details margin-top-2">
        <summary>{t('budgeting.receipts.list', { count: data.total, formatted: number(data.total) })}</summary>
        <ol className="font-mono-3xs text-wrap" data-testid="receipt-list">
          {data.receipts.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
        {data.receipts.length < data.total && data.receipts.length < 5000 ? (
          <Button type="button" outline onClick={() => setPages(pages + 1)}>
            {t('budgeting.receipts.more')}
          </Button>
        ) : null}
      </details>
    </section>
  );
}
