/**
 * Announcing a hearing, or changing it (officials of the department, administrators): topic and
 * description in both languages, legal basis, date and place or link, area and process, the panel
 * (posts), the agenda, documents, places (seats and speaking slots), the registration window, how
 * places are stratified in a draw and the public value its seed will use, how many written
 * questions go on the agenda, and the working days for the response report. After the draw, the
 * places' settings are locked; the form says so.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { useAreas } from '../../../../web/src/app/areas.js';
import { useSession } from '../../../../web/src/app/session.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { AttachmentsField, type Attachment } from '../../../../web/src/ui/attachments.js';
import { Field, SelectField, TextAreaField, TextField } from '../../../../web/src/ui/field.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { usePageTitle } from '../../../../web/src/ui/page-title.js';
import { SignInRequired } from '../../../../web/src/ui/sign-in-required.js';
import { useAction } from '../../../../web/src/ui/use-action.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { fromLocalInput, hearingUrl, toLocalInput, type HearingDetail, type HearingList } from './types.js';

type Stratification = 'none' | 'proportional' | 'quotas';

interface Values {
  departmentId: string;
  processId: string;
  areaId: string;
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
  legalBasis: string;
  legalBasisZh: string;
  legalReference: string;
  startsAt: string;
  endsAt: string;
  location: string;
  locationZh: string;
  onlineUrl: string;
  agenda: { title: string; titleZh: string }[];
  panel: { postId: string; role: 'chair' | 'member' }[];
  seats: string;
  speakingSlots: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  stratification: Stratification;
  quotas: Record<string, string>;
  drawPublicSource: string;
  agendaQuestions: string;
  responseWorkingDays: string;
  attachments: Attachment[];
}

interface ProcessOption {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  components: string[];
}

const DAY = 86_400_000;

function blankValues(departmentId: string): Values {
  const start = new Date(Date.now() + 14 * DAY);
  start.setHours(14, 30, 0, 0);
  const end = new Date(start.getTime() + 3 * 3_600_000);
  const closes = new Date(start.getTime() - 3 * DAY);
  return {
    departmentId, processId: '', areaId: '', title: '', titleZh: '', description: '', descriptionZh: '', legalBasis: '', legalBasisZh: '', legalReference: '',
    startsAt: toLocalInput(start.toISOString()), endsAt: toLocalInput(end.toISOString()), location: '', locationZh: '', onlineUrl: '',
    agenda: [{ title: '', titleZh: '' }], panel: [], seats: '30', speakingSlots: '5',
    registrationOpensAt: toLocalInput(new Date().toISOString()), registrationClosesAt: toLocalInput(closes.toISOString()),
    stratification: 'none', quotas: {}, drawPublicSource: '', agendaQuestions: '5', responseWorkingDays: '20', attachments: [],
  };
}

function valuesOf(d: HearingDetail): Values {
  const h = d.hearing;
  return {
    departmentId: h.department.id, processId: h.process?.id ?? '', areaId: h.areaId ?? '', title: h.title, titleZh: h.titleZh ?? '',
    description: h.description, descriptionZh: h.descriptionZh ?? '', legalBasis: h.legalBasis, legalBasisZh: h.legalBasisZh ?? '', legalReference: h.legalReference ?? '',
    startsAt: toLocalInput(h.startsAt), endsAt: toLocalInput(h.endsAt), location: h.location ?? '', locationZh: h.locationZh ?? '', onlineUrl: h.onlineUrl ?? '',
    agenda: h.agenda.map((a) => ({ title: a.title, titleZh: a.titleZh ?? '' })), panel: h.panel.map((m) => ({ postId: m.post.id, role: m.role })),
    seats: String(h.seats), speakingSlots: String(h.speakingSlots), registrationOpensAt: toLocalInput(h.registrationOpensAt), registrationClosesAt: toLocalInput(h.registrationClosesAt),
    stratification: h.stratification, quotas: Object.fromEntries(Object.entries(h.quotas ?? {}).map(([k, v]) => [k, String(v)])),
    drawPublicSource: h.drawPublicSource ?? '', agendaQuestions: String(h.agendaQuestions), responseWorkingDays: String(h.responseWorkingDays), attachments: h.attachments,
  };
}

const whole = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const orNull = (text: string) => text.trim() || null;

export function HearingFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const { rows, areas } = useAreas();
  const { title, name, pick } = useLocalize();
  const list = useLoad(() => api.get<HearingList>('/hearings', { when: 'upcoming', limit: 1 }), [session?.user?.id], session !== null);
  const existing = useLoad(() => api.get<HearingDetail>(`/hearings/${encodeURIComponent(id ?? '')}`), [id, session?.user?.id], editing && session !== null);
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (values !== null) return;
    if (editing && existing.data) setValues(valuesOf(existing.data));
    if (!editing && list.data) setValues(blankValues(list.data.announceFor[0]?.id ?? ''));
  }, [editing, existing.data, list.data, values]);
  const departmentId = values?.departmentId ?? '';
  const processes = useLoad(
    async () => (await api.get<{ processes: ProcessOption[] }>('/processes', { departmentId, limit: 100 })).processes.filter((p) => p.components.includes('hearings')),
    [departmentId],
    departmentId !== '',
  );
  const heading = editing ? t('hearings.form.editTitle') : t('hearings.form.newTitle');
  usePageTitle(heading);

  const save = useAction(async () => {
    const v = values!;
    const places = {
      seats: whole(v.seats),
      speakingSlots: whole(v.speakingSlots),
      registrationOpensAt: fromLocalInput(v.registrationOpensAt),
      registrationClosesAt: fromLocalInput(v.registrationClosesAt),
      stratification: v.stratification,
      quotas: v.stratification === 'quotas' ? Object.fromEntries(Object.entries(v.quotas).filter(([, q]) => q.trim() !== '').map(([k, q]) => [k, whole(q)])) : null,
    };
    const body = {
      processId: v.processId || null,
      areaId: v.areaId || null,
      title: v.title,
      titleZh: orNull(v.titleZh),
      description: v.description,
      descriptionZh: orNull(v.descriptionZh),
      legalBasis: v.legalBasis,
      legalBasisZh: orNull(v.legalBasisZh),
      legalReference: orNull(v.legalReference),
      startsAt: fromLocalInput(v.startsAt),
      endsAt: fromLocalInput(v.endsAt),
      location: orNull(v.location),
      locationZh: orNull(v.locationZh),
      onlineUrl: orNull(v.onlineUrl),
      agenda: v.agenda.filter((a) => a.title.trim()).map((a) => ({ title: a.title, titleZh: orNull(a.titleZh) })),
      panel: v.panel.filter((m) => m.postId),
      drawPublicSource: orNull(v.drawPublicSource),
      agendaQuestions: whole(v.agendaQuestions),
      responseWorkingDays: whole(v.responseWorkingDays),
      attachmentIds: v.attachments.map((a) => a.id),
      ...(editing && !existing.data!.abilities.updatePlaces ? {} : places),
    };
    if (editing && id) {
      await api.patch(`/hearings/${id}`, body);
      navigate(hearingUrl(id));
    } else {
      const created = await api.post<{ id: string }>('/hearings', { ...body, departmentId: v.departmentId });
      navigate(hearingUrl(created.id));
    }
  });

  if (session && !session.user) return <SignInRequired />;
  const loadError = list.error ?? existing.error;
  if (loadError) return <ApiErrorAlert error={loadError} />;
  if (!list.data || !values || (editing && !existing.data)) return <Loading />;
  const allowed = editing ? existing.data!.abilities.update : list.data.announceFor.length > 0;
  const locked = editing ? !existing.data!.abilities.updatePlaces : false;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const error = save.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  // The strata a draw would use: the areas one level under the hearing's area (or the city's), and "other".
  const roots = areas.filter((a) => a.parentId === null);
  const base = values.areaId || (roots.length === 1 ? roots[0]!.id : null);
  const strata = [...areas.filter((a) => a.parentId === base).map((a) => ({ key: a.slug, label: name(a) })), { key: 'other', label: t('hearings.form.otherStratum') }];
  const candidates = list.data.panelCandidates;
  const back = editing && id ? hearingUrl(id) : '/hearings';

  return (
    <>
      <div className="civitas-page-head">
        <p className="margin-0">
          <Link to={back}>{editing && existing.data ? title(existing.data.hearing) : t('hearings.list.title')}</Link>
        </p>
        <h1>{heading}</h1>
      </div>
      {!allowed ? (
        <p>{t('hearings.form.notAllowed')}</p>
      ) : (
        <Form onSubmit={submit} noValidate className="maxw-tablet-lg" aria-label={heading}>
          <ApiErrorAlert error={error} />
          {!editing && list.data.announceFor.length > 1 ? (
            <SelectField id="hearing-department" name="departmentId" label={t('hearings.form.department')} options={list.data.announceFor.map((d) => ({ value: d.id, label: name(d) }))} value={values.departmentId} onChange={(v) => set({ departmentId: v, processId: '' })} error={error} />
          ) : null}
          <TextField id="hearing-title" name="title" label={t('hearings.form.title')} maxLength={200} value={values.title} onChange={(v) => set({ title: v })} error={error} />
          <TextField id="hearing-title-zh" name="titleZh" label={t('hearings.form.titleZh')} optional maxLength={200} value={values.titleZh} onChange={(v) => set({ titleZh: v })} error={error} />
          <TextAreaField id="hearing-description" name="description" label={t('hearings.form.description')} optional maxLength={10_000} value={values.description} onChange={(v) => set({ description: v })} error={error} />
          <TextAreaField id="hearing-description-zh" name="descriptionZh" label={t('hearings.form.descriptionZh')} optional maxLength={10_000} value={values.descriptionZh} onChange={(v) => set({ descriptionZh: v })} error={error} />
          <TextAreaField id="hearing-legal-basis" name="legalBasis" label={t('hearings.form.legalBasis')} hint={t('hearings.form.legalBasisHint')} maxLength={2000} value={values.legalBasis} onChange={(v) => set({ legalBasis: v })} error={error} />
          <TextAreaField id="hearing-legal-basis-zh" name="legalBasisZh" label={t('hearings.form.legalBasisZh')} optional maxLength={2000} value={values.legalBasisZh} onChange={(v) => set({ legalBasisZh: v })} error={error} />
          <TextField id="hearing-legal-reference" name="legalReference" label={t('hearings.form.legalReference')} optional maxLength={500} value={values.legalReference} onChange={(v) => set({ legalReference: v })} error={error} />

          <Fieldset legend={t('hearings.form.whenWhere')} className="margin-top-3">
            <DateTimeField id="hearing-starts" name="startsAt" label={t('hearings.form.startsAt')} value={values.startsAt} onChange={(v) => set({ startsAt: v })} error={error} />
            <DateTimeField id="hearing-ends" name="endsAt" label={t('hearings.form.endsAt')} value={values.endsAt} onChange={(v) => set({ endsAt: v })} error={error} />
            <TextField id="hearing-location" name="location" label={t('hearings.form.location')} hint={t('hearings.form.locationHint')} optional maxLength={300} value={values.location} onChange={(v) => set({ location: v })} error={error} />
            <TextField id="hearing-location-zh" name="locationZh" label={t('hearings.form.locationZh')} optional maxLength={300} value={values.locationZh} onChange={(v) => set({ locationZh: v })} error={error} />
            <TextField id="hearing-online" name="onlineUrl" type="url" label={t('hearings.form.onlineUrl')} optional maxLength={500} value={values.onlineUrl} onChange={(v) => set({ onlineUrl: v })} error={error} />
            <SelectField
              id="hearing-area"
              name="areaId"
              label={t('hearings.form.area')}
              hint={t('hearings.form.areaHint')}
              optional
              emptyLabel={t('hearings.form.wholeCity')}
              options={rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }))}
              value={values.areaId}
              onChange={(v) => set({ areaId: v, quotas: {} })}
              error={error}
            />
            <SelectField
              id="hearing-process"
              name="processId"
              label={t('hearings.form.process')}
              hint={t('hearings.form.processHint')}
              optional
              emptyLabel={t('hearings.form.standalone')}
              options={(processes.data ?? []).map((p) => ({ value: p.id, label: title(p) }))}
              value={values.processId}
              onChange={(v) => set({ processId: v })}
              error={error}
            />
          </Fieldset>

          <Fieldset legend={t('hearings.form.panel')} className="margin-top-3">
            <p className="usa-hint">{t('hearings.form.panelHint')}</p>
            {values.panel.map((m, i) => (
              <div key={i} className="civitas-panel margin-bottom-2">
                <SelectField
                  id={`panel-${i}-post`}
                  name={`panel.${i}.postId`}
                  label={t('hearings.form.panelPost', { n: i + 1 })}
                  emptyLabel={t('hearings.form.choosePost')}
                  options={candidates.map((c) => ({ value: c.post.id, label: `${pick(c.post.title, c.post.titleZh)}, ${name(c.organization)}` }))}
                  value={m.postId}
                  onChange={(postId) => set({ panel: values.panel.map((x, k) => (k === i ? { ...x, postId } : x)) })}
                  error={error}
                />
                <div className="usa-checkbox">
                  <input
                    className="usa-checkbox__input"
                    id={`panel-${i}-chair`}
                    type="checkbox"
                    checked={m.role === 'chair'}
                    onChange={(e) => set({ panel: values.panel.map((x, k) => (k === i ? { ...x, role: e.target.checked ? 'chair' : 'member' } : x)) })}
                  />
                  <label className="usa-checkbox__label" htmlFor={`panel-${i}-chair`}>
                    {t('hearings.form.chair')}
                  </label>
                </div>
                <Button type="button" unstyled className="margin-top-1" onClick={() => set({ panel: values.panel.filter((_, k) => k !== i) })}>
                  {t('hearings.form.remove')}
                </Button>
              </div>
            ))}
            <Button type="button" outline onClick={() => set({ panel: [...values.panel, { postId: '', role: values.panel.length === 0 ? 'chair' : 'member' }] })}>
              {t('hearings.form.addPanel')}
            </Button>
          </Fieldset>

          <Fieldset legend={t('hearings.form.agenda')} className="margin-top-3">
            {values.agenda.map((item, i) => (
              <div key={i} className="civitas-panel margin-bottom-2">
                <TextField id={`agenda-${i}`} name={`agenda.${i}.title`} label={t('hearings.form.agendaItem', { n: i + 1 })} maxLength={300} value={item.title} onChange={(v) => set({ agenda: values.agenda.map((x, k) => (k === i ? { ...x, title: v } : x)) })} error={error} />
                <TextField id={`agenda-${i}-zh`} name={`agenda.${i}.titleZh`} label={t('hearings.form.agendaItemZh', { n: i + 1 })} optional maxLength={300} value={item.titleZh} onChange={(v) => set({ agenda: values.agenda.map((x, k) => (k === i ? { ...x, titleZh: v } : x)) })} error={error} />
                <Button type="button" unstyled className="margin-top-1" onClick={() => set({ agenda: values.agenda.filter((_, k) => k !== i) })}>
                  {t('hearings.form.remove')}
                </Button>
              </div>
            ))}
            <Button type="button" outline onClick={() => set({ agenda: [...values.agenda, { title: '', titleZh: '' }] })}>
              {t('hearings.form.addAgenda')}
            </Button>
          </Fieldset>

          <AttachmentsField id="hearing-documents" value={values.attachments} onChange={(attachments) => set({ attachments })} max={10} error={error?.fieldMessage('attachmentIds')} />

          {locked ? (
            <Alert type="info" headingLevel="h2" slim className="margin-top-3">
              {t('hearings.form.locked')}
            </Alert>
          ) : null}
          <fieldset className="usa-fieldset margin-top-3" disabled={locked}>
            <legend className="usa-legend usa-legend--large">{t('hearings.form.places')}</legend>
            <div className="grid-row grid-gap">
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="hearing-seats" name="seats" type="number" label={t('hearings.form.seats')} hint={t('hearings.form.seatsHint')} value={values.seats} onChange={(v) => set({ seats: v })} error={error} />
              </div>
              <div className="grid-col-12 tablet:grid-col-6">
                <TextField id="hearing-slots" name="speakingSlots" type="number" label={t('hearings.form.speakingSlots')} value={values.speakingSlots} onChange={(v) => set({ speakingSlots: v })} error={error} />
              </div>
            </div>
            <DateTimeField id="hearing-opens" name="registrationOpensAt" label={t('hearings.form.opens')} value={values.registrationOpensAt} onChange={(v) => set({ registrationOpensAt: v })} error={error} />
            <DateTimeField id="hearing-closes" name="registrationClosesAt" label={t('hearings.form.closes')} value={values.registrationClosesAt} onChange={(v) => set({ registrationClosesAt: v })} error={error} />
            <Fieldset legend={t('hearings.form.stratification')} className="margin-top-2">
              {(['none', 'proportional', 'quotas'] as const).map((mode) => (
                <div className="usa-radio" key={mode}>
                  <input className="usa-radio__input" id={`stratification-${mode}`} type="radio" name="stratification" value={mode} checked={values.stratification === mode} onChange={() => set({ stratification: mode })} />
                  <label className="usa-radio__label" htmlFor={`stratification-${mode}`}>
                    {t(`hearings.form.stratificationMode.${mode}`)}
                  </label>
                </div>
              ))}
            </Fieldset>
            {values.stratification === 'quotas' ? (
              <Fieldset legend={t('hearings.form.quotas')}>
                {error?.fieldMessage('quotas') ? <p className="usa-error-message">{error.fieldMessage('quotas')}</p> : null}
                {strata.map((s) => (
                  <TextField
                    key={s.key}
                    id={`quota-${s.key}`}
                    name={`quotas.${s.key}`}
                    type="number"
                    label={s.label}
                    optional
                    value={values.quotas[s.key] ?? ''}
                    onChange={(v) => set({ quotas: { ...values.quotas, [s.key]: v } })}
                    error={error}
                  />
                ))}
              </Fieldset>
            ) : null}
          </fieldset>
          <TextField id="hearing-public-source" name="drawPublicSource" label={t('hearings.form.publicSource')} hint={t('hearings.form.publicSourceHint')} optional maxLength={500} value={values.drawPublicSource} onChange={(v) => set({ drawPublicSource: v })} error={error} />
          <div className="grid-row grid-gap">
            <div className="grid-col-12 tablet:grid-col-6">
              <TextField id="hearing-agenda-questions" name="agendaQuestions" type="number" label={t('hearings.form.agendaQuestions')} hint={t('hearings.form.agendaQuestionsHint')} value={values.agendaQuestions} onChange={(v) => set({ agendaQuestions: v })} error={error} />
            </div>
            <div className="grid-col-12 tablet:grid-col-6">
              <TextField id="hearing-response-days" name="responseWorkingDays" type="number" label={t('hearings.form.responseDays')} hint={t('hearings.form.responseDaysHint')} value={values.responseWorkingDays} onChange={(v) => set({ responseWorkingDays: v })} error={error} />
            </div>
          </div>
          <div className="margin-top-3">
            <Button type="submit" disabled={save.pending}>
              {editing ? t('hearings.form.save') : t('hearings.form.announce')}
            </Button>
            <Link className="usa-button usa-button--unstyled margin-left-2" to={back}>
              {t('hearings.form.cancel')}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}

/** A labelled date-and-time input (local time) with the server's message for it. */
function DateTimeField({ id, name, label, value, onChange, error }: { id: string; name: string; label: string; value: string; onChange: (v: string) => void; error: ReturnType<typeof useAction>['error'] }) {
  const message = error?.fieldMessage(name);
  return (
    <Field id={id} label={label} error={message}>
      {(control) => <input {...control} className={message ? 'usa-input usa-input--error' : 'usa-input'} name={name} type="datetime-local" required value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
