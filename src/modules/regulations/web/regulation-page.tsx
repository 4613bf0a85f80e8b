/**
 * A draft regulation in one version: who published it and when, what the consultation allows now,
 * its articles with the responses to each, the department's response reports clause by clause,
 * the version switcher and, for the department, the way to the editor and the report.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { ClauseArticle } from './clause-article.js';
import { ConsultationWindows, usePostName } from './parts.js';
import type { RegulationDetail, Report } from './types.js';

export function RegulationPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { title, pick, date } = useLocalize();
  const { session } = useSession();
  const postName = usePostName();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? '';
  const detail = useLoad(
    () => api.get<RegulationDetail>(`/regulations/${encodeURIComponent(id)}`, { version: version || undefined }),
    [id, version, session?.user?.id],
  );
  const data = detail.data && detail.data.regulation.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? title(data.regulation) : notFound ? t('regulations.page.notFound') : t('regulations.page.title'));
  const [chosen, setChosen] = useState(version);

  if (notFound) {
    return (
      <>
        <h1>{t('regulations.page.title')}</h1>
        <p>
          {t('regulations.page.notFound')} <Link to={`/processes/${slug}/regulations`}>{t('regulations.backToList')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { regulation, versions, clauses, reports, abilities } = data;
  const shown = data.version;
  const published = versions.filter((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  const signer = postName(shown.post);
  const user = session?.user ?? null;
  const anyOpen = data.consultation.support.open || data.consultation.amend.open || data.consultation.comment.open;

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/processes/${data.process.slug}/regulations`}>{t('regulations.backToList')}</Link>
      </p>
      <h1>{pick(shown.title, shown.titleZh)}</h1>
      <p className="civitas-lead margin-top-0">
        <Link to={`/processes/${data.process.slug}`}>{title(data.process)}</Link>
      </p>
      <p className="civitas-tags">
        <Tag className={`civitas-tag ${regulation.status === 'published' ? 'bg-primary' : 'bg-base-dark'}`}>{t(`regulations.status.${regulation.status}`)}</Tag>
      </p>
      {shown.status === 'draft' ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('regulations.page.draftNotice')}
        </Alert>
      ) : null}
      {shown.status === 'published' && regulation.currentVersion && shown.number !== regulation.currentVersion ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('regulations.page.oldVersionNotice', { number: shown.number, current: regulation.currentVersion })}{' '}
          <Link to={`/processes/${data.process.slug}/regulations/${regulation.id}`}>{t('regulations.page.readCurrent')}</Link>
        </Alert>
      ) : null}
      {shown.publishedAt && shown.post ? <p className="text-base-dark">{t('regulations.page.publishedBy', { number: shown.number, date: date(shown.publishedAt), ...signer })}</p> : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          {versions.length > 1 ? (
            <form
              className="usa-form maxw-full margin-bottom-2"
              aria-label={t('regulations.page.versionSwitch')}
              onSubmit={(event) => {
                event.preventDefault();
                const next = new URLSearchParams(params);
                if (chosen) next.set('version', chosen);
                else next.delete('version');
                setParams(next);
              }}
            >
              <label className="usa-label margin-top-0" htmlFor="regulation-version">
                {t('regulations.page.versionSwitch')}
              </label>
              <div className="display-flex flex-wrap flex-align-center">
                <select className="usa-select margin-right-1 margin-top-05" id="regulation-version" name="version" value={chosen || String(shown.number)} onChange={(e) => setChosen(e.target.value)}>
                  {[...versions].reverse().map((v) => (
                    <option key={v.number} value={String(v.number)}>
                      {v.status === 'draft' ? t('regulations.page.draftOption', { number: v.number }) : t('regulations.page.versionOption', { number: v.number, date: date(v.publishedAt!) })}
                    </option>
                  ))}
                </select>
                <Button type="submit" outline className="margin-top-05">
                  {t('regulations.page.show')}
                </Button>
              </div>
            </form>
          ) : null}

          <section aria-labelledby="regulation-now" className="margin-y-2">
            <h2 id="regulation-now" className="usa-sr-only">
              {t('regulations.title')}
            </h2>
            <ConsultationWindows consultation={data.consultation} />
            {anyOpen && regulation.status === 'published' && !user ? (
              <p>
                <Link to="/signin" state={{ from: `/processes/${slug}/regulations/${id}` }}>
                  {t('regulations.page.takePart')}
                </Link>
              </p>
            ) : null}
            {data.consultation.support.open && user && !user.verified ? (
              <p>
                {t('regulations.page.verify')} <Link to="/verify">{t('regulations.page.verifyLink')}</Link>
              </p>
            ) : null}
          </section>

          {pick(shown.introduction, shown.introductionZh) ? (
            <section aria-labelledby="regulation-introduction" className="margin-y-2">
              <h2 id="regulation-introduction">{t('regulations.page.introduction')}</h2>
              <p className="civitas-prewrap">{pick(shown.introduction, shown.introductionZh)}</p>
            </section>
          ) : null}
          {shown.changeNote ? (
            <section aria-labelledby="regulation-change-note" className="margin-y-2">
              <h2 id="regulation-change-note">{t('regulations.page.changeNote')}</h2>
              <p className="civitas-prewrap">{pick(shown.changeNote, shown.changeNoteZh)}</p>
            </section>
          ) : null}

          <section aria-labelledby="regulation-articles" className="margin-y-3">
            <h2 id="regulation-articles">{t('regulations.page.articles')}</h2>
            {data.generalComments > 0 ? <p>{t('regulations.page.generalComments', { count: data.generalComments })}</p> : null}
            {clauses.map((clause) => (
              <ClauseArticle key={clause.id} regulationId={regulation.id} clause={clause} abilities={abilities} onChanged={detail.reload} />
            ))}
          </section>

          {regulation.status === 'published' ? (
            <section className="margin-y-3">
              <CommentThread resourceType="regulation" resourceId={regulation.id} stance title={t('regulations.page.allComments')} />
              <p className="usa-hint">{t('regulations.page.allCommentsHint')}</p>
            </section>
          ) : null}

          {regulation.status === 'published' ? (
            <section aria-labelledby="regulation-reports" className="margin-y-3">
              <h2 id="regulation-reports">{t('regulations.report.heading')}</h2>
              {reports.length === 0 ? <p>{t('regulations.report.none')}</p> : null}
              {reports.map((report) => (
                <ReportView key={report.id} report={report} />
              ))}
            </section>
          ) : null}
        </div>

        <div className="grid-col-12 desktop:grid-col-4">
          {regulation.status === 'published' ? <FollowButton resourceType="regulation" resourceId={regulation.id} /> : null}
          {published.length > 1 ? (
            <p>
              <Link
                className="usa-button usa-button--outline"
                to={`/processes/${data.process.slug}/regulations/${regulation.id}/compare?from=${published[published.length - 2]!.number}&to=${published[published.length - 1]!.number}`}
              >
                {t('regulations.page.compare')}
              </Link>
            </p>
          ) : null}
          {abilities.edit ? (
            <section aria-labelledby="regulation-manage" className="civitas-panel margin-bottom-4">
              <h2 id="regulation-manage">{t('regulations.page.manage')}</h2>
              <p>
                <Link className="usa-button" to={`/processes/${data.process.slug}/regulations/${regulation.id}/edit`}>
                  {draft ? t('regulations.page.editDraft', { number: draft.number }) : t('regulations.page.edit')}
                </Link>
              </p>
              {data.awaitingResponse.length > 0 ? <p>{t('regulations.page.awaiting', { count: data.awaitingResponse.length })}</p> : null}
              {abilities.report ? (
                <p>
                  <Link className="usa-button usa-button--outline" to={`/processes/${data.process.slug}/regulations/${regulation.id}/report`}>
                    {t('regulations.page.report')}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** A published response report: the summary, then each answered article with the decision, why, and what changed. */
