/**
 * The department's forms on a commitment page (its officials, administrators): edit, put a proposed
 * program to consultation, adopt or drop it (answering the consultation), report progress with
 * documents, plan and update milestones, cancel with a reason.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import type { CommitmentDetail } from './types.js';

function Part({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <details className="civitas-details margin-y-2" data-testid={testId}>
      <summary className="text-bold">{title}</summary>
      <div className="padding-top-1">{children}</div>
    </details>
  );
}

function useSubmit(run: () => Promise<unknown>, onChanged: () => void) {
  const action = useAction(async () => {
    await run();
    onChanged();
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run();
  };
  return { action, submit };
}

function ConsultationForm({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [endsOn, setEndsOn] = useState('');
  const { action, submit } = useSubmit(() => api.post(`/commitments/${id}/consultation`, { endsAt: endsOn ? new Date(`${endsOn}T23:59:00`).toISOString() : '' }), onChanged);
  return (
    <Form onSubmit={submit} className="maxw-full" data-testid="consultation-form">
      <ApiErrorAlert error={action.error} />
      <TextField id="consultation-ends" name="endsAt" type="date" label={t('accountability.staff.consultationEnds')} hint={t('accountability.staff.consultationHint')} value={endsOn} onChange={setEndsOn} error={action.error} />
      <Button type="submit" disabled={action.pending}>
        {t('accountability.staff.openConsultation')}
      </Button>
    </Form>
  );
}

function DecisionForm({ detail, onChanged }: { detail: CommitmentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const consulted = detail.consultation !== null;
  const [decision, setDecision] = useState<'adopt' | 'drop'>('adopt');
  const [text, setText] = useState('');
  const [response, setResponse] = useState('');
  const { action, submit } = useSubmit(
    () => api.post(`/commitments/${detail.commitment.id}/decision`, { decision, text, consultationResponse: consulted ? response : null }),
    onChanged,
  );
  return (
    <Form onSubmit={submit} className="maxw-full" data-testid="decision-form">
      <ApiErrorAlert error={action.error} />
      <Fieldset legend={t('accountability.staff.decision')} legendStyle="default">
        <Radio id="decision-adopt" name="decision" value="adopt" checked={decision === 'adopt'} onChange={() => setDecision('adopt')} label={t('accountability.staff.adopt')} />
        <Radio id="decision-drop" name="decision" value="drop" checked={decision === 'drop'} onChange={() => setDecision('drop')} label={t('accountability.staff.drop')} />
      </Fieldset>
      <TextAreaField id="decision-text" name="text" label={t('accountability.staff.decisionText')} value={text} onChange={setText} error={action.error} />
      {consulted ? (
        <TextAreaField
          id="decision-response"
          name="consultationResponse"
          label={t('accountability.staff.consultationResponse')}
          hint={t('accountability.staff.consultationResponseHint', {
            count: detail.consultation!.results.approvals.count,
            comments: detail.consultation!.results.comments.total,
          })}
          value={response}
          onChange={setResponse}
          error={action.error}
        />
      ) : null}
      <Button type="submit" disabled={action.pending}>
        {t('accountability.staff.decide')}
      </Button>
    </Form>
  );
}

function ProgressForm({ detail, onChanged }: { detail: CommitmentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const c = detail.commitment;
  const [progress, setProgress] = useState(String(c.progress));
  const [spent, setSpent] = useState(String(c.spent));
  const [benefit, setBenefit] = useState(c.benefit.current === null ? '' : String(c.benefit.current));
  const [note, setNote] = useState('');
  const [complete, setComplete] = useState(false);
  const [documents, setDocuments] = useState<Attachment[]>(c.documents);
  const { action, submit } = useSubmit(
    () =>
      api.post(`/commitments/${c.id}/progress`, {
        progress: complete ? 100 : Number(progress),
        spent: Number(spent),
        benefitCurrent: benefit.trim() === '' ? null : Number(benefit),
        note,
        complete,
        attachmentIds: documents.map((d) => d.id),
      }),
    onChanged,
  );
  return (
    <Form onSubmit={submit} className="maxw-full" data-testid="progress-form">
      <ApiErrorAlert error={action.error} />
      <TextField id="progress-percent" name="progress" type="number" label={t('accountability.staff.progress')} value={progress} onChange={setProgress} error={action.error} />
      <TextField id="progress-spent" name="spent" type="number" label={t('accountability.staff.spent')} hint={t('accountability.staff.spentHint')} value={spent} onChange={setSpent} error={action.error} />
      <TextField id="progress-benefit" name="benefitCurrent" type="number" label={t('accountability.staff.benefitNow', { unit: c.benefit.unit })} optional value={benefit} onChange={setBenefit} error={action.error} />
      <TextAreaField id="progress-note" name="note" label={t('accountability.staff.note')} value={note} onChange={setNote} error={action.error} />
      <AttachmentsField id="progress-documents" value={documents} onChange={setDocuments} max={20} error={action.error?.fieldMessage('attachmentIds')} kinds={['image', 'document', 'spreadsheet', 'text']} />
      <div className="usa-checkbox margin-top-2">
        <input className="usa-checkbox__input" id="progress-complete" type="checkbox" checked={complete} onChange={(e) => setComplete(e.target.checked)} />
        <label className="usa-checkbox__label" htmlFor="progress-complete">
          {t('accountability.staff.complete')}
        </label>
      </div>
      <Button type="submit" disabled={action.pending} className="margin-top-2">
        {t('accountability.staff.report')}
      </Button>
    </Form>
  );
}

function MilestoneForms({ detail, onChanged }: { detail: CommitmentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useSubmit(() => api.post(`/commitments/${detail.commitment.id}/milestones`, { title, dueOn }), () => {
    setTitle('');
    setDueOn('');
    onChanged();
  });
  const update = useAction(async (milestoneId: string, status: string) => {
    await api.patch(`/commitments/${detail.commitment.id}/milestones/${milestoneId}`, { status });
    onChanged();
  });
  return (
    <>
      <ApiErrorAlert error={update.error} />
      <ul className="usa-list usa-list--unstyled">
        {detail.milestones.map((m) => (
          <li key={m.id} className="margin-bottom-1">
            <SelectField
              id={`milestone-status-${m.id}`}
              name="status"
              label={pick(m.title, m.titleZh)}
              value={m.status}
              onChange={(status) => void update.run(m.id, status)}
              options={(['planned', 'in_progress', 'completed', 'cancelled'] as const).map((s) => ({ value: s, label: t(`accountability.milestoneStatus.${s}`) }))}
            />
          </li>
        ))}
      </ul>
      <Form onSubmit={add.submit} className="maxw-full" data-testid="milestone-form">
        <ApiErrorAlert error={add.action.error} />
        <TextField id="milestone-title" name="title" label={t('accountability.staff.milestoneTitle')} value={title} onChange={setTitle} error={add.action.error} />
        <TextField id="milestone-due" name="dueOn" type="date" label={t('accountability.staff.milestoneDue')} value={dueOn} onChange={setDueOn} error={add.action.error} />
        <Button type="submit" disabled={add.action.pending}>
          {t('accountability.staff.addMilestone')}
        </Button>
      </Form>
    </>
  );
}

function CancelForm({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { action, submit } = useSubmit(() => api.post(`/commitments/${id}/cancel`, { reason }), onChanged);
  return (
    <Form onSubmit={submit} className="maxw-full">
      <ApiErrorAlert error={action.error} />
      <TextAreaField id="cancel-reason" name="reason" label={t('accountability.staff.cancelReason')} value={reason} onChange={setReason} error={action.error} />
      <Button type="submit" secondary disabled={action.pending}>
        {t('accountability.staff.cancel')}
      </Button>
    </Form>
  );
}

export function StaffPanel({ detail, onChanged }: { detail: CommitmentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  if (!detail.abilities.manage) return null;
  const c = detail.commitment;
  const closed = c.status === 'completed' || c.status === 'cancelled';
  if (closed) return null;
  const consultationEnded = c.status === 'in_consultation' && detail.consultation !== null && !detail.consultation.open;
  const decidable = c.status === 'proposed' || consultationEnded;
  const reporting = c.status === 'adopted' || c.status === 'in_progress';
  return (
    <section aria-labelledby="staff-heading" className="civitas-panel margin-y-3" data-testid="staff-panel">
      <h2 id="staff-heading">{t('accountability.staff.title')}</h2>
      <p>
        <Link to={`/commitments/${c.id}/edit`}>{t('accountability.staff.edit')}</Link>
      </p>
      {c.status === 'proposed' && detail.consultation === null ? (
        <Part title={t('accountability.staff.consultationTitle')} testId="staff-consultation">
          <ConsultationForm id={c.id} onChanged={onChanged} />
        </Part>
      ) : null}
      {c.status === 'in_consultation' && detail.consultation?.open ? <p className="text-base">{t('accountability.staff.waitForConsultation')}</p> : null}
      {decidable ? (
        <Part title={t('accountability.staff.decisionTitle')} testId="staff-decision">
          <DecisionForm detail={detail} onChanged={onChanged} />
        </Part>
      ) : null}
      {reporting ? (
        <Part title={t('accountability.staff.progressTitle')} testId="staff-progress">
          <ProgressForm key={`${c.progress}-${c.spent}`} detail={detail} onChanged={onChanged} />
        </Part>
      ) : null}
      <Part title={t('accountability.staff.milestonesTitle')} testId="staff-milestones">
        <MilestoneForms detail={detail} onChanged={onChanged} />
      </Part>
      <Part title={t('accountability.staff.cancelTitle')}>
        <CancelForm id={c.id} onChanged={onChanged} />
      </Part>
    </section>
  );
}
