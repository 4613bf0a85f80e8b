/**
 * One commitment or program: what it is and why (legal basis, origin), who is responsible, for
 * whom, the expected benefit against its baseline and target, progress and spending against plan,
 * milestones, documents, the consultation and the decision side by side, the residents' ratings
 * per round (with the form for eligible residents), the image-project assessment with its data and
 * formula, the public timeline, comments, and the department's forms.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form, Radio, Table } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
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
import { BarChart } from './charts.js';
import { ImageTag, Meter, StatusTag, useFormats } from './parts.js';
import { StaffPanel } from './staff-panel.js';
import type { CommitmentDetail, RoundAggregate, TimelineEntry } from './types.js';

const CRITERIA = ['benefit', 'valueForMoney', 'openness', 'delivered'] as const;
type Criterion = (typeof CRITERIA)[number];

function ScoreRadios({ name, value, onChange, legend }: { name: string; value: number; onChange: (v: number) => void; legend: string }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend} legendStyle="default" className="margin-top-2">
      <div className="display-flex flex-wrap">
        {[1, 2, 3, 4, 5].map((score) => (
          <Radio
            key={score}
            id={`${name}-${score}`}
            name={name}
            value={String(score)}
            checked={value === score}
            onChange={() => onChange(score)}
            label={t(`accountability.scores.${score}`)}
            className="margin-right-2"
          />
        ))}
      </div>
    </Fieldset>
  );
}

function RatingForm({ detail, onDone }: { detail: CommitmentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const mine = detail.ratings.mine;
  const [values, setValues] = useState<Record<Criterion, number>>({
    benefit: mine?.benefit ?? 0,
    valueForMoney: mine?.valueForMoney ?? 0,
    openness: mine?.openness ?? 0,
    delivered: mine?.delivered ?? 0,
  });
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const send = useAction(async () => {
    await api.put(`/commitments/${detail.commitment.id}/rating`, { ...values, comment: comment || null });
    setSaved(true);
    onDone();
  });
  const complete = CRITERIA.every((c) => values[c] > 0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-labelledby="rate-heading" className="civitas-panel margin-y-3" data-testid="rating-form">
      <h3 id="rate-heading" className="margin-top-0">
        {t(`accountability.rating.formTitle.${detail.ratings.openRound}`)}
      </h3>
      <p>{mine ? t('accountability.rating.changeIntro') : t('accountability.rating.intro')}</p>
      <ApiErrorAlert error={send.error} />
      {saved ? (
        <Alert type="success" headingLevel="h4" slim role="status">
          {t('accountability.rating.saved')}
        </Alert>
      ) : null}
      <Form onSubmit={submit} className="maxw-full">
        {CRITERIA.map((c) => (
          <ScoreRadios key={c} name={`rating-${c}`} legend={t(`accountability.criteria.${c}`)} value={values[c]} onChange={(v) => setValues({ ...values, [c]: v })} />
        ))}
        <TextAreaField id="rating-comment" name="comment" label={t('accountability.rating.comment')} optional value={comment} onChange={setComment} error={send.error} />
        <Button type="submit" disabled={!complete || send.pending} className="margin-top-2">
          {mine ? t('accountability.rating.update') : t('accountability.rating.submit')}
        </Button>
      </Form>
    </section>
  );
}

function RoundResults({ round }: { round: RoundAggregate }) {
  const { t } = useTranslation();
  const { rating, decimal } = useFormats();
  if (round.count === 0) return <p className="text-base">{t('accountability.rating.noneYet')}</p>;
  return (
    <>
      <BarChart
        title={t('accountability.rating.chartTitle', { round: t(`accountability.rounds.${round.round}`), count: round.count })}
        bars={CRITERIA.map((c) => ({ label: t(`accountability.criteria.${c}`), value: round[c].average, text: rating(round[c].average) }))}
        max={5}
        testId={`ratings-chart-${round.round}`}
      />
      <details className="civitas-details">
        <summary>{t('accountability.rating.distribution')}</summary>
        <div className="civitas-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{t('accountability.rating.distribution')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountability.rating.criterion')}</th>
                {[1, 2, 3, 4, 5].map((s) => (
                  <th key={s} scope="col">
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CRITERIA.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`accountability.criteria.${c}`)}</th>
                  {round[c].distribution.map((n, i) => (
                    <td key={i}>{decimal(n)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </>
  );
}

function ConsultationResults({ results }: { results: NonNullable<CommitmentDetail['consultation']>['results'] }) {
  const { t } = useTranslation();
  const { rating, decimal } = useFormats();
  return (
    <dl className="civitas-facts" data-testid="consultation-results">
      <div>
        <dt>{t('accountability.consultation.approvals')}</dt>
        <dd>{t('accountability.consultation.approvalValue', { average: rating(results.approvals.average), count: results.approvals.count })}</dd>
      </div>
      <div>
        <dt>{t('accountability.consultation.comments')}</dt>
        <dd>
          {t('accountability.consultation.stances', {
            total: decimal(results.comments.total),
            inFavour: decimal(results.comments.inFavour),
            against: decimal(results.comments.against),
            neutral: decimal(results.comments.neutral),
          })}
        </dd>
      </div>
    </dl>
  );
}

function ApprovalForm({ detail, onDone }: { detail: CommitmentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(detail.consultation?.myApproval ?? 0);
  const send = useAction(async () => {
    await api.put(`/commitments/${detail.commitment.id}/approval`, { approval: value });
    onDone();
  });
  return (
    <Form
      className="maxw-full"
      data-testid="approval-form"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void send.run();
      }}
    >
      <ApiErrorAlert error={send.error} />
      <ScoreRadios name="approval" legend={t('accountability.consultation.approvalQuestion')} value={value} onChange={setValue} />
      {detail.consultation?.myApproval ? <p className="text-base">{t('accountability.consultation.yourApproval', { value: detail.consultation.myApproval })}</p> : null}
      <Button type="submit" disabled={value === 0 || send.pending}>
        {t('accountability.consultation.approve')}
      </Button>
    </Form>
  );
}

function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const { dateTime, date, pick, name } = useLocalize();
  const { money } = useFormats();
  return (
    <ol className="usa-list usa-list--unstyled" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={i} className="border-left-05 border-primary-light padding-left-2 padding-bottom-2">
          <p className="margin-0 text-bold">{t(`accountability.timeline.${e.kind}`, { defaultValue: e.kind })}</p>
          <p className="margin-0 font-ui-xs text-base-dark">
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            {e.post ? <> · {pick(e.post.title, e.post.titleZh)}{e.post.department ? `, ${name(e.post.department)}` : ''}</> : e.automatic ? <> · {t('accountability.timeline.automatic')}</> : null}
          </p>
          {e.progress !== null ? <p className="margin-0">{t('accountability.timeline.progressLine', { progress: e.progress, spent: money(e.spent ?? 0) })}</p> : null}
          {e.milestone ? (
            <p className="margin-0">
              {e.milestone}
              {e.status && e.kind === 'milestone_updated' ? ` · ${t(`accountability.milestoneStatus.${e.status}`)}` : ''}
              {e.dueOn ? ` · ${t('accountability.milestones.due', { date: date(e.dueOn) })}` : ''}
              {e.previousDueOn ? ` (${t('accountability.timeline.movedFrom', { date: date(e.previousDueOn) })})` : ''}
            </p>
          ) : null}
          {e.note ? <p className="margin-0 civitas-prewrap">{e.note}</p> : null}
          {e.text ? <p className="margin-0 civitas-prewrap">{e.text}</p> : null}
          {e.changes.length > 0 ? <p className="margin-0">{t('accountability.timeline.changed', { fields: e.changes.map((c) => t(`accountability.fields.${c}`, { defaultValue: c })).join(', ') })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function CommitmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { name, pick, date, dateTime } = useLocalize();
  const { money, rating, share, decimal } = useFormats();
  const { byId } = useAreas();
  const location = useLocation();
  const detail = useLoad(() => api.get<CommitmentDetail>(`/commitments/${encodeURIComponent(id)}`), [id]);
  const data = detail.data && detail.data.commitment.id === id ? detail.data : null;
  const notFound = detail.error?.status === 404 || detail.error?.status === 400;
  usePageTitle(data ? pick(data.commitment.title, data.commitment.titleZh) : notFound ? t('accountability.detail.notFound') : t('accountability.list.title'));

  if (notFound) {
    return (
      <>
        <h1>{t('accountability.detail.notFound')}</h1>
        <p>
          <Link to="/commitments">{t('accountability.list.title')}</Link>
        </p>
      </>
    );
  }
  if (detail.error && !data) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { commitment: c, consultation, decision, image, imageFormula, ratings, abilities } = data;
  const area = byId(c.areaId);
  const spendTone = c.spent > c.plannedBudget ? 'warning' : 'primary';
  const signInPath = `/signin?next=${encodeURIComponent(location.pathname)}`;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to="/commitments">{t('accountability.list.title')}</Link>
        </p>
        <h1 data-testid="commitment-title">{pick(c.title, c.titleZh)}</h1>
        <p className="margin-y-1">
          <StatusTag status={c.status} /> {image.flagged ? <ImageTag /> : null} <span className="text-base">{t(`accountability.kind.${c.kind}`)}</span>
          {c.late ? <strong className="text-error-dark"> · {t('accountability.detail.late')}</strong> : null}
        </p>
        <p className="margin-0 text-base">
          {name(c.department)}
          {c.post ? ` · ${pick(c.post.title, c.post.titleZh)}` : ''}
          {area ? (
            <>
              {' · '}
              <Link to={`/areas/${area.slug}`}>{name(area)}</Link>
            </>
          ) : (
            ` · ${t('accountability.form.everywhere')}`
          )}
        </p>
      </div>

      {c.status === 'cancelled' && c.cancelReason ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('accountability.detail.cancelled', { date: date(c.cancelledAt ?? c.updatedAt) })} {c.cancelReason}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t('accountability.detail.about')}</h2>
            <div className="civitas-prewrap">{pick(c.description, c.descriptionZh)}</div>
            <dl className="civitas-facts margin-top-3">
              <div>
                <dt>{t('accountability.detail.legalBasis')}</dt>
                <dd>{pick(c.legalBasis, c.legalBasisZh)}</dd>
              </div>
              {data.origin ? (
                <div>
                  <dt>{t('accountability.detail.origin')}</dt>
                  <dd data-testid="origin">
                    {t(`accountability.origin.${data.origin.type}`)}
                    {data.origin.path && data.origin.title ? (
                      <>
                        {t('accountability.colon')}
                        <Link to={data.origin.path}>{data.origin.title}</Link>
                      </>
                    ) : null}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('accountability.detail.dates')}</dt>
                <dd>{t('accountability.detail.dateRange', { from: date(c.plannedStart), to: date(c.plannedEnd) })}</dd>
              </div>
              <div>
                <dt>{t('accountability.detail.benefit')}</dt>
                <dd data-testid="benefit">
                  {pick(c.benefit.indicator, c.benefit.indicatorZh)}
                  {t('accountability.colon')}
                  {t('accountability.detail.benefitLine', { baseline: decimal(c.benefit.baseline), target: decimal(c.benefit.target), unit: c.benefit.unit })}
                  {c.benefit.current !== null ? ` · ${t('accountability.detail.benefitNow', { value: decimal(c.benefit.current), unit: c.benefit.unit })}` : ''}
                </dd>
              </div>
            </dl>
            <AttachmentList attachments={c.documents} />
          </section>

          <section aria-labelledby="progress-heading" className="margin-y-3">
            <h2 id="progress-heading">{t('accountability.detail.progress')}</h2>
            <Meter label={t('accountability.detail.done')} value={c.progress} max={100} text={`${c.progress}%`} tone={c.status === 'completed' ? 'success' : 'primary'} testId="progress-meter" />
            <Meter
              label={t('accountability.detail.spendVsPlan')}
              value={c.spent}
              max={Math.max(c.plannedBudget, c.spent)}
              text={t('accountability.detail.spendText', { spent: money(c.spent, c.currency), planned: money(c.plannedBudget, c.currency), share: share(c.plannedBudget > 0 ? c.spent / c.plannedBudget : null) })}
              tone={spendTone}
              testId="spend-meter"
            />
            <h3>{t('accountability.milestones.title')}</h3>
            {data.milestones.length === 0 ? <p className="text-base">{t('accountability.milestones.none')}</p> : null}
            <ul className="usa-list usa-list--unstyled" data-testid="milestones">
              {data.milestones.map((m) => (
                <li key={m.id} className="padding-y-1 border-bottom border-base-lighter">
                  <span className="text-bold">{pick(m.title, m.titleZh)}</span> · {t(`accountability.milestoneStatus.${m.status}`)} · {t('accountability.milestones.due', { date: date(m.dueOn) })}
                  {m.completedAt ? ` · ${t('accountability.milestones.completedOn', { date: date(m.completedAt) })}` : ''}
                  {m.late ? <strong className="text-error-dark"> · {t('accountability.detail.late')}</strong> : null}
                </li>
              ))}
            </ul>
            {data.updates.length > 0 ? (
              <>
                <h3>{t('accountability.updates.title')}</h3>
                <ul className="usa-list usa-list--unstyled">
                  {data.updates.map((u) => (
                    <li key={u.at} className="padding-y-1 border-bottom border-base-lighter">
                      <p className="margin-0 font-ui-xs text-base-dark">
                        <time dateTime={u.at}>{dateTime(u.at)}</time>
                        {u.post ? ` · ${pick(u.post.title, u.post.titleZh)}` : ''} · {t('accountability.timeline.progressLine', { progress: u.progress, spent: money(u.spent, c.currency) })}
                      </p>
                      <p className="margin-0 civitas-prewrap">{pick(u.note, u.noteZh)}</p>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          {consultation ? (
            <section aria-labelledby="consultation-heading" className="margin-y-3" data-testid="consultation">
              <h2 id="consultation-heading">{t('accountability.consultation.title')}</h2>
              <p>
                {consultation.open
                  ? t('accountability.consultation.openUntil', { date: dateTime(consultation.endsAt) })
                  : t('accountability.consultation.closed', { from: date(consultation.opensAt), to: date(consultation.endsAt) })}
              </p>
              {decision ? null : <ConsultationResults results={consultation.results} />}
              {abilities.approve ? <ApprovalForm detail={data} onDone={detail.reload} /> : null}
              {consultation.open && !abilities.approve && data.participationBlocked ? <p className="text-base">{data.participationBlocked.message}</p> : null}
              {consultation.open && !data.participationBlocked && !abilities.approve ? (
                <p>
                  <Link to={signInPath}>{t('accountability.signInToTakePart')}</Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {decision ? (
            <section aria-labelledby="decision-heading" className="margin-y-3" data-testid="decision">
              <h2 id="decision-heading">{t(`accountability.decision.${decision.outcome}`)}</h2>
              <div className="grid-row grid-gap">
                {decision.consultation ? (
                  <div className="grid-col-12 tablet:grid-col-6">
                    <div className="usa-summary-box margin-bottom-2">
                      <div className="usa-summary-box__body">
                        <h3 className="usa-summary-box__heading">{t('accountability.decision.consultationSide')}</h3>
                        <ConsultationResults results={decision.consultation} />
                      </div>
                    </div>
                  </div>
                ) : null}
                <div className={decision.consultation ? 'grid-col-12 tablet:grid-col-6' : 'grid-col-12'}>
                  <div className="usa-summary-box margin-bottom-2">
                    <div className="usa-summary-box__body">
                      <h3 className="usa-summary-box__heading">{t('accountability.decision.departmentSide')}</h3>
                      <p className="civitas-prewrap">{pick(decision.text, decision.textZh)}</p>
                      {decision.consultationResponse ? (
                        <>
                          <p className="text-bold margin-bottom-0">{t('accountability.decision.response')}</p>
                          <p className="civitas-prewrap margin-top-0" data-testid="consultation-response">
                            {decision.consultationResponse}
                          </p>
                        </>
                      ) : null}
                      <p className="margin-bottom-0 text-base-darker">
                        {decision.post ? `${pick(decision.post.title, decision.post.titleZh)}, ${name(c.department)}` : name(c.department)} · {dateTime(decision.at)}
                      </p>
                    </div>
                  </div>
                </div>
              </div>
            </section>
          ) : null}

          <section aria-labelledby="ratings-heading" className="margin-y-3" data-testid="ratings">
            <h2 id="ratings-heading">{t('accountability.rating.title')}</h2>
            <p>{t('accountability.rating.explain')}</p>
            {ratings.rounds.map((r) => (
              <div key={r.round}>
                <h3>{t(`accountability.rounds.${r.round}`)}</h3>
                <RoundResults round={r} />
              </div>
            ))}
            {abilities.rate ? <RatingForm key={ratings.mine ? 'mine' : 'new'} detail={data} onDone={detail.reload} /> : null}
            {ratings.openRound && !abilities.rate ? (
              data.participationBlocked ? (
                <p className="text-base">{data.participationBlocked.message}</p>
              ) : (
                <p>
                  <Link to={signInPath}>{t('accountability.signInToRate')}</Link>
                </p>
              )
            ) : null}
            {!ratings.openRound ? <p className="text-base">{t('accountability.rating.notOpen')}</p> : null}
          </section>

          <section aria-labelledby="image-heading" className="margin-y-3" data-testid="image-project">
            <h2 id="image-heading">{t('accountability.image.title')}</h2>
            <p className={image.flagged ? 'text-bold text-error-dark' : ''} data-testid="image-verdict">
              {image.flagged ? t('accountability.image.flagged') : t('accountability.image.notFlagged')}
            </p>
            <dl className="civitas-facts">
              <div>
                <dt>{t(`accountability.image.measure.${imageFormula.basis}`)}</dt>
                <dd>
                  {money(image.spendMeasure, c.currency)} ·{' '}
                  {image.peerThreshold === null
                    ? t('accountability.image.fewPeers', { peers: image.peers, min: imageFormula.minPeers })
                    : t('accountability.image.peerLine', { threshold: money(image.peerThreshold, c.currency), peers: image.peers, quantile: share(imageFormula.spendQuantile) })}{' '}
                  → {image.spendHigh ? t('accountability.image.high') : t('accountability.image.notHigh')}
                </dd>
              </div>
              <div>
                <dt>{t('accountability.criteria.benefit')}</dt>
                <dd>
                  {t('accountability.image.benefitLine', { average: rating(image.benefitAverage), count: image.ratings, threshold: decimal(imageFormula.benefitThreshold), min: imageFormula.minRatings })} →{' '}
                  {image.benefitLow ? t('accountability.image.low') : t('accountability.image.notLow')}
                </dd>
              </div>
            </dl>
            <details className="civitas-details">
              <summary>{t('accountability.image.howTitle')}</summary>
              <p>{t('accountability.image.how', { quantile: share(imageFormula.spendQuantile), minPeers: imageFormula.minPeers, threshold: decimal(imageFormula.benefitThreshold), minRatings: imageFormula.minRatings, basis: t(`accountability.image.measure.${imageFormula.basis}`) })}</p>
              <p>
                <Link to="/scorecards#method">{t('accountability.image.methodLink')}</Link>
              </p>
            </details>
          </section>

          <StaffPanel detail={data} onChanged={detail.reload} />

          <CommentThread resourceType="commitment" resourceId={c.id} stance={Boolean(consultation?.open)} />
        </div>

        <aside className="grid-col-12 desktop:grid-col-4" aria-label={t('accountability.detail.sidebar')}>
          <div className="civitas-panel margin-bottom-3">
            <h2 className="font-heading-md">{t('accountability.detail.atAGlance')}</h2>
            <p className="margin-y-1">{t('accountability.detail.averageRating', { rating: rating(c.averageRating), count: c.ratings })}</p>
            <p className="margin-y-1">{t('accountability.detail.dateRange', { from: date(c.plannedStart), to: date(c.plannedEnd) })}</p>
            <FollowButton resourceType="commitment" resourceId={c.id} />
          </div>
          <div className="civitas-panel margin-bottom-3">
            <h2 className="font-heading-md">{t('accountability.timeline.title')}</h2>
            <TimelineList entries={data.timeline} />
          </div>
        </aside>
      </div>
    </>
  );
}
