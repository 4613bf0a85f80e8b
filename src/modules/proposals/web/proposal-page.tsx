/**
 * One proposal: its text and authors, its state, supports against the threshold with the support
 * button (or why the visitor cannot support now), the answer deadline in working days with its
 * legal basis, the official answer signed by a post, the public timeline, comments and follow.
 * Authors edit, publish and withdraw it; the department's officials answer it.
 */
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Button } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { OfficialPanel } from './official-panel.js';
import { AuthorLine, DeadlineText, StateTag, SupportProgress } from './parts.js';
import type { ProposalDetail, SupportResponse, TimelineEntry } from './types.js';

export function ProposalPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { title, name, pick, dateTime, date } = useLocalize();
  const { byId } = useAreas();
  const location = useLocation();
  const detail = useLoad(() => api.get<ProposalDetail>(`/proposals/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.proposal.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? data.proposal.title : notFound ? t('proposals.detail.notFound') : t('proposals.list.title'));
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);

  const support = useAction(async (on: boolean) => {
    const result = on ? await api.post<SupportResponse>(`/proposals/${id}/support`, {}) : await api.delete<SupportResponse>(`/proposals/${id}/support`);
    detail.reload();
    return result;
  });
  const publish = useAction(async () => {
    await api.post(`/proposals/${id}/publish`, {});
    detail.reload();
  });
  const withdraw = useAction(async () => {
    await api.post(`/proposals/${id}/withdraw`, {});
    setConfirmWithdraw(false);
    detail.reload();
  });

  if (notFound) {
    return (
      <>
        <h1>{t('proposals.detail.notFound')}</h1>
        <p>
          <Link to={`/processes/${slug}/proposals`}>{t('proposals.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { proposal, process, answer, timeline, abilities, supportBlocked } = data;
  const area = byId(proposal.areaId);
  const isPublic = proposal.state !== 'draft';

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={`/processes/${process.slug}/proposals`}>{t('proposals.detail.back', { process: title(process) })}</Link>
        </p>
        <h1 data-testid="proposal-title">{proposal.title}</h1>
        <p className="margin-y-1">
          <StateTag state={proposal.state} hidden={proposal.hidden} />
        </p>
        <p className="margin-0 text-base">
          <AuthorLine author={proposal.author} />
          {proposal.publishedAt ? <> · {dateTime(proposal.publishedAt)}</> : null}
        </p>
      </div>

      {proposal.state === 'draft' ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('proposals.detail.draftNotice')}
        </Alert>
      ) : null}
      {proposal.hidden ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('proposals.detail.hiddenNotice')}
        </Alert>
      ) : null}
      {proposal.state === 'withdrawn' ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('proposals.detail.withdrawnNotice')}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="proposal-body-heading">
            <h2 id="proposal-body-heading" className="usa-sr-only">
              {t('proposals.detail.about')}
            </h2>
            <div className="civitas-prewrap" data-testid="proposal-body">
              {proposal.body}
            </div>
            <dl className="civitas-facts margin-top-3">
              <div>
                <dt>{t('proposals.detail.authors')}</dt>
                <dd>
                  {[proposal.author.displayName, ...proposal.coauthors.map((c) => c.displayName)].join(t('processes.listSeparator'))}
                  {proposal.author.organization ? (
                    <>
                      {' · '}
                      <Link to={`/organizations/${proposal.author.organization.slug}`}>{name(proposal.author.organization)}</Link>
                    </>
                  ) : null}
                </dd>
              </div>
              {proposal.coalition.length > 0 ? (
                <div>
                  <dt>{t('proposals.detail.coalition')}</dt>
                  <dd>
                    {proposal.coalition.map((o, i) => (
                      <span key={o.id}>
                        {i > 0 ? t('processes.listSeparator') : null}
                        <Link to={`/organizations/${o.slug}`}>{name(o)}</Link>
                      </span>
                    ))}
                  </dd>
                </div>
              ) : null}
              {proposal.category ? (
                <div>
                  <dt>{t('proposals.detail.category')}</dt>
                  <dd>
                    <Link to={`/processes/${process.slug}/proposals?category=${encodeURIComponent(proposal.category)}`}>{proposal.category}</Link>
                  </dd>
                </div>
              ) : null}
              {area ? (
                <div>
                  <dt>{t('proposals.detail.area')}</dt>
                  <dd>
                    <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                  </dd>
                </div>
              ) : null}
              {proposal.location ? (
                <div>
                  <dt>{t('proposals.detail.location')}</dt>
                  <dd>
                    {proposal.location.address}
                    {proposal.location.address && proposal.location.latitude !== null ? <br /> : null}
                    {proposal.location.latitude !== null && proposal.location.longitude !== null
                      ? t('proposals.detail.coordinates', { latitude: proposal.location.latitude, longitude: proposal.location.longitude })
                      : null}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('proposals.detail.process')}</dt>
                <dd>
                  <Link to={`/processes/${process.slug}`}>{title(process)}</Link>
                </dd>
              </div>
            </dl>
            <AttachmentList attachments={proposal.attachments} />
          </section>

          {abilities.edit || abilities.publish || abilities.withdraw ? (
            <section aria-labelledby="proposal-manage-heading" className="margin-y-3">
              <h2 id="proposal-manage-heading" className="font-heading-md">
                {t('proposals.detail.actions')}
              </h2>
              {proposal.editableUntil && abilities.edit ? <p>{t('proposals.detail.editUntil', { date: dateTime(proposal.editableUntil) })}</p> : null}
              <ApiErrorAlert error={publish.error ?? withdraw.error} />
              <div className="display-flex flex-wrap flex-align-center">
                {abilities.edit ? (
                  <Link className="usa-button usa-button--outline" to={`/processes/${process.slug}/proposals/${proposal.id}/edit`}>
                    {t('proposals.detail.edit')}
                  </Link>
                ) : null}
                {abilities.publish ? (
                  <Button type="button" disabled={publish.pending} onClick={() => void publish.run()}>
                    {t('proposals.detail.publish')}
                  </Button>
                ) : null}
                {abilities.withdraw && !confirmWithdraw ? (
                  <Button type="button" secondary onClick={() => setConfirmWithdraw(true)}>
                    {t('proposals.detail.withdraw')}
                  </Button>
                ) : null}
              </div>
              {abilities.withdraw && confirmWithdraw ? (
                <div className="civitas-panel margin-top-2" role="alertdialog" aria-labelledby="withdraw-question">
                  <p id="withdraw-question">{t('proposals.detail.withdrawConfirm')}</p>
                  <Button type="button" secondary disabled={withdraw.pending} onClick={() => void withdraw.run()}>
                    {t('proposals.detail.confirmWithdraw')}
                  </Button>
                  <Button type="button" outline onClick={() => setConfirmWithdraw(false)}>
                    {t('proposals.detail.cancel')}
                  </Button>
                </div>
              ) : null}
            </section>
          ) : null}

          {isPublic ? (
            <section aria-labelledby="answer-heading" className="margin-y-3" data-testid="answer">
              <h2 id="answer-heading">{t('proposals.detail.answer')}</h2>
              {answer ? (
                <div className={`usa-summary-box ${answer.state === 'rejected' ? 'border-error-dark' : ''}`}>
                  <div className="usa-summary-box__body">
                    <p className="margin-top-0">
                      <StateTag state={answer.state} />
                    </p>
                    {answer.text ? <p className="civitas-prewrap">{answer.text}</p> : null}
                    <p className="margin-bottom-0 text-base-darker" data-testid="answer-signature">
                      {answer.post
                        ? t('proposals.detail.answeredBy', { post: pick(answer.post.title, answer.post.titleZh), department: name(answer.department) })
                        : name(answer.department)}
                      {' · '}
                      {t('proposals.detail.answeredOn', { date: dateTime(answer.answeredAt) })}
                    </p>
                  </div>
                </div>
              ) : (
                <p>{t('proposals.detail.noAnswer')}</p>
              )}
            </section>
          ) : null}

          <OfficialPanel detail={data} onChanged={detail.reload} />
        </div>
        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('proposals.detail.supportHeading')}>
          {isPublic ? (
            <div className="civitas-panel margin-bottom-3" data-testid="support-panel">
              <h2 className="font-heading-md">{t('proposals.detail.supportHeading')}</h2>
              <SupportProgress id="proposal-progress" count={proposal.supportsCount} threshold={proposal.supportThreshold} />
              {proposal.supportedByMe ? <p className="text-bold">✓ {t('proposals.detail.supporting')}</p> : null}
              <ApiErrorAlert error={support.error} />
              {abilities.support ? (
                <Button type="button" disabled={support.pending} onClick={() => void support.run(true)} data-testid="support-button">
                  {t('proposals.detail.support')}
                </Button>
              ) : null}
              {abilities.unsupport ? (
                <Button type="button" outline disabled={support.pending} onClick={() => void support.run(false)} data-testid="unsupport-button">
                  {t('proposals.detail.unsupport')}
                </Button>
              ) : null}
              {!abilities.support && !proposal.supportedByMe && supportBlocked ? (
                <>
                  {supportBlocked.code !== 'proposal_not_supportable' ? (
                    <Button type="button" disabled aria-describedby="support-blocked" data-testid="support-button">
                      {t('proposals.detail.support')}
                    </Button>
                  ) : null}
                  <p id="support-blocked" className="margin-top-1" data-testid="support-blocked">
                    {supportBlocked.message}{' '}
                    {supportBlocked.code === 'not_authenticated' ? (
                      <Link to="/signin" state={{ from: `${location.pathname}${location.search}` }}>
                        {t('header.signIn')}
                      </Link>
                    ) : supportBlocked.code === 'requires_verification' ? (
                      <Link to="/verify">{t('verify.title')}</Link>
                    ) : null}
                  </p>
                </>
              ) : null}
            </div>
          ) : null}

          {proposal.deadline ? (
            <div className="civitas-panel margin-bottom-3" data-testid="deadline-panel">
              <h2 className="font-heading-md">{t('proposals.detail.deadline')}</h2>
              <p>
                <DeadlineText deadline={proposal.deadline} />
              </p>
              {proposal.deadline.state !== 'answered' ? <p>{t('proposals.deadline.dueOn', { date: date(new Date(new Date(proposal.deadline.dueAt).getTime() - 1).toISOString()) })}</p> : null}
              <p>{t('proposals.detail.qualifiedExplain', { threshold: process.supportThreshold, department: name(process.department), days: process.answerWorkingDays })}</p>
              <details className="civitas-details">
                <summary>{t('proposals.deadline.legalBasis')}</summary>
                <p>{pick(process.legalBasis, process.legalBasisZh)}</p>
                {process.legalReference ? (
                  <p>
                    {/^https?:\/\//.test(process.legalReference) ? (
                      <a className="usa-link" href={process.legalReference} rel="noreferrer noopener">
                        {process.legalReference}
                      </a>
                    ) : (
                      process.legalReference
                    )}
                  </p>
                ) : null}
                <p className="text-base">{t('proposals.deadline.calendar')}</p>
              </details>
            </div>
          ) : null}

          {isPublic ? (
            <div className="margin-bottom-3">
              <FollowButton resourceType="proposal" resourceId={proposal.id} />
              {!proposal.hidden ? <ReportButton resourceType="proposal" resourceId={proposal.id} subject={proposal.title} className="margin-top-2" /> : null}
            </div>
          ) : null}
        </aside>
      </div>

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">

          {timeline.length > 0 ? (
            <section aria-labelledby="timeline-heading" className="margin-y-3">
              <h2 id="timeline-heading">{t('proposals.detail.timeline')}</h2>
              <ol className="usa-list usa-list--unstyled" data-testid="timeline">
                {timeline.map((entry, i) => (
                  <li key={i} className="civitas-activity__item">
                    <span className="civitas-activity__what">
                      <TimelineText entry={entry} />
                    </span>
                    <span className="civitas-activity__meta">
                      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {isPublic ? <CommentThread resourceType="proposal" resourceId={proposal.id} stance title={t('proposals.detail.comments')} /> : null}
        </div>

      </div>
    </>
  );
}

function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { name, pick, date } = useLocalize();
  const by = entry.post && entry.department ? t('proposals.timeline.by', { post: pick(entry.post.title, entry.post.titleZh), department: name(entry.department) }) : null;
  let text: string;
  switch (entry.kind) {
    case 'qualified':
      text = t('proposals.timeline.qualified', { date: entry.dueAt ? date(new Date(new Date(entry.dueAt).getTime() - 1).toISOString()) : '' });
      break;
    case 'answered':
      text = entry.state === 'rejected' ? t('proposals.timeline.rejected') : t('proposals.timeline.accepted');
      break;
    default:
      text = t(`proposals.timeline.${entry.kind}`);
  }
  return (
    <>
      <strong>{text}</strong>
      {entry.late ? <span className="text-error-dark"> ({t('proposals.timeline.late')})</span> : null}
      {by ? <> · {by}</> : null}
    </>
  );
}