export function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { pick, date } = useLocalize();
  const postName = usePostName();
  return (
    <article className="civitas-panel margin-bottom-3" aria-label={`${t('regulations.report.heading')} · ${t('regulations.report.onVersion', { number: report.versionNumber })}`} data-testid="report">
      <h3>{t('regulations.report.onVersion', { number: report.versionNumber })}</h3>
      <p className="text-base-dark font-ui-xs">{t('regulations.report.signed', { date: date(report.publishedAt), ...postName(report.post) })}</p>
      <p className="civitas-prewrap">{pick(report.summary, report.summaryZh)}</p>
      {report.items.map((item) => (
        <section key={item.clauseId} className="border-top-1px border-base-lighter padding-y-1" aria-label={pick(item.label, item.labelZh)}>
          <h4 className="margin-y-1">
            {pick(item.label, item.labelZh)}{' '}
            <Tag className={`civitas-tag ${item.decision === 'accepted' ? 'civitas-tag--verified' : item.decision === 'partly_accepted' ? 'civitas-tag--pending' : 'civitas-tag--rejected'}`}>
              {t(`regulations.report.decision.${item.decision}`)}
            </Tag>
          </h4>
          <p className="font-ui-xs text-base-dark margin-y-05">{t('regulations.report.feedback', item.counts)}</p>
          <p className="margin-y-05">
            <strong>{t('regulations.report.why')}:</strong> {pick(item.reasoning, item.reasoningZh)}
          </p>
          {item.change ? (
            <p className="margin-y-05">
              <strong>{t('regulations.report.change')}:</strong> {pick(item.change, item.changeZh)}
            </p>
          ) : null}
        </section>
      ))}
    </article>
  );
}
