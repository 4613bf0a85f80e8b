/**
 * Writing the government's response report (officials of the department, once, after the
 * hearing): a summary, then for each main opinion what the government decided and will do, with
 * an optional link to the process or proposal that carries it out, or a document reference. The
 * deadline is shown as residents see it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ReportDeadline } from './parts.js';
import { hearingUrl, type DecisionName, type HearingDetail, type SubmissionsResponse } from './types.js';

interface ItemDraft {
  submissionId: string;
  opinion: string;
  opinionZh: string;
  decision: DecisionName | '';
  response: string;
  responseZh: string;
  reference: string;
}

const decisions: DecisionName[] = ['adopted', 'partly_adopted', 'not_adopted', 'under_study'];
const emptyItem: ItemDraft = { submissionId: '', opinion: '', opinionZh: '', decision: '', response: '', responseZh: '', reference: '' };
const orNull = (text: string) => text.trim() || null;

export function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const { title } = useLocalize();
  const detail = useLoad(() => api.get<HearingDetail>(`/hearings/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const opinions = useLoad(() => api.get<SubmissionsResponse>(`/hearings/${encodeURIComponent(id)}/submissions`), [id]);
  const [draft, setDraft, clearDraft] = useDraft(`hearing-report:${id}`, { summary: '', summaryZh: '', items: [] as ItemDraft[] });
  const [seeded, setSeeded] = useState(false);
  useEffect(() => {
    // A new report starts from the written opinions, most co-signed first.
    if (seeded || !opinions.data) return;
    setSeeded(true);
    if (draft.items.length > 0) return;
    const first = opinions.data.submissions.filter((s) => s.kind === 'opinion').slice(0, 5);
    setDraft({ ...draft, items: first.length > 0 ? first.map((s) => ({ ...emptyItem, submissionId: s.id, opinion: s.body })) : [{ ...emptyItem }] });
  }, [opinions.data, seeded, draft, setDraft]);
  const heading = t('hearings.reportForm.title');
  usePageTitle(heading);
  const publish = useAction(async () => {
    await api.post(`/hearings/${id}/report`, {
      summary: draft.summary,
      summaryZh: orNull(draft.summaryZh),
      items: draft.items.map((item) => ({
        submissionId: item.submissionId || null,
        opinion: item.opinion,
        opinionZh: orNull(item.opinionZh),
        decision: item.decision || undefined,
        response: item.response,
        responseZh: orNull(item.responseZh),
        reference: orNull(item.reference),
      })),
    });
    clearDraft();
    navigate(hearingUrl(id));
  });

  if (session && !session.user) return <SignInRequired />;
  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const error = publish.error;
  const setItem = (i: number, patch: Partial<ItemDraft>) => setDraft({ ...draft, items: draft.items.map((item, k) => (k === i ? { ...item, ...patch } : item)) });
  const submissions = opinions.data?.submissions ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void publish.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={hearingUrl(id)}>{title(d.hearing)}</Link>
        </p>
        <h1>{heading}</h1>
        <p>
          <ReportDeadline deadline={d.hearing.deadline} />
        </p>
      </div>
      {!d.abilities.publishReport ? (
        <p>{d.report ? t('hearings.reportForm.published') : t('hearings.reportForm.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={heading}>
          <ApiErrorAlert error={error} />
          <p>{t('hearings.reportForm.lead')}</p>
          <TextAreaField id="report-summary" name="summary" label={t('hearings.reportForm.summary')} maxLength={10_000} value={draft.summary} onChange={(v) => setDraft({ ...draft, summary: v })} error={error} />
          <TextAreaField id="report-summary-zh" name="summaryZh" label={t('hearings.reportForm.summaryZh')} optional maxLength={10_000} value={draft.summaryZh} onChange={(v) => setDraft({ ...draft, summaryZh: v })} error={error} />
          <Fieldset legend={t('hearings.reportForm.items')} className="margin-top-3">
            {error?.fieldMessage('items') ? <p className="usa-error-message">{error.fieldMessage('items')}</p> : null}
            {draft.items.map((item, i) => (
              <div key={i} className="civitas-panel margin-bottom-2">
                <SelectField
                  id={`item-${i}-submission`}
                  name={`items.${i}.submissionId`}
                  label={t('hearings.reportForm.fromSubmission')}
                  optional
                  emptyLabel={t('hearings.reportForm.noSubmission')}
                  options={submissions.map((s) => ({ value: s.id, label: s.body.slice(0, 80) }))}
                  value={item.submissionId}
                  onChange={(submissionId) => setItem(i, { submissionId })}
                  error={error}
                />
                <TextAreaField id={`item-${i}-opinion`} name={`items.${i}.opinion`} label={t('hearings.reportForm.opinion', { n: i + 1 })} maxLength={2000} value={item.opinion} onChange={(v) => setItem(i, { opinion: v })} error={error} />
                <TextAreaField id={`item-${i}-opinion-zh`} name={`items.${i}.opinionZh`} label={t('hearings.reportForm.opinionZh')} optional maxLength={2000} value={item.opinionZh} onChange={(v) => setItem(i, { opinionZh: v })} error={error} />
                <SelectField
                  id={`item-${i}-decision`}
                  name={`items.${i}.decision`}
                  label={t('hearings.reportForm.decision')}
                  emptyLabel={t('hearings.reportForm.chooseDecision')}
                  options={decisions.map((x) => ({ value: x, label: t(`hearings.decision.${x}`) }))}
                  value={item.decision}
                  onChange={(v) => setItem(i, { decision: v as DecisionName })}
                  error={error}
                />
                <TextAreaField id={`item-${i}-response`} name={`items.${i}.response`} label={t('hearings.reportForm.response')} hint={t('hearings.reportForm.responseHint')} maxLength={5000} value={item.response} onChange={(v) => setItem(i, { response: v })} error={error} />
                <TextAreaField id={`item-${i}-response-zh`} name={`items.${i}.responseZh`} label={t('hearings.reportForm.responseZh')} optional maxLength={5000} value={item.responseZh} onChange={(v) => setItem(i, { responseZh: v })} error={error} />
                <TextField id={`item-${i}-reference`} name={`items.${i}.reference`} label={t('hearings.reportForm.reference')} hint={t('hearings.reportForm.referenceHint')} optional maxLength={500} value={item.reference} onChange={(v) => setItem(i, { reference: v })} error={error} />
                <Button type="button" unstyled className="margin-top-1" onClick={() => setDraft({ ...draft, items: draft.items.filter((_, k) => k !== i) })}>
                  {t('hearings.form.remove')}
                </Button>
              </div>
            ))}
            <Button type="button" outline onClick={() => setDraft({ ...draft, items: [...draft.items, { ...emptyItem }] })}>
              {t('hearings.reportForm.addItem')}
            </Button>
          </Fieldset>
          <div className="margin-top-3">
            <Button type="submit" disabled={publish.pending}>
              {t('hearings.reportForm.publish')}
            </Button>
            <Link className="usa-button usa-button--unstyled margin-left-2" to={hearingUrl(id)}>
              {t('hearings.form.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
