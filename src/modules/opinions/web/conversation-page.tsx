/**
 * One conversation: what it is about and where participation stands; the voting card (one
 * statement at a time, agree / disagree / pass, "3 of 12"); the form to add a statement when the
 * conversation allows it; the live opinion map and what it says; exports; the staff's way to the
 * moderation queue and settings; and the comments.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { TextAreaField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { langOf, Refusal, SettingsText, useStatementText, VotingText } from './parts.js';
import { ResultsSection } from './results.js';
import { conversationsUrl, conversationUrl, STATEMENT_MAX, type ConversationDetail, type NextStatement, type Results, type VoteNameValue, type VoteResult, type WriteResult } from './types.js';

export function ConversationPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { pick, title, number } = useLocalize();
  const userId = session?.user?.id;
  const detail = useLoad(() => api.get<ConversationDetail>(`/conversations/${encodeURIComponent(id)}`), [id, userId], session !== null);
  const results = useLoad(() => api.get<Results>(`/conversations/${encodeURIComponent(id)}/results`), [id, userId], session !== null);
  const data = detail.data;
  usePageTitle(data ? pick(data.conversation.topic, data.conversation.topicZh) : t('opinions.conversation.title'));
  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { conversation, process, abilities } = data;
  const here = conversationUrl(slug, id);
  const description = pick(conversation.description, conversation.descriptionZh);

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${slug}`}>{title(process)}</Link> · <Link to={conversationsUrl(slug)}>{t('opinions.list.title')}</Link>
        </p>
        <h1>{pick(conversation.topic, conversation.topicZh)}</h1>
        {description ? (
          <div className="civitas-lead margin-y-1">
            {description.split(/\n{2,}/).map((para, k) => (
              <p key={k} className="margin-y-1">
                {para}
              </p>
            ))}
          </div>
        ) : null}
        <ul className="usa-list usa-list--unstyled margin-y-1 text-base-dark" aria-label={t('opinions.conversation.about')}>
          <li>
            <VotingText process={process} />
          </li>
          <li>
            <SettingsText conversation={conversation} />
          </li>
          <li>{t('opinions.conversation.counts', { people: number(conversation.counts.participants), statements: number(conversation.counts.statements), votes: number(conversation.counts.votes) })}</li>
          {conversation.importedFrom ? <li>{t('opinions.conversation.imported', { source: conversation.importedFrom })}</li> : null}
        </ul>
        <FollowButton resourceType="conversation" resourceId={conversation.id} />
      </div>

      {abilities.moderate || abilities.update || abilities.seed ? (
        <div className="civitas-panel margin-y-2" data-testid="staff-panel">
          <h2 className="margin-top-0 font-heading-md">{t('opinions.staff.heading')}</h2>
          <ul className="usa-list">
            {abilities.moderate || abilities.seed ? (
              <li>
                <Link to={`${here}/moderation`}>{t('opinions.staff.moderation', { count: data.pending ?? 0, formatted: number(data.pending ?? 0) })}</Link>
              </li>
            ) : null}
            {abilities.update ? (
              <li>
                <Link to={`${here}/settings`}>{t('opinions.staff.settings')}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      <VotingCard detail={data} onVoted={() => (results.data?.me ? undefined : results.reload())} />

      {abilities.write ? (
        <WriteStatement conversationId={id} onWritten={detail.reload} />
      ) : conversation.residentsWrite && data.writeBlocked ? (
        <section aria-labelledby="write-heading" className="margin-y-3">
          <h2 id="write-heading">{t('opinions.write.heading')}</h2>
          <Refusal refusal={data.writeBlocked} />
        </section>
      ) : null}
      <MyStatements detail={data} />

      <ResultsSection conversationId={id} initialMath={results.data?.math ?? null} initialMe={results.data?.me ?? null} />

      <section aria-labelledby="downloads-heading" className="margin-y-3">
        <h2 id="downloads-heading">{t('opinions.export.heading')}</h2>
        <p>{t('opinions.export.intro')}</p>
        <ul className="usa-list" data-testid="exports">
          {(['comments.csv', 'votes.csv', 'participants-votes.csv'] as const).map((file) => (
            <li key={file}>
              <a className="usa-link" href={`/api/v1/conversations/${encodeURIComponent(id)}/export/${file}`} download>
                {t(`opinions.export.${file.replace('.csv', '').replace('-', '_')}`)}
              </a>{' '}
              <span className="text-base">({file})</span>
            </li>
          ))}
        </ul>
      </section>

      <CommentThread resourceType="conversation" resourceId={conversation.id} title={t('opinions.conversation.comments')} />
    </>
  );
}

/** One statement at a time, with Agree / Disagree / Pass and how far the caller is. */
function VotingCard({ detail, onVoted }: { detail: ConversationDetail; onVoted: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { number } = useLocalize();
  const text = useStatementText();
  const id = detail.conversation.id;
  const loaded = useLoad(() => api.get<NextStatement>(`/conversations/${encodeURIComponent(id)}/next`), [id, session?.user?.id], session !== null);
  const [current, setCurrent] = useState<NextStatement | null>(null);
  useEffect(() => setCurrent(loaded.data), [loaded.data]);
  const vote = useAction(async (value: VoteNameValue) => {
    if (!current?.statement) return;
    const result = await api.post<VoteResult>(`/conversations/${encodeURIComponent(id)}/votes`, { statementId: current.statement.id, vote: value });
    setCurrent(result.next);
    onVoted();
  });
  const canVote = detail.abilities.vote;
  const statement = current?.statement ?? null;
  const progress = current?.progress ?? { voted: 0, total: 0 };

  return (
    <section aria-labelledby="vote-heading" className="civitas-panel margin-y-3" data-testid="voting-card">
      <h2 id="vote-heading" className="margin-top-0">
        {t('opinions.vote.heading')}
      </h2>
      <ApiErrorAlert error={loaded.error ?? vote.error} focus={false} />
      {!current ? (
        <Loading />
      ) : !statement ? (
        <p data-testid="all-voted">{progress.total === 0 ? t('opinions.vote.noStatements') : t('opinions.vote.allDone', { count: progress.total, formatted: number(progress.total) })}</p>
      ) : (
        <>
          <p className="margin-y-1 text-base-dark" data-testid="vote-progress">
            {canVote ? t('opinions.vote.progress', { n: number(progress.voted + 1), total: number(progress.total) }) : t('opinions.vote.preview', { total: number(progress.total) })}
          </p>
          <progress className="width-full" max={Math.max(1, progress.total)} value={progress.voted} aria-label={t('opinions.vote.progressLabel', { voted: number(progress.voted), total: number(progress.total) })} />
          <div aria-live="polite">
            <p className="font-sans-lg text-bold margin-y-2" data-testid="statement" lang={langOf(text(statement))}>
              {text(statement)}
            </p>
          </div>
          {canVote ? (
            <div className="grid-row grid-gap-1" role="group" aria-label={t('opinions.vote.choices')}>
              {(['agree', 'disagree', 'pass'] as const).map((value) => (
                <div key={value} className="grid-col-4">
                  <Button
                    type="button"
                    className={`width-full margin-right-0${value === 'pass' ? ' usa-button--outline' : value === 'disagree' ? ' usa-button--secondary' : ''}`}
                    disabled={vote.pending}
                    onClick={() => void vote.run(value)}
                    data-testid={`vote-${value}`}
                  >
                    {t(`opinions.vote.${value}`)}
                  </Button>
                </div>
              ))}
            </div>
          ) : (
            <Refusal refusal={detail.voteBlocked} />
          )}
          {canVote ? <p className="margin-bottom-0 text-base font-ui-3xs">{t('opinions.vote.private')}</p> : null}
        </>
      )}
    </section>
  );
}

/** Adding a statement: one idea, at most 140 characters; a duplicate is refused naming the existing one. */
function WriteStatement({ conversationId, onWritten }: { conversationId: string; onWritten: () => void }) {
  const { t } = useTranslation();
  const { number } = useLocalize();
  const [body, setBody] = useState('');
  const [done, setDone] = useState<WriteResult | null>(null);
  const write = useAction(async () => {
    const result = await api.post<WriteResult>(`/conversations/${encodeURIComponent(conversationId)}/statements`, { body });
    setDone(result);
    setBody('');
    onWritten();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void write.run();
  };
  const left = STATEMENT_MAX - [...body].length;
  return (
    <section aria-labelledby="write-heading" className="margin-y-3" data-testid="write-statement">
      <h2 id="write-heading">{t('opinions.write.heading')}</h2>
      <Form onSubmit={submit} className="maxw-tablet" aria-label={t('opinions.write.heading')}>
        <TextAreaField
          id={`statement-${conversationId}`}
          name="body"
          label={t('opinions.write.label')}
          hint={t('opinions.write.hint')}
          maxLength={STATEMENT_MAX}
          value={body}
          onChange={(value) => {
            setBody(value);
            if (write.error) write.clearError();
          }}
          error={write.error}
        />
        <p className="usa-hint margin-top-05" aria-live={left <= 20 ? 'polite' : 'off'}>
          {t('opinions.write.left', { count: left, formatted: number(left) })}
        </p>
        {write.error && !write.error.fieldMessage('body') ? <ApiErrorAlert error={write.error} /> : null}
        <Button type="submit" disabled={write.pending || body.trim().length === 0}>
          {t('opinions.write.submit')}
        </Button>
      </Form>
      {done ? (
        <Alert type="success" headingLevel="h3" slim className="margin-top-2" data-testid="write-done">
          {done.visible ? t('opinions.write.shown', { number: done.number }) : t('opinions.write.waiting')}
        </Alert>
      ) : null}
    </section>
  );
}

/** The caller's statements that others do not see: waiting for a moderator, or rejected. */
function MyStatements({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  if (detail.myStatements.length === 0) return null;
  return (
    <section aria-labelledby="mine-heading" className="margin-y-3" data-testid="my-statements">
      <h2 id="mine-heading" className="font-heading-md">
        {t('opinions.mine.heading')}
      </h2>
      <ul className="usa-list">
        {detail.myStatements.map((s) => (
          <li key={s.id}>
            “<span lang={langOf(s.body)}>{s.body}</span>” · <strong>{t(`opinions.mine.${s.status}`)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
