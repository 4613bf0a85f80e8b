/**
 * Setting up a budget, or changing it (officials of the department): titles in both languages, the
 * amount and currency, whose residents vote, the ballot (approval with limits, knapsack with the
 * share of the budget one ballot may spend, cumulative with points) and the counting rule. Once
 * voting has started only the titles and descriptions change; the form says so.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { budgetUrl, budgetsUrl, type BallotTypeName, type BudgetDetail, type BudgetList, type BudgetSummary } from './types.js';

interface Values {
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
  areaId: string;
  amount: string;
  currency: string;
  ballotType: BallotTypeName;
  minProjects: string;
  maxProjects: string;
  /** Knapsack: percent of the budget one ballot may spend. */
  maxSharePercent: string;
  pointsTotal: string;
  pointsPerProjectMax: string;
  rule: string;
}

const ballotTypes: BallotTypeName[] = ['approval', 'knapsack', 'cumulative'];

function valuesOf(b: BudgetSummary): Values {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    title: b.title,
    titleZh: b.titleZh ?? '',
    description: b.description,
    descriptionZh: b.descriptionZh ?? '',
    areaId: b.areaId ?? '',
    amount: String(b.amount),
    currency: b.currency,
    ballotType: b.ballotType,
    minProjects: text(b.minProjects),
    maxProjects: text(b.maxProjects),
    maxSharePercent: b.maxShare === null ? '100' : String(Math.round(b.maxShare * 10_000) / 100),
    pointsTotal: text(b.pointsTotal),
    pointsPerProjectMax: text(b.pointsPerProjectMax),
    rule: b.rule,
  };
}

