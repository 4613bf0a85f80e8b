/**
 * The conversations of a process: each with its topic, where voting stands and how many took part;
 * officials open a new one or import a Polis export here.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { VotingText } from './parts.js';
import { conversationsUrl, conversationUrl, type ConversationList } from './types.js';

export function ConversationsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { title, pick, number } = useLocalize();
  const list = useLoad(() => api.get<ConversationList>(`/processes/${encodeURIComponent(slug)}/conversations`), [slug, session?.user?.id], session !== null);
  const data = list.data;
  usePageTitle(data ? `${t('opinions.list.title')} · ${title(data.process)}` : t('opinions.list.title'));
  if (list.error) return <ApiErrorAlert error={list.error} />;
  if (!data) return <Loading />;
  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${slug}`}>{title(data.process)}</Link>
        </p>
        <h1>{t('opinions.list.title')}</h1>
        <p className="margin-y-1">{t('opinions.list.intro')}</p>
      </div>
      {data.abilities.create || data.abilities.import ? (
        <div className="display-flex flex-wrap margin-bottom-2">
          {data.abilities.create ? (
            <Link className="usa-button" to={`${conversationsUrl(slug)}/new`}>
              {t('opinions.list.create')}
            </Link>
          ) : null}
          {data.abilities.import ? (
            <Link className="usa-button usa-button--outline" to={`${conversationsUrl(slug)}/import`}>
              {t('opinions.list.import')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {data.conversations.length === 0 ? <p>{t('opinions.list.empty')}</p> : null}
      <ul className="usa-collection" data-testid="conversation-list">
        {data.conversations.map((c) => (
          <li key={c.id} className="usa-collection__item">
            <div className="usa-collection__body">
              <h2 className="usa-collection__heading">
                <Link className="usa-link" to={conversationUrl(slug, c.id)}>
                  {pick(c.topic, c.topicZh)}
                </Link>
              </h2>
              {pick(c.description, c.descriptionZh) ? <p className="usa-collection__description civitas-clamp">{pick(c.description, c.descriptionZh)}</p> : null}
              <ul className="usa-collection__meta" aria-label={t('opinions.conversation.about')}>
                <li className="usa-collection__meta-item">
                  <VotingText process={data.process} />
                </li>
                <li className="usa-collection__meta-item">{t('opinions.list.counts', { people: number(c.counts.participants), statements: number(c.counts.statements) })}</li>
              </ul>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
