/**
 * The moderators' queue: reported and hidden content with the reasons people gave (never who they
 * are), and the decisions: hide, restore (both with a reason the author is told and the public
 * audit log shows) or block the author's account. Administrators also set how many reports hide
 * content and how long comments stay editable. What each button may do comes from the server.
 */
import { Pager } from '../ui/pager.js';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { api } from '../api.js';
import { useSession } from '../app/session.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLocalize } from '../ui/localize.js';
import { usePageTitle } from '../ui/page-title.js';
import { SignInRequired } from '../ui/sign-in-required.js';
import { useAction } from '../ui/use-action.js';
import { useLoad } from '../ui/use-load.js';
import { queueStatuses, reportReasons, type ModerationSettings, type QueueItem, type QueueStatus } from '../ui/comments/types.js';

const PAGE_SIZE = 20;

export function ModerationPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  usePageTitle(t('moderation.title'));
  const user = session?.user ?? null;
  const allowed = Boolean(user && (user.roles.includes('moderator') || user.roles.includes('administrator')));

  return (
    <>
      <div className="civitas-page-head">
        <h1>{t('moderation.title')}</h1>
        <p className="civitas-lead margin-top-0">{t('moderation.intro')}</p>
      </div>
      {!session ? <Loading /> : !user ? <SignInRequired /> : !allowed ? <p>{t('moderation.notAllowed')}</p> : <Queue isAdministrator={user.roles.includes('administrator')} />}
    </>
  );
}

