/**
 * The department's response report form: for the consulted version, each article with how many
 * comments and other wordings it received; those that received any must be answered (accepted,
 * partly accepted, not accepted, why, what changed). Input survives errors and reloads.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { ClauseView, Decision, RegulationDetail } from './types.js';

interface ItemForm {
  decision: Decision | '';
  reasoning: string;
  reasoningZh: string;
  change: string;
  changeZh: string;
}

interface ReportForm {
  versionNumber: string;
  summary: string;
  summaryZh: string;
  items: Record<string, ItemForm>;
}

const emptyItem: ItemForm = { decision: '', reasoning: '', reasoningZh: '', change: '', changeZh: '' };
const orNull = (text: string) => text.trim() || null;

/** The articles of the consulted version, plus articles awaiting an answer that later versions dropped. */
async function loadClauses(id: string, versionNumber: string | undefined) {
  const detail = await api.get<RegulationDetail>(`/regulations/${encodeURIComponent(id)}`, { version: versionNumber });
  const clauses: ClauseView[] = [...detail.clauses];
  const missing = new Set(detail.awaitingResponse.filter((c) => !clauses.some((x) => x.id === c)));
  for (const v of [...detail.versions].reverse()) {
    if (missing.size === 0) break;
    if (v.status !== 'published' || v.number === detail.version.number) continue;
    const other = await api.get<RegulationDetail>(`/regulations/${encodeURIComponent(id)}`, { version: v.number });
    for (const c of other.clauses) {
      if (missing.has(c.id)) {
        clauses.push(c);
        missing.delete(c.id);
      }
    }
  }
  return { detail, clauses };
}

