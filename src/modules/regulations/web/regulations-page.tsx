/** The draft regulations of one process, with what the consultation allows now. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ConsultationWindows } from './parts.js';
import type { RegulationList } from './types.js';

export function RegulationsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { title, date } = useLocalize();
  const { session } = useSession();
  const list = useLoad(() => api.get<RegulationList>(`/processes/${encodeURIComponent(slug)}/regulations`), [slug, session?.user?.id]);
  const data = list.data;
  usePageTitle(data ? `${t('regulations.title')} · ${title(data.process)}` : t('regulations.title'));
  if (list.error && !data) return <ApiErrorAlert error={list.error} />;
  if (!data) return <Loading />;
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${slug}`}>{t('regulations.backToProcess')}</Link>
      </p>
      <h1>{t('regulations.title')}</h1>
      <p className="civitas-lead margin-top-0">{title(data.process)}</p>
      <p className="usa-intro">{t('regulations.intro')}</p>
      <ConsultationWindows consultation={data.consultation} />
      {data.abilities.create ? (
        <p>
          <Link className="usa-button" to={`/processes/${slug}/regulations/new`}>
            {t('regulations.list.create')}
          </Link>
        </p>
      ) : null}
      {data.regulations.length === 0 ? <p>{t('regulations.list.empty')}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {data.regulations.map((r) => (
          <li key={r.id} className="border-bottom-1px border-base-lighter padding-y-2">
            <h2 className="margin-y-05 font-heading-lg">
              <Link to={`/processes/${slug}/regulations/${r.id}`}>{title(r)}</Link>
            </h2>
            <p className="civitas-tags margin-y-05">
              <Tag className={`civitas-tag ${r.status === 'published' ? 'bg-primary' : 'bg-base-dark'}`}>{t(`regulations.status.${r.status}`)}</Tag>
              {r.reports > 0 ? <Tag className="civitas-tag civitas-tag--verified">{t('regulations.list.report')}</Tag> : null}
              {r.hasDraft ? <Tag className="civitas-tag civitas-tag--pending">{t('regulations.list.hasDraft')}</Tag> : null}
            </p>
            <p className="margin-y-05 text-base-dark">
              {r.currentVersion ? <>{t('regulations.list.version', { number: r.currentVersion })} · </> : null}
              {r.publishedAt ? <><time dateTime={r.publishedAt}>{date(r.publishedAt)}</time> · </> : null}
              {t('regulations.list.articles', { count: r.clauses })} · {t('regulations.list.comments', { count: r.comments })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
