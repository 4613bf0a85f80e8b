/**
 * The moderation queue of a conversation (the department's officials, moderators, administrators):
 * statements waiting, accepted or rejected, with their votes so far; accept, reject, or mark as
 * being about the conversation itself (kept out of the map). Staff add seed statements here too.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { langOf } from './parts.js';
import { emptySeed, SeedFields, seedPayload, type SeedPair } from './seed-fields.js';
import { conversationUrl, type ConversationDetail, type ModerationList, type SeedResult, type StatementStatusName } from './types.js';

const STATUSES: StatementStatusName[] = ['pending', 'accepted', 'rejected'];

export function ModerationPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { pick, number, dateTime } = useLocalize();
  const [status, setStatus] = useState<StatementStatusName>('pending');
  const detail = useLoad(() => api.get<ConversationDetail>(`/conversations/${encodeURIComponent(id)}`), [id, session?.user?.id], session !== null);
  const allowed = detail.data?.abilities.moderate === true;
  const queue = useLoad(() => api.get<ModerationList>(`/conversations/${encodeURIComponent(id)}/moderation`, { status, limit: 200 }), [id, status, session?.user?.id], allowed);
  const [announce, setAnnounce] = useState('');
  const decide = useAction(async (statementId: string, decision: 'accept' | 'reject', meta: boolean) => {
    await api.post(`/conversations/${encodeURIComponent(id)}/statements/${encodeURIComponent(statementId)}/moderation`, { decision, meta });
    setAnnounce(t(decision === 'accept' ? 'opinions.moderation.accepted' : 'opinions.moderation.rejected'));
    queue.reload();
  });
  usePageTitle(t('opinions.moderation.title'));

  if (session && !session.user) return <SignInRequired />;
  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  const { conversation, abilities } = detail.data;
  const here = conversationUrl(slug, id);

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={here}>{pick(conversation.topic, conversation.topicZh)}</Link>
        </p>
        <h1>{t('opinions.moderation.title')}</h1>
        <p className="margin-y-1">{conversation.moderation === 'pre' ? t('opinions.moderation.explainPre') : t('opinions.moderation.explainPost')}</p>
      </div>
      {!abilities.moderate && !abilities.seed ? <p>{t('opinions.moderation.notAllowed')}</p> : null}
      <p className="usa-sr-only" aria-live="polite">
        {announce}
      </p>
      {allowed ? (
        <section aria-labelledby="queue-heading" className="margin-y-3">
          <h2 id="queue-heading" className="usa-sr-only">
            {t('opinions.moderation.queue')}
          </h2>
          <ul className="usa-button-group margin-bottom-2" aria-label={t('opinions.moderation.filter')}>
            {STATUSES.map((s) => (
              <li key={s} className="usa-button-group__item">
                <Button type="button" outline={status !== s} aria-pressed={status === s} onClick={() => setStatus(s)}>
                  {t(`opinions.moderation.tab.${s}`, { count: queue.data?.counts[s] ?? 0, formatted: number(queue.data?.counts[s] ?? 0) })}
                </Button>
              </li>
            ))}
          </ul>
          <ApiErrorAlert error={queue.error ?? decide.error} />
          {!queue.data ? (
            <Loading />
          ) : queue.data.statements.length === 0 ? (
            <p data-testid="queue-empty">{t(`opinions.moderation.empty.${status}`)}</p>
          ) : (
            <ul className="usa-list usa-list--unstyled" data-testid="queue">
              {queue.data.statements.map((s) => (
                <li key={s.id} className="civitas-panel margin-bottom-2">
                  <p className="margin-top-0 text-base-dark font-ui-3xs">
                    {t('opinions.moderation.number', { number: s.number })} · {s.isSeed ? t('opinions.moderation.seed') : s.byParticipant ? t('opinions.moderation.participant') : t('opinions.moderation.imported')} · {dateTime(s.createdAt)}
                    {s.isMeta ? ` · ${t('opinions.moderation.meta')}` : ''}
                  </p>
                  <p className="font-sans-md margin-y-1" lang={langOf(s.body)}>
                    {s.body}
                  </p>
                  {s.bodyZh ? (
                    <p className="margin-y-1" lang="zh-CN">
                      {s.bodyZh}
                    </p>
                  ) : null}
                  <p className="margin-y-1 text-base-dark">{t('opinions.moderation.votes', { agree: number(s.votes.agree), disagree: number(s.votes.disagree), pass: number(s.votes.pass) })}</p>
                  <div className="display-flex flex-wrap">
                    {s.status !== 'accepted' ? (
                      <Button type="button" disabled={decide.pending} onClick={() => void decide.run(s.id, 'accept', s.isMeta)}>
                        {t('opinions.moderation.accept')}
                      </Button>
                    ) : null}
                    {s.status !== 'rejected' ? (
                      <Button type="button" secondary disabled={decide.pending} onClick={() => void decide.run(s.id, 'reject', s.isMeta)}>
                        {t('opinions.moderation.reject')}
                      </Button>
                    ) : null}
                    <Button type="button" unstyled className="margin-top-1" disabled={decide.pending} onClick={() => void decide.run(s.id, s.status === 'rejected' ? 'reject' : 'accept', !s.isMeta)}>
                      {s.isMeta ? t('opinions.moderation.unmarkMeta') : t('opinions.moderation.markMeta')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {abilities.seed ? <AddSeeds conversationId={id} onAdded={queue.reload} /> : null}
    </>
  );
}

function AddSeeds({ conversationId, onAdded }: { conversationId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [seeds, setSeeds] = useState<SeedPair[]>([emptySeed()]);
  const [added, setAdded] = useState<number | null>(null);
  const save = useAction(async () => {
    const result = await api.post<SeedResult>(`/conversations/${encodeURIComponent(conversationId)}/seeds`, { statements: seedPayload(seeds) });
    setAdded(result.statements.length);
    setSeeds([emptySeed()]);
    onAdded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    void save.run();
  };
  return (
    <section aria-labelledby="seeds-heading" className="margin-y-4">
      <h2 id="seeds-heading">{t('opinions.seeds.heading')}</h2>
      <Form onSubmit={submit} className="maxw-tablet-lg" aria-label={t('opinions.seeds.heading')}>
        <ApiErrorAlert error={save.error} />
        <SeedFields seeds={seeds} onChange={setSeeds} error={save.error} path="statements" legend={t('opinions.seeds.legend')} />
        <Button type="submit" className="margin-top-2" disabled={save.pending || seedPayload(seeds).length === 0}>
          {t('opinions.seeds.submit')}
        </Button>
      </Form>
      {added !== null ? (
        <Alert type="success" headingLevel="h3" slim className="margin-top-2">
          {t('opinions.seeds.added', { count: added })}
        </Alert>
      ) : null}
    </section>
  );
}
