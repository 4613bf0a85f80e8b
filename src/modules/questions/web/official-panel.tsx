/**
 * What the officials of the department holding a question see on it: answer it in public (signed
 * by their post), pass it to the competent department with a reason, or decline it on one of the
 * department's published legal grounds. Shown only when the server's abilities allow it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useUser } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import type { QuestionDetail } from './types.js';

type Response = 'answer' | 'transfer' | 'decline';

export function OfficialPanel({ detail, onChanged }: { detail: QuestionDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, title, pick } = useLocalize();
  const user = useUser();
  const { question } = detail;
  const [response, setResponse] = useState<Response | ''>('');
  const [answer, setAnswer] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState('');
  const [explanation, setExplanation] = useState('');
  const send = useAction(async () => {
    const id = question.id;
    if (response === 'answer') await api.post(`/questions/${id}/answer`, { answer });
    else if (response === 'transfer') await api.post(`/questions/${id}/transfer`, { departmentId, reason });
    else if (response === 'decline') await api.post(`/questions/${id}/decline`, { ground, explanation });
    setResponse('');
    onChanged();
  });
  if (!detail.abilities.respond) return null;
  const posts = user?.posts.filter((p) => p.organizationId === question.department.id) ?? [];
  const post = posts.find((p) => p.id === question.post?.id) ?? posts[0];
  const grounds = detail.declineGrounds ?? [];
  const targets = detail.transferTargets ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="official-heading" className="civitas-panel margin-y-3" data-testid="official-panel">
      <h2 id="official-heading">{t('questions.official.heading')}</h2>
      {post ? <p>{t('questions.official.signedAs', { post: title(post), department: name(question.department) })}</p> : null}
      <Form onSubmit={submit} noValidate className="maxw-none" aria-label={t('questions.official.heading')}>
        <ApiErrorAlert error={send.error} />
        <Fieldset legend={t('questions.official.choose')}>
          {(['answer', 'transfer', 'decline'] as const).map((choice) => (
            <Radio
              key={choice}
              id={`respond-${choice}`}
              name="respond"
              value={choice}
              label={t(`questions.official.${choice}`)}
              checked={response === choice}
              onChange={() => setResponse(choice)}
            />
          ))}
        </Fieldset>
        {response === 'answer' ? (
          <TextAreaField id="answer-text" name="answer" label={t('questions.official.answerLabel')} hint={t('questions.official.answerHint')} maxLength={10_000} value={answer} onChange={setAnswer} error={send.error} />
        ) : null}
        {response === 'transfer' ? (
          <>
            <SelectField
              id="transfer-department"
              name="departmentId"
              label={t('questions.official.transferTo')}
              emptyLabel={t('questions.official.chooseDepartment')}
              options={targets.map((d) => ({ value: d.id, label: name(d) }))}
              value={departmentId}
              onChange={setDepartmentId}
              error={send.error}
            />
            <TextAreaField id="transfer-reason" name="reason" label={t('questions.official.reason')} hint={t('questions.official.reasonHint')} maxLength={2000} value={reason} onChange={setReason} error={send.error} />
          </>
        ) : null}
        {response === 'decline' ? (
          <>
            <SelectField
              id="decline-ground"
              name="ground"
              label={t('questions.official.ground')}
              hint={t('questions.official.groundHint')}
              emptyLabel={t('questions.official.chooseGround')}
              options={grounds.map((g) => ({ value: g.code, label: `${pick(g.label, g.labelZh)} (${g.legalReference})` }))}
              value={ground}
              onChange={setGround}
              error={send.error}
            />
            <TextAreaField id="decline-explanation" name="explanation" label={t('questions.official.explanation')} hint={t('questions.official.explanationHint')} maxLength={5000} value={explanation} onChange={setExplanation} error={send.error} />
          </>
        ) : null}
        <Button type="submit" disabled={send.pending || !response}>
          {t('questions.official.submit')}
        </Button>
      </Form>
    </section>
  );
}
