/**
 * One publication: summary, department, dates and validity ("in force" / "expired"), its files, the
 * records it concerns, its public history (corrections with their notes, the withdrawal with its
 * reason), feeds, follow and comments. The department's officials edit, publish, withdraw or delete
 * a draft here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { flashState } from '../../../../web/src/app/flash.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { TextAreaField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { FeedLinks, PublicationTags, useDay } from './parts.js';
import { feedUrl, publicationUrl, type PublicationDetail } from './types.js';

const LINK_TYPES = ['process', 'hearing', 'proposal', 'information_request', 'publication', 'commitment'] as const;

export function PublicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, dateTime, date } = useLocalize();
  const day = useDay();
  const { byId } = useAreas();
  const detail = useLoad(() => api.get<PublicationDetail>(`/publications/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.publication.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? data.publication.title : notFound ? t('publications.detail.notFound') : t('publications.list.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('publications.detail.notFound')}</h1>
        <p>{t('publications.detail.notFoundText')}</p>
        <p>
          <Link to="/publications">{t('publications.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { publication, links, events, abilities } = data;
  const area = byId(publication.areaId);
  const department = name(publication.department);
  const categoryLabel = t(`publications.category.${publication.category}`);
  const validity =
    publication.validFrom && publication.validUntil
      ? t('publications.detail.validFromUntil', { from: day(publication.validFrom), until: day(publication.validUntil) })
      : publication.validFrom
        ? t('publications.detail.validFrom', { from: day(publication.validFrom) })
        : publication.validUntil
          ? t('publications.detail.validUntil', { until: day(publication.validUntil) })
          : null;
  const linkType = (type: string) => t(`publications.linkType.${(LINK_TYPES as readonly string[]).includes(type) ? (type as (typeof LINK_TYPES)[number]) : 'other'}`);

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/publications">{t('publications.list.title')}</Link>
        </p>
        <h1 data-testid="publication-title">{publication.title}</h1>
        <p className="margin-y-1">
          <PublicationTags category={publication.category} status={publication.status} validity={publication.validity} />
        </p>
        <p className="margin-0 text-base">
          <Link to={`/publications?department=${publication.department.id}`}>{department}</Link>
          {publication.publishedAt ? (
            <>
              {' · '}
              <time dateTime={publication.publishedAt}>{t('publications.list.published', { date: date(publication.publishedAt) })}</time>
            </>
          ) : null}
          {publication.correctedAt ? (
            <>
              {' · '}
              <strong data-testid="publication-updated">{t('publications.detail.updatedOn', { date: date(publication.correctedAt) })}</strong>
            </>
          ) : null}
        </p>
      </div>

      {publication.status === 'draft' ? (
        <Alert type="info" headingLevel="h2" slim data-testid="draft-notice">
          {t('publications.detail.draftNotice', { department })}
        </Alert>
      ) : null}
      {publication.status === 'withdrawn' && publication.withdrawnAt ? (
        <Alert type="warning" headingLevel="h2" slim data-testid="withdrawn-notice">
          {t('publications.detail.withdrawnNotice', { date: date(publication.withdrawnAt) })}
          {publication.withdrawalReason ? (
            <>
              <br />
              {t('publications.detail.withdrawnReason', { reason: publication.withdrawalReason })}
            </>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="publication-summary-heading">
            <h2 id="publication-summary-heading">{t('publications.detail.summary')}</h2>
            <div className="civitas-prewrap" data-testid="publication-summary">
              {publication.summary}
            </div>
          </section>

          <section aria-labelledby="publication-facts-heading" className="margin-top-3">
            <h2 id="publication-facts-heading" className="usa-sr-only">
              {t('publications.detail.facts')}
            </h2>
            <dl className="civitas-facts">
              <div>
                <dt>{t('publications.detail.department')}</dt>
                <dd>
                  <Link to={`/organizations/${publication.department.slug}`}>{department}</Link>
                </dd>
              </div>
              <div>
                <dt>{t('publications.detail.category')}</dt>
                <dd>
                  <Link to={`/publications?category=${publication.category}`}>{categoryLabel}</Link>
                </dd>
              </div>
              <div>
                <dt>{t('publications.detail.documentDate')}</dt>
                <dd>{day(publication.documentDate)}</dd>
              </div>
              {publication.publishedAt ? (
                <div>
                  <dt>{t('publications.detail.publishedAt')}</dt>
                  <dd>{dateTime(publication.publishedAt)}</dd>
                </div>
              ) : null}
              {validity ? (
                <div>
                  <dt>{t('publications.detail.validity')}</dt>
                  <dd data-testid="publication-validity-period">
                    {validity}
                    {publication.validity && publication.status !== 'withdrawn' ? <> · {t(`publications.validity.${publication.validity}`)}</> : null}
                  </dd>
                </div>
              ) : null}
              {area ? (
                <div>
                  <dt>{t('publications.detail.area')}</dt>
                  <dd>
                    <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>

          {publication.attachments.length > 0 ? <AttachmentList attachments={publication.attachments} /> : <p className="margin-top-3 text-base">{t('publications.detail.noFiles')}</p>}

          {links.length > 0 ? (
            <section aria-labelledby="publication-links-heading" className="margin-top-3" data-testid="publication-links">
              <h2 id="publication-links-heading">{t('publications.detail.links')}</h2>
              <ul className="usa-list">
                {links.map((l) => (
                  <li key={`${l.type}:${l.id}`}>
                    <span className="text-base">{linkType(l.type)}: </span>
                    <Link to={l.path}>{l.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {events.length > 0 ? (
            <section aria-labelledby="publication-history-heading" className="margin-top-3" data-testid="publication-history">
              <h2 id="publication-history-heading">{t('publications.detail.history')}</h2>
              <ol className="usa-list">
                {events.map((e, i) => (
                  <li key={i}>
                    <time dateTime={e.at}>{dateTime(e.at)}</time> · <strong>{t(`publications.detail.event.${e.kind}`)}</strong>
                    {e.note ? <span className="civitas-prewrap">: {e.note}</span> : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <ManagePanel detail={data} onChanged={detail.reload} />

          {publication.status === 'published' ? (
            <div className="margin-top-4">
              <CommentThread resourceType="publication" resourceId={publication.id} title={t('publications.detail.comments')} />
            </div>
          ) : null}
        </div>

        <aside className="grid-col-12 desktop:grid-col-4 margin-top-3" aria-label={t('publications.detail.sidebar')}>
          {publication.status !== 'draft' ? (
            <div className="margin-bottom-3">
              <FollowButton resourceType="publication" resourceId={publication.id} />
            </div>
          ) : null}
          <FeedLinks
            heading={t('publications.list.feeds')}
            feeds={[
              { href: feedUrl({ department: publication.department.slug }), label: t('publications.detail.departmentFeed', { department }) },
              { href: feedUrl({ category: publication.category }), label: t('publications.detail.categoryFeed', { category: categoryLabel }) },
            ]}
          />
        </aside>
      </div>
    </>
  );
}

/** For the department's officials: edit (or correct), publish a draft, withdraw with a reason, delete a draft. */
function ManagePanel({ detail, onChanged }: { detail: PublicationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { publication, abilities } = detail;
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const publish = useAction(async () => {
    await api.post(`/publications/${publication.id}/publish`, {});
    onChanged();
  });
  const withdraw = useAction(async () => {
    await api.post(`/publications/${publication.id}/withdraw`, { reason });
    setWithdrawing(false);
    onChanged();
  });
  const remove = useAction(async () => {
    await api.delete(`/publications/${publication.id}`);
    void navigate('/publications', { state: flashState({ type: 'success', message: 'publications.manage.deleted' }) });
  });
  if (!abilities.edit && !abilities.publish && !abilities.withdraw && !abilities.delete) return null;
  const submitWithdrawal = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void withdraw.run();
  };
  return (
    <section aria-labelledby="publication-manage-heading" className="civitas-panel margin-top-4" data-testid="publication-manage">
      <h2 id="publication-manage-heading" className="font-heading-md">
        {t('publications.manage.heading')}
      </h2>
      <ApiErrorAlert error={publish.error ?? remove.error} />
      <div className="display-flex flex-wrap flex-align-center">
        {abilities.edit ? (
          <Link className="usa-button usa-button--outline margin-bottom-1" to={`${publicationUrl(publication.id)}/edit`}>
            {publication.status === 'published' ? t('publications.manage.correct') : t('publications.manage.edit')}
          </Link>
        ) : null}
        {abilities.publish ? (
          <Button type="button" className="margin-bottom-1" disabled={publish.pending} onClick={() => void publish.run()}>
            {t('publications.manage.publish')}
          </Button>
        ) : null}
        {abilities.delete ? (
          <Button
            type="button"
            secondary
            className="margin-bottom-1"
            disabled={remove.pending}
            onClick={() => {
              if (window.confirm(t('publications.manage.confirmDelete'))) void remove.run();
            }}
          >
            {t('publications.manage.delete')}
          </Button>
        ) : null}
        {abilities.withdraw && !withdrawing ? (
          <Button type="button" secondary className="margin-bottom-1" onClick={() => setWithdrawing(true)}>
            {t('publications.manage.withdraw')}
          </Button>
        ) : null}
      </div>
      {withdrawing ? (
        <Form onSubmit={submitWithdrawal} noValidate className="maxw-full" aria-label={t('publications.manage.withdraw')}>
          <p>{t('publications.manage.withdrawIntro')}</p>
          <ApiErrorAlert error={withdraw.error} />
          <TextAreaField
            id="publication-withdraw-reason"
            name="reason"
            label={t('publications.manage.reason')}
            hint={t('publications.manage.reasonHint')}
            maxLength={2000}
            value={reason}
            onChange={setReason}
            error={withdraw.error}
          />
          <div className="display-flex flex-wrap flex-align-center margin-top-2">
            <Button type="submit" secondary disabled={withdraw.pending}>
              {t('publications.manage.confirmWithdraw')}
            </Button>
            <Button type="button" unstyled className="margin-left-2" onClick={() => setWithdrawing(false)}>
              {t('publications.manage.cancel')}
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
