/**
 * One participatory process: what is being decided, what you can do now and until when, who in
 * government answers for it, on what legal basis, and the phases on a timeline.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { moduleWebs } from '../../../../web/src/app/modules.js';
import { componentPaths, type ComponentName, type Phase, type ProcessDetail } from './types.js';

export function ProcessPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { title, pick, dateTime, date } = useLocalize();
  const detail = useLoad(() => api.get<ProcessDetail>(`/processes/${slug}`), [slug]);
  const data = detail.data;
  usePageTitle(data ? title(data.process) : t('processes.detail.title'));

  const publish = useAction(async () => {
    await api.post(`/processes/${slug}/publish`, {});
    detail.reload();
  });
  const advance = useAction(async (phaseId: string) => {
    await api.post(`/processes/${slug}/advance`, { phaseId });
    detail.reload();
  });

  if (detail.error) return <ApiErrorAlert error={detail.error} />;
  if (!data) return <Loading />;
  const { process, phases, openActions, nextPhase, abilities } = data;
  const now = Date.now();
  const phaseState = (phase: Phase) =>
    process.currentPhase?.id === phase.id ? 'current' : new Date(phase.endsAt).getTime() <= now ? 'done' : 'upcoming';

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/processes">{t('processes.detail.back')}</Link>
      </p>
      <h1>{title(process)}</h1>
      <p>
        <Tag className={`civitas-stage civitas-stage--${process.stage}`}>{t(`processes.stage.${process.stage}`)}</Tag>{' '}
        {process.status === 'draft' ? <Tag>{t('processes.draft')}</Tag> : null}
      </p>
      <p className="usa-intro">{pick(process.summary, process.summaryZh)}</p>

      {process.status === 'draft' ? (
        <Alert type="warning" headingLevel="h2" slim>
          {t('processes.detail.draftNotice')}
        </Alert>
      ) : null}

      <section aria-labelledby="now-heading" className="margin-y-3">
        <h2 id="now-heading">{t('processes.detail.nowHeading')}</h2>
        {openActions.length === 0 ? (
          <p>{process.stage === 'finished' ? t('processes.detail.nothingOpenFinished') : t('processes.detail.nothingOpen')}</p>
        ) : (
          <ul className="usa-list">
            {openActions.map((a) => {
              const path = componentPaths[a.component];
              const label = t('processes.detail.openAction', {
                action: t(`processes.actions.${a.component}.${a.action}` as never),
                date: dateTime(a.until),
              });
              return <li key={`${a.component}-${a.action}`}>{path ? <Link to={`/processes/${slug}/${path}`}>{label}</Link> : label}</li>;
            })}
          </ul>
        )}
        {process.components.some((c) => componentPaths[c]) ? (
          <p>
            {process.components
              .filter((c) => componentPaths[c])
              .map((c, i) => (
                <span key={c}>
                  {i > 0 ? ' · ' : null}
                  <Link to={`/processes/${slug}/${componentPaths[c]}`}>{t(`processes.components.${c}`)}</Link>
                </span>
              ))}
          </p>
        ) : null}
      </section>

      {moduleWebs.flatMap((m) =>
        Object.entries(m.processSections ?? {})
          .filter(([component]) => process.components.includes(component as ComponentName) && process.status === 'published')
          .map(([component, Section]) => <Section key={component} processSlug={slug} />),
      )}

      <section aria-labelledby="who-heading" className="margin-y-3">
        <h2 id="who-heading">{t('processes.detail.whoHeading')}</h2>
        <p>
          {t('processes.detail.responsible')}{' '}
          <Link to={`/organizations/${process.department.slug}`}>{pick(process.department.name, process.department.nameZh)}</Link>
          {process.post ? <> · {pick(process.post.title, process.post.titleZh)}</> : null}
        </p>
        {process.components.includes('proposals') ? (
          <p>{t('processes.detail.threshold', { supports: process.supportThreshold, days: process.answerWorkingDays })}</p>
        ) : null}
        <details className="civitas-legal-basis">
          <summary>{t('processes.detail.legalBasis')}</summary>
          <p>{pick(process.legalBasis, process.legalBasisZh)}</p>
          {process.legalReference ? (
            <p>
              {/^https?:\/\//.test(process.legalReference) ? (
                <a href={process.legalReference} rel="noreferrer noopener">
                  {process.legalReference}
                </a>
              ) : (
                process.legalReference
              )}
            </p>
          ) : null}
        </details>
      </section>

      <section aria-labelledby="timeline-heading" className="margin-y-3">
        <h2 id="timeline-heading">{t('processes.detail.timeline')}</h2>
        <ol className="usa-process-list">
          {phases.map((phase) => {
            const state = phaseState(phase);
            const actions = Object.entries(phase.actions).flatMap(([component, list]) =>
              (list ?? []).map((action) => t(`processes.actions.${component}.${action}` as never)),
            );
            return (
              <li key={phase.id} className={`usa-process-list__item civitas-phase civitas-phase--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                <h3 className="usa-process-list__heading">
                  {title(phase)} <Tag className={`civitas-phase-tag civitas-phase-tag--${state}`}>{t(`processes.phaseState.${state}`)}</Tag>
                </h3>
                <p className="margin-top-05">{t('processes.detail.phaseDates', { start: date(phase.startsAt), end: date(phase.endsAt) })}</p>
                {phase.description ? <p>{pick(phase.description, phase.descriptionZh)}</p> : null}
                {actions.length > 0 ? <p className="text-base">{t('processes.detail.phaseActions', { actions: actions.join(t('processes.listSeparator')) })}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>

      {pick(process.body, process.bodyZh) ? (
        <section aria-labelledby="about-heading" className="margin-y-3">
          <h2 id="about-heading">{t('processes.detail.about')}</h2>
          {pick(process.body, process.bodyZh)
            .split(/\n{2,}/)
            .map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
        </section>
      ) : null}

      {abilities.update || abilities.publish || abilities.advance ? (
        <section aria-labelledby="manage-heading" className="margin-y-3 civitas-manage">
          <h2 id="manage-heading">{t('processes.detail.manage')}</h2>
          <ApiErrorAlert error={publish.error ?? advance.error} />
          <div className="display-flex flex-wrap">
            {abilities.update ? (
              <Link className="usa-button usa-button--outline" to={`/processes/${slug}/edit`}>
                {t('processes.detail.edit')}
              </Link>
            ) : null}
            {abilities.publish ? (
              <Button type="button" disabled={publish.pending} onClick={() => void publish.run()}>
                {t('processes.detail.publish')}
              </Button>
            ) : null}
            {abilities.advance && nextPhase ? (
              <Button type="button" secondary disabled={advance.pending} onClick={() => void advance.run(nextPhase.id)}>
                {t('processes.detail.advance', { phase: title(nextPhase) })}
              </Button>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
