/**
 * Opening a conversation in a process (the department's officials, administrators), with its seed
 * statements; or changing one's topic, description and settings (`:id/settings`).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { emptySeed, SeedFields, seedPayload, type SeedPair } from './seed-fields.js';
import { conversationsUrl, conversationUrl, type ConversationDetail, type ConversationList, type ModerationModeName, type ParticipationName } from './types.js';

interface Values {
  topic: string;
  topicZh: string;
  description: string;
  descriptionZh: string;
  residentsWrite: boolean;
  moderation: ModerationModeName;
  participation: ParticipationName;
}

const blank: Values = { topic: '', topicZh: '', description: '', descriptionZh: '', residentsWrite: true, moderation: 'post', participation: 'verified' };

export function ConversationFormPage() {
  const { slug = '', id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const { session } = useSession();
  const { title } = useLocalize();
  const navigate = useNavigate();
  const list = useLoad(() => api.get<ConversationList>(`/processes/${encodeURIComponent(slug)}/conversations`), [slug, session?.user?.id], session !== null && !editing);
  const detail = useLoad(() => api.get<ConversationDetail>(`/conversations/${encodeURIComponent(id ?? '')}`), [id, session?.user?.id], session !== null && editing);
  const [values, setValues] = useState<Values>(blank);
  const [seeds, setSeeds] = useState<SeedPair[]>([emptySeed(), emptySeed(), emptySeed()]);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  useEffect(() => {
    const c = detail.data?.conversation;
    if (c) {
      setValues({
        topic: c.topic,
        topicZh: c.topicZh ?? '',
        description: c.description,
        descriptionZh: c.descriptionZh ?? '',
        residentsWrite: c.residentsWrite,
        moderation: c.moderation,
        participation: c.participation,
      });
    }
  }, [detail.data]);
  usePageTitle(editing ? t('opinions.form.editTitle') : t('opinions.form.createTitle'));
  const save = useAction(async () => {
    const body = { ...values, topicZh: values.topicZh.trim() || null, descriptionZh: values.descriptionZh.trim() || null };
    if (editing && id) {
      await api.patch(`/conversations/${encodeURIComponent(id)}`, body);
      void navigate(conversationUrl(slug, id));
    } else {
      const created = await api.post<{ id: string }>(`/processes/${encodeURIComponent(slug)}/conversations`, { ...body, seeds: seedPayload(seeds) });
      void navigate(conversationUrl(slug, created.id));
    }
  });

  if (session && !session.user) return <SignInRequired />;
  const loadError = list.error ?? detail.error;
  if (loadError) return <ApiErrorAlert error={loadError} />;
  const processTitle = editing ? detail.data?.process : list.data?.process;
  if (!processTitle) return <Loading />;
  const allowed = editing ? detail.data!.abilities.update : list.data!.abilities.create;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const error = save.error;

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={conversationsUrl(slug)}>{title(processTitle)}</Link>
        </p>
        <h1>{editing ? t('opinions.form.editTitle') : t('opinions.form.createTitle')}</h1>
      </div>
      {!allowed ? (
        <p>{t('opinions.form.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} className="maxw-tablet-lg" aria-label={editing ? t('opinions.form.editTitle') : t('opinions.form.createTitle')}>
          <ApiErrorAlert error={error} />
          <TextField id="conversation-topic" name="topic" label={t('opinions.form.topic')} hint={t('opinions.form.topicHint')} maxLength={200} value={values.topic} onChange={(v) => set({ topic: v })} error={error} />
          <TextField id="conversation-topic-zh" name="topicZh" label={t('opinions.form.topicZh')} optional maxLength={200} value={values.topicZh} onChange={(v) => set({ topicZh: v })} error={error} />
          <TextAreaField id="conversation-description" name="description" label={t('opinions.form.description')} hint={t('opinions.form.descriptionHint')} optional maxLength={5000} value={values.description} onChange={(v) => set({ description: v })} error={error} />
          <TextAreaField id="conversation-description-zh" name="descriptionZh" label={t('opinions.form.descriptionZh')} optional maxLength={5000} value={values.descriptionZh} onChange={(v) => set({ descriptionZh: v })} error={error} />
          <Fieldset legend={t('opinions.form.participation')} className="margin-top-3">
            {(['verified', 'registered'] as const).map((p) => (
              <div className="usa-radio" key={p}>
                <input className="usa-radio__input usa-radio__input--tile" id={`participation-${p}`} type="radio" name="participation" value={p} checked={values.participation === p} onChange={() => set({ participation: p })} />
                <label className="usa-radio__label" htmlFor={`participation-${p}`}>
                  {t(`opinions.participation.${p}`)}
                  <span className="usa-checkbox__label-description">{t(`opinions.form.participationHint.${p}`)}</span>
                </label>
              </div>
            ))}
          </Fieldset>
          <Fieldset legend={t('opinions.form.writing')} className="margin-top-3">
            <div className="usa-checkbox">
              <input className="usa-checkbox__input usa-checkbox__input--tile" id="residents-write" type="checkbox" checked={values.residentsWrite} onChange={(e) => set({ residentsWrite: e.target.checked })} />
              <label className="usa-checkbox__label" htmlFor="residents-write">
                {t('opinions.form.residentsWrite')}
                <span className="usa-checkbox__label-description">{t('opinions.form.residentsWriteHint')}</span>
              </label>
            </div>
            {(['post', 'pre'] as const).map((m) => (
              <div className="usa-radio" key={m}>
                <input className="usa-radio__input usa-radio__input--tile" id={`moderation-${m}`} type="radio" name="moderation" value={m} checked={values.moderation === m} onChange={() => set({ moderation: m })} disabled={!values.residentsWrite} />
                <label className="usa-radio__label" htmlFor={`moderation-${m}`}>
                  {t(`opinions.moderation.${m}`)}
                  <span className="usa-checkbox__label-description">{t(`opinions.form.moderationHint.${m}`)}</span>
                </label>
              </div>
            ))}
          </Fieldset>
          {!editing ? <SeedFields seeds={seeds} onChange={setSeeds} error={error} path="seeds" legend={t('opinions.form.seeds')} /> : null}
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {editing ? t('opinions.form.save') : t('opinions.form.create')}
            </Button>
            <Link className="usa-button usa-button--unstyled margin-left-2" to={editing && id ? conversationUrl(slug, id) : conversationsUrl(slug)}>
              {t('opinions.form.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
