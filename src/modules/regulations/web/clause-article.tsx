/**
 * One article of a draft regulation: its text, how people responded (comments, support,
 * opposition, other wording), the support/oppose buttons, and — opened on demand — the other
 * wordings people proposed with the form to propose one.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Form, Tag } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useUser } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { SelectField, TextAreaField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useDraft } from '../../../../web/src/ui/use-draft.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { CommentThread } from '../../../../web/src/ui/comments/comment-thread.js';
import { ReportButton } from '../../../../web/src/ui/comments/report-button.js';
import type { Alternative, ClauseView, Opinion, RegulationDetail } from './types.js';

export function ClauseArticle({ regulationId, clause, abilities, onChanged }: { regulationId: string; clause: ClauseView; abilities: RegulationDetail['abilities']; onChanged: () => void }) {
  const { t } = useTranslation();
  const { pick, language } = useLocalize();
  const label = pick(clause.label, clause.labelZh);
  const text = pick(clause.text, clause.textZh);
  const [open, setOpen] = useState(false);
  const headingId = `clause-${clause.id}-heading`;
  const counts = [
    t('regulations.clause.comments', { count: clause.counts.comments }),
    t('regulations.clause.supports', { count: clause.counts.supports }),
    t('regulations.clause.opposes', { count: clause.counts.opposes }),
    t('regulations.clause.alternatives', { count: clause.counts.alternatives }),
  ].join(' · ');
  return (
    <article id={`clause-${clause.id}`} aria-labelledby={headingId} className="border-top-1px border-base-lighter padding-y-2" data-testid="clause">
      <h3 id={headingId} className="margin-y-1">
        {label}
      </h3>
      {!clause.current ? (
        <p>
          <Tag className="civitas-tag bg-base-dark">{t('regulations.clause.notCurrent')}</Tag>
        </p>
      ) : null}
      <p className="civitas-prewrap" lang={language === 'zh-CN' && clause.textZh ? 'zh-CN' : 'en'}>
        {text}
      </p>
      <p className="font-ui-xs text-base-dark margin-y-1" data-testid="clause-counts">
        {counts}
      </p>
      {abilities.support && clause.current ? <OpinionButtons regulationId={regulationId} clause={clause} label={label} onChanged={onChanged} /> : null}
      <details className="civitas-details margin-top-1" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('regulations.clause.details')}</summary>
        {open ? (
          <div className="padding-top-1">
            <CommentThread resourceType="regulation" resourceId={regulationId} anchor={clause.id} stance headingLevel={4} title={`${t('regulations.clause.commentsHeading')}: ${label}`} />
            <Alternatives regulationId={regulationId} clause={clause} label={label} abilities={abilities} onChanged={onChanged} />
          </div>
        ) : null}
      </details>
    </article>
  );
}

/** Support / Oppose as toggle buttons (aria-pressed), and withdrawing one's opinion. */
function OpinionButtons({ regulationId, clause, label, onChanged }: { regulationId: string; clause: ClauseView; label: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const path = `/regulations/${encodeURIComponent(regulationId)}/clauses/${encodeURIComponent(clause.id)}/opinion`;
  const act = useAction(async (value: Opinion | null) => {
    if (value) await api.put(path, { value });
    else await api.delete(path);
    onChanged();
  });
  return (
    <div className="margin-y-1">
      <ApiErrorAlert error={act.error} />
      <div role="group" aria-label={t('regulations.clause.opinion', { label })} className="display-flex flex-wrap flex-align-center">
        {(['support', 'oppose'] as const).map((value) => (
          <Button
            key={value}
            type="button"
            outline={clause.myOpinion !== value}
            aria-pressed={clause.myOpinion === value}
            disabled={act.pending}
            className="margin-right-1 margin-bottom-1"
            onClick={() => void act.run(clause.myOpinion === value ? null : value)}
          >
            {t(`regulations.clause.${value}`)}
          </Button>
        ))}
        {clause.myOpinion ? (
          <Button type="button" unstyled className="margin-bottom-1" disabled={act.pending} onClick={() => void act.run(null)}>
            {t('regulations.clause.withdraw')}
          </Button>
        ) : null}
      </div>
      {clause.myOpinion ? (
        <p className="margin-y-05 font-ui-xs" role="status">
          {clause.myOpinion === 'support' ? t('regulations.clause.youSupport') : t('regulations.clause.youOppose')}
        </p>
      ) : null}
    </div>
  );
}

/** The other wordings proposed for the article, and the form to propose one while amending is open. */
function Alternatives({ regulationId, clause, label, abilities, onChanged }: { regulationId: string; clause: ClauseView; label: string; abilities: RegulationDetail['abilities']; onChanged: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalize();
  const path = `/regulations/${encodeURIComponent(regulationId)}/clauses/${encodeURIComponent(clause.id)}/alternatives`;
  const list = useLoad(() => api.get<{ alternatives: Alternative[] }>(path), [path]);
  return (
    <section aria-label={`${t('regulations.clause.alternativesHeading')}: ${label}`}>
      <h4 className="margin-y-1">{t('regulations.clause.alternativesHeading')}</h4>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.alternatives.length === 0 ? <p>{t('regulations.clause.noAlternatives')}</p> : null}
      {list.data && list.data.alternatives.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {list.data.alternatives.map((a) => (
            <li key={a.id} className="bg-base-lightest padding-2 margin-bottom-1 radius-md" data-testid="alternative">
              {a.hidden ? <Tag className="civitas-tag bg-error-dark">{t('regulations.clause.hidden')}</Tag> : null}
              <blockquote className="margin-0 civitas-prewrap">{a.text}</blockquote>
              <p className="margin-y-05">
                <strong>{t('regulations.clause.reason')}:</strong> {a.reason}
              </p>
              <p className="margin-y-05 font-ui-xs text-base-dark">
                <AlternativeAuthor author={a.author} /> · {t('regulations.clause.proposedOn', { date: dateTime(a.createdAt), number: a.versionNumber })}
                {!a.hidden ? (
                  <>
                    {' '}
                    · <ReportButton resourceType="regulation_alternative" resourceId={a.id} subject={`${t('regulations.clause.alternativesHeading')}: ${label}`} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {abilities.amend && clause.current ? (
        <AlternativeForm
          path={path}
          clauseId={clause.id}
          abilities={abilities}
          onSent={() => {
            list.reload();
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

/** "By Ana", or "By Ana for <organization>" with a link to the organization. */
function AlternativeAuthor({ author }: { author: Alternative['author'] }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  if (!author.organization) return <>{t('regulations.clause.by', { name: author.displayName })}</>;
  const [before, after] = t('regulations.clause.byFor', { name: author.displayName, organization: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Link to={`/organizations/${author.organization.slug}`}>{name(author.organization)}</Link>
      {after}
    </>
  );
}

function AlternativeForm({ path, clauseId, abilities, onSent }: { path: string; clauseId: string; abilities: RegulationDetail['abilities']; onSent: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const user = useUser();
  // Someone who is not a verified resident can only propose for an organization they represent.
  const asSelf = Boolean(user?.verified);
  const [form, setForm, clear] = useDraft(`regulation-alternative-${clauseId}`, { as: asSelf ? '' : (abilities.amendFor[0]?.id ?? ''), text: '', reason: '' });
  const [sent, setSent] = useState(false);
  const options = abilities.amendFor.map((o) => ({ value: o.id, label: t('regulations.clause.alternativeForm.asOrganization', { name: pick(o.name, o.nameZh) }) }));
  const submit = useAction(async () => {
    await api.post(path, { text: form.text, reason: form.reason, organizationId: form.as || null });
    clear();
    setSent(true);
    onSent();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(false);
    void submit.run();
  };
  const id = `alternative-${clauseId}`;
  return (
    <div className="margin-top-2">
      <h4 className="margin-y-1">{t('regulations.clause.alternativeForm.heading')}</h4>
      {sent ? (
        <Alert type="success" headingLevel="h5" slim role="status">
          {t('regulations.clause.alternativeForm.sent')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('regulations.clause.alternativeForm.heading')} className="maxw-full">
        {options.length > 0 ? (
          <SelectField
            id={`${id}-as`}
            name="organizationId"
            label={t('regulations.clause.alternativeForm.as')}
            value={form.as}
            onChange={(as) => setForm((f) => ({ ...f, as }))}
            emptyLabel={asSelf ? t('regulations.clause.alternativeForm.asSelf') : undefined}
            options={options}
            error={submit.error}
          />
        ) : null}
        <TextAreaField id={`${id}-text`} name="text" label={t('regulations.clause.alternativeForm.text')} hint={t('regulations.clause.alternativeForm.textHint')} maxLength={20000} value={form.text} onChange={(text) => setForm((f) => ({ ...f, text }))} error={submit.error} />
        <TextAreaField id={`${id}-reason`} name="reason" label={t('regulations.clause.alternativeForm.reason')} hint={t('regulations.clause.alternativeForm.reasonHint')} maxLength={5000} value={form.reason} onChange={(reason) => setForm((f) => ({ ...f, reason }))} error={submit.error} />
        <Button type="submit" disabled={submit.pending}>
          {t('regulations.clause.alternativeForm.submit')}
        </Button>
      </Form>
    </div>
  );
}
