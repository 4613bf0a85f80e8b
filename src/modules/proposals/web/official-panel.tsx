/**
 * What the responsible department's officials see on a proposal: the answer form (evaluating,
 * accepted, rejected with public reasons, signed by their post), the evaluators, and the private
 * notes. Each part appears only when the server's abilities allow it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useUser } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { ProposalDetail, ProposalNote } from './types.js';

type Decision = 'evaluating' | 'accepted' | 'rejected';

export function OfficialPanel({ detail, onChanged }: { detail: ProposalDetail; onChanged: () => void }) {
  const { abilities } = detail;
  if (!abilities.answer && !abilities.assignEvaluator && !abilities.readNotes) return null;
  return (
    <section aria-labelledby="official-heading" className="civitas-panel margin-y-3" data-testid="official-panel">
      <OfficialHeading detail={detail} />
      {abilities.answer ? <AnswerForm detail={detail} onChanged={onChanged} /> : null}
      {abilities.readNotes || abilities.assignEvaluator ? <Evaluators detail={detail} onChanged={onChanged} /> : null}
      {abilities.readNotes ? <Notes detail={detail} /> : null}
    </section>
  );
}

function OfficialHeading({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const { name, title } = useLocalize();
  const user = useUser();
  const post = user?.posts.find((p) => p.organizationId === detail.process.department.id);
  return (
    <>
      <h2 id="official-heading">{t('proposals.official.heading')}</h2>
      {post && detail.abilities.answer ? <p>{t('proposals.official.signedAs', { post: title(post), department: name(detail.process.department) })}</p> : null}
    </>
  );
}

function AnswerForm({ detail, onChanged }: { detail: ProposalDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = detail.proposal.id;
  const choices: Decision[] = detail.proposal.state === 'evaluating' ? ['accepted', 'rejected'] : ['evaluating', 'accepted', 'rejected'];
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reasons, setReasons] = useState('');
  const send = useAction(async () => {
    await api.post(`/proposals/${id}/answer`, { state: decision, answer: decision === 'evaluating' ? null : reasons.trim() || null });
    setDecision('');
    setReasons('');
    onChanged();
  });
  const stateError = send.error?.fieldMessage('state');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('proposals.official.heading')}>
      <ApiErrorAlert error={send.error} />
      <Fieldset legend={t('proposals.official.decision')} className={stateError ? 'usa-form-group usa-form-group--error' : undefined}>
        {stateError ? <ErrorMessage id="answer-state-error">{stateError}</ErrorMessage> : null}
        {choices.map((choice) => (
          <Radio
            key={choice}
            id={`answer-${choice}`}
            name="answer-state"
            value={choice}
            label={t(`proposals.official.${choice}`)}
            checked={decision === choice}
            onChange={() => setDecision(choice)}
          />
        ))}
      </Fieldset>
      {decision === 'accepted' || decision === 'rejected' ? (
        <TextAreaField
          id="answer-reasons"
          name="answer"
          label={t('proposals.official.reasons')}
          hint={t('proposals.official.reasonsHint')}
          optional={decision === 'accepted'}
          maxLength={10_000}
          value={reasons}
          onChange={setReasons}
          error={send.error}
        />
      ) : null}
      <Button type="submit" disabled={send.pending || !decision}>
        {t('proposals.official.submit')}
      </Button>
    </Form>
  );
}

function Evaluators({ detail, onChanged }: { detail: ProposalDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { title } = useLocalize();
  const id = detail.proposal.id;
  const [userId, setUserId] = useState('');
  const assign = useAction(async () => {
    await api.post(`/proposals/${id}/evaluators`, { userId });
    setUserId('');
    onChanged();
  });
  const remove = useAction(async (evaluatorId: string) => {
    await api.delete(`/proposals/${id}/evaluators/${evaluatorId}`);
    onChanged();
  });
  const evaluators = detail.evaluators ?? [];
  const candidates = (detail.evaluatorCandidates ?? []).filter((c) => !evaluators.some((e) => e.id === c.id));
  return (
    <div className="margin-top-3">
      <h3>{t('proposals.official.evaluators')}</h3>
      <ApiErrorAlert error={remove.error} />
      {evaluators.length === 0 ? (
        <p>{t('proposals.official.noEvaluators')}</p>
      ) : (
        <ul className="usa-list" data-testid="evaluators">
          {evaluators.map((e) => (
            <li key={e.id}>
              {e.displayName}, {title(e.post)}{' '}
              {detail.abilities.assignEvaluator ? (
                <Button type="button" unstyled className="margin-left-1" disabled={remove.pending} onClick={() => void remove.run(e.id)}>
                  {t('proposals.official.remove', { name: e.displayName })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {detail.abilities.assignEvaluator && candidates.length > 0 ? (
        <Form
          className="civitas-inline-form"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            void assign.run();
          }}
        >
          <SelectField
            id="evaluator"
            name="userId"
            label={t('proposals.official.assignLabel')}
            emptyLabel={t('proposals.official.choose')}
            options={candidates.map((c) => ({ value: c.id, label: `${c.displayName}, ${title(c.post)}` }))}
            value={userId}
            onChange={setUserId}
            error={assign.error}
          />
          <Button type="submit" disabled={!userId || assign.pending}>
            {t('proposals.official.assign')}
          </Button>
        </Form>
      ) : null}
      {assign.error && !assign.error.fieldMessage('userId') ? <ApiErrorAlert error={assign.error} /> : null}
    </div>
  );
}

function Notes({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const { name, title, dateTime } = useLocalize();
  const id = detail.proposal.id;
  const notes = useLoad(() => api.get<{ notes: ProposalNote[] }>(`/proposals/${id}/notes`), [id]);
  const [body, setBody] = useState('');
  const add = useAction(async () => {
    await api.post(`/proposals/${id}/notes`, { body });
    setBody('');
    notes.reload();
  });
  return (
    <div className="margin-top-3">
      <h3>{t('proposals.official.notes')}</h3>
      <p className="text-base">{t('proposals.official.notesPrivacy', { department: name(detail.process.department) })}</p>
      <ApiErrorAlert error={notes.error} focus={false} />
      {notes.data && notes.data.notes.length === 0 ? <p>{t('proposals.official.noNotes')}</p> : null}
      {notes.data && notes.data.notes.length > 0 ? (
        <ul className="usa-list usa-list--unstyled" data-testid="notes">
          {notes.data.notes.map((n) => (
            <li key={n.id} className="civitas-activity__item">
              <span className="civitas-prewrap civitas-activity__what">{n.body}</span>
              <span className="civitas-activity__meta">
                {n.author ? (n.post ? t('proposals.official.noteBy', { name: n.author.displayName, post: title(n.post) }) : n.author.displayName) : null} · {dateTime(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {detail.abilities.writeNote ? (
        <Form
          className="maxw-none"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            void add.run();
          }}
        >
          <ApiErrorAlert error={add.error && !add.error.fieldMessage('body') ? add.error : null} />
          <TextAreaField id="note-body" name="body" label={t('proposals.official.noteLabel')} maxLength={5000} value={body} onChange={setBody} error={add.error} />
          <Button type="submit" outline disabled={add.pending || !body.trim()}>
            {t('proposals.official.addNote')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
