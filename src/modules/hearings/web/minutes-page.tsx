/**
 * Recording the minutes of a hearing (officials of the department, once it has started): the text
 * in both languages and files, and the questions asked with the panel's answers, in order. The
 * agenda's written questions are offered first, so each answer can point to the question it answers.
 * Saving again corrects them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { hearingUrl, type HearingDetail, type SubmissionsResponse } from './types.js';

interface AnswerDraft {
  submissionId: string;
  question: string;
  questionZh: string;
  askedBy: string;
  answer: string;
  answerZh: string;
}

interface Values {
  minutes: string;
  minutesZh: string;
  attachments: Attachment[];
  answers: AnswerDraft[];
}

const orNull = (text: string) => text.trim() || null;

export function MinutesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const { title } = useLocalize();
  const detail = useLoad(() => api.get<HearingDetail>(`/hearings/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const submissions = useLoad(() => api.get<SubmissionsResponse>(`/hearings/${encodeURIComponent(id)}/submissions`, { kind: 'question' }), [id]);
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (values !== null || !detail.data || !submissions.data) return;
    const d = detail.data;
    const agenda = submissions.data.submissions.filter((s) => s.onAgenda);
    setValues({
      minutes: d.minutes?.text ?? '',
      minutesZh: d.minutes?.textZh ?? '',
      attachments: d.minutes?.attachments ?? [],
      answers:
        d.answers.length > 0
          ? d.answers.map((a) => ({ submissionId: a.submissionId ?? '', question: a.question, questionZh: a.questionZh ?? '', askedBy: a.askedBy ?? '', answer: a.answer, answerZh: a.answerZh ?? '' }))
          : agenda.map((s) => ({ submissionId: s.id, question: s.body, questionZh: '', askedBy: s.author.displayName, answer: '', answerZh: '' })),
    });
  }, [detail.data, submissions.data, values]);
  const heading = t('hearings.minutes.title');
  usePageTitle(heading);
  const save = useAction(async () => {
    const v = values!;
    await api.put(`/hearings/${id}/minutes`, {
      minutes: v.minutes,
      minutesZh: orNull(v.minutesZh),
      attachmentIds: v.attachments.map((a) => a.id),
      answers: v.answers.map((a) => ({ submissionId: a.submissionId || null, question: a.question, questionZh: orNull(a.questionZh), askedBy: orNull(a.askedBy), answer: a.answer, answerZh: orNull(a.answerZh) })),
    });
    navigate(hearingUrl(id));
  });

  if (session && !session.user) return <SignInRequired />;
  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!detail.data || !values) return <Loading />;
  const d = detail.data;
  const error = save.error;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const setAnswer = (i: number, patch: Partial<AnswerDraft>) => set({ answers: values.answers.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  const questions = submissions.data?.submissions ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={hearingUrl(id)}>{title(d.hearing)}</Link>
        </p>
        <h1>{heading}</h1>
      </div>
      {!d.abilities.recordMinutes ? (
        <p>{t('hearings.minutes.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={heading}>
          <ApiErrorAlert error={error} />
          <TextAreaField id="minutes-text" name="minutes" label={t('hearings.minutes.text')} hint={t('hearings.minutes.textHint')} maxLength={50_000} value={values.minutes} onChange={(v) => set({ minutes: v })} error={error} />
          <TextAreaField id="minutes-text-zh" name="minutesZh" label={t('hearings.minutes.textZh')} optional maxLength={50_000} value={values.minutesZh} onChange={(v) => set({ minutesZh: v })} error={error} />
          <AttachmentsField id="minutes-files" value={values.attachments} onChange={(attachments) => set({ attachments })} max={10} error={error?.fieldMessage('attachmentIds')} />
          <Fieldset legend={t('hearings.minutes.answers')} className="margin-top-3">
            <p className="usa-hint">{t('hearings.minutes.answersHint')}</p>
            {values.answers.map((a, i) => (
              <div key={i} className="civitas-panel margin-bottom-2">
                <SelectField
                  id={`answer-${i}-submission`}
                  name={`answers.${i}.submissionId`}
                  label={t('hearings.minutes.written')}
                  optional
                  emptyLabel={t('hearings.minutes.fromFloor')}
                  options={questions.map((q) => ({ value: q.id, label: `#${q.rank ?? ''} ${q.body.slice(0, 80)}` }))}
                  value={a.submissionId}
                  onChange={(submissionId) => {
                    const q = questions.find((x) => x.id === submissionId);
                    setAnswer(i, q && !a.question ? { submissionId, question: q.body, askedBy: q.author.displayName } : { submissionId });
                  }}
                  error={error}
                />
                <TextAreaField id={`answer-${i}-question`} name={`answers.${i}.question`} label={t('hearings.minutes.question', { n: i + 1 })} maxLength={2000} value={a.question} onChange={(v) => setAnswer(i, { question: v })} error={error} />
                <TextAreaField id={`answer-${i}-question-zh`} name={`answers.${i}.questionZh`} label={t('hearings.minutes.questionZh')} optional maxLength={2000} value={a.questionZh} onChange={(v) => setAnswer(i, { questionZh: v })} error={error} />
                <TextField id={`answer-${i}-asked-by`} name={`answers.${i}.askedBy`} label={t('hearings.minutes.askedBy')} optional maxLength={200} value={a.askedBy} onChange={(v) => setAnswer(i, { askedBy: v })} error={error} />
                <TextAreaField id={`answer-${i}-answer`} name={`answers.${i}.answer`} label={t('hearings.minutes.answer')} maxLength={5000} value={a.answer} onChange={(v) => setAnswer(i, { answer: v })} error={error} />
                <TextAreaField id={`answer-${i}-answer-zh`} name={`answers.${i}.answerZh`} label={t('hearings.minutes.answerZh')} optional maxLength={5000} value={a.answerZh} onChange={(v) => setAnswer(i, { answerZh: v })} error={error} />
                <Button type="button" unstyled className="margin-top-1" onClick={() => set({ answers: values.answers.filter((_, k) => k !== i) })}>
                  {t('hearings.form.remove')}
                </Button>
              </div>
            ))}
            <Button type="button" outline onClick={() => set({ answers: [...values.answers, { submissionId: '', question: '', questionZh: '', askedBy: '', answer: '', answerZh: '' }] })}>
              {t('hearings.minutes.addAnswer')}
            </Button>
          </Fieldset>
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {t('hearings.minutes.save')}
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