function whole(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function BudgetFormPage() {
  const { slug = '', id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const { rows, lineage } = useAreas();
  const { title, name } = useLocalize();
  const list = useLoad(() => api.get<BudgetList>(`/processes/${encodeURIComponent(slug)}/budgets`), [slug, session?.user?.id], session !== null);
  const existing = useLoad(() => api.get<BudgetDetail>(`/budgets/${encodeURIComponent(id ?? '')}`), [id, session?.user?.id], editing && session !== null);
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (values !== null) return;
    if (editing && existing.data) setValues(valuesOf(existing.data.budget));
    if (!editing && list.data) {
      setValues({ title: '', titleZh: '', description: '', descriptionZh: '', areaId: list.data.process.areaId ?? '', amount: '', currency: 'CNY', ballotType: 'approval', minProjects: '1', maxProjects: '', maxSharePercent: '100', pointsTotal: '10', pointsPerProjectMax: '', rule: list.data.rulesOffered.approval?.[0] ?? '' });
    }
  }, [editing, existing.data, list.data, values]);
  usePageTitle(editing ? t('budgeting.settings.editTitle') : t('budgeting.settings.newTitle'));

  const save = useAction(async () => {
    const v = values!;
    const body = {
      title: v.title,
      titleZh: v.titleZh.trim() || null,
      description: v.description,
      descriptionZh: v.descriptionZh.trim() || null,
      areaId: v.areaId || null,
      amount: Number(v.amount.replace(',', '.')),
      currency: v.currency.trim(),
      ballotType: v.ballotType,
      minProjects: whole(v.minProjects),
      maxProjects: whole(v.maxProjects),
      maxShare: v.ballotType === 'knapsack' ? Number(v.maxSharePercent.replace(',', '.')) / 100 : null,
      pointsTotal: v.ballotType === 'cumulative' ? whole(v.pointsTotal) : null,
      pointsPerProjectMax: v.ballotType === 'cumulative' ? whole(v.pointsPerProjectMax) : null,
      rule: v.rule || null,
    };
    if (editing && id) {
      const locked = !existing.data!.abilities.updateSettings;
      await api.patch(`/budgets/${id}`, locked ? { title: body.title, titleZh: body.titleZh, description: body.description, descriptionZh: body.descriptionZh } : body);
      navigate(budgetUrl(slug, id));
    } else {
      const created = await api.post<{ id: string }>(`/processes/${slug}/budgets`, body);
      navigate(budgetUrl(slug, created.id));
    }
  });

  if (session && !session.user) return <SignInRequired />;
  const loadError = list.error ?? existing.error;
  if (loadError) return <ApiErrorAlert error={loadError} />;
  if (!list.data || !values || (editing && !existing.data)) return <Loading />;
  const allowed = editing ? existing.data!.abilities.update : list.data.abilities.create;
  const locked = editing ? !existing.data!.abilities.updateSettings : false;
  const imported = editing && existing.data!.budget.importedFrom !== null;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const rules = list.data.rulesOffered[values.ballotType] ?? [];
  const processArea = list.data.process.areaId;
  const areaOptions = rows
    .filter((r) => !processArea || lineage(r.area.id).some((a) => a.id === processArea))
    .map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }));
  const error = save.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const heading = editing ? t('budgeting.settings.editTitle') : t('budgeting.settings.newTitle');

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={editing && id ? budgetUrl(slug, id) : budgetsUrl(slug)}>{title(list.data.process)}</Link>
        </p>
        <h1>{heading}</h1>
      </div>
      {!allowed ? (
        <p>{t('budgeting.settings.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={heading}>
          <ApiErrorAlert error={error} />
          {locked ? (
            <Alert type="info" headingLevel="h2" slim>
              {t('budgeting.settings.locked')}
            </Alert>
          ) : null}
          <TextField id="budget-title" name="title" label={t('budgeting.settings.name')} maxLength={200} value={values.title} onChange={(v) => set({ title: v })} error={error} />
          <TextField id="budget-title-zh" name="titleZh" label={t('budgeting.settings.nameZh')} optional maxLength={200} value={values.titleZh} onChange={(v) => set({ titleZh: v })} error={error} />
          <TextAreaField id="budget-description" name="description" label={t('budgeting.settings.description')} optional maxLength={10_000} value={values.description} onChange={(v) => set({ description: v })} error={error} />
          <TextAreaField id="budget-description-zh" name="descriptionZh" label={t('budgeting.settings.descriptionZh')} optional maxLength={10_000} value={values.descriptionZh} onChange={(v) => set({ descriptionZh: v })} error={error} />
          <fieldset className="usa-fieldset" disabled={locked || imported}>
            <div className="grid-row grid-gap">
              <div className="grid-col-12 tablet:grid-col-8">
                <TextField id="budget-amount" name="amount" type="number" label={t('budgeting.settings.amount')} value={values.amount} onChange={(v) => set({ amount: v })} error={error} />
              </div>
              <div className="grid-col-12 tablet:grid-col-4">
                <TextField id="budget-currency" name="currency" label={t('budgeting.settings.currency')} hint={t('budgeting.settings.currencyHint')} maxLength={3} value={values.currency} onChange={(v) => set({ currency: v.toUpperCase() })} error={error} />
              </div>
            </div>
            <SelectField id="budget-area" name="areaId" label={t('budgeting.settings.area')} hint={t('budgeting.settings.areaHint')} optional emptyLabel={t('budgeting.settings.everyone')} options={areaOptions} value={values.areaId} onChange={(v) => set({ areaId: v })} error={error} />
            <Fieldset legend={t('budgeting.settings.ballotType')} className="margin-top-3">
              {ballotTypes.map((type) => (
                <div className="usa-radio" key={type}>
                  <input
                    className="usa-radio__input usa-radio__input--tile"
                    id={`ballot-${type}`}
                    type="radio"
                    name="ballotType"
                    value={type}
                    checked={values.ballotType === type}
                    onChange={() => set({ ballotType: type, rule: list.data!.rulesOffered[type]?.[0] ?? '' })}
                  />
                  <label className="usa-radio__label" htmlFor={`ballot-${type}`}>
                    {t(`budgeting.ballotType.${type}`)}
                    <span className="usa-checkbox__label-description">{t(`budgeting.ballotTypeHint.${type}`)}</span>
                  </label>
                </div>
              ))}
            </Fieldset>
            <div className="grid-row grid-gap">
              <div className="grid-col-6">
                <TextField id="budget-min" name="minProjects" type="number" label={t('budgeting.settings.minProjects')} optional value={values.minProjects} onChange={(v) => set({ minProjects: v })} error={error} />
              </div>
              <div className="grid-col-6">
                <TextField id="budget-max" name="maxProjects" type="number" label={t('budgeting.settings.maxProjects')} optional value={values.maxProjects} onChange={(v) => set({ maxProjects: v })} error={error} />
              </div>
            </div>
            {values.ballotType === 'knapsack' ? (
              <TextField id="budget-share" name="maxShare" type="number" label={t('budgeting.settings.maxShare')} hint={t('budgeting.settings.maxShareHint')} value={values.maxSharePercent} onChange={(v) => set({ maxSharePercent: v })} error={error} />
            ) : null}
            {values.ballotType === 'cumulative' ? (
              <div className="grid-row grid-gap">
                <div className="grid-col-6">
                  <TextField id="budget-points" name="pointsTotal" type="number" label={t('budgeting.settings.pointsTotal')} value={values.pointsTotal} onChange={(v) => set({ pointsTotal: v })} error={error} />
                </div>
                <div className="grid-col-6">
                  <TextField id="budget-points-max" name="pointsPerProjectMax" type="number" label={t('budgeting.settings.pointsPerProjectMax')} optional value={values.pointsPerProjectMax} onChange={(v) => set({ pointsPerProjectMax: v })} error={error} />
                </div>
              </div>
            ) : null}
          </fieldset>
          <fieldset className="usa-fieldset" disabled={locked}>
            <SelectField
              id="budget-rule"
              name="rule"
              label={t('budgeting.settings.rule')}
              hint={t('budgeting.settings.ruleHint')}
              options={rules.map((r) => ({ value: r, label: `${t(`budgeting.rule.${r}`)} (${r})` }))}
              value={values.rule}
              onChange={(v) => set({ rule: v })}
              error={error}
            />
          </fieldset>
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {editing ? t('budgeting.settings.save') : t('budgeting.settings.create')}
            </Button>
            <Link className="usa-button usa-button--unstyled margin-left-2" to={editing && id ? budgetUrl(slug, id) : budgetsUrl(slug)}>
              {t('budgeting.settings.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