export function ReportPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const navigate = useNavigate();
  usePageTitle(t('regulations.report.form.title'));
  const [form, setForm, clear] = useDraft<ReportForm>(`regulation-report-${id}`, { versionNumber: '', summary: '', summaryZh: '', items: {} });
  const loaded = useLoad(() => loadClauses(id, form.versionNumber || undefined), [id, form.versionNumber]);
  const submit = useAction(async () => {
    const data = loaded.data!;
    const items = Object.entries(form.items)
      .filter(([clauseId, item]) => item.decision && data.clauses.some((c) => c.id === clauseId))
      .map(([clauseId, item]) => ({
        clauseId,
        decision: item.decision,
        reasoning: item.reasoning,
        reasoningZh: orNull(item.reasoningZh),
        change: orNull(item.change),
        changeZh: orNull(item.changeZh),
      }));
    await api.post(`/regulations/${encodeURIComponent(id)}/reports`, {
      versionNumber: Number(form.versionNumber || data.detail.version.number),
      summary: form.summary,
      summaryZh: orNull(form.summaryZh),
      items,
    });
    clear();
    navigate(`/processes/${slug}/regulations/${id}`);
  });

  if (loaded.error && !loaded.data) return <ApiErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const { detail, clauses } = loaded.data;
  const awaiting = new Set(detail.awaitingResponse);
  const error = submit.error;
  const indexOf = (clauseId: string) => Object.entries(form.items).filter(([cid, item]) => item.decision && clauses.some((c) => c.id === cid)).findIndex(([cid]) => cid === clauseId);
  const setItem = (clauseId: string, patch: Partial<ItemForm>) =>
    setForm((f) => ({ ...f, items: { ...f.items, [clauseId]: { ...emptyItem, ...f.items[clauseId], ...patch } } }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}/regulations/${id}`}>{t('regulations.backToRegulation')}</Link>
      </p>
      <h1>{t('regulations.report.form.title')}</h1>
      <p className="civitas-lead margin-top-0">{pick(detail.regulation.title, detail.regulation.titleZh)}</p>
      <p className="usa-intro">{t('regulations.report.form.intro')}</p>
      {!detail.abilities.report ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('regulations.report.form.notNow')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('regulations.report.form.title')} className="maxw-full">
        <SelectField
          id="report-version"
          name="versionNumber"
          label={t('regulations.report.form.version')}
          value={form.versionNumber || String(detail.version.number)}
          onChange={(versionNumber) => setForm((f) => ({ ...f, versionNumber }))}
          options={detail.versions.filter((v) => v.status === 'published').map((v) => ({ value: String(v.number), label: t('regulations.list.version', { number: v.number }) }))}
          error={error}
        />
        <TextAreaField id="report-summary" name="summary" label={t('regulations.report.form.summary')} hint={t('regulations.report.form.summaryHint')} maxLength={20000} value={form.summary} onChange={(summary) => setForm((f) => ({ ...f, summary }))} error={error} />
        <TextAreaField id="report-summary-zh" name="summaryZh" label={t('regulations.report.form.summaryZh')} optional maxLength={20000} value={form.summaryZh} onChange={(summaryZh) => setForm((f) => ({ ...f, summaryZh }))} error={error} />

        {clauses.map((clause) => {
          const item = { ...emptyItem, ...form.items[clause.id] };
          const needed = awaiting.has(clause.id);
          const index = indexOf(clause.id);
          const prefix = `items.${index}`;
          const requiredMessage = error?.fieldMessage(`clauses.${clause.id}`);
          const key = `report-${clause.id}`;
          return (
            <fieldset key={clause.id} className="usa-fieldset border-1px border-base-lighter radius-md padding-2 margin-y-2" aria-describedby={`${key}-status`}>
              <legend className="usa-legend usa-legend--large">{t('regulations.report.form.clauseHeading', { label: pick(clause.label, clause.labelZh) })}</legend>
              <p className="usa-hint margin-y-05" id={`${key}-status`}>
                {needed ? t('regulations.report.form.needed') : t('regulations.report.form.optional')}{' '}
                {t('regulations.report.form.feedback', { comments: clause.counts.comments, alternatives: clause.counts.alternatives })}
              </p>
              {requiredMessage ? <p className="usa-error-message">{requiredMessage}</p> : null}
              <details className="margin-y-1">
                <summary>{t('regulations.editor.text')}</summary>
                <p className="civitas-prewrap">{pick(clause.text, clause.textZh)}</p>
              </details>
              <SelectField
                id={`${key}-decision`}
                name={`${prefix}.decision`}
                label={t('regulations.report.form.decision')}
                optional={!needed}
                value={item.decision}
                onChange={(decision) => setItem(clause.id, { decision: decision as Decision | '' })}
                emptyLabel={t('regulations.report.form.noAnswer')}
                options={(['accepted', 'partly_accepted', 'not_accepted'] as const).map((d) => ({ value: d, label: t(`regulations.report.decision.${d}`) }))}
                error={index >= 0 ? error : null}
              />
              {item.decision ? (
                <div className="grid-row grid-gap">
                  <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`${key}-reasoning`} name={`${prefix}.reasoning`} label={t('regulations.report.form.reasoning')} maxLength={10000} value={item.reasoning} onChange={(reasoning) => setItem(clause.id, { reasoning })} error={error} />
                  <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`${key}-reasoning-zh`} name={`${prefix}.reasoningZh`} label={t('regulations.report.form.reasoningZh')} optional maxLength={10000} value={item.reasoningZh} onChange={(reasoningZh) => setItem(clause.id, { reasoningZh })} error={error} />
                  <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`${key}-change`} name={`${prefix}.change`} label={t('regulations.report.form.change')} optional maxLength={10000} value={item.change} onChange={(change) => setItem(clause.id, { change })} error={error} />
                  <TextAreaField className="grid-col-12 tablet:grid-col-6" id={`${key}-change-zh`} name={`${prefix}.changeZh`} label={t('regulations.report.form.changeZh')} optional maxLength={10000} value={item.changeZh} onChange={(changeZh) => setItem(clause.id, { changeZh })} error={error} />
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <Button type="submit" disabled={submit.pending || !detail.abilities.report}>
          {t('regulations.report.form.submit')}
        </Button>
      </Form>
    </>
  );
}