function Queue({ isAdministrator }: { isAdministrator: boolean }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => api.get<{ items: QueueItem[]; total: number }>('/moderation', { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [status, page, i18n.language],
  );
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="grid-row grid-gap-lg">
      <section className="grid-col-12 desktop:grid-col-8" aria-labelledby="moderation-queue">
        <h2 id="moderation-queue">{t('moderation.queue')}</h2>
        <SelectField
          id="moderation-status"
          name="status"
          label={t('moderation.status.label')}
          options={queueStatuses.map((value) => ({ value, label: t(`moderation.status.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as QueueStatus);
            setPage(1);
          }}
        />
        <ApiErrorAlert error={list.error} focus={false} />
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          <p role="status" className="text-base">
            {t('moderation.count', { count: total })}
          </p>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t(status === 'pending' ? 'moderation.emptyPending' : 'moderation.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <ul className="usa-list usa-list--unstyled">
            {list.data.items.map((item) => (
              <QueueEntry key={`${item.resourceType}:${item.resourceId}`} item={item} onChanged={list.reload} />
            ))}
          </ul>
        ) : null}
        <Pager page={page} pages={pages} onPage={(n) => setPage(n)} />
      </section>
      <aside className="grid-col-12 desktop:grid-col-4">
        <SettingsPanel editable={isAdministrator} />
      </aside>
    </div>
  );
}

const knownTypes = ['comment', 'proposal', 'debate', 'regulation', 'regulation_alternative', 'budget_project', 'question', 'problem_report', 'hearing_submission'] as const;
function isKnownType(type: string): type is (typeof knownTypes)[number] {
  return (knownTypes as readonly string[]).includes(type);
}

function QueueEntry({ item, onChanged }: { item: QueueItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const { dateTime, number } = useLocalize();
  const id = useId();
  const [reason, setReason] = useState('');
  const [blockReason, setBlockReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const decide = useAction(async (decision: 'hide' | 'restore') => {
    await api.post(`/moderation/${encodeURIComponent(item.resourceType)}/${encodeURIComponent(item.resourceId)}/decision`, { decision, reason });
    setReason('');
    setDone(t(decision === 'hide' ? 'moderation.decided.hide' : 'moderation.decided.restore'));
    onChanged();
  });
  const block = useAction(async () => {
    await api.post(`/moderation/${encodeURIComponent(item.resourceType)}/${encodeURIComponent(item.resourceId)}/block-author`, { reason: blockReason });
    setBlockReason('');
    setDone(t('moderation.decided.blocked'));
    onChanged();
  });
  const typeLabel = isKnownType(item.resourceType) ? t(`moderation.types.${item.resourceType}`) : item.resourceType;
  const headingId = `${id}-title`;
  const reasons = reportReasons.filter((r) => item.reasons[r] > 0);
  const onDecide = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Two submit buttons share the reason: the one pressed says which decision it is.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void decide.run(submitter?.value === 'restore' ? 'restore' : 'hide');
  };
  const onBlock = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void block.run();
  };

  return (
    <li className="civitas-admin-item" aria-labelledby={headingId} data-testid="moderation-item">
      <h3 id={headingId} className="margin-y-0">
        {item.path && item.title ? <Link to={item.path}>{item.title}</Link> : (item.title ?? t('moderation.gone'))}
      </h3>
      <p className="civitas-tags margin-y-05">
        <Tag className="civitas-tag">{typeLabel}</Tag>
        {item.state === 'hidden' ? (
          <Tag className="civitas-tag civitas-tag--rejected">{t(item.hiddenAutomatically ? 'moderation.state.autoHidden' : 'moderation.state.hidden')}</Tag>
        ) : (
          <Tag className="civitas-tag civitas-tag--verified">{t('moderation.state.visible')}</Tag>
        )}
        {item.openReports > 0 ? <span>{t('moderation.openReports', { count: item.openReports, formatted: number(item.openReports) })}</span> : null}
        {item.lastReportedAt ? <span className="text-base">{t('moderation.lastReported', { time: dateTime(item.lastReportedAt) })}</span> : null}
      </p>
      {reasons.length > 0 ? (
        <dl className="civitas-facts margin-y-1">
          {reasons.map((r) => (
            <div key={r}>
              <dt>{t(`moderation.reasons.${r}`)}</dt>
              <dd>{number(item.reasons[r])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {item.details.length > 0 ? (
        <>
          <h4 className="margin-bottom-05">{t('moderation.details')}</h4>
          <ul className="usa-list">
            {item.details.map((d, index) => (
              <li key={index}>
                <span className="text-bold">{t(`moderation.reasons.${d.reason}`)}:</span> <span className="civitas-prewrap">{d.details}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.authors.length > 0 ? (
        <p className="margin-y-1">
          {t('moderation.authors')}{' '}
          {item.authors.map((a, index) => (
            <span key={a.id}>
              {index > 0 ? ', ' : ''}
              {a.displayName}
              {a.blocked ? ` (${t('moderation.blocked')})` : ''}
            </span>
          ))}
        </p>
      ) : null}
      {item.decision ? (
        <p className="margin-y-1 text-base">
          {t(item.decision.decision === 'hide' ? 'moderation.lastDecision.hide' : 'moderation.lastDecision.restore', {
            who: item.decision.decidedBy ?? '—',
            time: dateTime(item.decision.decidedAt),
            reason: item.decision.reason,
          })}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-green margin-y-1">
          {done}
        </p>
      ) : null}

      {item.abilities.hide || item.abilities.restore ? (
        <Form onSubmit={onDecide} noValidate aria-label={t('moderation.decideFor', { title: item.title ?? typeLabel })} className="maxw-full">
          <ApiErrorAlert error={decide.error && decide.error.fields.length === 0 ? decide.error : null} />
          <TextAreaField
            id={`${id}-reason`}
            name="reason"
            label={t('moderation.decisionReason')}
            hint={t('moderation.decisionReasonHint')}
            maxLength={1000}
            value={reason}
            onChange={setReason}
            error={decide.error}
          />
          <div className="margin-top-1">
            {item.abilities.hide ? (
              <Button type="submit" secondary disabled={decide.pending} name="decision" value="hide">
                {t('moderation.hide')}
              </Button>
            ) : null}
            {item.abilities.restore ? (
              <Button type="submit" disabled={decide.pending} name="decision" value="restore">
                {t('moderation.restore')}
              </Button>
            ) : null}
          </div>
        </Form>
      ) : null}

      {item.abilities.blockAuthor ? (
        <details className="margin-top-2">
          <summary>{t('moderation.blockTitle')}</summary>
          <Form onSubmit={onBlock} noValidate aria-label={t('moderation.blockTitle')} className="maxw-full">
            <p className="margin-y-1">{t('moderation.blockIntro')}</p>
            <ApiErrorAlert error={block.error && block.error.fields.length === 0 ? block.error : null} />
            <TextField id={`${id}-block-reason`} name="reason" label={t('moderation.blockReason')} maxLength={1000} value={blockReason} onChange={setBlockReason} error={block.error} />
            <Button type="submit" secondary disabled={block.pending} className="margin-top-1">
              {t('moderation.block')}
            </Button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

function SettingsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const settings = useLoad(() => api.get<ModerationSettings>('/moderation/settings'), []);
  const data = settings.data;
  return (
    <section aria-labelledby="moderation-settings" className="civitas-panel">
      <h2 id="moderation-settings">{t('moderation.settings.title')}</h2>
      <ApiErrorAlert error={settings.error} focus={false} />
      {!data ? <Loading /> : null}
      {data && editable ? <SettingsForm initial={data} onSaved={settings.setData} /> : null}
      {data && !editable ? (
        <>
          <dl className="civitas-facts">
            <div>
              <dt>{t('moderation.settings.threshold')}</dt>
              <dd>{data.threshold}</dd>
            </div>
            <div>
              <dt>{t('moderation.settings.editMinutes')}</dt>
              <dd>{data.commentEditMinutes}</dd>
            </div>
          </dl>
          <p className="text-base">{t('moderation.settings.adminOnly')}</p>
        </>
      ) : null}
    </section>
  );
}

function SettingsForm({ initial, onSaved }: { initial: ModerationSettings; onSaved: (settings: ModerationSettings) => void }) {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState(String(initial.threshold));
  const [minutes, setMinutes] = useState(String(initial.commentEditMinutes));
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));
    onSaved(await api.put<ModerationSettings>('/moderation/settings', { threshold: toNumber(threshold), commentEditMinutes: toNumber(minutes) }));
    setSaved(true);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void save.run();
  };
  return (
    <Form onSubmit={onSubmit} noValidate aria-labelledby="moderation-settings">
      <ApiErrorAlert error={save.error && save.error.fields.length === 0 ? save.error : null} />
      <TextField
        id="moderation-threshold"
        name="threshold"
        type="number"
        label={t('moderation.settings.threshold')}
        hint={t('moderation.settings.thresholdHint')}
        value={threshold}
        onChange={setThreshold}
        error={save.error}
      />
      <TextField
        id="moderation-edit-minutes"
        name="commentEditMinutes"
        type="number"
        label={t('moderation.settings.editMinutes')}
        hint={t('moderation.settings.editMinutesHint')}
        value={minutes}
        onChange={setMinutes}
        error={save.error}
      />
      <Button type="submit" disabled={save.pending} className="margin-top-2">
        {t('moderation.settings.save')}
      </Button>
      {saved ? (
        <span role="status" className="civitas-saved">
          {t('moderation.settings.saved')}
        </span>
      ) : null}
    </Form>
  );
}
