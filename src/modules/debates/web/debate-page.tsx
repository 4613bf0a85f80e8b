/**
 * One debate: what it is about and who started it, how the discussion leans, the department's
 * conclusion once closed (signed by the post), and for the department the form to close it.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { CommentCounts, DebateAuthor, DebateStatusTag } from './parts.js';
import type { DebateDetail } from './types.js';

export function DebatePage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { title, name, dateTime } = useLocalize();
  const detail = useLoad(() => api.get<DebateDetail>(`/debates/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.debate.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? data.debate.title : notFound ? t('debates.detail.notFound') : t('debates.detail.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('debates.detail.title')}</h1>
        <p>
          {t('debates.detail.notFound')} <Link to={`/processes/${slug}/debates`}>{t('debates.backToList')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { debate, process, commenting, abilities } = data;

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${process.slug}/debates`}>{t('debates.backToList')}</Link>
      </p>
      <h1>{debate.title}</h1>
      <p className="civitas-lead margin-top-0">
        <Link to={`/processes/${process.slug}`}>{title(process)}</Link>
      </p>
      <DebateStatusTag debate={debate} />
      {debate.hidden ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('debates.detail.hiddenNotice')}
        </Alert>
      ) : null}
      <p className="text-base-dark">
        <CommentCounts comments={debate.comments} />
      </p>
      <p className="text-base-dark">
        <DebateAuthor author={debate.author} /> · {t('debates.detail.started', { date: dateTime(debate.createdAt) })}
        {debate.category ? <> · {t('debates.detail.category', { category: debate.category })}</> : null}
      </p>
      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <p className="civitas-prewrap">{debate.description}</p>

          {debate.conclusion ? (
            <section aria-labelledby="debate-conclusion" className="civitas-panel margin-y-3" data-testid="debate-conclusion">
              <h2 id="debate-conclusion">{t('debates.detail.conclusionHeading')}</h2>
              <p className="civitas-prewrap">{debate.conclusion.text}</p>
              <p className="text-base-dark font-ui-xs">
                {debate.conclusion.post
                  ? t('debates.detail.closedBy', { date: dateTime(debate.conclusion.closedAt), post: title(debate.conclusion.post), department: name(debate.conclusion.post.department) })
                  : t('debates.detail.closedOn', { date: dateTime(debate.conclusion.closedAt) })}
              </p>
            </section>
          ) : null}

          {!debate.hidden ? <CommentThread key={debate.status} resourceType="debate" resourceId={debate.id} stance={commenting.stance} title={t('debates.detail.discussion')} /> : null}
        </div>
        <div className="grid-col-12 desktop:grid-col-4">
          <FollowButton resourceType="debate" resourceId={debate.id} />
          {!debate.hidden ? <ReportButton resourceType="debate" resourceId={debate.id} subject={debate.title} className="margin-bottom-2" /> : null}
          {abilities.close ? <CloseDebateForm id={debate.id} onClosed={detail.reload} /> : null}
        </div>
      </div>
    </>
  );
}

/** The department's conclusion, kept across errors and reloads until it is published. */
function CloseDebateForm({ id, onClosed }: { id: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const [form, setForm, clear] = useDraft(`debate-close-${id}`, { conclusion: '' });
  const submit = useAction(async () => {
    await api.post(`/debates/${encodeURIComponent(id)}/close`, { conclusion: form.conclusion });
    clear();
    onClosed();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <section aria-labelledby="debate-close" className="civitas-panel margin-bottom-4">
      <h2 id="debate-close">{t('debates.detail.close.heading')}</h2>
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('debates.detail.close.heading')} className="maxw-full">
        <TextAreaField
          id="debate-conclusion-text"
          name="conclusion"
          label={t('debates.detail.close.conclusion')}
          hint={t('debates.detail.close.hint')}
          maxLength={10000}
          value={form.conclusion}
          onChange={(conclusion) => setForm({ conclusion })}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('debates.detail.close.submit')}
        </Button>
      </Form>
    </section>
  );
}
