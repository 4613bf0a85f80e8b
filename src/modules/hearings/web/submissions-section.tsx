/**
 * Written questions and opinions before the hearing: the questions ranked by co-signatures (the
 * top ones marked as on the agenda), the opinions, co-signing, and the form for registered people.
 */
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { TextAreaField } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import type { SubmissionsResponse, SubmissionView } from './types.js';

export function SubmissionsSection({ hearingId, reloadKey }: { hearingId: string; reloadKey: string }) {
  const { t } = useTranslation();
  const list = useLoad(() => api.get<SubmissionsResponse>(`/hearings/${hearingId}/submissions`), [hearingId, reloadKey]);
  const [draft, setDraft, clearDraft] = useDraft(`hearing-submission:${hearingId}`, { kind: 'question' as 'question' | 'opinion', body: '' });
  const send = useAction(async () => {
    await api.post(`/hearings/${hearingId}/submissions`, draft);
    clearDraft();
    list.reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run();
  };
  const data = list.data;
  const questions = data?.submissions.filter((s) => s.kind === 'question') ?? [];
  const opinions = data?.submissions.filter((s) => s.kind === 'opinion') ?? [];

  return (
    <section aria-labelledby="submissions-heading" className="margin-y-3" data-testid="submissions">
      <h2 id="submissions-heading">{t('hearings.submissions.heading')}</h2>
      {data ? <p>{t('hearings.submissions.lead', { count: data.agendaQuestions })}</p> : null}
      <ApiErrorAlert error={list.error} focus={false} />
      <h3>{t('hearings.submissions.questions')}</h3>
      {data && questions.length === 0 ? <p>{t('hearings.submissions.noQuestions')}</p> : null}
      <ol className="usa-list usa-list--unstyled">
        {questions.map((s) => (
          <SubmissionItem key={s.id} hearingId={hearingId} submission={s} onChanged={list.reload} />
        ))}
      </ol>
      <h3>{t('hearings.submissions.opinions')}</h3>
      {data && opinions.length === 0 ? <p>{t('hearings.submissions.noOpinions')}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {opinions.map((s) => (
          <SubmissionItem key={s.id} hearingId={hearingId} submission={s} onChanged={list.reload} />
        ))}
      </ul>

      {data?.abilities.submit ? (
        <form className="usa-form maxw-tablet-lg" onSubmit={submit} noValidate aria-label={t('hearings.submissions.formLabel')}>
          <ApiErrorAlert error={send.error} />
          <Fieldset legend={t('hearings.submissions.kindLegend')}>
            {(['question', 'opinion'] as const).map((kind) => (
              <div className="usa-radio" key={kind}>
                <input className="usa-radio__input" id={`submission-kind-${kind}`} type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => setDraft({ ...draft, kind })} />
                <label className="usa-radio__label" htmlFor={`submission-kind-${kind}`}>
                  {t(`hearings.submissions.kind.${kind}`)}
                </label>
              </div>
            ))}
          </Fieldset>
          <TextAreaField id="submission-body" name="body" label={t('hearings.submissions.body')} hint={t('hearings.submissions.bodyHint')} maxLength={2000} value={draft.body} onChange={(body) => setDraft({ ...draft, body })} error={send.error} />
          <Button type="submit" disabled={send.pending}>
            {t('hearings.submissions.send')}
          </Button>
        </form>
      ) : data?.submitBlocked ? (
        <p className="text-base" data-testid="submit-blocked">
          {data.submitBlocked.message}
        </p>
      ) : null}
    </section>
  );
}

function SubmissionItem({ hearingId, submission: s, onChanged }: { hearingId: string; submission: SubmissionView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { name, dateTime, number } = useLocalize();
  const cosign = useAction(async (on: boolean) => {
    const url = `/hearings/${hearingId}/submissions/${s.id}/cosign`;
    if (on) await api.post(url, {});
    else await api.delete(url);
    onChanged();
  });
  return (
    <li id={`submission-${s.id}`} className="civitas-panel margin-bottom-2" data-testid="submission">
      <p className="margin-top-0 civitas-tags">
        {s.rank !== null ? <span className="text-bold">#{s.rank}</span> : null}
        {s.onAgenda ? <Tag className="civitas-tag civitas-tag--verified">{t('hearings.submissions.onAgenda')}</Tag> : null}
        {s.hidden ? <Tag className="civitas-tag bg-error-dark">{t('hearings.submissions.hidden')}</Tag> : null}
      </p>
      <p className="civitas-prewrap">{s.body}</p>
      <p className="font-ui-xs text-base margin-bottom-1">
        {s.author.organization ? t('hearings.submissions.byFor', { name: s.author.displayName, organization: name(s.author.organization) }) : t('hearings.submissions.by', { name: s.author.displayName })}
        {' · '}
        <time dateTime={s.createdAt}>{dateTime(s.createdAt)}</time>
      </p>
      <p className="margin-y-1" aria-live="polite">
        {t('hearings.submissions.cosigns', { count: s.cosignsCount, formatted: number(s.cosignsCount) })}
        {s.cosignedByMe ? <> · ✓ {t('hearings.submissions.youCosigned')}</> : null}
      </p>
      <ApiErrorAlert error={cosign.error} />
      <div className="display-flex flex-wrap flex-align-center">
        {s.canCosign && !s.cosignedByMe ? (
          <Button type="button" outline className="margin-right-2" disabled={cosign.pending} onClick={() => void cosign.run(true)}>
            {t('hearings.submissions.cosign')}
          </Button>
        ) : null}
        {s.canCosign && s.cosignedByMe ? (
          <Button type="button" unstyled className="margin-right-2" disabled={cosign.pending} onClick={() => void cosign.run(false)}>
            {t('hearings.submissions.uncosign')}
          </Button>
        ) : null}
        {!s.hidden && !s.mine ? <ReportButton resourceType="hearing_submission" resourceId={s.id} subject={s.body.slice(0, 80)} /> : null}
      </div>
    </li>
  );
}
