/** For a process's page: its conversations (opinion maps), how many took part, and the way in. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { VotingText } from './parts.js';
import { conversationsUrl, conversationUrl, type ConversationList } from './types.js';

export function ConversationsSection({ processSlug }: { processSlug: string }) {
  const { t } = useTranslation();
  const { pick, number } = useLocalize();
  const list = useLoad(() => api.get<ConversationList>(`/processes/${encodeURIComponent(processSlug)}/conversations`), [processSlug]);
  const data = list.data;
  return (
    <section aria-labelledby="conversations-section" className="margin-y-3" data-testid="conversations-section">
      <h2 id="conversations-section">{t('opinions.section.heading')}</h2>
      <ApiErrorAlert error={list.error} focus={false} />
      {data && data.conversations.length === 0 ? <p>{t('opinions.section.none')}</p> : null}
      {data?.conversations.map((c) => (
        <div key={c.id} className="civitas-panel margin-bottom-2">
          <h3 className="margin-top-0">
            <Link to={conversationUrl(processSlug, c.id)}>{pick(c.topic, c.topicZh)}</Link>
          </h3>
          <p className="margin-y-1">
            {t('opinions.list.counts', { people: number(c.counts.participants), statements: number(c.counts.statements) })} · <VotingText process={data.process} />
          </p>
          {data.process.voteOpenUntil ? (
            <p className="margin-y-1">
              <Link className="usa-button" to={conversationUrl(processSlug, c.id)}>
                {t('opinions.section.takePart')}
              </Link>
            </p>
          ) : (
            <p className="margin-y-1">
              <Link to={conversationUrl(processSlug, c.id)}>{t('opinions.section.results')}</Link>
            </p>
          )}
        </div>
      ))}
      {data && (data.abilities.create || data.abilities.import) ? (
        <p>
          <Link to={conversationsUrl(processSlug)}>{t('opinions.section.manage')}</Link>
        </p>
      ) : null}
    </section>
  );
}
