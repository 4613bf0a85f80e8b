/**
 * One project: what it is, where, who proposed it, its cost (and the proposer's figure when the
 * review corrected it), the public technical review signed by a post, how it is being carried out
 * once selected, and comments. The department's officials review it here; its proposer may
 * withdraw it before voting starts.
 */
import { AttachmentList } from '../../../../web/src/ui/attachments.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { FollowButton } from '../../../../web/src/ui/follow-button.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { ProjectStateTag, useMoney } from './parts.js';
import { budgetUrl, type ImplementationStatusName, type ProjectDetail } from './types.js';

const implementationStatuses: ImplementationStatusName[] = ['not_started', 'in_progress', 'done'];

export function ProjectPage() {
  const { slug = '', id = '', projectId = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const { byId } = useAreas();
  const { title, name, pick, dateTime } = useLocalize();
  const money = useMoney();
  const detail = useLoad(() => api.get<ProjectDetail>(`/budgets/${encodeURIComponent(id)}/projects/${encodeURIComponent(projectId)}`), [id, projectId, session?.user?.id], session !== null);
  const data = detail.data && detail.data.project.id === projectId ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? pick(data.project.title, data.project.titleZh) : notFound ? t('budgeting.project.notFound') : t('budgeting.project.title'));
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const withdraw = useAction(async () => {
    await api.post(`/budgets/${id}/projects/${projectId}/withdraw`, {});
    setConfirmWithdraw(false);
    detail.reload();
  });

  if (notFound) {
    return (
      <>
        <h1>{t('budgeting.project.notFound')}</h1>
        <p>
          <Link to={budgetUrl(slug, id)}>{t('budgeting.project.backToBudget')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { project, review, budget, process, abilities } = data;
  const area = byId(project.areaId);
  const currency = budget.currency;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={budgetUrl(process.slug, budget.id)}>{t('budgeting.project.back', { budget: title(budget) })}</Link>
        </p>
        <h1 data-testid="project-title">{pick(project.title, project.titleZh)}</h1>
        <p className="margin-y-1">
          <ProjectStateTag state={project.state} />
        </p>
      </div>
      {project.state === 'withdrawn' ? (
        <Alert type="info" headingLevel="h2" slim>
          {t('budgeting.project.withdrawnNotice')}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <div className="civitas-prewrap" data-testid="project-description">
            {project.description}
          </div>
          <dl className="civitas-facts margin-top-3">
            <div>
              <dt>{t('budgeting.project.cost')}</dt>
              <dd data-testid="project-cost">
                <strong>{money(project.cost, currency)}</strong>
                {project.originalCost !== null ? <> · {t('budgeting.project.originalCost', { cost: money(project.originalCost, currency) })}</> : null}
              </dd>
            </div>
            <div>
              <dt>{t('budgeting.project.proposer')}</dt>
              <dd>
                {project.proposer.displayName ?? t('budgeting.project.formerAccount')}
                {project.proposer.organization ? (
                  <>
                    {' · '}
                    <Link to={`/organizations/${project.proposer.organization.slug}`}>{name(project.proposer.organization)}</Link>
                  </>
                ) : null}
              </dd>
            </div>
            {data.proposal ? (
              <div>
                <dt>{t('budgeting.project.fromProposal')}</dt>
                <dd>
                  <Link to={`/processes/${process.slug}/proposals/${data.proposal.id}`}>{data.proposal.title}</Link>
                </dd>
              </div>
            ) : null}
            {project.category ? (
              <div>
                <dt>{t('budgeting.project.category')}</dt>
                <dd>{project.category}</dd>
              </div>
            ) : null}
            {area ? (
              <div>
                <dt>{t('budgeting.project.area')}</dt>
                <dd>
                  <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
                </dd>
              </div>
            ) : null}
            {project.location ? (
              <div>
                <dt>{t('budgeting.project.location')}</dt>
                <dd>
                  {project.location.address}
                  {project.location.address && project.location.latitude !== null ? <br /> : null}
                  {project.location.latitude !== null && project.location.longitude !== null
                    ? t('budgeting.project.coordinates', { latitude: project.location.latitude, longitude: project.location.longitude })
                    : null}
                </dd>
              </div>
            ) : null}
            {project.state === 'selected' ? (
              <div>
                <dt>{t('budgeting.project.implementation')}</dt>
                <dd data-testid="implementation">{t(`budgeting.implementation.${project.implementationStatus}`)}</dd>
              </div>
            ) : null}
          </dl>
          <AttachmentList attachments={project.attachments} />

          <section aria-labelledby="review-heading" className="margin-y-3" data-testid="review">
            <h2 id="review-heading">{t('budgeting.project.review')}</h2>
            {review ? (
              <div className={`usa-summary-box ${review.state === 'infeasible' ? 'border-error-dark' : ''}`}>
                <div className="usa-summary-box__body">
                  <p className="margin-top-0 text-bold">{t(`budgeting.review.${review.state}`)}</p>
                  <p className="civitas-prewrap">{review.reason}</p>
                  {project.originalCost !== null ? (
                    <p>{t('budgeting.review.costCorrected', { from: money(project.originalCost, currency), to: money(project.cost, currency) })}</p>
                  ) : null}
                  <p className="margin-bottom-0 text-base-darker">
                    {review.post ? t('budgeting.review.by', { post: pick(review.post.title, review.post.titleZh), department: name(review.department) }) : name(review.department)}
                    {' · '}
                    {dateTime(review.reviewedAt)}
                  </p>
                </div>
              </div>
            ) : (
              <p>{project.state === 'withdrawn' ? t('budgeting.review.none') : t('budgeting.review.pending')}</p>
            )}
          </section>

          {abilities.review ? <ReviewForm detail={data} onDone={detail.reload} /> : data.reviewBlocked ? <p className="text-base">{data.reviewBlocked.message}</p> : null}
          {abilities.implementation ? <ImplementationForm detail={data} onDone={detail.reload} /> : null}

          {abilities.withdraw ? (
            <section aria-labelledby="withdraw-heading" className="margin-y-3">
              <h2 id="withdraw-heading" className="font-heading-md">
                {t('budgeting.project.withdrawHeading')}
              </h2>
              <ApiErrorAlert error={withdraw.error} />
              {!confirmWithdraw ? (
                <Button type="button" secondary onClick={() => setConfirmWithdraw(true)}>
                  {t('budgeting.project.withdraw')}
                </Button>
              ) : (
                <div className="civitas-panel" role="alertdialog" aria-labelledby="withdraw-question">
                  <p id="withdraw-question">{t('budgeting.project.withdrawConfirm')}</p>
                  <Button type="button" secondary disabled={withdraw.pending} onClick={() => void withdraw.run()}>
                    {t('budgeting.project.confirmWithdraw')}
                  </Button>
                  <Button type="button" outline onClick={() => setConfirmWithdraw(false)}>
                    {t('budgeting.project.cancel')}
                  </Button>
                </div>
              )}
            </section>
          ) : null}

          <CommentThread resourceType="budget_project" resourceId={project.id} stance title={t('budgeting.project.comments')} />
        </div>
        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('budgeting.project.follow')}>
          <FollowButton resourceType="budget_project" resourceId={project.id} />
        </aside>
      </div>
    </>
  );
}

/** The officials' technical review: feasible or not, a reason everyone will read, and a corrected cost. */
function ReviewForm({ detail, onDone }: { detail: ProjectDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { project, budget } = detail;
  const [decision, setDecision] = useState<'feasible' | 'infeasible'>(detail.review?.state ?? 'feasible');
  const [reason, setReason] = useState(detail.review?.reason ?? '');
  const [cost, setCost] = useState(String(project.cost));
  const save = useAction(async () => {
    const value = Number(cost.replace(',', '.'));
    await api.post(`/budgets/${budget.id}/projects/${project.id}/review`, { decision, reason, cost: cost.trim() === '' || !Number.isFinite(value) ? null : value });
    onDone();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <section aria-labelledby="review-form-heading" className="margin-y-3 civitas-manage" data-testid="review-form">
      <h2 id="review-form-heading" className="font-heading-md">
        {detail.review ? t('budgeting.review.change') : t('budgeting.review.give')}
      </h2>
      <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-labelledby="review-form-heading">
        <ApiErrorAlert error={save.error} />
        <Fieldset legend={t('budgeting.review.decision')}>
          {(['feasible', 'infeasible'] as const).map((d) => (
            <div className="usa-radio" key={d}>
              <input className="usa-radio__input" id={`decision-${d}`} type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              <label className="usa-radio__label" htmlFor={`decision-${d}`}>
                {t(`budgeting.review.${d}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        <TextAreaField id="review-reason" name="reason" label={t('budgeting.review.reason')} hint={t('budgeting.review.reasonHint')} maxLength={5000} value={reason} onChange={setReason} error={save.error} />
        <TextField id="review-cost" name="cost" type="number" label={t('budgeting.review.cost', { currency: budget.currency })} hint={t('budgeting.review.costHint')} value={cost} onChange={setCost} error={save.error} />
        <Button type="submit" disabled={save.pending}>
          {t('budgeting.review.save')}
        </Button>
      </Form>
    </section>
  );
}

function ImplementationForm({ detail, onDone }: { detail: ProjectDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(detail.project.implementationStatus);
  const save = useAction(async () => {
    await api.put(`/budgets/${detail.budget.id}/projects/${detail.project.id}/implementation`, { status });
    onDone();
  });
  return (
    <section aria-labelledby="implementation-heading" className="margin-y-3 civitas-manage">
      <h2 id="implementation-heading" className="font-heading-md">
        {t('budgeting.implementation.heading')}
      </h2>
      <Form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save.run();
        }}
        className="maxw-tablet"
        aria-labelledby="implementation-heading"
      >
        <ApiErrorAlert error={save.error} />
        <SelectField
          id="implementation-status"
          name="status"
          label={t('budgeting.implementation.status')}
          options={implementationStatuses.map((s) => ({ value: s, label: t(`budgeting.implementation.${s}`) }))}
          value={status}
          onChange={setStatus}
          error={save.error}
        />
        <Button type="submit" disabled={save.pending}>
          {t('budgeting.implementation.save')}
        </Button>
      </Form>
    </section>
  );
}
