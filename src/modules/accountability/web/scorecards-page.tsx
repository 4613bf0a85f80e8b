/**
 * Department scorecards: every department's figures from every module for a period, in a table
 * that sorts by any figure (stacked on phones), a bar chart comparing departments on one figure,
 * that figure's trend by quarter, a CSV download, and the method: how each figure and the
 * image-project flag are computed (administrators set the flag's parameters here).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form, Table } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { BarChart, LineChart } from './charts.js';
import { useFormats } from './parts.js';
import type { ImageFormulaResponse, Period, Scorecard, Trend } from './types.js';

const PERIODS: Period[] = ['last_12_months', 'this_year', 'last_year'];

function FormulaForm({ formula, onSaved }: { formula: ImageFormulaResponse; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    basis: formula.basis,
    spendQuantile: String(formula.spendQuantile),
    minPeers: String(formula.minPeers),
    benefitThreshold: String(formula.benefitThreshold),
    minRatings: String(formula.minRatings),
  });
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await api.put('/commitments/image-formula', {
      basis: values.basis,
      spendQuantile: Number(values.spendQuantile),
      minPeers: Number(values.minPeers),
      benefitThreshold: Number(values.benefitThreshold),
      minRatings: Number(values.minRatings),
    });
    setSaved(true);
    onSaved();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <Form onSubmit={submit} className="maxw-full civitas-panel" data-testid="formula-form">
      <h3 className="margin-top-0">{t('accountability.method.formulaFormTitle')}</h3>
      <ApiErrorAlert error={save.error} />
      {saved ? (
        <Alert type="success" headingLevel="h4" slim role="status">
          {t('accountability.method.saved')}
        </Alert>
      ) : null}
      <SelectField
        id="formula-basis"
        name="basis"
        label={t('accountability.method.basis')}
        value={values.basis}
        onChange={(basis) => setValues({ ...values, basis: basis as 'spent' | 'planned' })}
        error={save.error}
        options={[
          { value: 'spent', label: t('accountability.image.measure.spent') },
          { value: 'planned', label: t('accountability.image.measure.planned') },
        ]}
      />
      <TextField id="formula-quantile" name="spendQuantile" type="number" label={t('accountability.method.quantile')} value={values.spendQuantile} onChange={(spendQuantile) => setValues({ ...values, spendQuantile })} error={save.error} />
      <TextField id="formula-peers" name="minPeers" type="number" label={t('accountability.method.minPeers')} value={values.minPeers} onChange={(minPeers) => setValues({ ...values, minPeers })} error={save.error} />
      <TextField id="formula-threshold" name="benefitThreshold" type="number" label={t('accountability.method.threshold')} value={values.benefitThreshold} onChange={(benefitThreshold) => setValues({ ...values, benefitThreshold })} error={save.error} />
      <TextField id="formula-ratings" name="minRatings" type="number" label={t('accountability.method.minRatings')} value={values.minRatings} onChange={(minRatings) => setValues({ ...values, minRatings })} error={save.error} />
      <Button type="submit" disabled={save.pending} className="margin-top-2">
        {t('accountability.method.save')}
      </Button>
    </Form>
  );
}

export function ScorecardsPage() {
  const { t } = useTranslation();
  const { name, date, language } = useLocalize();
  const { metric: formatMetric, share, decimal } = useFormats();
  const areas = useAreas();
  const area = areas.bySlug(areas.selectedSlug);
  usePageTitle(t('accountability.scorecards.title'));
  const [period, setPeriod] = useState<Period>('last_12_months');
  const [onlyArea, setOnlyArea] = useState(false);
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' } | null>(null);
  const [chosen, setChosen] = useState('');
  const areaId = onlyArea && area ? area.id : undefined;
  const card = useLoad(() => api.get<Scorecard>('/scorecards', { period, areaId }), [period, areaId]);
  const formula = useLoad(() => api.get<ImageFormulaResponse>('/commitments/image-formula'), []);
  const columns = card.data?.columns ?? [];
  const metricKey = chosen || columns.find((c) => c.key === 'questions.on_time_share')?.key || columns[0]?.key || '';
  useEffect(() => {
    if (chosen && columns.length > 0 && !columns.some((c) => c.key === chosen)) setChosen('');
  }, [chosen, columns]);
  const trend = useLoad(() => api.get<Trend>('/scorecards/trend', { metric: metricKey, quarters: 8, areaId }), [metricKey, areaId], Boolean(metricKey));
  const label = (c: { label: { en: string; zh: string } }) => (language === 'zh-CN' ? c.label.zh : c.label.en);
  const column = columns.find((c) => c.key === metricKey);

  const rows = useMemo(() => {
    const list = [...(card.data?.departments ?? [])];
    if (!sort) return list.sort((a, b) => a.department.name.localeCompare(b.department.name));
    return list.sort((a, b) => {
      const va = a.values[sort.key]?.value ?? null;
      const vb = b.values[sort.key]?.value ?? null;
      if (va === null && vb === null) return a.department.name.localeCompare(b.department.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      return sort.dir === 'asc' ? va - vb : vb - va;
    });
  }, [card.data, sort]);

  const toggleSort = (key: string) => setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'desc' }));
  const csvHref = `/api/v1/scorecards.csv?period=${period}${areaId ? `&areaId=${areaId}` : ''}`;
  const maxOf = (unit: string, values: (number | null)[]) => (unit === 'share' ? 1 : unit === 'rating' ? 5 : Math.max(0, ...values.map((v) => v ?? 0)));

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/commitments">{t('accountability.list.title')}</Link>
        </p>
        <h1>{t('accountability.scorecards.title')}</h1>
        <p className="civitas-lead">{t('accountability.scorecards.intro')}</p>
      </div>
      <div className="grid-row grid-gap">
        <div className="grid-col-12 tablet:grid-col-6">
          <SelectField
            id="scorecard-period"
            name="period"
            label={t('accountability.scorecards.period')}
            value={period}
            onChange={(p) => setPeriod(p as Period)}
            options={PERIODS.map((p) => ({ value: p, label: t(`accountability.periods.${p}`) }))}
          />
        </div>
        <div className="grid-col-12 tablet:grid-col-6">
          {area ? (
            <div className="usa-checkbox margin-top-5">
              <input className="usa-checkbox__input" id="scorecard-area" type="checkbox" checked={onlyArea} onChange={(e) => setOnlyArea(e.target.checked)} />
              <label className="usa-checkbox__label" htmlFor="scorecard-area">
                {t('accountability.scorecards.onlyArea', { area: name(area) })}
              </label>
            </div>
          ) : null}
        </div>
      </div>
      {card.data ? (
        <p className="text-base">
          {t('accountability.scorecards.covers', { from: date(card.data.period.fromDate), to: date(card.data.period.to < new Date().toISOString() ? card.data.period.to : new Date().toISOString()) })} ·{' '}
          <a href={csvHref} download>
            {t('accountability.scorecards.csv')}
          </a>
        </p>
      ) : null}
      <ApiErrorAlert error={card.error} focus={false} />
      {card.loading && !card.data ? <Loading /> : null}

      {columns.length > 0 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('accountability.scorecards.compare')}</h2>
          <p className="usa-hint">{t('accountability.scorecards.sortHint')}</p>
          <div className="civitas-table-wrap" data-testid="scorecard-table">
            <Table fullWidth striped stackedStyle="headers">
              <caption className="usa-sr-only">{t('accountability.scorecards.compare')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.scorecards.department')}</th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <button type="button" className="usa-button usa-button--unstyled text-left" onClick={() => toggleSort(c.key)}>
                        {label(c)}
                        {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.department.id} data-department={r.department.slug}>
                    <th scope="row" data-label={t('accountability.scorecards.department')}>
                      <Link to={`/organizations/${r.department.slug}`}>{name(r.department)}</Link>
                    </th>
                    {columns.map((c) => {
                      const v = r.values[c.key];
                      return (
                        <td key={c.key} data-label={label(c)} data-metric={c.key} data-value={v?.value ?? ''}>
                          {formatMetric(v?.value ?? null, c.unit)}
                          {v && v.basis > 0 ? <span className="text-base-dark font-ui-2xs"> {t('accountability.scorecards.basis', { count: v.basis })}</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>

          <SelectField
            id="scorecard-metric"
            name="metric"
            label={t('accountability.scorecards.chartMetric')}
            value={metricKey}
            onChange={setChosen}
            options={columns.map((c) => ({ value: c.key, label: label(c) }))}
          />
          {column ? (
            <div data-testid="scorecard-charts">
              <BarChart
                title={t('accountability.scorecards.barTitle', { metric: label(column) })}
                bars={rows.map((r) => {
                  const v = r.values[column.key]?.value ?? null;
                  return { label: name(r.department), value: v, text: formatMetric(v, column.unit) };
                })}
                max={maxOf(column.unit, rows.map((r) => r.values[column.key]?.value ?? null))}
                testId="scorecard-bar-chart"
              />
              {trend.data && trend.data.metric?.key === column.key ? (
                <LineChart
                  title={t('accountability.scorecards.trendTitle', { metric: label(column) })}
                  xLabels={trend.data.quarters.map((q) => q.key)}
                  series={trend.data.series
                    .filter((s) => s.values.some((v) => v.value !== null))
                    .map((s) => ({ label: name(s.department), values: s.values.map((v) => v.value), texts: s.values.map((v) => formatMetric(v.value, column.unit)) }))}
                  max={maxOf(column.unit, trend.data.series.flatMap((s) => s.values.map((v) => v.value)))}
                  testId="scorecard-trend-chart"
                  format={(v) => formatMetric(v, column.unit)}
                />
              ) : trend.loading ? (
                <Loading />
              ) : null}
              <ApiErrorAlert error={trend.error} focus={false} />
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="method-heading" id="method" className="margin-y-4">
        <h2 id="method-heading">{t('accountability.method.title')}</h2>
        <p>{t('accountability.method.intro')}</p>
        <p>{t('accountability.method.period')}</p>
        <ul className="usa-list">
          {(['questions', 'proposals', 'hearings', 'reports', 'commitments', 'spend', 'ratings', 'requests', 'supervision'] as const).map((k) => (
            <li key={k}>{t(`accountability.method.metrics.${k}`)}</li>
          ))}
        </ul>
        <p>{t('accountability.method.missing')}</p>
        <h3>{t('accountability.image.howTitle')}</h3>
        {formula.data ? (
          <>
            <p data-testid="formula-text">
              {t('accountability.image.how', {
                quantile: share(formula.data.spendQuantile),
                minPeers: formula.data.minPeers,
                threshold: decimal(formula.data.benefitThreshold),
                minRatings: formula.data.minRatings,
                basis: t(`accountability.image.measure.${formula.data.basis}`),
              })}
            </p>
            <p>{t('accountability.method.imageWhy')}</p>
            <p>
              <Link to="/commitments?flagged=true">{t('accountability.method.flaggedList')}</Link>
            </p>
            {formula.data.abilities.configure ? <FormulaForm key={JSON.stringify(formula.data)} formula={formula.data} onSaved={formula.reload} /> : null}
          </>
        ) : (
          <Loading />
        )}
      </section>
    </>
  );
}
