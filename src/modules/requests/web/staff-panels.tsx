/**
 * What officials see on a request: the department replies with its decision (and legal ground,
 * documents, personal data redacted before publication), asks for a clarification (the clock
 * pauses) or extends the period once; the supervising department decides an internal review.
 * Shown only when the server's abilities allow it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useUser } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { DECISIONS, type RequestDetail } from './types.js';

type Choice = 'reply' | 'askClarification' | 'extend';
const MAX_FILES = 10;

function useSignedAs(departmentId: string | undefined) {
  const user = useUser();
  return user?.posts.find((p) => p.organizationId === departmentId) ?? null;
}

export function DepartmentPanel({ detail, onChanged }: { detail: RequestDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, title, pick } = useLocalize();
  const { request, abilities } = detail;
  const post = useSignedAs(request.department.id);
  const [choice, setChoice] = useState<Choice | ''>('');
  const [decision, setDecision] = useState('');
  const [ground, setGround] = useState('');
  const [body, setBody] = useState('');
  const [phrases, setPhrases] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const send = useAction(async () => {
    const id = request.id;
    if (choice === 'reply') {
      const redactPhrases = phrases.split('\n').map((p) => p.trim()).filter(Boolean);
      await api.post(`/requests/${id}/response`, { decision, ground: ground || null, body, attachmentIds: files.map((f) => f.id), redactPhrases });
    } else if (choice === 'askClarification') await api.post(`/requests/${id}/clarification-request`, { body });
    else if (choice === 'extend') await api.post(`/requests/${id}/extension`, { reason: body });
    setChoice('');
    setBody('');
    setPhrases('');
    setFiles([]);
    onChanged();
  });
  const choices = (['reply', 'askClarification', 'extend'] as const).filter((c) => (c === 'reply' ? abilities.respond : abilities[c]));
  if (choices.length === 0) return null;
  const grounds = detail.refusalGrounds ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="department-heading" className="civitas-panel margin-y-3" data-testid="department-panel">
      <h2 id="department-heading">{t('requests.department.heading')}</h2>
      {post ? <p>{t('requests.department.signedAs', { post: title(post), department: name(request.department) })}</p> : null}
      {detail.extendBlocked ? <p className="usa-hint">{t('requests.department.extendBlocked', { message: detail.extendBlocked.message })}</p> : null}
      <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('requests.department.heading')}>
        <ApiErrorAlert error={send.error} />
        <Fieldset legend={t('requests.department.choose')}>
          {choices.map((c) => (
            <Radio
              key={c}
              id={`department-${c}`}
              name="department-action"
              value={c}
              label={c === 'extend' ? t('requests.department.extend', { count: detail.rules.extensionWorkingDays }) : t(`requests.department.${c}`)}
              checked={choice === c}
              onChange={() => setChoice(c)}
            />
          ))}
        </Fieldset>
        {choice === 'reply' ? (
          <>
            <SelectField
              id="response-decision"
              name="decision"
              label={t('requests.department.decision')}
              emptyLabel={t('requests.department.chooseDecision')}
              options={DECISIONS.map((d) => ({ value: d, label: t(`requests.decision.${d}`) }))}
              value={decision}
              onChange={setDecision}
              error={send.error}
            />
            {decision === 'refused' || decision === 'partially_successful' ? (
              <SelectField
                id="response-ground"
                name="ground"
                label={t('requests.department.ground')}
                hint={t('requests.department.groundHint')}
                emptyLabel={t('requests.department.chooseGround')}
                options={grounds.map((g) => ({ value: g.code, label: `${pick(g.label, g.labelZh)} (${g.legalReference})` }))}
                value={ground}
                onChange={setGround}
                error={send.error}
              />
            ) : null}
          </>
        ) : null}
        {choice ? (
          <TextAreaField
            id="department-body"
            name={choice === 'extend' ? 'reason' : 'body'}
            label={choice === 'extend' ? t('requests.department.reason') : t('requests.department.body')}
            hint={t('requests.department.bodyHint')}
            maxLength={20_000}
            value={body}
            onChange={setBody}
            error={send.error}
          />
        ) : null}
        {choice === 'reply' ? (
          <>
            <TextAreaField id="response-redact" name="redactPhrases" label={t('requests.department.redactPhrases')} hint={t('requests.department.redactPhrasesHint')} optional value={phrases} onChange={setPhrases} error={send.error} />
            <div className="margin-top-3">
              <AttachmentsField id="response-attachments" value={files} onChange={setFiles} max={MAX_FILES} error={send.error?.fieldMessage('attachmentIds')} />
            </div>
          </>
        ) : null}
        <Button type="submit" disabled={send.pending || !choice}>
          {t('requests.department.submit')}
        </Button>
      </Form>
    </section>
  );
}

export function ReviewPanel({ detail, onChanged }: { detail: RequestDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, title, pick } = useLocalize();
  const post = useSignedAs(detail.review?.department.id);
  const [outcome, setOutcome] = useState('');
  const [state, setState] = useState('');
  const [ground, setGround] = useState('');
  const [body, setBody] = useState('');
  const send = useAction(async () => {
    await api.post(`/requests/${detail.request.id}/internal-review/decision`, { outcome, state: state || null, ground: ground || null, body });
    onChanged();
  });
  if (!detail.abilities.decideReview || !detail.review) return null;
  const grounds = detail.refusalGrounds ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="review-heading" className="civitas-panel margin-y-3" data-testid="review-panel">
      <h2 id="review-heading">{t('requests.review.heading')}</h2>
      {post ? <p>{t('requests.department.signedAs', { post: title(post), department: name(detail.review.department) })}</p> : null}
      <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('requests.review.heading')}>
        <ApiErrorAlert error={send.error} />
        <Fieldset legend={t('requests.review.outcome')}>
          {(['upheld', 'partly_upheld', 'overturned'] as const).map((o) => (
            <Radio key={o} id={`review-${o}`} name="outcome" value={o} label={t(`requests.outcome.${o}`)} checked={outcome === o} onChange={() => setOutcome(o)} />
          ))}
        </Fieldset>
        <SelectField
          id="review-state"
          name="state"
          label={t('requests.review.resultState')}
          hint={detail.review.fromState === 'awaiting_response' ? t('requests.review.resultStateHint') : undefined}
          optional={detail.review.fromState !== 'awaiting_response'}
          emptyLabel={t('requests.review.keep')}
          options={DECISIONS.map((d) => ({ value: d, label: t(`requests.decision.${d}`) }))}
          value={state}
          onChange={setState}
          error={send.error}
        />
        <SelectField
          id="review-ground"
          name="ground"
          label={t('requests.review.ground')}
          hint={t('requests.review.groundHint')}
          optional
          emptyLabel={t('requests.department.chooseGround')}
          options={grounds.map((g) => ({ value: g.code, label: `${pick(g.label, g.labelZh)} (${g.legalReference})` }))}
          value={ground}
          onChange={setGround}
          error={send.error}
        />
        <TextAreaField id="review-body" name="body" label={t('requests.review.body')} maxLength={10_000} value={body} onChange={setBody} error={send.error} />
        <Button type="submit" disabled={send.pending || !outcome}>
          {t('requests.review.submit')}
        </Button>
      </Form>
    </section>
  );
}
